"""The demo's published reports: the two closed meetings, drafted, approved by a second
person and published through the services, so a newcomer's public site shows them.

Each is drafted, approved and published on days after its meeting, not on the day the
demo is loaded, so the public site never says a panel met after its report came out.
"""

import datetime
from contextlib import contextmanager
from unittest import mock

from django.db import transaction
from django.utils import timezone

from panels.enums import MeetingStatus
from panels.models import Meeting, Theme

from . import disclosure, services
from .models import FindingsReport

# (panel slug, category code, case positions or a theme slug, wording after "In N cases")
MERGES = [
    (
        "adult-oocr",
        "inconsistent",
        [1, 2],
        "the panel found the offence reported was recorded incorrectly and should have been "
        "classified as stalking, which would have increased the gravity score; advice from "
        "the CPS should have been sought.",
    ),
    (
        "adult-oocr",
        "inconsistent",
        "no-clear-admission",
        "there was no clear admission from the perpetrator, which is required for a caution, "
        "and therefore the resolution was not compliant with police policy.",
    ),
    (
        "victims-code",
        "partially-compliant",
        "victim-not-updated",
        "the panel could not be assured that the victim received all updates after key "
        "decisions had been made.",
    ),
    (
        "victims-code",
        "partially-compliant",
        "victim-leaflet-not-recorded",
        "it could not be determined if a victim's booklet was provided, which would give the "
        "victim information covering some of the Code's rights.",
    ),
]


# The day each panel's report came out. The published documents do not print it; these
# are the weeks after each meeting when the office put its findings on its website.
PUBLISHED_ON = {
    "adult-oocr": datetime.date(2025, 11, 12),
    "victims-code": datetime.date(2025, 10, 15),
}
WEEKS_AFTER = 4  # for any other closed demo meeting


@transaction.atomic
def load_reports(users: dict) -> int:
    """Publish a report for each closed demo meeting that has none; returns how many."""
    published = 0
    for meeting in Meeting.objects.filter(status=MeetingStatus.CLOSED, report__isnull=True):
        day = PUBLISHED_ON.get(meeting.panel.slug) or meeting.date + datetime.timedelta(
            weeks=WEEKS_AFTER
        )
        with _on(day - datetime.timedelta(days=9), hour=10):
            report = services.report_generate(meeting=meeting, by=users["olu"])
            _merge(report, users["olu"])
            for finding in disclosure.check(report):
                services.disclosure_accept(
                    report=report,
                    fingerprint=finding.fingerprint,
                    reason="Checked before publication: not personal data.",
                    by=users["olu"],
                )
        with _on(day - datetime.timedelta(days=6), hour=15):
            services.report_submit(report=report, by=users["olu"])
        with _on(day - datetime.timedelta(days=2), hour=11):
            services.report_approve(report=report, by=users["nia"])
        with _on(day, hour=9):
            services.report_publish(report=report, by=users["olu"])
        published += 1
    return published


@contextmanager
def _on(day: datetime.date, *, hour: int):
    """Do the work as if on that day: what it stores and prints is dated then."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    with mock.patch.object(timezone, "now", return_value=moment):
        yield


def _merge(report: FindingsReport, by) -> None:
    for panel, code, cases, text in MERGES:
        if report.panel.slug != panel:
            continue
        category = report.panel.framework.categories.get(code=code)
        decided = category.decisions.filter(reviewed_case__meeting=report.meeting)
        theme = None
        if isinstance(cases, str):
            theme, decisions = Theme.objects.get(slug=cases), []
        else:
            decisions = list(decided.filter(reviewed_case__position__in=cases))
        services.bullet_save(
            report=report,
            category=category,
            decisions=decisions,
            text=text,
            theme=theme,
            version=report.version,
            by=by,
        )
