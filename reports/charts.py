"""The report's chart: cases per category as horizontal bars, drawn on the server as SVG.

The same SVG goes into the web page and the PDF; a table beside it gives the figures
as text. Labels sit above their bars so long category names fit at any width.
"""

from panels.charts import COLOURS

WIDTH, LABEL_HEIGHT, BAR_HEIGHT, GAP = 600, 20, 22, 14
BAR_SPACE = 520  # leaves room after the longest bar for its count


def category_bars(counts) -> dict:
    """`counts` is [(category, count)] in framework order; zero counts keep their row."""
    most = max([n for _, n in counts] + [1])
    rows, y = [], 4
    for i, (category, count) in enumerate(counts):
        width = BAR_SPACE * count / most
        rows.append(
            {
                "label": category.short_label,
                "label_y": y + 14,
                "bar_y": y + LABEL_HEIGHT,
                "width": round(width, 1),
                "count": count,
                "count_x": round(width + 6, 1),
                "count_y": y + LABEL_HEIGHT + 16,
                "colour": COLOURS[i % len(COLOURS)],
            }
        )
        y += LABEL_HEIGHT + BAR_HEIGHT + GAP
    return {"rows": rows, "width": WIDTH, "height": y, "bar_height": BAR_HEIGHT}
