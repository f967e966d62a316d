"""One chart module draws the panels' and the reports' charts, in the same colours."""

import datetime
from types import SimpleNamespace

from core import charts


def category(label, short_label=None, colour=""):
    return SimpleNamespace(
        label=label, display_label=label, short_label=short_label or label, colour=colour
    )


CATEGORIES = [category("Consistent"), category("With observations"), category("Inconsistent")]


def test_category_bars_keep_a_row_for_a_category_with_no_cases():
    drawn = charts.category_bars(list(zip(CATEGORIES, [3, 0, 6], strict=True)))

    assert [(row["label"], row["count"]) for row in drawn["rows"]] == [
        ("Consistent", 3),
        ("With observations", 0),
        ("Inconsistent", 6),
    ]
    assert [row["width"] for row in drawn["rows"]] == [260.0, 0.0, 520.0]


def test_stacked_bars_draw_one_bar_a_meeting_with_its_total():
    meeting = SimpleNamespace(date=datetime.date(2025, 10, 15))
    report = SimpleNamespace(
        most=10,
        categories=CATEGORIES,
        meetings=[SimpleNamespace(meeting=meeting, counts=[0, 2, 8])],
    )

    drawn = charts.stacked_bars(report)

    (row,) = drawn["rows"]
    assert (row.label, row.total) == ("15 Oct 2025", 10)
    assert [(s.label, s.count) for s in row.segments] == [
        ("With observations", 2),
        ("Inconsistent", 8),
    ]


def test_a_category_has_the_same_colour_in_both_charts():
    bars = charts.category_bars([(c, 1) for c in CATEGORIES])
    meeting = SimpleNamespace(date=datetime.date(2025, 10, 15))
    stacked = charts.stacked_bars(
        SimpleNamespace(
            most=3,
            categories=CATEGORIES,
            meetings=[SimpleNamespace(meeting=meeting, counts=[1, 1, 1])],
        )
    )

    assert [row["colour"] for row in bars["rows"]] == [
        s.colour for s in stacked["rows"][0].segments
    ]


def test_category_bars_use_the_frameworks_own_wording_wrapped_to_fit():
    failed = category("Panel failed to reach a decision", short_label="No decision")
    long = category(
        "Consistent with Police Policy (and the Crown Prosecution Service Code for Crown "
        "Prosecutors)"
    )

    drawn = charts.category_bars([(failed, 1), (long, 2)])

    assert [row["label"] for row in drawn["rows"]] == [failed.label, long.label]
    assert drawn["rows"][0]["lines"] == ["Panel failed to reach a decision"]
    assert " ".join(drawn["rows"][1]["lines"]) == long.label
    assert len(drawn["rows"][1]["lines"]) == 2
    assert drawn["rows"][1]["bar_y"] - drawn["rows"][1]["label_y"] > (
        drawn["rows"][0]["bar_y"] - drawn["rows"][0]["label_y"]
    )


def test_a_framework_s_colours_and_whole_wording_reach_the_chart():
    long = (
        "Consistent with Police Policy (and the Crown Prosecution Service Code for Crown "
        "Prosecutors)"
    )
    drawn = charts.category_bars(
        [(category(long, colour="green"), 2), (category("Concern", colour="red"), 1)]
    )

    first, second = drawn["rows"]
    assert (first["colour"], second["colour"]) == ("#00703c", "#d4351c")
    assert first["label"] == long
    assert " ".join(first["lines"]) == long
    assert second["bar_y"] > first["bar_y"] + 22 + 18  # the wrapped label's line made room


def test_level_timeline_puts_each_decision_in_its_levels_lane_in_date_order():
    lanes = ["Assured", "Partly assured", "Not assured"]

    chart = charts.level_timeline([("Sep 2023", 2), ("Sep 2024", 1), ("Sep 2025", 0)], lanes)

    assert [(p["date"], p["y"]) for p in chart["points"]] == [
        ("Sep 2023", 100),
        ("Sep 2024", 60),
        ("Sep 2025", 20),
    ]
    xs = [p["x"] for p in chart["points"]]
    assert xs == sorted(xs) and xs[-1] <= chart["width"]
    assert [lane["label"] for lane in chart["lanes"]] == lanes
    assert chart["line"] == " ".join(f"{p['x']},{p['y']}" for p in chart["points"])
