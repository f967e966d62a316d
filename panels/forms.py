"""Forms for the panels app, rendered with the GOV.UK template pack."""

import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Fixed, Fluid, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from cases.models import CrimeCode, OutcomeType
from core.forms import post_form_helper

from . import sampling
from .models import Meeting

MAX_SAMPLE_SIZE = 500
NO_STRATA = "none"


class OptionalDateField(DateInputField):
    """A GOV.UK date input that may be left blank, with messages that say what to fix."""

    def __init__(self, *, what: str, **kwargs):
        super().__init__(required=False, require_all_fields=False, **kwargs)
        self.what = what
        for part, subfield in zip(["day", "month", "year"], self.fields, strict=True):
            subfield.required = True
            subfield.error_messages["incomplete"] = f"{what} must include a {part}"
            subfield.validators = [RegexValidator(r"^[0-9]+$", f"{what} must be a real date")]

    def compress(self, data_list):
        try:
            value = super().compress(data_list)
        except ValidationError:
            value = datetime.date.min
        if value is not None and value.year < 1900:
            raise ValidationError(f"{self.what} must be a real date")
        return value


class SampleDrawForm(forms.Form):
    size = forms.IntegerField(
        label="How many cases should be drawn?",
        help_text="Cases carried over from earlier meetings are added on top of this number.",
        min_value=1,
        max_value=MAX_SAMPLE_SIZE,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": "Enter a sample size",
            "invalid": "Sample size must be a whole number, like 10",
            "min_value": "Sample size must be 1 or more",
            "max_value": f"Sample size must be {MAX_SAMPLE_SIZE} or fewer",
        },
    )
    outcome_types = forms.MultipleChoiceField(
        label="Outcome types",
        help_text="Leave all unticked to include every outcome type.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select outcome types from the list"},
    )
    offence_categories = forms.MultipleChoiceField(
        label="Offence categories",
        help_text="Leave all unticked to include every offence category.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select offence categories from the list"},
    )
    crime_codes = forms.CharField(
        label="Home Office crime codes (optional)",
        help_text="Separate codes with commas, for example 8L, 105A.",
        required=False,
        max_length=500,
    )
    flags_required = forms.MultipleChoiceField(
        label="Only include cases flagged as",
        required=False,
        choices=sampling.CaseFlag.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select flags from the list"},
    )
    flags_excluded = forms.MultipleChoiceField(
        label="Leave out cases flagged as",
        required=False,
        choices=sampling.CaseFlag.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select flags from the list"},
    )
    outcome_from = OptionalDateField(
        what="The earliest outcome date",
        label="Earliest outcome date (optional)",
        help_text="For example, 1 4 2025.",
    )
    outcome_to = OptionalDateField(
        what="The latest outcome date",
        label="Latest outcome date (optional)",
        help_text="For example, 31 3 2026.",
    )
    exclude_previously_reviewed = forms.BooleanField(
        label="Leave out cases a panel has reviewed before", required=False, initial=True
    )
    strata_field = forms.ChoiceField(
        label="Spread the sample across groups?",
        help_text="Each group gets a share of the sample in proportion to its share of the pool.",
        choices=[(NO_STRATA, "No, draw from the whole pool"), *sampling.Stratum.choices],
        initial=NO_STRATA,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether to spread the sample across groups",
            "invalid_choice": "Select whether to spread the sample across groups",
        },
    )

    def __init__(self, *args, meeting: Meeting, offence_categories: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["outcome_types"].choices = list(
            OutcomeType.objects.filter(is_active=True).values_list("code", "name")
        )
        self.fields["offence_categories"].choices = [(c, c) for c in offence_categories]
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_method = "post"
        helper.attrs = {"novalidate": ""}
        helper.layout = Layout(
            Field.text("size", field_width=Fixed.FIVE, label_size=Size.MEDIUM),
            Fieldset(
                Field.checkboxes("outcome_types", small=True),
                Field.checkboxes("offence_categories", small=True),
                Field.text("crime_codes", field_width=Fluid.ONE_HALF),
                Field.checkboxes("flags_required", small=True),
                Field.checkboxes("flags_excluded", small=True),
                Field("outcome_from"),
                Field("outcome_to"),
                Field.checkbox("exclude_previously_reviewed", small=True),
                legend="Which cases can be drawn",
                legend_size=Size.MEDIUM,
            ),
            Field.radios("strata_field", legend_size=Size.MEDIUM, small=True),
            Button("submit", "Draw the sample"),
        )
        return helper

    def clean_crime_codes(self) -> list[str]:
        codes = sorted(
            {c.strip().upper() for c in self.cleaned_data["crime_codes"].split(",")} - {""}
        )
        known = set(CrimeCode.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise ValidationError(
                f"Enter Home Office crime codes that exist; {', '.join(unknown)} "
                f"{'is' if len(unknown) == 1 else 'are'} not known"
            )
        return codes

    def clean(self):
        cleaned = super().clean()
        both = set(cleaned.get("flags_required", [])) & set(cleaned.get("flags_excluded", []))
        if both:
            self.add_error("flags_excluded", "Select each flag in only one of the two lists")
        start, end = cleaned.get("outcome_from"), cleaned.get("outcome_to")
        if start and end and end < start:
            self.add_error("outcome_to", "The latest outcome date must be on or after the earliest")
        return cleaned

    def draw_arguments(self) -> dict:
        """Keyword arguments for services.sample_draw from the cleaned form."""
        data = self.cleaned_data
        flags = {flag: True for flag in data["flags_required"]}
        flags.update({flag: False for flag in data["flags_excluded"]})
        filters = sampling.PoolFilters(
            outcome_types=tuple(data["outcome_types"]),
            offence_categories=tuple(data["offence_categories"]),
            crime_codes=tuple(data["crime_codes"]),
            flags=flags,
            outcome_date_from=data["outcome_from"],
            outcome_date_to=data["outcome_to"],
            exclude_previously_reviewed=data["exclude_previously_reviewed"],
        )
        strata = data["strata_field"]
        return {
            "filters": filters,
            "size": data["size"],
            "strata_field": None if strata == NO_STRATA else strata,
        }


class AgendaAddForm(forms.Form):
    reference = forms.CharField(
        label="Case reference",
        help_text="The force's pseudonymous reference, as in the extract, for example OC-2025-0142",
        max_length=64,
        error_messages={"required": "Enter a case reference"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper(
            Field.text("reference", field_width=Fluid.ONE_THIRD, label_size=Size.MEDIUM),
            submit="Add the case",
        )
