"""The chair's form for the panel's decision on a case, with its answer per criterion."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from core.bilingual import InEnglish, shown
from core.forms import error_summary, post_form_helper, select, version_field
from core.text_safety import SafeTextMixin

from ..enums import Assessment
from ..models import Meeting, OutcomeCategory, Theme
from .services import DecisionInput

# The criteria's fields, named as the member's rating form names them.
CRITERION_PREFIX, NOTE_PREFIX = "criterion-", "note-"


def later_meeting_label(meeting: Meeting) -> str:
    """ "5 March 2026: <theme>", in the page's language. On a Welsh page a theme not yet
    given its Welsh makes the whole option English (an option cannot mark part of itself),
    which `MarksEnglishOptions` marks as such."""
    theme = shown(meeting, "theme")
    if isinstance(theme, InEnglish):
        with translation.override("en"):
            return InEnglish(f"{date_format(meeting.date, 'j F Y')}: {theme}")
    return f"{date_format(meeting.date, 'j F Y')}: {theme}"


class MarksEnglishOptions(forms.Select):
    """A select whose options in English on a Welsh page say so (`lang="en-GB"`)."""

    def create_option(self, name, value, label, *args, **kwargs):
        option = super().create_option(name, value, label, *args, **kwargs)
        if isinstance(label, InEnglish):
            option["attrs"]["lang"] = label.lang
        return option


class DecisionForm(SafeTextMixin, forms.Form):
    version = version_field()
    category = forms.ModelChoiceField(
        queryset=OutcomeCategory.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("The panel's decision"),
        required=False,
        error_messages={"invalid_choice": _("Select one of this panel's outcome categories")},
    )
    reasons = forms.CharField(
        label=_("The panel's reasons"),
        help_text=(
            _(
                "One reason per line, as it could be read in the published findings. Do not "
                "include names or anything else that could identify someone."
            )
        ),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    information_requested = forms.CharField(
        label=_("Information the panel needs (if it could not conclude)"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    carry_to = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        label=_("Carry the case over to (if it could not conclude)"),
        required=False,
        empty_label=_("Do not carry it over"),
        widget=MarksEnglishOptions,
        error_messages={"invalid_choice": _("Choose a later meeting of this panel")},
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Themes"),
        error_messages={"invalid_choice": _("Select themes from the list")},
    )

    def __init__(
        self,
        *args,
        meeting: Meeting,
        later,
        decision=None,
        criteria=(),
        answers=None,
        member_answers=None,
        **kwargs,
    ):
        """`criteria`: the framework's, in order with their groups; `answers`: criterion id
        → (answer, note) to start from (the saved ones, or the members' majority);
        `member_answers`: criterion id → [(answer label, how many members)], shown beside."""
        initial = {"version": 0}
        if decision is not None:
            initial = {
                "version": decision.version,
                "category": decision.category_id,
                "reasons": decision.reasons,
                "information_requested": decision.information_requested,
                "themes": [t.pk for t in decision.themes.all()],
            }
        for criterion in criteria:
            value, note = (answers or {}).get(criterion.pk, ("", ""))
            initial[CRITERION_PREFIX + criterion.code] = value
            initial[NOTE_PREFIX + criterion.code] = note
        super().__init__(*args, initial=initial, **kwargs)
        self.criteria = list(criteria)
        self.member_answers = member_answers or {}
        for criterion in self.criteria:
            self.fields[CRITERION_PREFIX + criterion.code] = forms.ChoiceField(
                label=criterion.label,
                help_text=criterion.guidance,
                choices=Assessment.choices,
                required=False,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": _("Select the panel's answer for '%(label)s'")
                    % {"label": criterion.label}
                },
            )
            self.fields[NOTE_PREFIX + criterion.code] = forms.CharField(
                label=_("The panel's note on '%(label)s' (optional)") % {"label": criterion.label},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": _("A note must be 2,000 characters or fewer")},
            )
        self.fields["category"].queryset = meeting.panel.framework.categories.order_by("position")
        self.fields["category"].label_from_instance = lambda c: f"{c.position}. {c.label}"
        # Only this framework's themes (docs/adr/0011); the panel may use every category.
        self.fields["themes"].queryset = meeting.panel.framework.themes.filter(is_active=True)
        self.fields["carry_to"].queryset = later
        self.fields["carry_to"].label_from_instance = later_meeting_label
        fields = [
            Field.radios("category", legend_size=Size.MEDIUM),
            Field.textarea("reasons", label_size=Size.SMALL),
            Field.textarea("information_requested", label_size=Size.SMALL),
        ]
        if later.exists():
            fields.append(select("carry_to", label_size=Size.SMALL))
        else:
            del self.fields["carry_to"]
        fields += [Field.checkboxes("themes", legend_size=Size.SMALL, small=True), "version"]
        self.helper = post_form_helper(*fields)
        self.helper.form_tag = False

    def decision_input(self) -> DecisionInput:
        data = self.cleaned_data
        return DecisionInput(
            category=data.get("category"),
            reasons=data.get("reasons", ""),
            themes=list(data.get("themes") or []),
            information_requested=data.get("information_requested", ""),
            carry_to=data.get("carry_to"),
            # Offered later meetings, leaving the choice at "Do not carry it over" is a choice.
            carry_over=(data.get("carry_to") is not None) if "carry_to" in self.fields else None,
            assessments={
                c.code: (
                    data.get(CRITERION_PREFIX + c.code) or "",
                    data.get(NOTE_PREFIX + c.code) or "",
                )
                for c in self.criteria
            }
            if self.criteria
            else None,
        )

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
                    "members": self.member_answers.get(criterion.pk, []),
                }
            )
        return sections

    def summary_errors(self):
        """In the page's order: the criteria (drawn by the page, numbered from 0), then the
        rest of the form."""
        entries = [("main-content", error) for error in self.non_field_errors()]
        for criterion in self.criteria:
            for prefix, suffix in ((CRITERION_PREFIX, "_0"), (NOTE_PREFIX, "")):
                bound = self[prefix + criterion.code]
                entries += [(bound.auto_id + suffix, e) for e in self.errors.get(bound.name, [])]
        rest = [n for n in self.fields if not n.startswith((CRITERION_PREFIX, NOTE_PREFIX))]
        return entries + error_summary(self, rest)[len(self.non_field_errors()) :]
