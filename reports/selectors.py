"""Reads for findings reports, scoped to who may see them."""

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from accountability.enums import ScrutinyMeetingStatus
from accountability.models import ScrutinyMeeting
from core.permissions import by_rule
from core.roles import is_opcc_staff
from panels.enums import ActionStatus, MeetingStatus
from panels.models import Action, Meeting, Panel
from panels.queries import approved_responses

from .enums import ReportKind, ReportStatus
from .models import NOTES_PATH, FindingsReport, PublishedVersion, ReasonBullet
from .published_languages import PublishedLanguage

# Notes are drawn from a closed meeting only: a closed meeting's questions, summaries,
# decisions and actions do not change, and its record cannot be reopened while the notes
# wait for approval or publication (reports/accountability/services.py), so what the
# second person approves is what publishing freezes.
NOTES_READY = [ScrutinyMeetingStatus.CLOSED]


def reports_for(user) -> QuerySet[FindingsReport]:
    """OPCC staff see every report; panel members their panels' (to be refused, not hidden)."""
    reports = FindingsReport.objects.select_related("panel", "panel__framework", "meeting")
    if is_opcc_staff(user):
        return reports
    if not user.is_authenticated:
        return reports.none()
    return reports.filter(
        panel__memberships__user=user, panel__memberships__is_active=True
    ).distinct()


def report_for_user(*, user, pk: int, perm: str = "reports.manage_report") -> FindingsReport:
    """The report, 404 outside the user's panels, 403 if they may see it but not do this."""
    report = get_object_or_404(reports_for(user), pk=pk)
    if not by_rule(perm, user, report):
        raise PermissionDenied
    return report


def panel_report_for_user(*, user, pk: int) -> FindingsReport:
    """As `report_for_user`, for pages about a panel's findings (reasons, criteria, figures
    shown), which a scrutiny meeting's notes do not have: 404 for notes."""
    report = report_for_user(user=user, pk=pk)
    if report.is_notes:
        raise Http404
    return report


def report_list(*, user) -> dict:
    reports = list(reports_for(user).order_by("-meeting__date", "-created_at"))
    waiting = Meeting.objects.filter(status=MeetingStatus.CLOSED, report__isnull=True)
    return {
        "reports": reports,
        "meetings_without_report": list(waiting.select_related("panel").order_by("-date")),
        "scrutiny_meetings_without_notes": list(
            ScrutinyMeeting.objects.filter(status__in=NOTES_READY, notes__isnull=True)
            .select_related("force")
            .order_by("-date")
        ),
    }


def closed_meeting(*, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)


def scrutiny_meeting(*, pk: int) -> ScrutinyMeeting:
    """For OPCC staff, who see every scrutiny meeting."""
    return get_object_or_404(ScrutinyMeeting.objects.select_related("force"), pk=pk)


def report_history(*, report: FindingsReport):
    return list(report.status_history.select_related("changed_by").order_by("changed_at", "pk"))


def report_versions(*, report: FindingsReport) -> list[PublishedVersion]:
    return list(report.versions.select_related("published_by", "approved_by").order_by("number"))


def category_decisions(*, report: FindingsReport, category_pk: int):
    """The category and the meeting's decisions in it, with their cases, in agenda order."""
    category = get_object_or_404(report.panel.framework.categories, pk=category_pk)
    decisions = list(
        category.decisions.filter(reviewed_case__meeting=report.meeting_id)
        .select_related("reviewed_case", "reviewed_case__case")
        .prefetch_related("themes")
        .order_by("reviewed_case__position")
    )
    return category, decisions


def report_bullet(*, report: FindingsReport, pk: int) -> ReasonBullet:
    return get_object_or_404(report.bullets.all(), pk=pk)


def section(*, report: FindingsReport, key: str):
    return get_object_or_404(report.sections.all(), key=key)


# The public site: frozen versions only, never a draft --------------------------------

# Reports as `permissions.is_withdrawn` says: withdrawn, or being corrected since, and not
# published again. PUBLIC is its opposite, for versions, with a current version.
WITHDRAWN = Q(status=ReportStatus.WITHDRAWN) | ~Q(withdrawn_reason="")
PUBLIC = (
    Q(report__current_version__isnull=False)
    & ~Q(report__status=ReportStatus.WITHDRAWN)
    & Q(report__withdrawn_reason="")
)


def public_versions() -> QuerySet[PublishedVersion]:
    """The version the public sees of each published, not withdrawn, panel report (the
    notes of the Commissioner's scrutiny meetings have their own page and files)."""
    return (
        public_versions_of_any_kind()
        .exclude(report__kind=ReportKind.NOTES)
        .select_related("report", "report__panel")
    )


def public_versions_of_any_kind() -> QuerySet[PublishedVersion]:
    return PublishedVersion.objects.filter(PUBLIC, report__current_version=F("pk")).order_by(
        "-meeting_date", "-published_at"
    )


