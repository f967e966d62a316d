"""Reads for the meeting's pages: lists, decisions, actions, the panel over time."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.roles import is_opcc_staff

from ..enums import ActionStatus, MeetingStatus, MembershipRole, RatingStatus
from ..models import (
    Action,
    CriterionAssessment,
    Decision,
    Meeting,
    Membership,
    Observation,
    OutcomeCategory,
    Panel,
    Rating,
    ReviewedCase,
    Theme,
)
from ..permissions import REVEALED, active_memberships, by_rule
from ..queries import agenda, meeting_list
from ..rating.agreement import fleiss_kappa
from ..rating.selectors import MemberProgress, member_progress


def chaired_meetings(*, user) -> QuerySet[Meeting]:
    """Meetings of the panels the user chairs (no query at all for someone who chairs none)."""
    chaired = [
        panel_id
        for panel_id, membership in active_memberships(user).items()
        if membership.role == MembershipRole.CHAIR
    ]
    if not chaired:
        return Meeting.objects.none()
    return meeting_list(user=user).filter(panel_id__in=chaired)


@dataclass(frozen=True)
class CategoryCount:
    category: OutcomeCategory
    count: int


def decision_counts(*, meeting: Meeting, cases: list | None = None) -> list[CategoryCount]:
    """How many cases the panel placed in each category, zeros included, in framework order.

    `cases`: the meeting's agenda as `agenda` reads it, when the page has it already."""
    if cases is None:
        cases = list(agenda(meeting=meeting))
    placed = Counter(rc.decision.category_id for rc in cases if _decision(rc) is not None)
    categories = OutcomeCategory.objects.filter(framework_id=meeting.panel.framework_id)
    return [CategoryCount(category=c, count=placed[c.pk]) for c in categories]


def decisions_by_category(*, cases: list) -> list[tuple[OutcomeCategory, list]]:
    """Decided cases of an agenda (as `agenda` reads it) grouped under their category,
    categories in framework order."""
    groups: dict[int, tuple[OutcomeCategory, list]] = {}
    decided = [rc for rc in cases if _decision(rc) is not None]
    for item in sorted(decided, key=lambda rc: (rc.decision.category.position, rc.position)):
        category = item.decision.category
        groups.setdefault(category.pk, (category, []))[1].append(item)
    return list(groups.values())


def _decision(reviewed_case: ReviewedCase) -> Decision | None:
    try:
        return reviewed_case.decision
    except Decision.DoesNotExist:
        return None


def open_action_count(*, user) -> int:
    """Actions not yet done, from the meetings the user may see."""
    return Action.objects.filter(
        meeting__in=Meeting.objects.for_user(user),
        status__in=[ActionStatus.OPEN, ActionStatus.IN_PROGRESS],
    ).count()


def past_meetings(*, user, limit: int = 10) -> QuerySet[Meeting]:
    """Meetings of the panels the user is an active member of that have reached their
    discussion, newest first."""
    return (
        Meeting.objects.filter(panel_id__in=list(active_memberships(user)), status__in=REVEALED)
        .select_related("panel")
        .order_by("-date")[:limit]
    )


def later_meetings(*, meeting: Meeting) -> QuerySet[Meeting]:
    """The panel's later meetings still being planned: where an inconclusive case can go."""
    return Meeting.objects.filter(
        panel_id=meeting.panel_id, date__gt=meeting.date, status=MeetingStatus.PLANNED
    ).order_by("date")


def open_actions_before(*, meeting: Meeting) -> QuerySet[Action]:
    """Actions from the panel's earlier meetings not yet done or dropped."""
    return (
        Action.objects.filter(
            meeting__panel_id=meeting.panel_id,
            meeting__date__lt=meeting.date,
            status__in=[ActionStatus.OPEN, ActionStatus.IN_PROGRESS],
        )
        .select_related("meeting")
        .order_by("due_date", "pk")
    )


@dataclass(frozen=True)
class EarlierActions:
    shown: list  # the ones due soonest
    total: int


def open_actions_before_in_short(*, meeting: Meeting, shown: int = 10) -> EarlierActions:
    """The earlier open actions due soonest, and how many there are: a meeting page lists
    a few and links to the panel's action list for the rest."""
    actions = open_actions_before(meeting=meeting)
    first = list(actions[: shown + 1])
    total = len(first) if len(first) <= shown else actions.count()
    return EarlierActions(shown=first[:shown], total=total)


UNFINISHED = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]


