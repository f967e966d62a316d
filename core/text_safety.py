"""Refuse text that hides what it says: direction controls, zero-width characters
and names that mix alphabets to look like someone else's.

`check_text(value, where)` raises a ValidationError naming the character, what it
does and where it is ("Section text contains a hidden character that reverses text
direction (U+202E) at character 14. Remove it and try again."). `SafeTextMixin`
runs it on every text field of a form and writes one REFUSED audit entry when a
form is refused for it; `check_single_script` refuses mixed-alphabet names.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError

# Bidirectional controls: embeddings, overrides, isolates and marks.
BIDI_CONTROLS = {
    "\u202a": "starts a left-to-right embedding",
    "\u202b": "starts a right-to-left embedding",
    "\u202c": "ends a text direction change",
    "\u202d": "forces text to run left to right",
    "\u202e": "reverses text direction",
    "\u2066": "starts a left-to-right isolate",
    "\u2067": "starts a right-to-left isolate",
    "\u2068": "starts a text direction isolate",
    "\u2069": "ends a text direction isolate",
    "\u200e": "marks text as left to right",
    "\u200f": "marks text as right to left",
    "\u061c": "marks text as Arabic right to left",
}
ZERO_WIDTH = {
    "\u200b": "takes up no space (a zero-width space)",
    "\u200c": "takes up no space (a zero-width non-joiner)",
    "\u200d": "takes up no space (a zero-width joiner)",
    "\u2060": "takes up no space (a word joiner)",
    "\ufeff": "takes up no space (a zero-width no-break space)",
    "\u180e": "takes up no space (a Mongolian vowel separator)",
    "\u00ad": "is invisible (a soft hyphen)",
    "\u034f": "is invisible (a combining grapheme joiner)",
}
HIDDEN = {**BIDI_CONTROLS, **ZERO_WIDTH}
REFUSAL_CODES = {"hidden_character", "mixed_script"}


def find_hidden(value: str) -> tuple[int, str] | None:
    """The first hidden character as (1-based position, character), or None.

    Besides the named ones, any other Unicode format character (category Cf,
    such as U+2061 … U+2064 or the tag characters) counts as hidden.
    """
    for index, char in enumerate(value):
        if char in HIDDEN or unicodedata.category(char) == "Cf":
            return index + 1, char
    return None


def hidden_character_message(value: str, where: str) -> str | None:
    found = find_hidden(value)
    if found is None:
        return None
    position, char = found
    what = HIDDEN.get(char, "is invisible (a formatting character)")
    return (
        f"{where} contains a hidden character that {what} (U+{ord(char):04X}) "
        f"at character {position}. Remove it and try again."
    )


def check_text(value, where: str):
    """Returns value unchanged, or raises ValidationError saying what and where."""
    if isinstance(value, str) and value:
        message = hidden_character_message(value, where)
        if message:
            raise ValidationError(message, code="hidden_character")
    return value


def scripts_of(value: str) -> set[str]:
    """The alphabets a name's letters come from: LATIN, CYRILLIC, GREEK …"""
    scripts = set()
    for char in value:
        if char.isalpha():
            name = unicodedata.name(char, "UNKNOWN")
            scripts.add(name.split(" ", 1)[0])
    return scripts


def check_single_script(value, where: str):
    """Refuse a name mixing alphabets, such as Latin with a Cyrillic "а"."""
    check_text(value, where)
    scripts = scripts_of(value or "")
    if len(scripts) > 1:
        names = " and ".join(sorted(s.title() for s in scripts))
        raise ValidationError(
            f"{where} mixes letters from different alphabets ({names}), so it could be "
            "mistaken for a different name. Use letters from one alphabet and try again.",
            code="mixed_script",
        )
    return value


def audit_refusal(form, request=None) -> None:
    """One REFUSED entry naming the form and the fields: never the text itself."""
    from core.audit import AuditEvent, record

    fields = sorted(
        name
        for name, errors in form.errors.as_data().items()
        if any(error.code in REFUSAL_CODES for error in errors)
    )
    record(
        AuditEvent.REFUSED,
        None,
        request=request,
        object_repr=type(form).__name__,
        summary="Refused hidden or mixed-script characters in " + ", ".join(fields),
    )


class SafeTextMixin:
    """For forms: every text field is checked for hidden characters, and a form
    refused for them is audited once (inside a request, the audit middleware
    fills in who). `text_labels` may name fields for the message ("Section
    text"); otherwise the field's label is used. `single_script_fields` are names
    of people or things that must use one alphabet."""

    text_labels: dict[str, str] = {}
    single_script_fields: tuple[str, ...] = ()

    def _clean_fields(self):
        super()._clean_fields()
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if not isinstance(field, forms.CharField) or not isinstance(value, str):
                continue
            if isinstance(field.widget, forms.PasswordInput):
                continue  # a password may be any characters its owner chooses
            where = self.text_labels.get(name) or str(field.label or name.replace("_", " "))
            where = where[:1].upper() + where[1:]
            check = check_single_script if name in self.single_script_fields else check_text
            try:
                check(value, where)
            except ValidationError as error:
                self.add_error(name, error)
        if _refused_for_text(self):
            audit_refusal(self)


def _refused_for_text(form) -> bool:
    return any(
        error.code in REFUSAL_CODES for errors in form.errors.as_data().values() for error in errors
    )