def current_notes_versions() -> QuerySet[PublishedVersion]:
    """The current version of every set of notes ever published, withdrawn or not: the
    accountability page sorts them (reports/accountability/public.py) from this one query."""
    return (
        PublishedVersion.objects.filter(
            report__kind=ReportKind.NOTES, report__current_version=F("pk")
        )
        .select_related("report")
        .order_by("-meeting_date", "-published_at")
    )


def public_meeting_versions() -> QuerySet[PublishedVersion]:
    """The public versions of meeting reports (not period reports), newest meeting first."""
    return public_versions().filter(meeting_date__isnull=False)


def public_report(*, panel_slug: str, slug: str) -> FindingsReport:
    """A report that has been published, withdrawn or not; 404 for anything else."""
    published = FindingsReport.objects.select_related("panel", "current_version").filter(
        current_version__isnull=False
    )
    if panel_slug == NOTES_PATH:
        return get_object_or_404(published, kind=ReportKind.NOTES, slug=slug)
    return get_object_or_404(published, panel__slug=panel_slug, slug=slug)


def public_version(*, report: FindingsReport, number: int | None) -> PublishedVersion:
    if number is None:
        return report.current_version
    return get_object_or_404(report.versions.all(), number=number)


def later_version(*, version: PublishedVersion) -> PublishedVersion | None:
    return version.report.versions.filter(number__gt=version.number).order_by("number").first()


def public_list_stamp() -> tuple:
    """What the public report list is drawn from, in a few figures that change whenever
    anything it shows does: a report published, corrected, withdrawn or re-published
    (its current version, the withdrawn count) or a panel renamed (its version). The
    published versions themselves are frozen. One query, so a page can cache on it."""
    found = FindingsReport.objects.filter(current_version__isnull=False).aggregate(
        reports=Count("pk"),
        versions=Sum("current_version_id"),
        withdrawn=Count("pk", filter=WITHDRAWN),
        panels=Sum("panel__version"),
    )
    return tuple(found[key] for key in ("reports", "versions", "withdrawn", "panels"))


def withdrawn_reports() -> QuerySet[FindingsReport]:
    return (
        FindingsReport.objects.filter(WITHDRAWN, current_version__isnull=False)
        .exclude(kind=ReportKind.NOTES)
        .select_related("panel", "current_version")
    )


def published_meetings_between(*, panel, start, end) -> list[PublishedVersion]:
    """The public versions of a panel's meeting reports dated in a period, oldest first."""
    return list(
        public_versions()
        .filter(report__panel=panel, meeting_date__gte=start, meeting_date__lte=end)
        .order_by("meeting_date")
    )


def panels_with_reports() -> QuerySet[Panel]:
    return Panel.objects.filter(reports__current_version__isnull=False).distinct()


def reports_to_approve(*, user) -> list[FindingsReport]:
    """Reports waiting for approval that the rule set lets `user` approve (four eyes:
    not one they changed last)."""
    if not is_opcc_staff(user):
        return []
    waiting = FindingsReport.objects.filter(status=ReportStatus.AWAITING_APPROVAL).order_by("pk")
    return [r for r in waiting if rules.has_perm("reports.approve_report", user, r)]


def report_criteria_choice(*, report: FindingsReport) -> tuple[QuerySet, set[int]]:
    """The framework's criteria in order, and the ids of those the report leaves out."""
    criteria = report.panel.framework.criteria.order_by("position")
    return criteria, set(report.criteria_hidden.values_list("pk", flat=True))


def period_actions_overdue(report: FindingsReport) -> list[Action]:
    """Actions that were past their due date and not done or dropped at the period's end."""
    end = report.period_end
    still_open = Q(status__in=[ActionStatus.OPEN, ActionStatus.IN_PROGRESS]) | Q(
        updated_at__date__gt=end
    )
    return list(
        Action.objects.filter(
            still_open, meeting__panel=report.panel, due_date__lt=end, created_at__date__lte=end
        ).order_by("due_date", "pk")
    )


def period_actions(report: FindingsReport, *, closed: bool) -> list[Action]:
    """The panel's actions agreed in a period report's period, or closed (done or dropped)
    in it."""
    actions = (
        Action.objects.filter(meeting__panel=report.panel)
        .select_related("meeting")
        .prefetch_related(approved_responses())
    )
    if closed:
        return list(
            actions.filter(
                status__in=[ActionStatus.COMPLETED, ActionStatus.CLOSED],
                updated_at__date__gte=report.period_start,
                updated_at__date__lte=report.period_end,
            ).order_by("updated_at")
        )
    return list(
        actions.filter(
            created_at__date__gte=report.period_start, created_at__date__lte=report.period_end
        ).order_by("created_at")
    )


def titles_in(versions, language: str) -> dict[int, str]:
    """The title each of `versions` was published under in `language`, by version pk, for
    those published in it (one query; none for no versions)."""
    if not versions:
        return {}
    found = PublishedLanguage.objects.filter(version__in=versions, language=language)
    return dict(found.values_list("version_id", "title"))
