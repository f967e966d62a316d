"""Reads for the panels app. Every query starts from what the user may see."""

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.roles import is_opcc_staff

from .agreement import case_agreement, fleiss_kappa, majority
from .enums import ActionStatus, Assessment, MeetingStatus, MembershipRole, RatingStatus
from .models import (
    Action,
    CaseComment,
    ConflictDeclaration,
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
from .permissions import REVEALED, CaseAccess, active_memberships, by_rule


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
    if not by_rule(perm, user, meeting):
        raise PermissionDenied
    return meeting


def membership_for(*, user, meeting: Meeting, fresh: bool = False) -> Membership | None:
    """The user's active membership of the meeting's panel: read once per request for
    pages, or `fresh` from the database for a service deciding whether to write."""
    if not fresh:
        return active_memberships(user).get(meeting.panel_id)
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(panel_id=meeting.panel_id, user=user, is_active=True)
        .select_related("user")
        .first()
    )


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


def latest_draw(*, meeting: Meeting):
    """The meeting's latest sample draw (or None) and how many draws it has had (one
    query: a meeting is drawn once, or a few times at most)."""
    draws = list(meeting.draws.all())
    return (draws[0] if draws else None), len(draws)


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


def agenda_entry(*, meeting: Meeting, position: int) -> ReviewedCase:
    """One case on the meeting's agenda with the facts its papers show, or 404."""
    return get_object_or_404(
        meeting.reviewed_cases.select_related(
            "case", "case__outcome_type", "case__crime_code", "case__force"
        ),
        position=position,
    )


def agenda(*, meeting: Meeting, themes: bool = True) -> QuerySet[ReviewedCase]:
    """The meeting's cases with their decisions (and the decisions' themes, unless the
    page shows none)."""
    cases = meeting.reviewed_cases.select_related(
        "case", "case__outcome_type", "decision", "decision__category"
    )
    return cases.prefetch_related("decision__themes") if themes else cases


# Task-list statuses, worded as the GOV.UK task list pattern words them.
NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"
CONFLICT, READ_ONLY = "conflict", "read_only"
TASK_LABELS = {
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    COMPLETED: "Completed",
    CONFLICT: "Conflict declared",
    READ_ONLY: "Read only",
}


# The GOV.UK tag colour of each status shown as a tag; the others are plain text.
TASK_TAGS = {
    NOT_STARTED: "govuk-tag--blue",
    IN_PROGRESS: "govuk-tag--light-blue",
    CONFLICT: "govuk-tag--grey",
}


@dataclass(frozen=True)
class MemberTask:
    reviewed_case: ReviewedCase
    status: str

    @property
    def label(self) -> str:
        return TASK_LABELS[self.status]

    @property
    def tag(self) -> str:
        """The tag's colour class, or "" when the status is shown as plain text."""
        return TASK_TAGS.get(self.status, "")

    @property
    def url_name(self) -> str:
        """Where the task's link goes: the papers, or first the conflict question."""
        return "panels:conflict_declare" if self.status == CONFLICT else "panels:case_papers"


@dataclass(frozen=True)
class MeetingTasks:
    """One meeting open for rating, as a member's task list shows it."""

    meeting: Meeting
    membership: Membership
    tasks: list[MemberTask]
    today: datetime.date

    @property
    def rated(self) -> int:
        return sum(t.status == COMPLETED for t in self.tasks)

    @property
    def to_rate(self) -> int:
        """Cases the member is expected to rate: every case without a conflict."""
        return sum(t.status != CONFLICT for t in self.tasks)

    @property
    def conflicts(self) -> int:
        return sum(t.status == CONFLICT for t in self.tasks)

    @property
    def days_left(self) -> int | None:
        if self.meeting.rating_deadline is None:
            return None
        return (self.meeting.rating_deadline - self.today).days

    @property
    def due(self) -> str:
        """ "overdue", "due today", "due tomorrow" or "due in N days" when the deadline
        is a week away or nearer; blank otherwise or once every case is rated."""
        days = self.days_left
        if days is None or days > 7 or self.rated >= self.to_rate:
            return ""
        if days < 0:
            return "overdue"
        return {0: "due today", 1: "due tomorrow"}.get(days, f"due in {days} days")


