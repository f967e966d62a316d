"""Form building blocks shared by the apps."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def post_form_helper(*fields, submit: str | None = None) -> FormHelper:
    """A GOV.UK form that posts, validated on the server only (`novalidate`), so errors
    come in the error summary rather than the browser's own bubbles."""
    helper = FormHelper()
    helper.form_method = "post"
    helper.attrs = {"novalidate": ""}
    helper.layout = Layout(*fields, *([Button("submit", submit)] if submit else []))
    return helper


def select(name: str, label_size: str | None = None) -> Field:
    """A GOV.UK select with its label at the given size. (crispy-forms-gds's own
    `Field.select` takes no label size: it would write one onto the <select> as an
    attribute HTML does not have.)"""
    context = {"label_size": Size.for_label(label_size)} if label_size else {}
    return Field(name, context=context)


def add_service_errors(form, error) -> None:
    """Put a service's ValidationError onto the form: by field where it names one of the
    form's fields, at the top otherwise."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def error_summary(form, order: list[str] | None = None) -> list[tuple[str, str]]:
    """(anchor, message) pairs for a GOV.UK error summary, fields in `order` (default:
    the form's own), each anchor the field's first input, as the pattern asks."""
    entries = [("main-content", error) for error in form.non_field_errors()]
    for name in order or list(form.fields):
        for error in form.errors.get(name, []):
            entries.append((_first_input_id(form[name]), error))
    return entries


def _first_input_id(bound) -> str:
    if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        if getattr(bound.form, "helper", None) is not None:
            # crispy-forms-gds numbers a form's radios and checkboxes from 1, by name.
            return f"id_{bound.html_name}_1"
        return f"{bound.auto_id}_0"  # Django's own numbering, from 0
    return bound.auto_id


STALE_FORM = gettext_lazy("This form is out of date. Reload the page and try again.")


def version_field() -> forms.IntegerField:
    """The hidden version a form was opened at, for the service's version check."""
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={key: STALE_FORM for key in ("required", "invalid", "min_value")},
    )


class NotificationSettingsForm(forms.Form):
    """Which kinds of email about waiting work someone gets (every one, until they say)."""

    kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Email me when"),
        help_text=gettext_lazy(
            "Emails about your password, your invitation and changes to your email address "
            "are always sent."
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy("Select only the emails listed")},
    )

    def __init__(self, *args, **kwargs):
        from crispy_forms_gds.layout import Field, Size

        from .models import NotificationKind

        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = NotificationKind.choices
        self.helper = post_form_helper(
            Field.checkboxes("kinds", legend_size=Size.MEDIUM), submit=_("Save email settings")
        )