def action_list(
    *,
    user,
    status: str = "",
    overdue: bool = False,
    panel: str = "",
    state: str = "",
    today=None,
) -> QuerySet[Action]:
    """Actions from the meetings the user may see. `state` is open, overdue or done
    (panels.meetings.presenters.ACTION_STATES words each)."""
    today = today or timezone.localdate()
    actions = Action.objects.filter(meeting__in=Meeting.objects.for_user(user)).select_related(
        "meeting", "meeting__panel"
    )
    if panel:
        actions = actions.filter(meeting__panel__slug=panel)
    if status:
        actions = actions.filter(status=status)
    if overdue or state == "overdue":
        actions = actions.filter(due_date__lt=today, status__in=UNFINISHED)
    elif state == "open":
        actions = actions.filter(status__in=UNFINISHED)
    elif state == "done":
        actions = actions.exclude(status__in=UNFINISHED)
    return actions.order_by("due_date", "pk")


def action_due(*, action: Action, today: datetime.date) -> str:
    """How near an action is to its due date: "overdue", "today" or "" (done actions are
    neither)."""
    if action.due_date is None or action.status not in UNFINISHED:
        return ""
    if action.due_date < today:
        return "overdue"
    return "today" if action.due_date == today else ""


def plannable_panels(*, user) -> QuerySet[Panel]:
    """Panels the user may plan meetings for."""
    if not by_rule("panels.plan_meeting", user, None):
        return Panel.objects.none()
    return Panel.objects.filter(is_active=True).select_related("framework")


def members_yet_to_rate(*, meeting: Meeting) -> list[MemberProgress]:
    """Voting members who have not submitted every rating they are expected to (`left` says
    how many each has still to submit)."""
    progress, _ = member_progress(meeting=meeting)
    return [row for row in progress if row.membership.is_voting and row.left > 0]


def case_decision(*, reviewed_case: ReviewedCase) -> Decision | None:
    return (
        Decision.objects.filter(reviewed_case=reviewed_case)
        .select_related("category", "majority_category")
        .prefetch_related("themes", "assessments__criterion")
        .first()
    )


def decision_answers(
    *, meeting: Meeting, reviewed_case: ReviewedCase, decision: Decision | None
) -> dict[int, tuple[str, str]]:
    """Criterion id → (answer, note) the decision form starts from: the panel's saved
    answers or, before the panel has any, the members' majority (once revealed)."""
    saved = (
        {a.criterion_id: (a.value, a.note) for a in decision.assessments.all()} if decision else {}
    )
    if saved or meeting.status not in REVEALED:
        return saved
    return {pk: (value, "") for pk, value in majority_answers(reviewed_case).items()}


def majority_answers(reviewed_case: ReviewedCase) -> dict[int, str]:
    """Criterion id → the answer most of the voting members who rated the case gave on
    their own. A criterion whose two most common answers tie, or that nobody answered, is
    left out: the chair must choose."""
    rows = CriterionAssessment.objects.filter(
        rating__reviewed_case=reviewed_case,
        rating__status=RatingStatus.SUBMITTED,
        rating__membership__is_voting=True,
    ).exclude(value="")
    tallies: dict[int, Counter] = {}
    for criterion_id, value in rows.values_list("criterion_id", "value"):
        tallies.setdefault(criterion_id, Counter())[value] += 1
    answers = {}
    for criterion_id, tally in tallies.items():
        (top, n), *rest = tally.most_common()
        if not rest or rest[0][1] < n:
            answers[criterion_id] = top
    return answers


def action_for_user(*, user, pk: int) -> Action:
    return get_object_or_404(
        Action.objects.filter(meeting__in=Meeting.objects.for_user(user)).select_related(
            "meeting", "meeting__panel"
        ),
        pk=pk,
    )


def meetings_in_order(
    *, user, status: str = "", today: datetime.date | None = None
) -> list[Meeting]:
    """The user's meetings (of one status, if given) in the order every list shows them:
    upcoming first, soonest first; then past meetings, latest first."""
    meetings = meeting_list(user=user)
    if status:
        meetings = meetings.filter(status=status)
    return order_meetings(meetings, today=today)


def order_meetings(meetings, *, today: datetime.date | None = None) -> list[Meeting]:
    """Upcoming meetings (today's included), soonest first; then past ones, latest first."""
    today = today or timezone.localdate()
    meetings = list(meetings)
    upcoming = sorted((m for m in meetings if m.date >= today), key=lambda m: (m.date, m.pk))
    past = sorted(
        (m for m in meetings if m.date < today), key=lambda m: (m.date, m.pk), reverse=True
    )
    return upcoming + past