def member_home(*, user, today: datetime.date | None = None) -> list[MeetingTasks]:
    """The member's task lists, one per meeting of their panels that is open for rating.

    Five queries however many meetings, cases and members there are: the member sees
    the case number, offence and outcome type here, nothing more, until they declare.
    """
    today = today or timezone.localdate()
    memberships = active_memberships(user)
    if not memberships:
        return []
    meetings = list(
        Meeting.objects.filter(panel_id__in=memberships, status=MeetingStatus.RATING_OPEN)
        .select_related("panel")
        .order_by("date", "pk")
    )
    cases = (
        ReviewedCase.objects.filter(meeting__in=meetings)
        .select_related("case", "case__outcome_type")
        .only("meeting_id", "position", "case__offence", "case__outcome_type__name")
    )
    mine = list(memberships.values())
    ratings = dict(
        Rating.objects.filter(reviewed_case__in=cases, membership__in=mine).values_list(
            "reviewed_case_id", "status"
        )
    )
    conflicted = dict(
        ConflictDeclaration.objects.filter(
            reviewed_case__in=cases, membership__in=mine, superseded_at__isnull=True
        ).values_list("reviewed_case_id", "has_conflict")
    )
    by_meeting: dict[int, list[MemberTask]] = {m.pk: [] for m in meetings}
    voting = {panel_id: m.is_voting for panel_id, m in memberships.items()}
    for reviewed in cases.order_by("meeting_id", "position"):
        panel_id = next(m.panel_id for m in meetings if m.pk == reviewed.meeting_id)
        status = _task_status(
            voting[panel_id], ratings.get(reviewed.pk), conflicted.get(reviewed.pk)
        )
        by_meeting[reviewed.meeting_id].append(MemberTask(reviewed, status))
    return [MeetingTasks(m, memberships[m.panel_id], by_meeting[m.pk], today) for m in meetings]


def _task_status(is_voting: bool, rating_status: str | None, conflict: bool | None) -> str:
    if conflict:
        return CONFLICT
    if not is_voting:
        return READ_ONLY
    if rating_status == RatingStatus.SUBMITTED:
        return COMPLETED
    if rating_status == RatingStatus.DRAFT:
        return IN_PROGRESS
    return NOT_STARTED


def past_meetings(*, user, limit: int = 10) -> QuerySet[Meeting]:
    """Meetings of the panels the user is an active member of that have reached their
    discussion, newest first."""
    return (
        Meeting.objects.filter(panel_id__in=list(active_memberships(user)), status__in=REVEALED)
        .select_related("panel")
        .order_by("-date")[:limit]
    )


def case_access(*, user, reviewed_case: ReviewedCase, fresh: bool = False) -> CaseAccess:
    """The user's membership and current conflict answer for one case (at most two
    queries; `fresh` reads the membership again, as a service about to write must)."""
    membership = membership_for(user=user, meeting=reviewed_case.meeting, fresh=fresh)
    declaration = None
    if membership is not None:
        declaration = current_declaration(reviewed_case=reviewed_case, membership=membership)
    return CaseAccess(reviewed_case=reviewed_case, membership=membership, declaration=declaration)


def current_declaration(*, reviewed_case, membership) -> ConflictDeclaration | None:
    return ConflictDeclaration.objects.filter(
        reviewed_case=reviewed_case, membership=membership, superseded_at__isnull=True
    ).first()


def open_conflict(*, meeting: Meeting, pk: int) -> ConflictDeclaration:
    """A conflict still standing in one of the meeting's cases, or 404."""
    return get_object_or_404(
        ConflictDeclaration.objects.select_related("membership__user", "reviewed_case__case"),
        pk=pk,
        reviewed_case__meeting=meeting,
        has_conflict=True,
        superseded_at__isnull=True,
    )


def own_rating(*, access: CaseAccess) -> Rating | None:
    """The member's own rating of the case with everything it holds, or None."""
    if access.membership is None:
        return None
    return (
        Rating.objects.filter(reviewed_case=access.reviewed_case, membership=access.membership)
        .select_related("category")
        .prefetch_related("themes", "assessments__criterion", "versions__category")
        .first()
    )


def own_comment(*, access: CaseAccess) -> CaseComment | None:
    if access.membership is None:
        return None
    return CaseComment.objects.filter(
        reviewed_case=access.reviewed_case, membership=access.membership
    ).first()


def revealed_comments(*, user, reviewed_case: ReviewedCase) -> list[CaseComment]:
    """Non-voting attendees' comments the user may see: their own, or all after the reveal."""
    comments = reviewed_case.comments.select_related(
        "membership__user", "reviewed_case__meeting"
    ).order_by("created_at")
    return [c for c in comments if by_rule("panels.view_case_comment", user, c)]


