"""Forms for the panels app, rendered with the GOV.UK template pack."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fixed, Fluid, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cases.models import CrimeCode, OutcomeType
from core.forms import post_form_helper
from core.text_safety import SafeTextMixin

from .. import sampling
from ..models import Meeting
from .date_fields import OptionalDateField
from .kind_form_fields import (
    check_ranges,
    folded_kind_layout,
    kind_answered,
    kind_filters,
    kind_form_fields,
    kind_layout,
)

MAX_SAMPLE_SIZE = 500


NO_STRATA = "none"


# (field, which end, an example): the draw's date questions, worded with the kind's date.
DATE_ENDS = [
    ("outcome_from", _("The earliest %(date)s"), _("Earliest %(date)s (optional)"), "1 4 2025"),
    ("outcome_to", _("The latest %(date)s"), _("Latest %(date)s (optional)"), "31 3 2026"),
]


class SampleDrawForm(SafeTextMixin, forms.Form):
    size = forms.IntegerField(
        label=_("How many cases should be drawn?"),
        help_text=_("Cases carried over from earlier meetings are added on top of this number."),
        min_value=1,
        max_value=MAX_SAMPLE_SIZE,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter a sample size"),
            "invalid": _("Sample size must be a whole number, like 10"),
            "min_value": _("Sample size must be 1 or more"),
            "max_value": _("Sample size must be %(limit_value)s or fewer"),
        },
    )
    outcome_types = forms.MultipleChoiceField(
        label=_("Outcome types"),
        help_text=_("Leave all unticked to include every outcome type."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select outcome types from the list")},
    )
    offence_categories = forms.MultipleChoiceField(
        label=_("Offence categories"),
        help_text=_("Leave all unticked to include every offence category."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select offence categories from the list")},
    )
    crime_codes = forms.CharField(
        label=_("Home Office crime codes (optional)"),
        help_text=_("Separate codes with commas, for example 8L, 105A."),
        required=False,
        max_length=500,
    )
    flags_required = forms.MultipleChoiceField(
        label=_("Only include cases flagged as"),
        required=False,
        choices=sampling.CaseFlag.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select flags from the list")},
    )
    flags_excluded = forms.MultipleChoiceField(
        label=_("Leave out cases flagged as"),
        required=False,
        choices=sampling.CaseFlag.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select flags from the list")},
    )
    # The date fields, outcome_from and outcome_to, are named after the kind's date
    # (DATE_ENDS).
    exclude_previously_reviewed = forms.BooleanField(
        label=_("Leave out cases a panel has reviewed before"), required=False, initial=True
    )
    strata_field = forms.ChoiceField(
        label=_("Spread the sample across groups?"),
        help_text=_(
            "Each group gets a share of the sample in proportion to its share of the pool."
        ),
        choices=[(NO_STRATA, _("No, draw from the whole pool")), *sampling.Stratum.choices],
        initial=NO_STRATA,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether to spread the sample across groups"),
            "invalid_choice": _("Select whether to spread the sample across groups"),
        },
    )

    # The fields a step's page asks; the whole form (every field) checks every answer.
    step_fields: tuple[str, ...] = ()
    # Whether the step asks about the record kind's own filterable fields too.
    kind_step = False

    def __init__(
        self,
        *args,
        meeting: Meeting,
        offence_categories: list[str],
        draw: sampling.KindDraw,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.draw = draw
        self._fit_to_kind(draw)
        if self.step_fields or self.kind_step:
            wanted = set(self.step_fields) | (set(self.kind_names) if self.kind_step else set())
            for name in set(self.fields) - wanted:
                del self.fields[name]
        if "outcome_types" in self.fields:
            self.fields["outcome_types"].choices = list(
                OutcomeType.objects.filter(is_active=True).values_list("code", "name")
            )
        if "offence_categories" in self.fields:
            self.fields["offence_categories"].choices = [(c, c) for c in offence_categories]
        self.helper = self._helper()

    def _fit_to_kind(self, draw: sampling.KindDraw) -> None:
        """The questions the panel's record kind calls for: the out of court resolution's
        own (outcome types, offence categories, crime codes, flags) only if the kind keeps
        those columns, a question per filterable field, its strata, its date's name."""
        for name, column in OWN_COLUMN_FIELDS.items():
            if not draw.offers(column):
                del self.fields[name]
        kind_fields = kind_form_fields(draw)
        self.kind_names = tuple(kind_fields)
        self.fields.update(kind_fields)
        self.fields["strata_field"].choices = [
            (NO_STRATA, _("No, draw from the whole pool")),
            *draw.strata,
        ]
        date = draw.kind.date_label.lower()
        for name, what, label, example in DATE_ENDS:
            self.fields[name] = OptionalDateField(
                what=what % {"date": date},
                label=label % {"date": date},
                help_text=_("For example, %(example)s.") % {"example": example},
            )

    @property
    def kind_answered(self) -> bool:
        return kind_answered(self)

    def _helper(self) -> FormHelper:
        return post_form_helper(*self.layout_fields(), submit=self.submit_label)

    submit_label = _("Draw the sample")

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
                ngettext(
                    "Enter Home Office crime codes that exist; %(codes)s is not known",
                    "Enter Home Office crime codes that exist; %(codes)s are not known",
                    len(unknown),
                )
                % {"codes": ", ".join(unknown)}
            )
        return codes

    def clean(self):
        cleaned = super().clean()
        both = set(cleaned.get("flags_required", [])) & set(cleaned.get("flags_excluded", []))
        if both:
            self.add_error("flags_excluded", _("Select each flag in only one of the two lists"))
        start, end = cleaned.get("outcome_from"), cleaned.get("outcome_to")
        if start and end and end < start:
            date = self.draw.kind.date_label.lower()
            self.add_error(
                "outcome_to",
                _("The latest %(date)s must be on or after the earliest") % {"date": date},
            )
        check_ranges(self, self.draw)
        return cleaned

    def draw_arguments(self) -> dict:
        """Keyword arguments for services.sample_draw from the cleaned form."""
        data = self.cleaned_data
        flags = {flag: True for flag in data.get("flags_required", [])}
        flags.update({flag: False for flag in data.get("flags_excluded", [])})
        chosen, ranges = kind_filters(data, self.draw)
        filters = sampling.PoolFilters(
            outcome_types=tuple(data.get("outcome_types", ())),
            offence_categories=tuple(data.get("offence_categories", ())),
            crime_codes=tuple(data.get("crime_codes", ())),
            flags=flags,
            outcome_date_from=data["outcome_from"],
            outcome_date_to=data["outcome_to"],
            exclude_previously_reviewed=data["exclude_previously_reviewed"],
            kind=self.draw.kind.code,
            fields=chosen,
            ranges=ranges,
        )
        strata = data["strata_field"]
        return {
            "filters": filters,
            "size": data["size"],
            "strata_field": None if strata == NO_STRATA else strata,
        }


