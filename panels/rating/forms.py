"""The member's forms: the conflict question, a comment, a rating."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import error_summary, post_form_helper, version_field
from core.text_safety import SafeTextMixin

from ..enums import Assessment
from ..models import OutcomeCategory, Theme
from .services import RatingInput, panel_only_refusal

# Answers to "do you have a conflict of interest?", as the radios post them.
NO_CONFLICT, CONFLICT = "no", "yes"


class ConflictForm(SafeTextMixin, forms.Form):
    """The gate before a case's papers: no conflict, or a conflict described."""

    has_conflict = forms.ChoiceField(
        label=_("Do you have a conflict of interest in this case?"),
        choices=[
            (NO_CONFLICT, _("I have no conflict of interest")),
            (CONFLICT, _("I have a conflict of interest")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether you have a conflict of interest"),
            "invalid_choice": _("Select whether you have a conflict of interest"),
        },
    )
    details = forms.CharField(
        label=_("If you have a conflict, describe it"),
        help_text=(
            _(
                "Only the chair and OPCC staff will see this. Say how you are connected to the "
                "case without naming anyone."
            )
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("The description must be 2,000 characters or fewer")},
    )

    def __init__(self, *args, only_conflict: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if only_conflict:
            # Already declared no conflict: the only change a member can make.
            self.fields["has_conflict"].choices = [(CONFLICT, _("I have a conflict of interest"))]

    @property
    def declares_conflict(self) -> bool:
        return self.cleaned_data["has_conflict"] == CONFLICT


class ConflictWithdrawForm(SafeTextMixin, forms.Form):
    note = forms.CharField(
        label=_("Why does the conflict no longer stand?"),
        help_text=_("This is kept with the declaration. The chair will see it."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Say why the conflict no longer stands"),
            "max_length": _("The reason must be 2,000 characters or fewer"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("note", submit=_("Withdraw the conflict"))


class CommentForm(SafeTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Your comment for the panel's discussion"),
        help_text=(
            _(
                "The panel sees it when the discussion starts. You do not give a category: "
                "non-voting attendees are never counted."
            )
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Enter your comment for the panel"),
            "max_length": _("The comment must be 5,000 characters or fewer"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("text", submit=_("Save comment"))


CRITERION_PREFIX, NOTE_PREFIX = "criterion-", "note-"


MAX_REASONS = 10_000


class RatingForm(SafeTextMixin, forms.Form):
    """One member's rating of one case, built from the panel's framework.

    Every field may be blank here: whether the rating is complete enough to submit is
    the service's rule (`services.rating_save`), whose messages come back onto the fields.
    """

    version = version_field()
    category = forms.ModelChoiceField(
        queryset=OutcomeCategory.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": _("Select one of this panel's outcome categories")},
    )
    reasons = forms.CharField(
        label=_("Your reasons"),
        required=False,
        max_length=MAX_REASONS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            _(
                "Write one reason per line, as it could be read in the panel's published report. "
                "Do not include names, dates of birth, addresses or anything else that could "
                "identify someone."
            )
        ),
        error_messages={
            "max_length": format_lazy(
                _("Reasons must be {max} characters or fewer"), max=f"{MAX_REASONS:,}"
            )
        },
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Themes"),
        help_text=_("Select any that apply. Themes help the panel see patterns across cases."),
        error_messages={"invalid_choice": _("Select themes from the list")},
    )

    def __init__(self, *args, criteria, categories, themes, panel_only=(), rating=None, **kwargs):
        super().__init__(*args, initial=self._initial(rating, criteria), **kwargs)
        self.criteria = criteria
        category_field = self.fields["category"]
        # The panel-only categories are known to the field, so choosing one is told why it
        # is refused, but never offered as a radio.
        self.panel_only = {c.pk: c for c in panel_only}
        known = [c.pk for c in categories] + list(self.panel_only)
        category_field.queryset = OutcomeCategory.objects.filter(pk__in=known)
        category_field.choices = [(c.pk, c.label) for c in categories]
        self.category_objects = {str(c.pk): c for c in categories}
        self.fields["themes"].queryset = Theme.objects.filter(pk__in=[t.pk for t in themes])
        self.fields["themes"].choices = [(t.pk, t.name) for t in themes]
        for criterion in criteria:
            self.fields[CRITERION_PREFIX + criterion.code] = forms.ChoiceField(
                label=criterion.label,
                help_text=criterion.guidance,
                choices=Assessment.choices,
                required=False,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": _("Select a valid answer for '%(label)s'")
                    % {"label": criterion.label}
                },
            )
            self.fields[NOTE_PREFIX + criterion.code] = forms.CharField(
                label=_("Note on '%(label)s' (optional)") % {"label": criterion.label},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": _("A note must be 2,000 characters or fewer")},
            )

    @staticmethod
    def _initial(rating, criteria) -> dict:
        if rating is None:
            return {"version": 0}
        initial = {
            "version": rating.version,
            "category": rating.category_id,
            "reasons": rating.reasons,
            "themes": [t.pk for t in rating.themes.all()],
        }
        for assessment in rating.assessments.all():
            initial[CRITERION_PREFIX + assessment.criterion.code] = assessment.value
            initial[NOTE_PREFIX + assessment.criterion.code] = assessment.note
        return initial

    def clean_category(self):
        category = self.cleaned_data.get("category")
        if category is not None and category.pk in self.panel_only:
            raise ValidationError(panel_only_refusal(category), code="panel_only")
        return category

    def clean(self):
        known = {CRITERION_PREFIX + c.code for c in self.criteria}
        known |= {NOTE_PREFIX + c.code for c in self.criteria}
        posted = {k for k in self.data if k.startswith((CRITERION_PREFIX, NOTE_PREFIX))}
        if posted - known:
            raise ValidationError(
                _(
                    "The form included a criterion that is not part of this panel's framework. "
                    "Reload the page and try again."
                ),
                code="tampered",
            )
        return super().clean()

    def rating_input(self) -> RatingInput:
        data = self.cleaned_data
        return RatingInput(
            category=data.get("category"),
            reasons=data.get("reasons", ""),
            themes=list(data.get("themes") or []),
            assessments={
                c.code: (
                    data.get(CRITERION_PREFIX + c.code) or "",
                    data.get(NOTE_PREFIX + c.code) or "",
                )
                for c in self.criteria
            },
        )

    def category_options(self) -> list[tuple]:
        """Each category radio with its category, for the description beneath it."""
        return [
            (radio, self.category_objects[str(radio.data["value"])]) for radio in self["category"]
        ]

    def sections(self) -> list[dict]:
        """The criteria as fieldsets: consecutive criteria under one group share one."""
        sections: list[dict] = []
        for criterion in self.criteria:
            if not sections or sections[-1]["group"] != criterion.group:
                sections.append({"group": criterion.group, "items": []})
            sections[-1]["items"].append(
                {
                    "criterion": criterion,
                    "answer": self[CRITERION_PREFIX + criterion.code],
                    "note": self[NOTE_PREFIX + criterion.code],
                }
            )
        return sections

    def summary_errors(self) -> list[tuple[str, str]]:
        """The error summary in the order of the page: criteria, then the category."""
        order = [
            prefix + c.code for c in self.criteria for prefix in (CRITERION_PREFIX, NOTE_PREFIX)
        ]
        return error_summary(self, order + ["category", "reasons", "themes", "version"])
