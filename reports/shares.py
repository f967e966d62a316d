"""Shares of cases as a report says them: "8 of 10 cases (80%)", and the change from the
period before in percentage points. Whole percentages, rounded half up (12.5% is 13%),
as a reader would round them, never Python's round-half-to-even."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def percent(part: int, whole: int) -> int | None:
    """`part` as a whole percentage of `whole`; None when there is nothing to divide."""
    if not whole:
        return None
    exact = Decimal(part) * 100 / Decimal(whole)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def of_cases(part: int, whole: int) -> str:
    """ "8 of 10 cases (80%)"; "0 of 0 cases" when nothing was decided."""
    share = percent(part, whole)
    values = {"part": part, "whole": whole, "share": share}
    if share is None:
        return ngettext("%(part)d of %(whole)d case", "%(part)d of %(whole)d cases", whole) % values
    return (
        ngettext(
            "%(part)d of %(whole)d case (%(share)d%%)",
            "%(part)d of %(whole)d cases (%(share)d%%)",
            whole,
        )
        % values
    )


@dataclass(frozen=True)
class Change:
    """A category's share now and in the period before, or why they cannot be compared."""

    now: int | None
    before: int | None
    points: int | None  # percentage points, from the exact shares, rounded half up
    too_few: bool

    @property
    def words(self) -> str:
        if self.too_few:
            return _("Too few cases to compare")
        if self.points == 0:
            return _("No change")
        points = abs(self.points)
        if self.points > 0:
            words = ngettext(
                "Up %(points)d percentage point", "Up %(points)d percentage points", points
            )
        else:
            words = ngettext(
                "Down %(points)d percentage point", "Down %(points)d percentage points", points
            )
        return words % {"points": points}


def change(part: int, whole: int, part_before: int, whole_before: int, *, least: int) -> Change:
    """The change in a category's share of cases; "too few" when either period decided
    fewer than `least` cases (REPORT_COMPARE_MIN_CASES)."""
    now, before = percent(part, whole), percent(part_before, whole_before)
    if whole < least or whole_before < least:
        return Change(now, before, None, True)
    exact = Decimal(part) * 100 / whole - Decimal(part_before) * 100 / whole_before
    return Change(now, before, int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)), False)
