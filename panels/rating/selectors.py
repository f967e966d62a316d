"""Reads for the member's pages: their task lists, a case's papers, their own rating and
comment, and how far the members have got. Every query starts from what the user may see."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cases.kinds.selectors import kind_sections, section_sources

from ..enums import MeetingStatus, RatingStatus
from ..models import (
    CaseComment,
    ConflictDeclaration,
    Decision,
    Meeting,
    Membership,
    Rating,
    ReviewedCase,
    Theme,
)
from ..permissions import REVEALED, CaseAccess, active_memberships, by_rule
from ..queries import membership_for
from .reveal import CaseDiscussion, decision_ratings

# A translated field read with only(): its original column and each language's copy.
LANGS = ("", "_en", "_cy")

# A task's status on the member's task list (panels.rating.presenters words them).
NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"
CONFLICT, READ_ONLY = "conflict", "read_only"


@dataclass(frozen=True)
class MemberTask:
    reviewed_case: ReviewedCase
    status: str


@dataclass(frozen=True)
class MeetingTasks:
    """One meeting open for rating: the member's cases and where each stands."""

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


def member_home(*, user, today: datetime.date | None = None) -> list[MeetingTasks]:
    """The member's task lists, one per meeting of their panels that is open for rating.

    Five queries however many meetings, cases and members there are: the member sees
    the case number and its summary (the offence and outcome type of an out of court
    resolution; the kind's summary fields of another kind), nothing more, until they declare.
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
        .select_related("case", "case__outcome_type", "case__kind")
        .only(
            "meeting_id",
            "position",
            "case__offence",
            "case__outcome_date",
            "case__values",
            "case__outcome_type__code",
            "case__outcome_type__name",
            # Each in the original column and in both languages (docs/adr/0017).
            *(f"case__kind__{name}{lang}" for name in ("name", "date_label") for lang in LANGS),
        )
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
        ConflictDeclaration.objects.select_related("membership__user", "reviewed_case__case__kind"),
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


@dataclass(frozen=True)
class CaseRecord:
    """What a case's papers show of its record: its kind's sections in order, each with its
    fields, and which section-only extracts filled which sections."""

    sections: list
    sources: dict


def case_record(*, case) -> CaseRecord:
    """The case's kind's sections with their fields, and its sections' sources: three
    queries, whatever the kind holds."""
    return CaseRecord(sections=kind_sections(case.kind), sources=section_sources(case))


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


def framework_criteria(*, framework) -> list:
    """The framework's criteria in order, each with its group, for reading beside a case."""
    return list(framework.criteria.select_related("group").order_by("position"))


@dataclass(frozen=True)
class CaseOutcome:
    """What a case page shows of the panel's view once the ratings are revealed."""

    decision: Decision | None
    members: CaseDiscussion | None  # the members' own ratings, summed; None if not theirs to see


def criteria_sections(*, criteria: list, outcome: CaseOutcome | None) -> list[dict]:
    """The criteria under their groups, each with the panel's answer once decided, and how
    the members' answers fell when the user may see them (an empty list otherwise)."""
    members = outcome.members if outcome else None
    answers = {split.criterion.pk: split.answers for split in members.answers} if members else {}
    decision = outcome.decision if outcome else None
    panel = {a.criterion_id: a for a in decision.assessments.all()} if decision else {}
    sections: list[dict] = []
    for criterion in criteria:
        if not sections or sections[-1]["group"] != criterion.group:
            sections.append({"group": criterion.group, "items": []})
        sections[-1]["items"].append(
            {
                "criterion": criterion,
                "answers": answers.get(criterion.pk, []),
                "panel": panel.get(criterion.pk),
            }
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
        .prefetch_related("themes", "assessments")
        .first()
    )
    members = None
    if by_rule("panels.view_discussion", user, meeting):
        members, _ = decision_ratings(meeting=meeting, reviewed_case=access.reviewed_case)
    return CaseOutcome(decision=decision, members=members)
