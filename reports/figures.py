"""A published report's figures as open data: category counts, reasons and themes.

Frozen into the published version as JSON, so the CSV and JSON downloads say exactly
what the published report said. No case reference, narrative or name is included.
"""

import csv
import io

from cases.resources import neutralise

from . import shares

DICTIONARY = [
    ("record", "What the row is: category (a count), reason (a published bullet) or theme."),
    ("position", "The category's number in the panel's framework, 1 first."),
    ("category", "The framework's wording of the category."),
    ("cases", "How many cases the row covers."),
    ("text", "For a reason, the published wording; for a theme, its name."),
]
ALL_MEETINGS_COLUMNS = [
    ("panel", "The panel's name."),
    ("meeting_date", "The date the panel met (YYYY-MM-DD)."),
    ("theme", "The meeting's theme."),
    ("framework", "The framework the panel rates cases against."),
    ("position", "The category's number in the framework, 1 first."),
    ("category", "The framework's wording of the category."),
    ("cases", "How many cases the panel placed in the category."),
    ("version", "The published version the figures come from."),
    ("report_url", "Where the published report is."),
]


def figures_of(presented) -> dict:
    if hasattr(presented, "meetings"):
        return period_figures(presented)
    return meeting_figures(presented)


def period_figures(presented) -> dict:
    report = presented.report
    return {
        "panel": report.panel.name,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "framework": presented.framework.name,
        "cases": presented.total,
        "meetings": [
            {"meeting_date": m.date.isoformat(), "theme": m.theme, "counts": m.counts}
            for m in presented.meetings
        ],
        "categories": [
            {
                "position": n,
                "category": c.label,
                "cases": total,
                "percent": shares.percent(total, presented.total),
            }
            for n, (c, total) in enumerate(presented.category_totals, start=1)
        ],
        **extras_figures(presented),
        **comparison_figures(presented),
        "reasons": [],
        "themes": [{"theme": name, "cases": cases} for name, _, cases in presented.themes],
    }


def meeting_figures(presented) -> dict:
    return {
        "panel": presented.report.panel.name,
        "meeting_date": presented.meeting.date.isoformat(),
        "theme": presented.meeting.theme,
        "framework": presented.framework.name,
        "cases": presented.total,
        "categories": [
            {
                "position": f.number,
                "category": f.category.label,
                "cases": f.count,
                "percent": shares.percent(f.count, presented.total),
            }
            for f in presented.findings
        ],
        **extras_figures(presented),
        "reasons": [
            {
                "position": f.number,
                "category": f.category.label,
                "cases": b.count,
                "text": b.sentence,
            }
            for f in presented.findings
            for b in f.bullets
        ],
        "themes": [{"theme": name, "cases": n} for name, n in presented.themes],
    }


def extras_figures(presented) -> dict:
    """What the editor chose to add, frozen as shown: a field's counts, the force's figures."""
    extras = presented.extras
    frozen = {"force_context": [line.as_data() for line in extras.force_figures]}
    if extras.by_field is not None:
        table = extras.by_field
        frozen["by_field"] = {
            "field": table.label,
            "categories": [c.label for c in table.categories],
            "rows": [{"value": row.label, "cases": row.counts} for row in table.rows],
        }
    return frozen


def comparison_figures(presented) -> dict:
    before = presented.before
    return {
        "previous_period": {
            "period_start": before.start.isoformat(),
            "period_end": before.end.isoformat(),
            "cases": before.total,
            "categories": [
                {
                    "position": n,
                    "cases": cases,
                    "percent": change.before,
                    "change_points": change.points,
                    "too_few_to_compare": change.too_few,
                }
                for n, (cases, change) in enumerate(
                    zip(before.totals, presented.changes, strict=True), start=1
                )
            ],
        }
    }


def meeting_csv(figures: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([name for name, _ in DICTIONARY])
    for row in meeting_rows(figures):
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def meeting_rows(figures: dict):
    for row in figures["categories"]:
        yield ["category", row["position"], row["category"], row["cases"], ""]
    for row in figures["reasons"]:
        yield ["reason", row["position"], row["category"], row["cases"], row["text"]]
    for row in figures["themes"]:
        yield ["theme", "", "", row["cases"], row["theme"]]
