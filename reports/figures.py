"""A published report's figures as open data: category counts, reasons, themes and the
findings per criterion.

Frozen into the published version as JSON, so the CSV and JSON downloads say exactly
what the published report said. No case reference, narrative or name is included.
"""

import csv
import io

from django.utils.translation import gettext_lazy as _

from cases.resources import neutralise

from . import shares
from .accountability.figures import notes_figures
from .accountability.presenters import MeetingNotes

DICTIONARY = [
    (
        "record",
        _(
            "What the row is: category (a count), reason (a published bullet), theme, or "
            "criterion (the panel's answers on one criterion)."
        ),
    ),
    (
        "position",
        _("The category's, or the criterion's, number in the panel's framework, 1 first."),
    ),
    ("category", _("The framework's wording of the category.")),
    ("cases", _("How many cases the row covers (for a criterion, the cases the panel answered).")),
    (
        "text",
        _(
            "For a reason, the published wording; for a theme, its name; for a criterion, "
            "its wording."
        ),
    ),
    ("criterion_group", _("For a criterion, the heading it sits under in the framework, if any.")),
    ("met", _("For a criterion, the cases where the panel found it met.")),
    ("partly_met", _("For a criterion, the cases where the panel found it partly met.")),
    ("not_met", _("For a criterion, the cases where the panel found it not met.")),
    ("not_recorded", _("For a criterion, the cases where the file did not record it.")),
    ("not_applicable", _("For a criterion, the cases it did not apply to.")),
    ("numerator", _("For a criterion, the cases where it was met (as met).")),
    (
        "denominator",
        _("For a criterion, the cases where it applied: those answered, less not applicable."),
    ),
    (
        "percentage",
        _(
            "For a criterion, numerator of denominator as a whole percentage, halves rounded "
            "up; blank when it applied in no case."
        ),
    ),
    ("force", _("The code of the police force whose cases the panel looked at.")),
    ("framework", _("The framework the panel rates cases against.")),
    ("period_start", _("The first day the figures cover (a meeting's date, or a period's start).")),
    ("period_end", _("The last day the figures cover (a meeting's date, or a period's end).")),
]
CRITERION_COUNTS = [
    "met",
    "partly_met",
    "not_met",
    "not_recorded",
    "not_applicable",
    "numerator",
    "denominator",
    "percentage",
]


def figures_of(presented) -> dict:
    if isinstance(presented, MeetingNotes):
        return notes_figures(presented)
    if hasattr(presented, "meetings"):
        return period_figures(presented)
    return meeting_figures(presented)


def _criteria(presented) -> list[dict]:
    return presented.criteria.rows() if presented.criteria is not None else []


def period_figures(presented) -> dict:
    report = presented.report
    return {
        "panel": report.panel.name,
        "force": report.panel.force.code,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "framework": presented.framework.name,
        "framework_code": presented.framework.slug,
        "cases": presented.total,
        "meetings": [
            {"meeting_date": m.date.isoformat(), "theme": m.theme, "counts": m.counts}
            for m in presented.meetings
        ],
        "categories": [
            {
                "position": n,
                "code": c.code,
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
        "criteria": _criteria(presented),
    }


def meeting_figures(presented) -> dict:
    day = presented.meeting.date.isoformat()
    return {
        "panel": presented.report.panel.name,
        "force": presented.report.panel.force.code,
        "meeting_date": day,
        "period_start": day,
        "period_end": day,
        "theme": presented.meeting.theme,
        "framework": presented.framework.name,
        "framework_code": presented.framework.slug,
        "cases": presented.total,
        "categories": [
            {
                "position": f.number,
                "code": f.category.code,
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
        "criteria": _criteria(presented),
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


# The words of each kind of row that a version published in more languages than English
# also gives in each of them, as `<word>_<language>` (open data's codes stay as they are).
LABELS = {
    "categories": ("category",),
    "reasons": ("category", "text"),
    "themes": ("theme",),
    "criteria": ("criterion", "group"),
    "topics": ("topic", "level_label"),
    "force_context": ("measure", "source"),
}


def add_labels(figures: dict, theirs: dict, code: str) -> None:
    """Give each row of `figures` the words of the same row in `theirs`, the same figures
    presented in another language."""
    for key, words in LABELS.items():
        for row, other in zip(figures.get(key, []), theirs.get(key, []), strict=False):
            for word in words:
                if word in other:
                    row[f"{word}_{code}"] = other[word]
    # The counts by a field of the record: the field's name and each value's label.
    table, other = figures.get("by_field"), theirs.get("by_field")
    if table and other:
        table[f"field_{code}"] = other["field"]
        for row, their_row in zip(table["rows"], other["rows"], strict=False):
            row[f"value_{code}"] = their_row["value"]


def label_columns(figures: dict) -> list[str]:
    """The CSV's extra columns of labels, for a version published in more languages."""
    others = figures.get("languages", [])[1:]
    return [f"{name}_{code}" for code in others for name in ("category", "text", "criterion_group")]


def _labels(figures: dict, kind: str, row: dict) -> list[str]:
    cells = []
    for code in figures.get("languages", [])[1:]:
        if kind == "theme":
            cells += ["", row.get(f"theme_{code}", ""), ""]
        elif kind == "criterion":
            cells += ["", row.get(f"criterion_{code}", ""), row.get(f"group_{code}", "")]
        else:
            cells += [row.get(f"category_{code}", ""), row.get(f"text_{code}", ""), ""]
    return cells


def meeting_csv(figures: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([name for name, _ in DICTIONARY] + label_columns(figures))
    for row in meeting_rows(figures):
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def meeting_rows(figures: dict):
    """Every row of a report's CSV; versions frozen before a column existed leave it blank."""
    about = [
        figures.get("force", ""),
        figures.get("framework", ""),
        figures.get("period_start", figures.get("meeting_date", "")),
        figures.get("period_end", figures.get("meeting_date", "")),
    ]
    blank = [""] * (1 + len(CRITERION_COUNTS))
    for row in figures["categories"]:
        yield [
            "category",
            row["position"],
            row["category"],
            row["cases"],
            "",
            *blank,
            *about,
            *_labels(figures, "category", row),
        ]
    for row in figures["reasons"]:
        yield [
            "reason",
            row["position"],
            row["category"],
            row["cases"],
            row["text"],
            *blank,
            *about,
            *_labels(figures, "reason", row),
        ]
    for row in figures["themes"]:
        yield [
            "theme",
            "",
            "",
            row["cases"],
            row["theme"],
            *blank,
            *about,
            *_labels(figures, "theme", row),
        ]
    for row in figures.get("criteria", []):
        counts = ["" if row[name] is None else row[name] for name in CRITERION_COUNTS]
        yield [
            "criterion",
            row["position"],
            "",
            row["cases"],
            row["criterion"],
            row["group"],
            *counts,
            *about,
            *_labels(figures, "criterion", row),
        ]
