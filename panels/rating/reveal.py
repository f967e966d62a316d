"""The reveal: every case's independent ratings summed, for the chair's discussion, the
decision page and a case's papers once the ratings are revealed."""

import hashlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..enums import Assessment, RatingStatus
from ..models import (
    CaseComment,
    ConflictDeclaration,
    CriterionAssessment,
    Meeting,
    Membership,
    OutcomeCategory,
    Rating,
    ReviewedCase,
)
from ..permissions import REVEALED
from ..queries import agenda
from .agreement import case_agreement, fleiss_kappa, majority


def _answer_order(value: str) -> int:
    return Assessment.values.index(value) if value in Assessment.values else len(Assessment.values)


@dataclass(frozen=True)
class CriterionSplit:
    criterion: object
    answers: list[tuple[str, int]]  # (answer label, how many), most first


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


def member_labels(*, meeting: Meeting, members: list[Membership]) -> list[tuple[Membership, str]]:
    """Members by name, or as Member A, B, C… when the chair revealed without names, in an
    order fixed per meeting that says nothing about seniority or joining date."""
    if not meeting.anonymous_reveal:
        return [(m, m.user.get_full_name() or m.user.username) for m in members]
    shuffled = sorted(
        members, key=lambda m: hashlib.sha256(f"{meeting.pk}:{m.pk}".encode()).hexdigest()
    )
    return [
        (m, _("Member %(letter)s") % {"letter": chr(ord("A") + i)}) for i, m in enumerate(shuffled)
    ]


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
    voters = _voters(meeting)
    members = member_labels(meeting=meeting, members=voters)
    cases = list(agenda(meeting=meeting))
    items = _case_discussions(
        meeting=meeting, cases=cases, voters=voters, members=members, where={"meeting": meeting}
    )
    table = [[n for _, n in item.counts] for item in items]
    if order == "agreement":
        items.sort(key=lambda i: (i.agreement is None, i.agreement or 0, i.reviewed_case.position))
    return Discussion(meeting=meeting, members=members, cases=items, kappa=fleiss_kappa(table))


def decision_ratings(
    *, meeting: Meeting, reviewed_case: ReviewedCase
) -> tuple[CaseDiscussion, list]:
    """The independent ratings shown beside the decision form for one case, and the voting
    members as the discussion labels them: reads that case's ratings only."""
    voters = _voters(meeting)
    members = member_labels(meeting=meeting, members=voters)
    (item,) = _case_discussions(
        meeting=meeting,
        cases=[reviewed_case],
        voters=voters,
        members=members,
        where={"pk": reviewed_case.pk},
    )
    return item, members


def _case_discussions(
    *,
    meeting: Meeting,
    cases: list[ReviewedCase],
    voters: list[Membership],
    members: list[tuple[Membership, str]],
    where: dict,
) -> list[CaseDiscussion]:
    """`cases`' independent ratings summed: `where` picks those cases' rows, as lookups
    on the reviewed case (the whole meeting, or one case)."""
    scope = {f"reviewed_case__{lookup}": value for lookup, value in where.items()}
    framework = meeting.panel.framework
    categories = list(framework.categories.order_by("position"))
    criteria = list(framework.criteria.order_by("position"))
    label = {m.pk: name for m, name in members}
    ratings = list(
        Rating.objects.filter(
            **scope, status=RatingStatus.SUBMITTED, membership__in=voters
        ).select_related("category")
    )
    comments = list(
        CaseComment.objects.filter(**scope, membership__is_voting=False)
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
        **scope, superseded_at__isnull=True, has_conflict=True, membership__in=voters
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
                    (labels.get(v, _("Not answered")), n)
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
    return items
