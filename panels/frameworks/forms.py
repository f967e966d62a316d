"""Forms for editing frameworks: the framework itself, its categories, groups and criteria."""

import copy

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from core.bilingual import KeepsUnsentWelsh, mark_welsh_fields
from core.forms import STALE_FORM, post_form_helper
from core.text_safety import SafeTextMixin

from ..enums import FrameworkKind
from ..models import Criterion, CriterionGroup, Framework, OutcomeCategory, Theme
from .selectors import record_kind_choices

CODE_HELP = _("Letters, numbers, hyphens and underscores, for example partly-met.")
CODE_ERRORS = {
    "required": _("Enter a code"),
    "invalid": _("Enter a code using only letters, numbers, hyphens or underscores"),
    "max_length": _("Enter a code of 60 characters or fewer"),
}


def _seen_field() -> forms.CharField:
    return forms.CharField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"required": STALE_FORM},
    )


class _PartForm(KeepsUnsentWelsh, SafeTextMixin, forms.ModelForm):
    """A ModelForm that never touches the row it was given: the service saves."""

    seen = _seen_field()
    submit = _("Save")
    wide = ()
    # Fields with a Welsh version beside them (`<name>_cy`, docs/adr/0017).
    welsh = ()

    def __init__(self, *args, instance, seen: str = "", **kwargs):
        super().__init__(*args, instance=copy.copy(instance), **kwargs)
        self.fields["seen"].initial = seen
        mark_welsh_fields(self, self.welsh)
        names = [n for n in self.fields if n != "seen"]
        self.helper = post_form_helper(
            *[
                Field.text(n, field_width=Fluid.TWO_THIRDS)
                if n.removesuffix("_cy") in self.wide
                else Field.text(n, field_width=20)
                if n == "code"
                else n
                for n in names
            ],
            "seen",
            submit=self.submit,
        )

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "seen"}


