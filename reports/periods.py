"""Periods a report covers, offered by name, and the period before one to compare with.

UK financial years run from 1 April: "2025/26" is 1 April 2025 to 31 March 2026, and its
quarters are "Q1 2025/26" (April to June 2025) to "Q4 2025/26" (January to March 2026).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings

from . import shares
from .selectors import published_meetings_between

QUARTER_MONTHS = {1: 4, 2: 7, 3: 10, 4: 1}  # the month each quarter starts


@dataclass(frozen=True)
class Period:
    name: str
    start: datetime.date
    end: datetime.date

    @property
    def key(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def _year_name(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def financial_year(year: int) -> Period:
    """The financial year starting 1 April `year`."""
    return Period(_year_name(year), datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31))


def financial_quarter(year: int, quarter: int) -> Period:
    """Quarter 1 to 4 of the financial year starting 1 April `year`."""
    month = QUARTER_MONTHS[quarter]
    start = datetime.date(year + (quarter == 4), month, 1)
    after = datetime.date(start.year + (month == 10), (month + 2) % 12 + 1, 1)
    return Period(f"Q{quarter} {_year_name(year)}", start, after - datetime.timedelta(days=1))


def financial_year_of(day: datetime.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def named_periods(today: datetime.date, *, years: int = 3) -> list[Period]:
    """The financial years up to this one, newest first, each followed by its quarters
    that have begun, newest first."""
    this_year = financial_year_of(today)
    periods = []
    for year in range(this_year, this_year - years, -1):
        periods.append(financial_year(year))
        quarters = [financial_quarter(year, q) for q in (4, 3, 2, 1)]
        periods += [q for q in quarters if q.start <= today]
    return periods


def previous(start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The period of equal length ending the day before `start`."""
    before_end = start - datetime.timedelta(days=1)
    return before_end - (end - start), before_end


@dataclass
class Before:
    """The period before, from its published meetings' frozen figures."""

    start: datetime.date
    end: datetime.date
    totals: list[int]
    meetings: int

    @property
    def total(self) -> int:
        return sum(self.totals)


def before(report, size: int, counts_of) -> Before:
    """The previous period of equal length's cases per category; `counts_of` reads one
    published version's counts in the framework's order."""
    start, end = previous(report.period_start, report.period_end)
    versions = published_meetings_between(panel=report.panel, start=start, end=end)
    totals = [0] * size
    for version in versions:
        for i, n in enumerate(counts_of(version.figures, size)):
            totals[i] += n
    return Before(start, end, totals, len(versions))


def changes(totals: list[int], earlier: Before) -> list[shares.Change]:
    """Each category's change in share since the period before, or "too few cases"."""
    least = settings.REPORT_COMPARE_MIN_CASES
    whole = sum(totals)
    return [
        shares.change(n, whole, m, earlier.total, least=least)
        for n, m in zip(totals, earlier.totals, strict=True)
    ]
