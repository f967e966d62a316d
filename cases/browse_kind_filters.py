"""The case list's filters by a record kind's own fields: once a kind is chosen, one
question per filterable field (any, or one of its choices; yes or no; a whole number from
and to), and the rows' cells for a kind without the out of court resolution's columns."""

from crispy_forms_gds.layout import Field
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .kinds.presenters import display_value
from .kinds.selectors import field_value
from .models import Case, FieldType, RecordField

PREFIX = "field_"
# The two ends of a whole number's range, as the filters name them.
RANGE_LABELS = {"from": gettext_noop("%(label)s from"), "to": gettext_noop("%(label)s to")}
RANGE_INVALID = {
    "from": gettext_noop("Enter %(label)s from as a whole number, for example 16"),
    "to": gettext_noop("Enter %(label)s to as a whole number, for example 16"),
}
YES, NO = "yes", "no"
# How many of a kind's fields the list shows as columns, in the kind's order.
SHOWN_FIELDS = 3


def field_name(field: RecordField) -> str:
    return f"{PREFIX}{field.code}"


def kind_filter_form_fields(fields: list[RecordField]) -> dict[str, forms.Field]:
    found: dict[str, forms.Field] = {}
    for field in fields:
        name = field_name(field)
        if field.type == FieldType.INTEGER:
            for end in ("from", "to"):
                found[f"{name}_{end}"] = forms.IntegerField(
                    label=_(RANGE_LABELS[end]) % {"label": field.label},
                    required=False,
                    widget=forms.TextInput(attrs={"inputmode": "numeric"}),
                    error_messages={
                        "invalid": _(RANGE_INVALID[end]) % {"label": field.label.lower()}
                    },
                )
            continue
        if field.type == FieldType.YES_NO:
            choices = [(YES, _("Yes")), (NO, _("No"))]
        else:
            choices = list(field.choice_labels().items())
        found[name] = forms.ChoiceField(
            label=field.label,
            required=False,
            choices=[("", _("Any")), *choices],
            error_messages={
                "invalid_choice": _("Choose a %(label)s in the list")
                % {"label": field.label.lower()}
            },
        )
    return found


def kind_filter_layout(fields: list[RecordField]) -> list:
    layout = []
    for field in fields:
        name = field_name(field)
        if field.type == FieldType.INTEGER:
            layout += [Field.text(f"{name}_{end}", field_width=4) for end in ("from", "to")]
        else:
            layout.append(name)
    return layout


def kind_filters(cleaned: dict, fields: list[RecordField]) -> dict:
    """The selector's `kind_fields` and `kind_ranges` from the cleaned answers."""
    chosen, ranges = [], []
    for field in fields:
        name = field_name(field)
        if field.type == FieldType.INTEGER:
            low, high = cleaned.get(f"{name}_from"), cleaned.get(f"{name}_to")
            if low is not None or high is not None:
                ranges.append((field, low, high))
        elif cleaned.get(name):
            value = cleaned[name]
            chosen.append((field, [value == YES] if field.type == FieldType.YES_NO else [value]))
    return {"kind_fields": chosen, "kind_ranges": ranges}


def check_ranges(form, fields: list[RecordField]) -> None:
    for field in fields:
        if field.type != FieldType.INTEGER:
            continue
        name = field_name(field)
        low, high = form.cleaned_data.get(f"{name}_from"), form.cleaned_data.get(f"{name}_to")
        if low is not None and high is not None and low > high:
            form.add_error(
                f"{name}_to",
                _("%(label)s ‘to’ must be the same as or more than %(lower)s ‘from’")
                % {"label": field.label, "lower": field.label.lower()},
            )


def kind_cells(cases: list[Case], fields: list[RecordField]) -> list[tuple[Case, list[str]]]:
    """Each case with its values of the kind's first fields, as the list shows them."""
    shown = fields[:SHOWN_FIELDS]
    return [(case, [display_value(f, field_value(case, f)) for f in shown]) for case in cases]