class FrameworkForm(_PartForm):
    submit = _("Save the framework")
    wide = ("name", "criteria_heading")
    welsh = ("name", "description", "criteria_heading")

    class Meta:
        model = Framework
        fields = [
            "name",
            "name_cy",
            "slug",
            "kind",
            "record_kind",
            "description",
            "description_cy",
            "criteria_heading",
            "criteria_heading_cy",
            "is_active",
        ]
        labels = {
            "name": _("Name"),
            "kind": _("Kind"),
            "description": _("Description"),
            "slug": _("Code"),
            "record_kind": _("The kind of record its panels review"),
            "criteria_heading": _("What its criteria are called"),
            "is_active": _("Panels can use this framework"),
        }
        help_texts = {
            "slug": CODE_HELP,
            "record_kind": _(
                "Its fields are what members read in each case's papers. It cannot "
                "change once the framework's panels have meetings."
            ),
            "criteria_heading": _("For example, Criteria or Rights."),
            "is_active": _("Clear this to retire the framework. Nothing is deleted."),
        }
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "name": {
                "required": _("Enter the framework's name"),
                "unique": _("Enter a name no other framework uses"),
            },
            "slug": {**CODE_ERRORS, "unique": _("Enter a code no other framework uses")},
            "kind": {"required": _("Select the kind of framework")},
            "record_kind": {"invalid_choice": _("Select a kind of record from the list")},
            "criteria_heading": {"required": _("Enter what the criteria are called")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radios need no "nothing chosen" option: the error asks for one instead.
        self.fields["kind"].choices = FrameworkKind.choices
        framework = self.instance if self.instance.pk else None
        self.fields["record_kind"].queryset = record_kind_choices(framework=framework)
        self.fields["record_kind"].empty_label = None
        # A post without it (a script written before kinds) keeps the kind it has.
        self.fields["record_kind"].required = False
        if framework is None:
            # The Welsh box starts empty, not with the English default copied into it.
            self.initial["criteria_heading_cy"] = ""

    def clean_record_kind(self):
        return self.cleaned_data.get("record_kind") or self.instance.record_kind


class CategoryForm(_PartForm):
    submit = _("Save the category")
    wide = ("label", "short_label")
    welsh = ("label", "short_label", "description", "chart_label")

    class Meta:
        model = OutcomeCategory
        fields = [
            "label",
            "label_cy",
            "short_label",
            "short_label_cy",
            "code",
            "description",
            "description_cy",
            "requires_reasons",
            "is_inconclusive",
            "is_adverse",
            "panel_decision_only",
            "chart_label",
            "chart_label_cy",
            "colour",
            "score",
        ]
        labels = {
            "label": _("Label"),
            "short_label": _("Short label"),
            "code": _("Code"),
            "description": _("Description"),
            "chart_label": _("Label in reports' charts and tables (optional)"),
            "colour": _("Colour in reports"),
            "score": _("Score (optional)"),
            "requires_reasons": _("A rating or decision in this category must give reasons"),
            "is_inconclusive": _("No conclusion: the case may come back to a later meeting"),
            "is_adverse": _("A finding against the force"),
            "panel_decision_only": _("Only the panel's decision can use this category"),
        }
        help_texts = {
            "short_label": _("Used on the service's own pages, for example the chair's tallies."),
            "chart_label": _(
                "Leave blank to use the label. A report's chart and its table "
                "always use the same words."
            ),
            "colour": _(
                "For a red, amber and green scheme; the category's name is always shown too."
            ),
            "score": _("A number reports show before the label, for example “Score of 4”."),
            "code": CODE_HELP,
            "requires_reasons": "",
            "is_inconclusive": "",
            "is_adverse": _("For example, inconsistent with policy or non-compliant."),
            "panel_decision_only": _(
                "Members do not see it when they rate, for example "
                "“Panel fails to reach a conclusion”."
            ),
        }
        error_messages = {
            "label": {"required": _("Enter the category's label")},
            "short_label": {"required": _("Enter a short label")},
            "code": CODE_ERRORS,
            "score": {
                "invalid": _("Enter the score as a whole number, for example 4"),
                "min_value": _("Enter a score of 0 or more"),
                "max_value": _("Enter a score of 32767 or less"),
            },
            "colour": {"invalid_choice": _("Select a colour, or no colour")},
        }
        widgets = {"colour": forms.RadioSelect}


class GroupForm(_PartForm):
    submit = _("Save the group")
    wide = ("label",)
    welsh = ("label", "description")

    class Meta:
        model = CriterionGroup
        fields = ["label", "label_cy", "code", "description", "description_cy"]
        labels = {"label": _("Label"), "code": _("Code"), "description": _("Description")}
        help_texts = {"code": CODE_HELP}
        error_messages = {"label": {"required": _("Enter the group's label")}, "code": CODE_ERRORS}


class CriterionForm(_PartForm):
    submit = _("Save the criterion")
    wide = ("label",)
    welsh = ("label", "guidance")

    class Meta:
        model = Criterion
        fields = ["label", "label_cy", "code", "group", "guidance", "guidance_cy"]
        labels = {
            "label": _("Label"),
            "code": _("Code"),
            "group": _("Group (optional)"),
            "guidance": _("Guidance for members (optional)"),
        }
        help_texts = {"code": CODE_HELP, "group": ""}
        error_messages = {
            "label": {"required": _("Enter the criterion's label")},
            "code": CODE_ERRORS,
            "group": {"invalid_choice": _("Select a group from the list")},
        }

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        self.fields["group"].queryset = instance.framework.criterion_groups.all()
        self.fields["group"].empty_label = _("No group")


class FrameworkThemesForm(SafeTextMixin, forms.Form):
    """The themes a framework's ratings, decisions and notes offer, and a new one."""

    text_labels = {"new_theme": _("The new theme")}
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Themes this framework offers"),
        help_text=_("Members and chairs can tag ratings, decisions and notes with these."),
        error_messages={"invalid_choice": _("Select themes from the list")},
    )
    new_theme = forms.CharField(
        label=_("Add a new theme (optional)"),
        help_text=_("For example, Victim's views not sought."),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Enter a theme of 200 characters or fewer")},
    )
    seen = _seen_field()

    def __init__(self, *args, choices, chosen, seen: str, **kwargs):
        super().__init__(*args, initial={"themes": chosen, "seen": seen}, **kwargs)
        self.fields["themes"].queryset = choices
        self.helper = post_form_helper(
            Field.checkboxes("themes", legend_size=Size.MEDIUM, small=True),
            Field.text("new_theme", field_width=Fluid.TWO_THIRDS),
            "seen",
            submit=_("Save the themes"),
        )


FORMS = {"categories": CategoryForm, "groups": GroupForm, "criteria": CriterionForm}


class ConfirmForm(forms.Form):
    """A delete or move button's form: only the version the page showed."""

    seen = _seen_field()
