"""Charts drawn on the server as SVG (no JavaScript), each shown beside a table that
gives its figures as text. The same SVG goes into web pages and PDFs.

- `category_bars`: cases per category, one horizontal bar a category (a report).
- `stacked_bars`: cases per category per meeting, one stacked bar a meeting (a panel
  over time, a period report).
"""

import textwrap
from dataclasses import dataclass

# GOV.UK Frontend's palette, in an order where neighbours stay distinguishable.
COLOURS = ["#00703c", "#1d70b8", "#f47738", "#d4351c", "#4c2c92", "#505a5f", "#28a197"]
# A framework's red, amber, green scheme (OutcomeCategory.colour), in the same palette.
RAG = {"red": "#d4351c", "amber": "#f47738", "green": "#00703c"}
# Characters of a label on one line of a chart before it wraps (14 px text, 600 px wide).
WRAP = 70


def label_of(category) -> str:
    """The words a chart gives a category: those its table gives it too."""
    return category.display_label


def colour_of(category, index: int) -> str:
    """The category's own colour if its framework gives it one, else the palette's."""
    return RAG.get(getattr(category, "colour", ""), COLOURS[index % len(COLOURS)])


LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT, BAR_HEIGHT = 190, 400, 34, 22


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    colour: str
    label: str
    count: int


@dataclass(frozen=True)
class Row:
    y: int
    text_y: int
    label: str
    segments: list[Segment]
    total: int
    total_x: float


def stacked_bars(report) -> dict:
    """Cases per category per meeting, one horizontal stacked bar a meeting."""
    most = max(report.most, 1)
    rows = []
    for n, figures in enumerate(report.meetings):
        x, segments = float(LABEL_WIDTH), []
        for category, count, colour in zip(
            report.categories, figures.counts, _colours(report.categories), strict=True
        ):
            if count:
                width = BAR_WIDTH * count / most
                segments.append(Segment(x, width, colour, label_of(category), count))
                x += width
        y = 10 + n * ROW_HEIGHT
        rows.append(
            Row(
                y=y,
                text_y=y + 16,
                label=getattr(figures, "label", None) or f"{figures.meeting.date:%-d %b %Y}",
                segments=segments,
                total=sum(figures.counts),
                total_x=x + 6,
            )
        )
    legend, y = [], 20 + len(rows) * ROW_HEIGHT
    # One entry a line, at the chart's left, so a framework's whole wording fits.
    for category, colour in zip(report.categories, _colours(report.categories), strict=True):
        lines = textwrap.wrap(label_of(category), WRAP) or [""]
        legend.append({"x": 0, "y": y, "colour": colour, "label": lines[0], "more": lines[1:]})
        y += 22 + 18 * (len(lines) - 1)
    return {"rows": rows, "legend": legend, "width": LABEL_WIDTH + BAR_WIDTH + 50, "height": y + 10}


def _colours(categories) -> list[str]:
    return [colour_of(category, i) for i, category in enumerate(categories)]


# Category bars: labels sit above their bars so long category names fit at any width.
CB_WIDTH, CB_LABEL_HEIGHT, CB_BAR_HEIGHT, CB_GAP = 600, 20, 22, 14
CB_BAR_SPACE = 520  # leaves room after the longest bar for its count


def category_bars(counts) -> dict:
    """`counts` is [(category, count)] in framework order; zero counts keep their row."""
    most = max([n for _, n in counts] + [1])
    rows, y = [], 4
    for i, (category, count) in enumerate(counts):
        width = CB_BAR_SPACE * count / most
        lines = textwrap.wrap(label_of(category), WRAP) or [""]
        top = y + 18 * (len(lines) - 1)  # a label that wraps pushes its bar down
        rows.append(
            {
                "text": label_of(category),
                "label": lines[0],
                "label_y": y + 14,
                "more": [(y + 14 + 18 * n, line) for n, line in enumerate(lines[1:], start=1)],
                "bar_y": top + CB_LABEL_HEIGHT,
                "width": round(width, 1),
                "count": count,
                "count_x": round(width + 6, 1),
                "count_y": top + CB_LABEL_HEIGHT + 16,
                "colour": colour_of(category, i),
            }
        )
        y = top + CB_LABEL_HEIGHT + CB_BAR_HEIGHT + CB_GAP
    return {"rows": rows, "width": CB_WIDTH, "height": y, "bar_height": CB_BAR_HEIGHT}
