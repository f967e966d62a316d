"""The pieces the accountability forms share: a long text, a date, and a version whose
errors are said at the top of the page."""

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

LONG_TEXT = 20_000


class VersionAtTop:
    """A bad or missing version is said at the top: the hidden field has no place of its
    own in the error summary."""

    def clean(self):
        data = super().clean()
        for name in ("version", "seen"):
            if name in self.errors:
                self.add_error(None, list(self.errors.pop(name)))
        return data


def date_field(label: str, required: str, help_text: str = "") -> DateInputField:
    field = DateInputField(label=label, help_text=help_text or _("For example, 24 9 2025"))
    field.error_messages["required"] = required
    field.error_messages["incomplete"] = required
    return field


def text_field(label: str, required: str, *, rows: int = 5, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": required,
            "max_length": format_lazy(
                _("{label} must be {limit} characters or fewer"),
                label=label,
                limit=f"{LONG_TEXT:,}",
            ),
        },
    )


WELSH_HELP = _("Needed before the meeting's notes are sent for approval in Welsh.")


def welsh_text_field(label: str, *, rows: int = 5, max_length: int = LONG_TEXT) -> forms.CharField:
    """The Welsh box beside an English one (docs/adr/0017): optional, its input in Welsh.
    With PUBLISH_LANGUAGES holding Welsh, the notes cannot go for approval without it."""
    widget = (
        forms.Textarea(attrs={"rows": rows, "lang": "cy"})
        if rows
        else forms.TextInput(attrs={"lang": "cy"})
    )
    return forms.CharField(
        label=label,
        help_text=WELSH_HELP,
        required=False,
        max_length=max_length,
        widget=widget,
        error_messages={
            "max_length": format_lazy(
                _("{label} must be {limit} characters or fewer"),
                label=label,
                limit=f"{max_length:,}",
            ),
        },
    )
