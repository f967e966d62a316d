"""The draw form's questions about the panel's record kind: one per filterable field (a
list of choices or yes and no as checkboxes, a whole number as from and to), and what the
answers filter the pool by."""

from crispy_forms_gds.layout import HTML, Field, Fixed, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases.models import FieldType, RecordField

from .kind_fields import NO, YES, KindDraw

PREFIX = "kind_"
YES_NO_CHOICES = [(YES, _("Yes")), (NO, _("No"))]


def field_name(field: RecordField) -> str:
    return f"{PREFIX}{field.code}"


def kind_form_fields(draw: KindDraw) -> dict[str, forms.Field]:
    """The form fields asking about the kind's filterable fields, by name."""
    found: dict[str, forms.Field] = {}
    for field in draw.fields:
        name = field_name(field)
        if field.type == FieldType.INTEGER:
            label = {"label": field.label}
            found[f"{name}_from"] = _whole_number(
                _("%(label)s: from (optional)") % label, field.label
            )
            found[f"{name}_to"] = _whole_number(_("%(label)s: to (optional)") % label, field.label)
            continue
        if field.type == FieldType.YES_NO:
            choices = YES_NO_CHOICES
        else:
            choices = list(field.choice_labels().items())
        what = field.label.lower()
        found[name] = forms.MultipleChoiceField(
            label=field.label,
            help_text=_("Leave all unticked to include every case, whatever its %(what)s.")
            % {"what": what},
            required=False,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "invalid_choice": _("Choose only the %(what)s options listed") % {"what": what}
            },
        )
    return found


def _whole_number(label: str, what: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"invalid": _("%(what)s must be a whole number, like 16") % {"what": what}},
    )


def folded_kind_layout(form) -> list:
    """The kind's questions folded away under a GOV.UK details, below the step's own
    questions (open when one of them is answered or wrong), so the page stays short."""
    layout = kind_layout(form.draw, form.fields)
    if not layout:
        return []
    return [
        # Rendered with the form in its context: open is decided when the page is drawn.
        HTML(
            '<details class="govuk-details"{% if form.kind_answered %} open{% endif %}>'
            '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
            + str(_("Narrow by the record's other fields"))
            + '</span></summary><div class="govuk-details__text">'
        ),
        *layout,
        HTML("</div></details>"),
    ]


def kind_answered(form) -> bool:
    """Whether any of the kind's questions on the form is answered or wrong."""
    names = [name for name in form.kind_names if name in form.fields]
    answered = form.is_bound and any(form.data.get(name) for name in names)
    return answered or any(name in form.errors for name in names)


def kind_layout(draw: KindDraw, present) -> list:
    """The layout of the kind's questions that the form holds (`present`: its names)."""
    layout = []
    for field in draw.fields:
        name = field_name(field)
        if field.type == FieldType.INTEGER:
            layout += [
                Field.text(part, field_width=Fixed.FOUR, label_size=Size.SMALL)
                for part in (f"{name}_from", f"{name}_to")
                if part in present
            ]
        elif name in present:
            layout.append(Field.checkboxes(name, small=True, legend_size=Size.SMALL))
    return layout


def check_ranges(form, draw: KindDraw) -> None:
    """A range whose end is before its start is refused, at its 'to' box."""
    for field in draw.fields:
        if field.type != FieldType.INTEGER:
            continue
        name = field_name(field)
        low = form.cleaned_data.get(f"{name}_from")
        high = form.cleaned_data.get(f"{name}_to")
        if low is not None and high is not None and high < low:
            form.add_error(
                f"{name}_to",
                ValidationError(
                    _("%(label)s: 'to' must be the same as or more than 'from'")
                    % {"label": field.label}
                ),
            )


def kind_filters(cleaned: dict, draw: KindDraw) -> tuple[dict, dict]:
    """(chosen values by field code, ranges by field code) from the cleaned answers."""
    chosen, ranges = {}, {}
    for field in draw.fields:
        name = field_name(field)
        if field.type == FieldType.INTEGER:
            low, high = cleaned.get(f"{name}_from"), cleaned.get(f"{name}_to")
            if low is not None or high is not None:
                ranges[field.code] = (low, high)
            continue
        values = cleaned.get(name) or []
        if field.type == FieldType.YES_NO:
            values = [value == YES for value in values]
        if values:
            chosen[field.code] = tuple(values)
    return chosen, ranges
