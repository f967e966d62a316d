"""Charts drawn on the server as SVG (no JavaScript), each shown beside a table that
gives its figures as text. The same SVG goes into web pages and PDFs.

- `category_bars`: cases per category, one horizontal bar a category (a report).
- `stacked_bars`: cases per category per meeting, one stacked bar a meeting (a panel
  over time, a period report).
- `answer_bars`: the panel's answers per criterion, one stacked bar a criterion (a
  report's findings per criterion).
- `level_timeline`: a topic's assurance decisions over time, one point a decision (the
  public accountability page).
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


# Category bars: labels sit above their bars so long category names fit at any width, in
# the framework's own wording (the table beside the chart says the same), wrapped.
CB_WIDTH, CB_LINE_HEIGHT, CB_BAR_HEIGHT, CB_GAP = 600, 18, 22, 14
CB_BAR_SPACE = 520  # leaves room after the longest bar for its count
CB_LINE_CHARS = 68  # about 560 px of 14 px Noto Sans
CB_LABEL_HEIGHT = CB_LINE_HEIGHT + 2  # a one-line label ("Right 6")


def category_bars(counts) -> dict:
    """`counts` is [(category, count)] in framework order; zero counts keep their row."""
    most = max([n for _, n in counts] + [1])
    rows, y = [], 4
    for i, (category, count) in enumerate(counts):
        width = CB_BAR_SPACE * count / most
        lines = textwrap.wrap(label_of(category), CB_LINE_CHARS) or [""]
        label_height = CB_LINE_HEIGHT * len(lines) + 2
        rows.append(
            {
                "label": label_of(category),
                "lines": lines,
                "label_y": y + 14,
                "bar_y": y + label_height,
                "width": round(width, 1),
                "count": count,
                "count_x": round(width + 6, 1),
                "count_y": y + label_height + 16,
                "colour": colour_of(category, i),
            }
        )
        y += label_height + CB_BAR_HEIGHT + CB_GAP
    return {"rows": rows, "width": CB_WIDTH, "height": y, "bar_height": CB_BAR_HEIGHT}


# The panel's answers, in Assessment's order: met, partly met, not met, not recorded,
# not applicable. Green to red, then greys for the answers that say least.
ANSWER_COLOURS = ["#00703c", "#f47738", "#d4351c", "#505a5f", "#b1b4b6"]


def answer_bars(findings) -> dict:
    """One stacked bar a criterion, a segment per answer, scaled to the most cases any
    criterion was answered in. `findings` have `noun`, `position`, `cases` and `answers`
    ([(value, label, count)] in Assessment's order)."""
    most = max([f.cases for f in findings] + [1])
    rows, y = [], 4
    for finding in findings:
        x, segments = 0.0, []
        for (_value, label, count), colour in zip(finding.answers, ANSWER_COLOURS, strict=True):
            if count:
                width = CB_BAR_SPACE * count / most
                segments.append(Segment(round(x, 1), round(width, 1), colour, label, count))
                x += width
        rows.append(
            {
                "label": f"{finding.noun} {finding.position}",
                "label_y": y + 14,
                "bar_y": y + CB_LABEL_HEIGHT,
                "segments": segments,
                "total": finding.cases,
                "total_x": round(x + 6, 1),
                "total_y": y + CB_LABEL_HEIGHT + 16,
            }
        )
        y += CB_LABEL_HEIGHT + CB_BAR_HEIGHT + CB_GAP
    labels = [label for _value, label, _n in findings[0].answers] if findings else []
    legend = [
        {"x": (i % 3) * 200, "y": y + (i // 3) * 22, "colour": colour, "label": label}
        for i, (label, colour) in enumerate(zip(labels, ANSWER_COLOURS, strict=True))
    ]
    height = y + ((len(legend) + 2) // 3) * 22 + 6
    return {"rows": rows, "legend": legend, "width": CB_WIDTH, "height": height}


# A topic's decisions over time: one lane a level (the best at the top), a point a decision,
# evenly spaced in date order and joined by a line, with the date under each point.
LT_LABEL_WIDTH, LT_WIDTH, LT_LANE_HEIGHT, LT_STEP = 130, 600, 40, 110
LT_COLOURS = ["#00703c", "#f47738", "#d4351c"]


def level_timeline(points, lanes: list[str]) -> dict:
    """`points` are (date label, lane index) oldest first; `lanes` the levels' words, the
    best first. The table beside the chart gives the same decisions as text."""
    room = LT_WIDTH - LT_LABEL_WIDTH - 50
    step = min(LT_STEP, room / max(len(points) - 1, 1))
    placed = [
        {
            "x": round(LT_LABEL_WIDTH + 20 + i * step, 1),
            "y": 20 + lane * LT_LANE_HEIGHT,
            "date": day,
            "colour": LT_COLOURS[lane % len(LT_COLOURS)],
        }
        for i, (day, lane) in enumerate(points)
    ]
    height = 20 + len(lanes) * LT_LANE_HEIGHT + 10
    return {
        "lanes": [
            {"y": 20 + n * LT_LANE_HEIGHT, "text_y": 25 + n * LT_LANE_HEIGHT, "label": label}
            for n, label in enumerate(lanes)
        ],
        "points": placed,
        "line": " ".join(f"{p['x']},{p['y']}" for p in placed),
        "date_y": height - 4,
        "label_width": LT_LABEL_WIDTH,
        "width": LT_WIDTH,
        "height": height + 6,
    }