def framework_form_parts(*, framework) -> dict:
    """The categories, criteria (with their groups) and themes a rating form offers, and
    the categories only the panel's decision may use (`panel_only`), which it does not."""
    categories = list(framework.categories.order_by("position"))
    return {
        "categories": [c for c in categories if not c.panel_decision_only],
        "panel_only": [c for c in categories if c.panel_decision_only],
        "criteria": list(framework.criteria.select_related("group").order_by("position")),
        "themes": list(offered_themes(framework=framework)),
    }


def offered_themes(*, framework) -> QuerySet[Theme]:
    """The active themes the framework's ratings, decisions and notes offer."""
    return Theme.objects.filter(frameworks=framework, is_active=True)


def agenda_neighbours(*, meeting: Meeting, position: int) -> tuple[int | None, int | None]:
    """The positions of the previous and next cases on the agenda."""
    positions = list(meeting.reviewed_cases.order_by("position").values_list("position", flat=True))
    before = [p for p in positions if p < position]
    after = [p for p in positions if p > position]
    return (before[-1] if before else None, after[0] if after else None)


@dataclass(frozen=True)
class MemberProgress:
    """How far one member has got: counts only, never what they said."""

    membership: Membership
    submitted: int
    drafts: int
    conflicts: int
    comments: int
    cases: int

    @property
    def left(self) -> int:
        """Ratings still to submit: every case without a conflict is rated."""
        return max(self.cases - self.conflicts - self.submitted, 0)

    @property
    def not_started(self) -> int:
        return max(self.cases - self.submitted - self.drafts - self.conflicts, 0)


def member_progress(
    *, meeting: Meeting, cases: int | None = None
) -> tuple[list[MemberProgress], list[ConflictDeclaration]]:
    """Each active member's progress on the meeting, and the conflicts declared with their
    notes, for the chair and OPCC staff. Five queries whatever the size of the meeting
    (four when the page knows how many `cases` the agenda has)."""
    members = list(
        meeting.panel.memberships.filter(is_active=True)
        .select_related("user")
        .order_by("-is_voting", "role", "user__last_name", "user__first_name")
    )
    if cases is None:
        cases = meeting.reviewed_cases.count()
    counts = {
        (row["membership_id"], row["status"]): row["n"]
        for row in Rating.objects.filter(reviewed_case__meeting=meeting)
        .values("membership_id", "status")
        .annotate(n=Count("pk"))
    }
    comments = dict(
        CaseComment.objects.filter(reviewed_case__meeting=meeting)
        .values("membership_id")
        .annotate(n=Count("pk"))
        .values_list("membership_id", "n")
    )
    conflicts = list(
        ConflictDeclaration.objects.filter(
            reviewed_case__meeting=meeting, superseded_at__isnull=True, has_conflict=True
        )
        .select_related("membership__user", "reviewed_case")
        .order_by("reviewed_case__position", "declared_at")
    )
    progress = [
        MemberProgress(
            membership=m,
            submitted=counts.get((m.pk, RatingStatus.SUBMITTED), 0),
            drafts=counts.get((m.pk, RatingStatus.DRAFT), 0),
            conflicts=sum(d.membership_id == m.pk for d in conflicts),
            comments=comments.get(m.pk, 0),
            cases=cases,
        )
        for m in members
    ]
    return progress, conflicts


def rating_progress(*, meeting: Meeting) -> tuple[int, int]:
    """(submitted ratings, ratings expected) for a meeting: each voting member rates every
    case they have not declared a conflict in."""
    voters = meeting.panel.memberships.filter(is_active=True, is_voting=True)
    expected = voters.count() * meeting.reviewed_cases.count()
    expected -= ConflictDeclaration.objects.filter(
        reviewed_case__meeting=meeting,
        membership__in=voters,
        superseded_at__isnull=True,
        has_conflict=True,
    ).count()
    submitted = Rating.objects.filter(
        reviewed_case__meeting=meeting, membership__in=voters, status=RatingStatus.SUBMITTED
    ).count()
    return submitted, expected


def progress_totals(progress: list[MemberProgress]) -> tuple[int, int]:
    """`rating_progress`'s figures, from `member_progress`'s rows when a page has them."""
    voting = [row for row in progress if row.membership.is_voting]
    submitted = sum(row.submitted for row in voting)
    return submitted, sum(row.cases - row.conflicts for row in voting)


def _answer_order(value: str) -> int:
    return Assessment.values.index(value) if value in Assessment.values else len(Assessment.values)


@dataclass(frozen=True)
class CriterionSplit:
    criterion: object
    answers: list[tuple[str, int]]  # (answer label, how many), most first

    @property
    def text(self) -> str:
        parts = ", ".join(f"{n} {label.lower()}" for label, n in self.answers)
        return f"{self.criterion.label}: {parts}"


