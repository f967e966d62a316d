"""The stale-edit check: a save made from a form opened before someone else's save is
refused, and the page shows the person's own answers beside what is saved now.

Every form that changes a row carries the version it was opened at (a number, or a
fingerprint of the row's fields). The service locks the row, compares, and raises
StaleEdit; `core.form_pages.handle_form` turns that into the same 409 page everywhere.
"""

from collections.abc import Callable
from operator import attrgetter
from typing import Any

version_of = attrgetter("version")


class StaleEdit(Exception):
    """Someone else saved the row after this form was opened. `current` is the row as saved
    now (None when there is none yet); `version` is its version, for the form to carry next."""

    def __init__(self, current: Any, version: Any = 0):
        super().__init__("Someone else changed this while you were editing.")
        self.current = current
        self.version = version


def check_version(current, seen, *, of: Callable[[Any], Any] = version_of) -> None:
    """Raise StaleEdit unless the form's `seen` version is the row's (0 when no row yet).
    Call it on a row read under `select_for_update`, so no save slips in between."""
    now = of(current) if current is not None else 0
    if now != seen:
        raise StaleEdit(current, now)


def lock_at_version(queryset, *, pk, seen, of: Callable[[Any], Any] = version_of):
    """The row locked for the rest of the transaction, if the form saw its current version."""
    current = queryset.select_for_update().get(pk=pk)
    check_version(current, seen, of=of)
    return current
