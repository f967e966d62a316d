"""Reads for the panels app. Every query starts from what the user may see."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from .enums import ActionStatus, MeetingStatus, MembershipRole, RatingStatus
from .models import Action, Meeting, Membership, OutcomeCategory, Rating, ReviewedCase


def meeting_list(*, user) -> QuerySet[Meeting]:
    return (
        Meeting.objects.for_user(user)
        .select_related("panel", "panel__framework")
        .annotate(case_count=Count("reviewed_cases", distinct=True))
    )


def meeting_for_user(*, user, pk: int, perm: str = "panels.view_meeting") -> Meeting:
    """The meeting if the user may see it; 404 if it is outside their panels, 403 if the
    user can see it but not do this."""
    meeting = get_object_or_404(
        Meeting.objects.for_user(user).select_related("panel", "panel__framework"), pk=pk
    )
    if not user.has_perm(perm, meeting):
        raise PermissionDenied
    return meeting


def membership_for(*, user, meeting: Meeting) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(panel_id=meeting.panel_id, user=user, is_active=True).first()


def chaired_meetings(*, user) -> QuerySet[Meeting]:
    return meeting_list(user=user).filter(
        panel__memberships__user=user,
        panel__memberships__role=MembershipRole.CHAIR,
        panel__memberships__is_active=True,
    )


@dataclass(frozen=True)
class CategoryCount:
    category: OutcomeCategory
    count: int


def decision_counts(*, meeting: Meeting) -> list[CategoryCount]:
    """How many cases the panel placed in each category, zeros included, in framework order."""
    categories = OutcomeCategory.objects.filter(framework_id=meeting.panel.framework_id).annotate(
        n=Count("decisions", filter=Q(decisions__reviewed_case__meeting=meeting))
    )
    return [CategoryCount(category=c, count=c.n) for c in categories]


def decisions_by_category(*, meeting: Meeting) -> list[tuple[OutcomeCategory, list]]:
    """Decided cases grouped under their category, categories in framework order."""
    groups: dict[int, tuple[OutcomeCategory, list]] = {}
    decided = agenda(meeting=meeting).filter(decision__isnull=False)
    for item in sorted(decided, key=lambda rc: (rc.decision.category.position, rc.position)):
        category = item.decision.category
        groups.setdefault(category.pk, (category, []))[1].append(item)
    return list(groups.values())


def open_action_count(*, user) -> int:
    """Actions not yet done, from the meetings the user may see."""
    return Action.objects.filter(
        meeting__in=Meeting.objects.for_user(user),
        status__in=[ActionStatus.OPEN, ActionStatus.IN_PROGRESS],
    ).count()


def agenda_entry(*, meeting: Meeting, position: int) -> ReviewedCase:
    """One case on the meeting's agenda with the facts its papers show, or 404."""
    return get_object_or_404(
        meeting.reviewed_cases.select_related(
            "case", "case__outcome_type", "case__crime_code", "case__force"
        ),
        position=position,
    )


def agenda(*, meeting: Meeting) -> QuerySet[ReviewedCase]:
    return meeting.reviewed_cases.select_related(
        "case", "case__outcome_type", "decision", "decision__category"
    ).prefetch_related("decision__themes")


@dataclass(frozen=True)
class MemberTask:
    reviewed_case: ReviewedCase
    status: str  # "not_started", "in_progress" or "completed"

    @property
    def label(self) -> str:
        return {
            "not_started": "Not yet started",
            "in_progress": "In progress",
            "completed": "Completed",
        }[self.status]


def member_tasks(*, user) -> list[tuple[Meeting, list[MemberTask]]]:
    """The cases a voting member still has to rate, grouped by meeting open for rating."""
    memberships = Membership.objects.filter(user=user, is_active=True, is_voting=True)
    meetings = (
        Meeting.objects.filter(
            panel__in=memberships.values("panel"), status=MeetingStatus.RATING_OPEN
        )
        .select_related("panel")
        .order_by("date")
    )
    result = []
    for meeting in meetings:
        own = Rating.objects.filter(membership__user=user)
        cases = agenda(meeting=meeting).prefetch_related(
            Prefetch("ratings", queryset=own, to_attr="own_ratings")
        )
        tasks = [MemberTask(rc, _task_status(rc.own_ratings)) for rc in cases]
        result.append((meeting, tasks))
    return result


def _task_status(own_ratings: list[Rating]) -> str:
    if not own_ratings:
        return "not_started"
    if own_ratings[0].status == RatingStatus.SUBMITTED:
        return "completed"
    return "in_progress"


def rating_progress(*, meeting: Meeting) -> tuple[int, int]:
    """(submitted ratings, ratings expected) for a meeting: voting members × cases."""
    voters = meeting.panel.memberships.filter(is_active=True, is_voting=True).count()
    expected = voters * meeting.reviewed_cases.count()
    submitted = Rating.objects.filter(
        reviewed_case__meeting=meeting, status=RatingStatus.SUBMITTED
    ).count()
    return submitted, expected