@dataclass(frozen=True)
class CaseDiscussion:
    """One case at the reveal: what the voting members said on their own."""

    reviewed_case: ReviewedCase
    counts: list[tuple[OutcomeCategory, int]]  # every category, framework order
    ratings: dict[int, Rating]  # membership id → submitted rating
    not_rated: list[str]
    conflicted: list[str]
    splits: list[CriterionSplit]
    agreement: float | None
    # Every criterion someone answered, with how the answers fell: splits are those of
    # more than one answer.
    answers: list[CriterionSplit] = field(default_factory=list)
    # Non-voting attendees' comments (a police attendee's, say): heard, never counted.
    comments: list[CaseComment] = field(default_factory=list)

    @property
    def rated(self) -> int:
        return len(self.ratings)

    @property
    def leading(self) -> OutcomeCategory | None:
        """The category a majority of those who rated it chose, as decisions record it."""
        top = majority([n for _, n in self.counts])
        return None if top is None else self.counts[top][0]

    @property
    def leading_count(self) -> int:
        return max((n for _, n in self.counts), default=0)


@dataclass(frozen=True)
class Discussion:
    meeting: Meeting
    members: list[tuple[Membership, str]]  # voting members and how they are shown
    cases: list[CaseDiscussion]
    kappa: object

    def matrix(self) -> list[tuple[ReviewedCase, list[str]]]:
        """Cases × members: each member's category, "Conflict" or "Not rated"."""
        rows = []
        for item in self.cases:
            cells = []
            for membership, label in self.members:
                rating = item.ratings.get(membership.pk)
                if rating is not None:
                    cells.append(rating.category.short_label)
                elif label in item.conflicted:
                    cells.append("Conflict")
                else:
                    cells.append("Not rated")
            rows.append((item.reviewed_case, cells))
        return rows


def member_labels(*, meeting: Meeting, members: list[Membership]) -> list[tuple[Membership, str]]:
    """Members by name, or as Member A, B, C… when the chair revealed without names, in an
    order fixed per meeting that says nothing about seniority or joining date."""
    if not meeting.anonymous_reveal:
        return [(m, m.user.get_full_name() or m.user.username) for m in members]
    shuffled = sorted(
        members, key=lambda m: hashlib.sha256(f"{meeting.pk}:{m.pk}".encode()).hexdigest()
    )
    return [(m, f"Member {chr(ord('A') + i)}") for i, m in enumerate(shuffled)]


def _voters(meeting: Meeting) -> list[Membership]:
    """The panel's active voting members: the one list the chair's pages and the meeting's
    export both label, so Member B is the same person in each."""
    return list(
        meeting.panel.memberships.filter(is_active=True, is_voting=True)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name")
    )


def voting_member_labels(*, meeting: Meeting) -> list[tuple[Membership, str]]:
    return member_labels(meeting=meeting, members=_voters(meeting))


