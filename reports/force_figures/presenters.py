"""The force's figures as a report and the staff's pages say them."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def number_words(value: Decimal) -> str:
    """2452 → "2,452"; 12.50 → "12.5": as the force published it, without stray zeros."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def percentage_words(value: Decimal | None) -> str:
    return "" if value is None else f"{number_words(value)}%"


def period_words(start, end) -> str:
    """ "1 January 2023 to 31 December 2023"."""
    return _("%(start)s to %(end)s") % {
        "start": date_format(start, "j F Y"),
        "end": date_format(end, "j F Y"),
    }


@dataclass(frozen=True)
class FigureLine:
    measure: str
    period: str
    number: str
    percentage: str
    source: str
    link: str

    def as_data(self) -> dict:
        return {
            "measure": self.measure,
            "period": self.period,
            "number": self.number,
            "percentage": self.percentage,
            "source": self.source,
            "link": self.link,
        }


def figure_line(figure) -> FigureLine:
    return FigureLine(
        measure=figure.measure,
        period=period_words(figure.period_start, figure.period_end),
        number=number_words(figure.number),
        percentage=percentage_words(figure.percentage),
        source=figure.source,
        link=figure.link,
    )


def figure_lines(report) -> list[FigureLine]:
    """The force's figures the report shows, latest period first."""
    chosen = report.force_figures.order_by("-period_end", "measure", "pk")
    return [figure_line(f) for f in chosen]
