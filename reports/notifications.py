"""Who is emailed as a findings report moves on (core.notifications sends).

- Waiting for approval: each OPCC officer the rule set lets approve it (four eyes: not
  whoever changed it last), other than whoever asked.
- Returned to draft: its author (whoever created it), with the reason given, unless
  they returned it themselves.
- Published: OPCC staff, other than whoever published it.

Emails name the report and who acted, never its findings or any case.
"""

from __future__ import annotations

import rules
from django.urls import reverse

from core.notifications import NotificationKind, notify, site_url
from core.roles import StaffRole, users_with_role

from .enums import ReportKind
from .models import FindingsReport


def _named(report: FindingsReport) -> tuple[str, str, str]:
    """What the report is called, and its verbs ("is"/"has"), for a subject line: a
    scrutiny meeting's notes are not a findings report to the people who wrote them."""
    if report.kind == ReportKind.NOTES:
        return "scrutiny meeting notes", "are", "have"
    return "findings report", "is", "has"


def _context(report: FindingsReport) -> dict:
    return {
        "title": report.title,
        "what": _named(report)[0],
        "url": site_url(reverse("reports:report_detail", args=[report.pk])),
    }


def _subject(report: FindingsReport, template: str) -> str:
    what, is_, has = _named(report)
    article = "" if report.kind == ReportKind.NOTES else "A "
    return template.format(what=f"{article}{what}".capitalize(), is_=is_, has=has)


def _staff_except(user) -> list:
    return list(users_with_role(StaffRole.OPCC_STAFF).exclude(pk=user.pk).order_by("pk"))


def report_approval_notify(*, report: FindingsReport, by) -> list:
    approvers = [
        user for user in _staff_except(by) if rules.has_perm("reports.approve_report", user, report)
    ]
    return notify(
        users=approvers,
        kind=NotificationKind.APPROVAL_WAITING,
        subject=_subject(report, "{what} {is_} waiting for your approval"),
        template="reports/email/approval_waiting.txt",
        context={**_context(report), "submitted_by": by.get_full_name() or by.get_username()},
    )


def report_returned_notify(*, report: FindingsReport, by, reason: str) -> list:
    if report.created_by_id == by.pk:
        return []
    return notify(
        users=[report.created_by],
        kind=NotificationKind.REPORT_RETURNED,
        subject=_subject(report, "{what} you wrote {has} been returned to draft"),
        template="reports/email/report_returned.txt",
        context={
            **_context(report),
            "returned_by": by.get_full_name() or by.get_username(),
            "reason": reason,
        },
    )


def report_published_notify(*, report: FindingsReport, by, version: int) -> list:
    return notify(
        users=_staff_except(by),
        kind=NotificationKind.REPORT_PUBLISHED,
        subject=_subject(report, "{what} {has} been published"),
        template="reports/email/report_published.txt",
        context={
            **_context(report),
            "published_by": by.get_full_name() or by.get_username(),
            "version": version,
        },
    )