def discussion(*, meeting: Meeting, order: str = "position") -> Discussion:
    """Every case's independent ratings, for the chair's view after the reveal. A fixed
    number of queries whatever the number of cases and members."""
    framework = meeting.panel.framework
    categories = list(framework.categories.order_by("position"))
    criteria = list(framework.criteria.order_by("position"))
    voters = _voters(meeting)
    members = member_labels(meeting=meeting, members=voters)
    label = {m.pk: name for m, name in members}
    cases = list(agenda(meeting=meeting))
    ratings = list(
        Rating.objects.filter(
            reviewed_case__meeting=meeting,
            status=RatingStatus.SUBMITTED,
            membership__in=voters,
        ).select_related("category")
    )
    comments = list(
        CaseComment.objects.filter(reviewed_case__meeting=meeting, membership__is_voting=False)
        .select_related("membership__user")
        .order_by("created_at")
    )
    if meeting.status not in REVEALED:
        # Before the reveal a rating is its rater's alone (panels.view_rating_content), and
        # the decision page asks for this view at any status: it gets no ratings to show.
        ratings, comments = [], []
    comments_by_case: dict[int, list[CaseComment]] = {}
    for comment in comments:
        comments_by_case.setdefault(comment.reviewed_case_id, []).append(comment)
    answers = CriterionAssessment.objects.filter(rating__in=ratings).values_list(
        "rating__reviewed_case_id", "criterion_id", "value"
    )
    conflicts = ConflictDeclaration.objects.filter(
        reviewed_case__meeting=meeting,
        superseded_at__isnull=True,
        has_conflict=True,
        membership__in=voters,
    ).values_list("reviewed_case_id", "membership_id")
    by_case: dict[int, dict[int, Rating]] = {rc.pk: {} for rc in cases}
    for rating in ratings:
        by_case[rating.reviewed_case_id][rating.membership_id] = rating
    conflicted: dict[int, set[int]] = {}
    for case_id, membership_id in conflicts:
        conflicted.setdefault(case_id, set()).add(membership_id)
    tallies: dict[tuple[int, int], dict[str, int]] = {}
    for case_id, criterion_id, value in answers:
        tally = tallies.setdefault((case_id, criterion_id), {})
        tally[value] = tally.get(value, 0) + 1
    labels = dict(Assessment.choices)
    items = []
    for rc in cases:
        own = by_case[rc.pk]
        counts = [(c, sum(r.category_id == c.pk for r in own.values())) for c in categories]
        answered = [
            CriterionSplit(
                criterion,
                [
                    (labels.get(v, "Not answered"), n)
                    for v, n in sorted(tally.items(), key=lambda vn: (-vn[1], _answer_order(vn[0])))
                ],
            )
            for criterion in criteria
            if (tally := tallies.get((rc.pk, criterion.pk), {}))
        ]
        splits = [split for split in answered if len(split.answers) > 1]
        out = conflicted.get(rc.pk, set())
        items.append(
            CaseDiscussion(
                reviewed_case=rc,
                counts=counts,
                ratings=own,
                not_rated=[label[m.pk] for m in voters if m.pk not in own and m.pk not in out],
                conflicted=[label[pk] for pk in out if pk in label],
                splits=splits,
                agreement=case_agreement([n for _, n in counts]),
                answers=answered,
                comments=comments_by_case.get(rc.pk, []),
            )
        )
    table = [[n for _, n in item.counts] for item in items]
    if order == "agreement":
        items.sort(key=lambda i: (i.agreement is None, i.agreement or 0, i.reviewed_case.position))
    return Discussion(meeting=meeting, members=members, cases=items, kappa=fleiss_kappa(table))


def decision_ratings(
    *, meeting: Meeting, reviewed_case: ReviewedCase
) -> tuple[CaseDiscussion, list]:
    """The independent ratings shown beside the decision form for one case."""
    view = discussion(meeting=meeting)
    return next(i for i in view.cases if i.reviewed_case.pk == reviewed_case.pk), view.members


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


ACTION_STATES = {
    "open": "Open or in progress",
    "overdue": "Overdue",
    "done": "Done or dropped",
}
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
    """Actions from the meetings the user may see. `state` is open, overdue or done."""
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
    """The warning tag of an action: "overdue", "today" or "" (done actions carry none)."""
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
        .prefetch_related("themes")
        .first()
    )


def framework_criteria(*, framework) -> list:
    """The framework's criteria in order, each with its group, for reading beside a case."""
    return list(framework.criteria.select_related("group").order_by("position"))


@dataclass(frozen=True)
class CaseOutcome:
    """What a case page shows of the panel's view once the ratings are revealed."""

    decision: Decision | None
    members: CaseDiscussion | None  # the members' own ratings, summed; None if not theirs to see


def criteria_sections(*, criteria: list, outcome: CaseOutcome | None) -> list[dict]:
    """The criteria under their groups, each with how the members' answers fell when the
    user may see them (an empty list otherwise)."""
    members = outcome.members if outcome else None
    answers = {split.criterion.pk: split.answers for split in members.answers} if members else {}
    sections: list[dict] = []
    for criterion in criteria:
        if not sections or sections[-1]["group"] != criterion.group:
            sections.append({"group": criterion.group, "items": []})
        sections[-1]["items"].append(
            {"criterion": criterion, "answers": answers.get(criterion.pk, [])}
        )
    return sections


def case_outcome(*, user, access: CaseAccess) -> CaseOutcome | None:
    """The panel's decision on the case and, for those who may see the discussion, how the
    members' own assessments fell. Nothing before the reveal."""
    meeting = access.meeting
    if meeting.status not in REVEALED:
        return None
    decision = (
        Decision.objects.filter(reviewed_case=access.reviewed_case)
        .select_related("category", "recorded_by")
        .prefetch_related("themes")
        .first()
    )
    members = None
    if by_rule("panels.view_discussion", user, meeting):
        members, _ = decision_ratings(meeting=meeting, reviewed_case=access.reviewed_case)
    return CaseOutcome(decision=decision, members=members)


def panel_members(*, meeting: Meeting) -> QuerySet[Membership]:
    return (
        meeting.panel.memberships.filter(is_active=True)
        .select_related("user")
        .order_by("-is_voting", "role", "user__last_name")
    )


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
    email address or full name (panels.notifications.action_owner), soonest due first."""
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