# The out of court resolution's own questions, each asked only of a kind with its column.
OWN_COLUMN_FIELDS = {
    "outcome_types": "outcome_type",
    "offence_categories": "offence_category",
    "crime_codes": "crime_code",
    "flags_required": "is_domestic_abuse",
    "flags_excluded": "is_domestic_abuse",
}


OFFENCE_FIELDS = ("offence_categories", "exclude_previously_reviewed")


OUTCOME_FIELDS = ("outcome_types",)


DATE_FIELDS = ("outcome_from", "outcome_to")


NARROW_FIELDS = ("crime_codes", "flags_required", "flags_excluded")


SIZE_FIELDS = ("size", "strata_field")


class SampleOffencesForm(SampleDrawForm):
    """Step 1: which offences the draw is about (the meeting's theme, usually)."""

    step_fields = OFFENCE_FIELDS
    submit_label = _("Continue")

    def layout_fields(self) -> list:
        return [
            Field.checkboxes("offence_categories", small=True, legend_size=Size.MEDIUM),
            Field.checkbox("exclude_previously_reviewed", small=True),
        ]


class SampleOutcomesForm(SampleDrawForm):
    """Step 2: which outcome types."""

    step_fields = OUTCOME_FIELDS
    submit_label = _("Continue")

    def layout_fields(self) -> list:
        return [Field.checkboxes("outcome_types", small=True, legend_size=Size.MEDIUM)]


