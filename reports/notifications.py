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
from django.utils.translation import gettext_lazy

from core.notifications import NotificationKind, notify, site_url
from core.roles import StaffRole, users_with_role
from core.wording import said

from .enums import ReportKind
from .models import FindingsReport


def _named(report: FindingsReport):
    """What the report is called in an email: a scrutiny meeting's notes are not a
    findings report to the people who wrote them. Lazy: each recipient's language."""
    if report.kind == ReportKind.NOTES:
        return gettext_lazy("scrutiny meeting notes")
    return gettext_lazy("findings report")


def _context(report: FindingsReport) -> dict:
    return {
        # Each recipient's language: the Welsh title for those who read Welsh.
        "title": said(report, "title"),
        "what": _named(report),
        "url": site_url(reverse("reports:report_detail", args=[report.pk])),
    }


def _subject(report: FindingsReport, *, report_subject, notes_subject):
    """The subject line, whole in each language (notes take a plural verb), left lazy
    for core.notifications to put in each recipient's language."""
    return notes_subject if report.kind == ReportKind.NOTES else report_subject


def _staff_except(user) -> list:
    return list(users_with_role(StaffRole.OPCC_STAFF).exclude(pk=user.pk).order_by("pk"))


def report_approval_notify(*, report: FindingsReport, by) -> list:
    approvers = [
        user for user in _staff_except(by) if rules.has_perm("reports.approve_report", user, report)
    ]
    return notify(
        users=approvers,
        kind=NotificationKind.APPROVAL_WAITING,
        subject=_subject(
            report,
            report_subject=gettext_lazy("A findings report is waiting for your approval"),
            notes_subject=gettext_lazy("Scrutiny meeting notes are waiting for your approval"),
        ),
        template="reports/email/approval_waiting.txt",
        context={**_context(report), "submitted_by": by.get_full_name() or by.get_username()},
    )


def report_returned_notify(*, report: FindingsReport, by, reason: str) -> list:
    if report.created_by_id == by.pk:
        return []
    return notify(
        users=[report.created_by],
        kind=NotificationKind.REPORT_RETURNED,
        subject=_subject(
            report,
            report_subject=gettext_lazy("A findings report you wrote has been returned to draft"),
            notes_subject=gettext_lazy(
                "Scrutiny meeting notes you wrote have been returned to draft"
            ),
        ),
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
        subject=_subject(
            report,
            report_subject=gettext_lazy("A findings report has been published"),
            notes_subject=gettext_lazy("Scrutiny meeting notes have been published"),
        ),
        template="reports/email/report_published.txt",
        context={
            **_context(report),
            "published_by": by.get_full_name() or by.get_username(),
            "version": version,
        },
    )
