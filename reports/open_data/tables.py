"""The open data's rows, from the frozen figures of the public versions of meeting reports
only: never live decisions, never a draft, a withdrawn report or a superseded version.

A period report's figures are its meetings' added up, so they are left out here and kept
in the period report's own files; nothing is counted twice.
"""

import csv
import io

from django.conf import settings
from django.urls import reverse

from cases.resources import neutralise

from .. import selectors
from ..criteria import ANSWERS
from ..shares import percent
from .schema import CATEGORIES, CRITERIA, TABLES

COUNTS = [*ANSWERS, "cases", "numerator", "denominator", "percentage"]


def rows(name: str) -> list[dict]:
    """Every row of the table called `name`, newest meeting first."""
    build = {CATEGORIES.name: _category_rows, CRITERIA.name: _criterion_rows}[name]
    return [row for version in selectors.public_meeting_versions() for row in build(version)]


def _about(version) -> tuple[dict, dict]:
    """The columns saying which report a row comes from, before and after its figures."""
    figures = version.figures
    day = version.meeting_date.isoformat()
    report = version.report
    link = reverse("public:report", args=[report.panel.slug, report.slug])
    first = {
        "panel": report.panel.name,
        "meeting_date": day,
        "theme": version.theme,
        "framework": version.framework_name,
    }
    last = {
        "version": version.number,
        "report_url": f"{settings.SITE_URL}{link}",
        "force": figures.get("force") or None,
        "framework_code": figures.get("framework_code") or None,
        "period_start": figures.get("period_start") or day,
        "period_end": figures.get("period_end") or day,
    }
    return first, last


def _category_rows(version):
    first, last = _about(version)
    categories = version.figures["categories"]
    decided = version.figures.get("cases", sum(c["cases"] for c in categories))
    for row in categories:
        yield {
            **first,
            "position": row["position"],
            "category": row["category"],
            "cases": row["cases"],
            **last,
            "category_code": row.get("code") or None,
            "cases_decided": decided,
            "percentage": percent(row["cases"], decided),
            "category_cy": row.get("category_cy") or None,
            "theme_cy": version.theme_cy or None,
        }


def _criterion_rows(version):
    first, last = _about(version)
    for row in version.figures.get("criteria", []):
        yield {
            **first,
            "position": row["position"],
            "criterion_code": row["code"],
            "criterion": row["criterion"],
            "criterion_group": row["group"],
            **{name: row[name] for name in COUNTS},
            **last,
            "criterion_cy": row.get("criterion_cy") or None,
            "criterion_group_cy": row.get("group_cy") or None,
            "theme_cy": version.theme_cy or None,
        }


def as_csv(name: str, found: list[dict]) -> str:
    return write_csv(TABLES[name].names, found)


def write_csv(columns: list[str], found: list[dict]) -> str:
    """UTF-8 CSV with a header row; a missing value is a blank cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in found:
        writer.writerow(["" if row[c] is None else neutralise(row[c]) for c in columns])
    return out.getvalue()


def as_json(name: str, found: list[dict]) -> dict:
    """The same rows as JSON objects, in the same order and with the same keys; a missing
    value is null."""
    return {"rows": [{c: row[c] for c in TABLES[name].names} for row in found]}