class SampleDatesForm(SampleDrawForm):
    """Step 3: optionally, when the outcomes were settled."""

    step_fields = DATE_FIELDS
    submit_label = _("Continue")

    def layout_fields(self) -> list:
        return [Field("outcome_from"), Field("outcome_to")]


class SampleNarrowForm(SampleDrawForm):
    """Step 4: optional narrowing by crime code, flags and the kind's other fields."""

    step_fields = NARROW_FIELDS
    kind_step = True
    submit_label = _("Continue")

    def layout_fields(self) -> list:
        own = [
            Field.text("crime_codes", field_width=Fluid.ONE_HALF, label_size=Size.SMALL),
            Field.checkboxes("flags_required", small=True, legend_size=Size.SMALL),
            Field.checkboxes("flags_excluded", small=True, legend_size=Size.SMALL),
        ]
        kept = [item for item in own if item.fields[0] in self.fields]
        return kept + folded_kind_layout(self)


class SampleRecordsForm(SampleNarrowForm):
    """Step 1 for a kind other than the out of court resolution: its own fields, and
    whether to leave out cases reviewed before."""

    step_fields = ("exclude_previously_reviewed",)

    def layout_fields(self) -> list:
        return [
            *kind_layout(self.draw, self.fields),
            Field.checkbox("exclude_previously_reviewed", small=True),
        ]


class SampleSizeForm(SampleDrawForm):
    """Step 5: how many cases, and whether to spread them across groups."""

    step_fields = SIZE_FIELDS
    submit_label = _("Continue")

    def layout_fields(self) -> list:
        return [
            Field.text("size", field_width=Fixed.FIVE, label_size=Size.MEDIUM),
            Field.radios("strata_field", legend_size=Size.MEDIUM, small=True),
        ]


# The draw's question pages in order: (step, form, page title), for the out of court
# resolution; any other kind's draw asks `KIND_STEPS`.
SAMPLE_STEPS = [
    ("offences", SampleOffencesForm, _("Which offences can be drawn?")),
    ("outcomes", SampleOutcomesForm, _("Which outcomes can be drawn?")),
    ("dates", SampleDatesForm, _("When were the outcomes? (optional)")),
    ("narrow", SampleNarrowForm, _("Narrow the cases down (optional)")),
    ("size", SampleSizeForm, _("Sample size")),
]
KIND_STEPS = [
    ("narrow", SampleRecordsForm, _("Which records can be drawn?")),
    ("dates", SampleDatesForm, _("Which dates can be drawn? (optional)")),
    ("size", SampleSizeForm, _("Sample size")),
]


def sample_steps(draw: sampling.KindDraw) -> list[tuple]:
    """The question pages of a draw for the kind: the out of court resolution's own five
    when the kind keeps its outcome types, else the kind's fields, dates and size."""
    return SAMPLE_STEPS if draw.offers("outcome_type") else KIND_STEPS


class AgendaAddForm(SafeTextMixin, forms.Form):
    reference = forms.CharField(
        label=_("Case reference"),
        help_text=_(
            "The force's pseudonymous reference, as in the extract, for example OC-2025-0142"
        ),
        max_length=64,
        error_messages={"required": _("Enter a case reference")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper(
            Field.text("reference", field_width=Fluid.ONE_THIRD, label_size=Size.MEDIUM),
            submit=_("Add the case"),
        )
