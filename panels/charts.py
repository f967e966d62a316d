"""Charts drawn on the server as SVG (no JavaScript), each with a table as its text."""

from dataclasses import dataclass

# GOV.UK Frontend's palette, in an order where neighbours stay distinguishable.
COLOURS = ["#00703c", "#1d70b8", "#f47738", "#d4351c", "#4c2c92", "#505a5f", "#28a197"]
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
                segments.append(Segment(x, width, colour, category.short_label, count))
                x += width
        y = 10 + n * ROW_HEIGHT
        rows.append(
            Row(
                y=y,
                text_y=y + 16,
                label=f"{figures.meeting.date:%-d %b %Y}",
                segments=segments,
                total=sum(figures.counts),
                total_x=x + 6,
            )
        )
    legend_y = 20 + len(rows) * ROW_HEIGHT
    legend = [
        {
            "x": LABEL_WIDTH + (i % 2) * 210,
            "y": legend_y + (i // 2) * 22,
            "colour": c,
            "label": cat.short_label,
        }
        for i, (cat, c) in enumerate(
            zip(report.categories, _colours(report.categories), strict=True)
        )
    ]
    height = legend_y + ((len(legend) + 1) // 2) * 22 + 10
    return {"rows": rows, "legend": legend, "width": LABEL_WIDTH + BAR_WIDTH + 50, "height": height}


def _colours(categories) -> list[str]:
    return [COLOURS[i % len(COLOURS)] for i in range(len(categories))]
