"""The force's figures as a report and the staff's pages say them."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.bilingual import WELSH, english_of, welsh_of


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
    """One figure as a report says it; `measure` and `source` are the English, with their
    Welsh beside them (the `said` filter picks the page's language)."""

    measure: str
    period: str
    number: str
    percentage: str
    source: str
    link: str
    measure_cy: str = ""
    source_cy: str = ""
    figure_id: int | None = None

    @property
    def measure_en(self) -> str:
        return self.measure

    @property
    def source_en(self) -> str:
        return self.source

    @property
    def has_welsh(self) -> bool:
        return bool(self.measure_cy.strip() and self.source_cy.strip())

    def as_data(self) -> dict:
        """As frozen into a published version's figures: the words in the language the
        version is being drawn up in, the Welsh's English where it has no Welsh."""
        welsh = get_language() == WELSH
        return {
            "measure": (self.measure_cy if welsh else "") or self.measure,
            "period": self.period,
            "number": self.number,
            "percentage": self.percentage,
            "source": (self.source_cy if welsh else "") or self.source,
            "link": self.link,
        }


def figure_line(figure) -> FigureLine:
    return FigureLine(
        measure=english_of(figure, "measure"),
        period=period_words(figure.period_start, figure.period_end),
        number=number_words(figure.number),
        percentage=percentage_words(figure.percentage),
        source=english_of(figure, "source"),
        link=figure.link,
        measure_cy=welsh_of(figure, "measure"),
        source_cy=welsh_of(figure, "source"),
        figure_id=figure.pk,
    )


def figure_lines(report) -> list[FigureLine]:
    """The force's figures the report shows, latest period first."""
    chosen = report.force_figures.order_by("-period_end", "measure", "pk")
    return [figure_line(f) for f in chosen]
