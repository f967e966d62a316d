"""Forms for the panels app, rendered with the GOV.UK template pack."""

import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fixed, Fluid, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.http import QueryDict

from cases.models import CrimeCode, OutcomeType
from core.forms import post_form_helper
from core.text_safety import SafeTextMixin

from .. import sampling
from ..models import Meeting

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


class SampleDrawForm(SafeTextMixin, forms.Form):
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

    # The fields a step's page asks; the whole form (every field) checks every answer.
    step_fields: tuple[str, ...] = ()

    def __init__(self, *args, meeting: Meeting, offence_categories: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        if self.step_fields:
            for name in set(self.fields) - set(self.step_fields):
                del self.fields[name]
        if "outcome_types" in self.fields:
            self.fields["outcome_types"].choices = list(
                OutcomeType.objects.filter(is_active=True).values_list("code", "name")
            )
        if "offence_categories" in self.fields:
            self.fields["offence_categories"].choices = [(c, c) for c in offence_categories]
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        return post_form_helper(*self.layout_fields(), submit=self.submit_label)

    submit_label = "Draw the sample"

    def layout_fields(self) -> list:
        return list(self.fields)

    def posted(self) -> dict[str, list[str]]:
        """This step's answers as posted (a date's three boxes included), for keeping."""
        names = tuple(self.fields)
        return {
            key: self.data.getlist(key)
            for key in self.data
            if key in names or key.rsplit("_", 1)[0] in names
        }

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


OFFENCE_FIELDS = ("offence_categories", "exclude_previously_reviewed")


OUTCOME_FIELDS = ("outcome_types",)


DATE_FIELDS = ("outcome_from", "outcome_to")


NARROW_FIELDS = ("crime_codes", "flags_required", "flags_excluded")


SIZE_FIELDS = ("size", "strata_field")


class SampleOffencesForm(SampleDrawForm):
    """Step 1: which offences the draw is about (the meeting's theme, usually)."""

    step_fields = OFFENCE_FIELDS
    submit_label = "Continue"

    def layout_fields(self) -> list:
        return [
            Field.checkboxes("offence_categories", small=True, legend_size=Size.MEDIUM),
            Field.checkbox("exclude_previously_reviewed", small=True),
        ]


class SampleOutcomesForm(SampleDrawForm):
    """Step 2: which outcome types."""

    step_fields = OUTCOME_FIELDS
    submit_label = "Continue"

    def layout_fields(self) -> list:
        return [Field.checkboxes("outcome_types", small=True, legend_size=Size.MEDIUM)]


class SampleDatesForm(SampleDrawForm):
    """Step 3: optionally, when the outcomes were settled."""

    step_fields = DATE_FIELDS
    submit_label = "Continue"

    def layout_fields(self) -> list:
        return [Field("outcome_from"), Field("outcome_to")]


class SampleNarrowForm(SampleDrawForm):
    """Step 4: optional narrowing by crime code and flags."""

    step_fields = NARROW_FIELDS
    submit_label = "Continue"

    def layout_fields(self) -> list:
        return [
            Field.text("crime_codes", field_width=Fluid.ONE_HALF, label_size=Size.SMALL),
            Field.checkboxes("flags_required", small=True, legend_size=Size.SMALL),
            Field.checkboxes("flags_excluded", small=True, legend_size=Size.SMALL),
        ]


class SampleSizeForm(SampleDrawForm):
    """Step 5: how many cases, and whether to spread them across groups."""

    step_fields = SIZE_FIELDS
    submit_label = "Continue"

    def layout_fields(self) -> list:
        return [
            Field.text("size", field_width=Fixed.FIVE, label_size=Size.MEDIUM),
            Field.radios("strata_field", legend_size=Size.MEDIUM, small=True),
        ]


# The draw's question pages in order: (step, form, page title).
SAMPLE_STEPS = [
    ("offences", SampleOffencesForm, "Which offences can be drawn?"),
    ("outcomes", SampleOutcomesForm, "Which outcomes can be drawn?"),
    ("dates", SampleDatesForm, "When were the outcomes? (optional)"),
    ("narrow", SampleNarrowForm, "Narrow the cases down (optional)"),
    ("size", SampleSizeForm, "Sample size"),
]


class SampleAnswers:
    """The answers given so far on the draw's question pages, kept in the session so
    they survive Back and need no JavaScript; one set per meeting."""

    def __init__(self, session, meeting: Meeting):
        self.session = session
        self.key = f"sample-draw-{meeting.pk}"

    def step(self, name: str) -> dict[str, list[str]] | None:
        return self.session.get(self.key, {}).get(name)

    def keep(self, name: str, form: SampleDrawForm) -> None:
        kept = self.session.get(self.key, {})
        kept[name] = form.posted()
        self.session[self.key] = kept

    def missing(self) -> str | None:
        """The first step not answered yet, if any."""
        return next((name for name, _, _ in SAMPLE_STEPS if self.step(name) is None), None)

    def data(self, name: str | None = None) -> QueryDict | None:
        """One step's answers (or all of them) as a form would receive them."""
        kept = self.session.get(self.key, {})
        if name is not None and name not in kept:
            return None
        data = QueryDict(mutable=True)
        for step, answers in kept.items():
            if name is None or step == name:
                for key, values in answers.items():
                    data.setlist(key, values)
        return data

    def clear(self) -> None:
        self.session.pop(self.key, None)


class AgendaAddForm(SafeTextMixin, forms.Form):
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
