"""Shares of cases as a report says them: "8 of 10 cases (80%)", and the change from the
period before in percentage points. Whole percentages, rounded half up (12.5% is 13%),
as a reader would round them, never Python's round-half-to-even."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def percent(part: int, whole: int) -> int | None:
    """`part` as a whole percentage of `whole`; None when there is nothing to divide."""
    if not whole:
        return None
    exact = Decimal(part) * 100 / Decimal(whole)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def of_cases(part: int, whole: int) -> str:
    """ "8 of 10 cases (80%)"; "0 of 0 cases" when nothing was decided."""
    noun = "case" if whole == 1 else "cases"
    share = percent(part, whole)
    return f"{part} of {whole} {noun}" + ("" if share is None else f" ({share}%)")


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
            return "Too few cases to compare"
        if self.points == 0:
            return "No change"
        sign = "Up" if self.points > 0 else "Down"
        unit = "point" if abs(self.points) == 1 else "points"
        return f"{sign} {abs(self.points)} percentage {unit}"


def change(part: int, whole: int, part_before: int, whole_before: int, *, least: int) -> Change:
    """The change in a category's share of cases; "too few" when either period decided
    fewer than `least` cases (REPORT_COMPARE_MIN_CASES)."""
    now, before = percent(part, whole), percent(part_before, whole_before)
    if whole < least or whole_before < least:
        return Change(now, before, None, True)
    exact = Decimal(part) * 100 / whole - Decimal(part_before) * 100 / whole_before
    return Change(now, before, int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)), False)
