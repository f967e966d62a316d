"""Wording put together now and read later, in whatever language is active then.

An email is written in its recipient's language, not in the language of the page whose
action caused it, so its subject cannot be a finished `str` when the caller builds it:
`later(gettext_lazy("An action from %(panel)s is yours"), panel=name)` is translated and
filled in each time it is turned into a `str`, under the language active at that moment
(core.notifications turns it into one under each recipient's). A value that is itself
lazy (another `later`, a `gettext_lazy` label, `day(...)`, `said(row, "title")`) is
resolved at that moment too.
"""

from __future__ import annotations

import datetime

from django.utils.dateformat import format as date_format
from django.utils.functional import Promise

from .bilingual import english_of, in_welsh, welsh_of


class Later:
    """A message and its values: translated, then %-formatted, by `str()`."""

    def __init__(self, message, **values):
        self.message, self.values = message, values

    def __str__(self) -> str:
        values = {name: _now(value) for name, value in self.values.items()}
        return str(self.message) % values if values else str(self.message)

    def __repr__(self) -> str:
        return f"Later({self.message!r}, **{self.values!r})"


class day:  # noqa: N801 (reads as the function it stands in for: day(due))
    """A date written as "7 December 2026" (month in the active language) by `str()`."""

    def __init__(self, value: datetime.date):
        self.value = value

    def __str__(self) -> str:
        return date_format(self.value, "j F Y")


class said:  # noqa: N801 (reads as the function it stands in for: said(report, "title"))
    """A field with a Welsh version (docs/adr/0017), read by `str()` in the language active
    then: its Welsh under Welsh while it has one, else its English. A report's title in an
    email is its recipient's, not the sender's."""

    def __init__(self, row, name: str):
        self.row, self.name = row, name

    def __str__(self) -> str:
        if in_welsh():
            return welsh_of(self.row, self.name) or english_of(self.row, self.name)
        return english_of(self.row, self.name)


def later(message, **values) -> Later:
    return Later(message, **values)


def _now(value):
    if isinstance(value, Promise | Later | day | said):
        return str(value)
    return value