@dataclass(frozen=True)
class MeetingFigures:
    meeting: Meeting
    counts: list[int]  # decisions per category, framework order
    kappa: object
    decided: int
    differed: int  # decisions that moved away from the members' majority
    compared: int  # decisions where there was a majority to compare with


@dataclass(frozen=True)
class PanelOverTime:
    panel: Panel
    start: datetime.date
    end: datetime.date
    categories: list[OutcomeCategory]
    meetings: list[MeetingFigures]
    adverse_themes: list[tuple[Theme, int]]
    open_actions: int

    @property
    def differed(self) -> int:
        return sum(m.differed for m in self.meetings)

    @property
    def compared(self) -> int:
        return sum(m.compared for m in self.meetings)

    @property
    def most(self) -> int:
        return max((sum(m.counts) for m in self.meetings), default=0)


def panel_over_time(*, panel: Panel, start: datetime.date, end: datetime.date) -> PanelOverTime:
    """A panel's findings across the meetings it held between two dates (discussed or
    closed): six queries however many meetings."""
    categories = list(panel.framework.categories.order_by("position"))
    index = {c.pk: i for i, c in enumerate(categories)}
    meetings = list(
        Meeting.objects.filter(
            panel=panel, date__gte=start, date__lte=end, status__in=REVEALED
        ).order_by("date")
    )
    decisions = list(
        Decision.objects.filter(reviewed_case__meeting__in=meetings).values_list(
            "reviewed_case__meeting_id", "category_id", "differs_from_majority"
        )
    )
    ratings = Rating.objects.filter(
        reviewed_case__meeting__in=meetings,
        status=RatingStatus.SUBMITTED,
        membership__is_voting=True,
    ).values_list("reviewed_case__meeting_id", "reviewed_case_id", "category_id")
    tables: dict[int, dict[int, list[int]]] = {}
    for meeting_id, case_id, category_id in ratings:
        row = tables.setdefault(meeting_id, {}).setdefault(case_id, [0] * len(categories))
        row[index[category_id]] += 1
    figures = []
    for meeting in meetings:
        own = [d for d in decisions if d[0] == meeting.pk]
        counts = [0] * len(categories)
        for _, category_id, _ in own:
            counts[index[category_id]] += 1
        figures.append(
            MeetingFigures(
                meeting=meeting,
                counts=counts,
                kappa=fleiss_kappa(list(tables.get(meeting.pk, {}).values())),
                decided=len(own),
                differed=sum(1 for d in own if d[2] is True),
                compared=sum(1 for d in own if d[2] is not None),
            )
        )
    adverse = (
        Theme.objects.filter(
            decisions__reviewed_case__meeting__in=meetings, decisions__category__is_adverse=True
        )
        .annotate(n=Count("decisions", distinct=True))
        .order_by("-n", "name")[:10]
    )
    open_actions = Action.objects.filter(
        meeting__panel=panel, status__in=[ActionStatus.OPEN, ActionStatus.IN_PROGRESS]
    ).count()
    return PanelOverTime(
        panel=panel,
        start=start,
        end=end,
        categories=categories,
        meetings=figures,
        adverse_themes=[(t, t.n) for t in adverse],
        open_actions=open_actions,
    )


def panel_for_user(*, user, slug: str) -> Panel:
    """A panel the user sits on or, for OPCC staff, any panel; 404 otherwise."""
    panels = Panel.objects.select_related("framework")
    if not is_opcc_staff(user):
        panels = panels.filter(memberships__user=user, memberships__is_active=True)
    return get_object_or_404(panels, slug=slug)


def meeting_note(*, meeting: Meeting, pk: int) -> Observation:
    return get_object_or_404(meeting.observations.select_related("reviewed_case"), pk=pk)


def actions_owned_by(*, user) -> list[Action]:
    """Unfinished actions of the meetings `user` may see whose owner names them, by their
    email address or full name (panels.meetings.notifications.action_owner), soonest due first."""
    names = [n for n in (user.email.strip(), user.get_full_name().strip()) if n]
    if not names:
        return []
    owner = Q()
    for name in names:
        owner |= Q(owner__iexact=name)
    return list(
        Action.objects.filter(owner, meeting__in=Meeting.objects.for_user(user))
        .filter(status__in=UNFINISHED)
        .select_related("meeting", "meeting__panel")
        .order_by(F("due_date").asc(nulls_last=True), "pk")
    )


def panel_members(*, meeting: Meeting) -> QuerySet[Membership]:
    return (
        meeting.panel.memberships.filter(is_active=True)
        .select_related("user")
        .order_by("-is_voting", "role", "user__last_name")
    )
