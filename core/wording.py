"""Wording put together now and read later, in whatever language is active then.

An email is written in its recipient's language, not in the language of the page whose
action caused it, so its subject cannot be a finished `str` when the caller builds it:
`later(gettext_lazy("An action from %(panel)s is yours"), panel=name)` is translated and
filled in each time it is turned into a `str`, under the language active at that moment
(core.notifications turns it into one under each recipient's). A value that is itself
lazy (another `later`, a `gettext_lazy` label, `day(...)`) is resolved at that moment too.
"""

from __future__ import annotations

import datetime

from django.utils.dateformat import format as date_format
from django.utils.functional import Promise


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


def later(message, **values) -> Later:
    return Later(message, **values)


def _now(value):
    if isinstance(value, Promise | Later | day):
        return str(value)
    return value
