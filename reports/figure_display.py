"""The figures a report shows beyond its counts, as the editor chose them: each category's
share of the cases decided, the decisions counted by a field of the record kind, and the
force's own figures. Derived from decisions whenever the report is shown, until a version
is published and freezes them (reports.figures)."""

from dataclasses import dataclass, field

from core import charts
from panels.meetings.counts import FieldCounts, decision_counts_by_field
from panels.models import Decision, OutcomeCategory

from . import shares
from .force_figures.presenters import FigureLine, figure_lines


@dataclass(frozen=True)
class CategoryRow:
    category: OutcomeCategory
    count: int
    whole: int
    with_share: bool

    @property
    def words(self) -> str:
        """What the table's cell says: "8" or "8 of 10 cases (80%)"."""
        return shares.of_cases(self.count, self.whole) if self.with_share else str(self.count)

    @property
    def percent(self) -> int | None:
        return shares.percent(self.count, self.whole)


@dataclass(frozen=True)
class FieldRow:
    """One value of the field: its cases in each category, in the framework's order."""

    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class FieldTable:
    label: str  # the field's label, e.g. "Self-defined ethnicity"
    categories: list[OutcomeCategory]
    rows: list[FieldRow]
    chart: dict = field(default_factory=dict)

    # The shape core.charts.stacked_bars reads: `most`, `categories`, and `meetings` rows
    # with `counts` and a `label`.
    @property
    def meetings(self) -> list[FieldRow]:
        return self.rows

    @property
    def most(self) -> int:
        return max([row.total for row in self.rows] + [1])


@dataclass
class Extras:
    show_percentages: bool
    category_rows: list[CategoryRow]
    by_field: FieldTable | None
    force_figures: list[FigureLine]


def category_rows(counts, *, with_share: bool) -> list[CategoryRow]:
    """`counts` is [(category, cases)] in the framework's order."""
    whole = sum(n for _, n in counts)
    return [CategoryRow(category, n, whole, with_share) for category, n in counts]


def with_shares(chart: dict, rows: list[CategoryRow]) -> dict:
    """The chart's count beside each bar, with the share when the table gives it too."""
    for drawn, row in zip(chart.get("rows", []), rows, strict=False):
        drawn["count_text"] = f"{row.count} ({row.percent}%)" if row.with_share else row.count
    return chart


def field_table(report, decisions, categories) -> FieldTable | None:
    """The decisions counted by the report's chosen field, or None if it chose none."""
    if report.count_by_id is None:
        return None
    counted: FieldCounts = decision_counts_by_field(decisions, report.count_by)
    table = FieldTable(
        label=report.count_by.label,
        categories=categories,
        rows=[FieldRow(row.label, [row.count(c) for c in categories]) for row in counted.rows],
    )
    table.chart = charts.stacked_bars(table)
    return table


def meeting_extras(report, counts) -> Extras:
    """A meeting report's extras; `counts` is [(category, cases)] in framework order."""
    rows = category_rows(counts, with_share=report.show_percentages)
    decisions = Decision.objects.filter(reviewed_case__meeting=report.meeting_id)
    return Extras(
        show_percentages=report.show_percentages,
        category_rows=rows,
        by_field=field_table(report, decisions, [c for c, _ in counts]),
        force_figures=figure_lines(report),
    )


def period_extras(report, counts, meeting_ids) -> Extras:
    """A period report's extras, over the decisions of its published meetings."""
    decisions = Decision.objects.filter(reviewed_case__meeting__in=meeting_ids)
    return Extras(
        show_percentages=True,  # a period's figures are always given as shares
        category_rows=category_rows(counts, with_share=True),
        by_field=field_table(report, decisions, [c for c, _ in counts]),
        force_figures=figure_lines(report),
    )
