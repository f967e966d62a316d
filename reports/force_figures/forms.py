"""Forms for the force's figures: one figure typed in, or a small CSV of them."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from cases.models import Force
from core.bilingual import KeepsUnsentWelsh, mark_welsh_fields
from core.forms import post_form_helper, version_field
from core.text_safety import SafeTextMixin

NUMBER_HINT = gettext_lazy("For example 2452 or 2,452.")
# GOV.UK asks for numbers in text inputs: a number input drops "2,452" and nudges values.
DECIMAL = {"inputmode": "decimal", "spellcheck": "false"}
FIELDS = [
    "force",
    "period_start",
    "period_end",
    "measure",
    "number",
    "percentage",
    "source",
    "link",
]
# Optional columns of a CSV, and boxes of the form: the Welsh of the words a report shows.
WELSH_FIELDS = ["measure_cy", "source_cy"]
WELSH_HINT = gettext_lazy("Needed before a findings report is sent for approval in Welsh.")


class LooseDecimalField(forms.DecimalField):
    """A number as people type it: "2,452", "2.65%"; anything else is refused."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", "").replace("%", "").strip()
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise
        except (InvalidOperation, ValueError):  # pragma: no cover - DecimalField maps these
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def _day(label, required, invalid) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": required, "invalid": invalid},
    )


class ForceFigureForm(KeepsUnsentWelsh, SafeTextMixin, forms.Form):
    text_labels = {
        "measure": gettext_lazy("What was counted"),
        "source": gettext_lazy("Source"),
        "measure_cy": gettext_lazy("What was counted (Welsh)"),
        "source_cy": gettext_lazy("Source (Welsh)"),
    }
    version = version_field()
    force = forms.ModelChoiceField(
        label=gettext_lazy("Force"),
        queryset=Force.objects.order_by("name"),
        to_field_name="code",
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Select a force"),
            "invalid_choice": gettext_lazy("Select a force"),
        },
    )
    period_start = _day(
        gettext_lazy("Period from"),
        gettext_lazy("Enter the first day of the period"),
        gettext_lazy("Enter the first day of the period as a real date, for example 2023-01-01"),
    )
    period_end = _day(
        gettext_lazy("Period to"),
        gettext_lazy("Enter the last day of the period"),
        gettext_lazy("Enter the last day of the period as a real date, for example 2023-01-01"),
    )
    measure = forms.CharField(
        label=gettext_lazy("What was counted"),
        help_text=gettext_lazy("For example: community resolutions."),
        max_length=200,
        error_messages={"required": gettext_lazy("Enter what was counted")},
    )
    measure_cy = forms.CharField(required=False, max_length=200)
    number = LooseDecimalField(
        label=gettext_lazy("Number"),
        help_text=NUMBER_HINT,
        max_digits=14,
        decimal_places=2,
        widget=forms.TextInput(attrs=DECIMAL),
        validators=[MinValueValidator(0)],
        error_messages={
            "required": gettext_lazy("Enter the number"),
            "invalid": gettext_lazy("Enter the number as a number, for example 2452"),
            "min_value": gettext_lazy("Enter a number of 0 or more"),
            "max_digits": gettext_lazy(
                "Enter a number of 12 digits or fewer before the decimal point"
            ),
            "max_decimal_places": gettext_lazy("Enter the number with at most 2 decimal places"),
            "max_whole_digits": gettext_lazy(
                "Enter a number of 12 digits or fewer before the decimal point"
            ),
        },
    )
    percentage = LooseDecimalField(
        label=gettext_lazy("Percentage (optional)"),
        help_text=gettext_lazy(
            "The share of a whole the number is, for example 2.65 for 2.65% of all outcomes."
        ),
        required=False,
        max_digits=5,
        decimal_places=2,
        widget=forms.TextInput(attrs=DECIMAL),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        error_messages={
            "invalid": gettext_lazy("Enter the percentage as a number, for example 2.65"),
            "min_value": gettext_lazy("Enter a percentage of 0 or more"),
            "max_value": gettext_lazy("Enter a percentage of 100 or less"),
            "max_digits": gettext_lazy("Enter a percentage of 100 or less"),
            "max_whole_digits": gettext_lazy("Enter a percentage of 100 or less"),
            "max_decimal_places": gettext_lazy(
                "Enter the percentage with at most 2 decimal places"
            ),
        },
    )
    source = forms.CharField(
        label=gettext_lazy("Source"),
        help_text=gettext_lazy(
            "Where the figure was published, for example: Home Office crime outcomes "
            "statistics, year ending December 2023."
        ),
        max_length=300,
        error_messages={"required": gettext_lazy("Enter where the figure comes from")},
    )
    source_cy = forms.CharField(required=False, max_length=300)
    link = forms.URLField(
        label=gettext_lazy("Link to the source (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": gettext_lazy("Enter a link starting https://")},
    )

    def __init__(self, *args, with_version: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_version:  # a CSV row has no version
            del self.fields["version"]
        mark_welsh_fields(self, ["measure", "source"])
        for name in WELSH_FIELDS:
            self.fields[name].help_text = WELSH_HINT
        self.helper = post_form_helper(*self.fields, submit=gettext_lazy("Save the figure"))

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error(
                "period_end", gettext_lazy("Enter an end of the period on or after its start")
            )
        link = data.get("link") or ""
        if link and not link.lower().startswith("https://"):
            self.add_error("link", gettext_lazy("Enter a link starting https://"))
        return data

    def values(self) -> dict:
        values = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        for name in set(values) & set(WELSH_FIELDS):  # only the Welsh sent
            values[name] = (values[name] or "").strip()
        if values.get("percentage") is not None:
            values["percentage"] = Decimal(values["percentage"])
        return values


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Figures (CSV)"),
        help_text=format_lazy(
            gettext_lazy(
                "A CSV file with the headings {headings}; force is the force's code. It may "
                "also have the columns {welsh}: the Welsh of what was counted and of the "
                "source. At most 500 rows."
            ),
            headings=", ".join(FIELDS),
            welsh=", ".join(WELSH_FIELDS),
        ),
        error_messages={
            "required": gettext_lazy("Choose a CSV file to upload"),
            "empty": gettext_lazy("The selected file is empty"),
            "invalid": gettext_lazy("Choose a CSV file to upload"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = post_form_helper("file", submit=gettext_lazy("Import the figures"))
