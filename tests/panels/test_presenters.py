"""The presenters: what the panels' pages say of what the selectors read."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from panels.enums import MeetingStatus, RatingStatus
from panels.meetings import presenters as meeting_presenters
from panels.models import Membership
from panels.people import presenters as people_presenters
from panels.rating import presenters as rating_presenters
from panels.rating import reveal
from panels.rating import selectors as rating_selectors
from tests import factories

TODAY = datetime.date(2026, 6, 10)


@pytest.fixture
def rating_meeting(panel):
    """A meeting open for rating, four cases on its agenda, the deadline in 20 days."""
    meeting = factories.MeetingFactory(
        panel=panel,
        date=TODAY + datetime.timedelta(days=30),
        status=MeetingStatus.RATING_OPEN,
        rating_deadline=TODAY + datetime.timedelta(days=20),
    )
    for position in range(1, 5):
        factories.ReviewedCaseFactory(meeting=meeting, position=position)
    return meeting


def task_lists(user, today=TODAY):
    return rating_presenters.task_lists(rating_selectors.member_home(user=user, today=today))


def test_each_task_status_has_its_words_tag_and_link(rating_meeting, mina):
    membership = Membership.objects.get(panel=rating_meeting.panel, user=mina)
    first, second, third, _ = rating_meeting.reviewed_cases.order_by("position")
    factories.RatingFactory(
        reviewed_case=first, membership=membership, status=RatingStatus.SUBMITTED
    )
    factories.RatingFactory(
        reviewed_case=second, membership=membership, status=RatingStatus.DRAFT, category=None
    )
    factories.declare(mina, third, conflict=True)

    (item,) = task_lists(mina)

    papers = "panels:case_papers"
    assert [(t.label, t.tag, t.url) for t in item.tasks] == [
        ("Completed", "", reverse(papers, args=[rating_meeting.pk, 1])),
        ("In progress", "govuk-tag--light-blue", reverse(papers, args=[rating_meeting.pk, 2])),
        (
            "Conflict declared",
            "govuk-tag--grey",
            reverse("panels:conflict_declare", args=[rating_meeting.pk, 3]),
        ),
        ("Not started", "govuk-tag--blue", reverse(papers, args=[rating_meeting.pk, 4])),
    ]
    assert (item.rated, item.to_rate, item.conflicts) == (1, 3, 1)


def test_a_non_voting_attendees_tasks_are_read_only_in_plain_text(rating_meeting, pat):
    (item,) = task_lists(pat)

    assert {(t.label, t.tag) for t in item.tasks} == {("Read only", "")}


@pytest.mark.parametrize(
    ("days_left", "due", "tag"),
    [
        (20, "", None),
        (8, "", None),
        (7, "due in 7 days", None),
        (2, "due in 2 days", None),
        (1, "due tomorrow", None),
        (0, "due today", ("Rating due today", "govuk-tag--orange")),
        (-1, "overdue", ("Rating overdue", "govuk-tag--red")),
    ],
)
def test_the_rating_deadline_is_worded_by_how_near_it_is(rating_meeting, mina, days_left, due, tag):
    (item,) = task_lists(mina, today=rating_meeting.rating_deadline - datetime.timedelta(days_left))

    assert item.due == due
    assert (item.due_tag and (item.due_tag.text, item.due_tag.colour)) == tag


def test_no_deadline_wording_once_every_case_is_rated(rating_meeting, mina):
    membership = Membership.objects.get(panel=rating_meeting.panel, user=mina)
    for reviewed in rating_meeting.reviewed_cases.all():
        factories.RatingFactory(
            reviewed_case=reviewed, membership=membership, status=RatingStatus.SUBMITTED
        )

    (item,) = task_lists(mina, today=rating_meeting.rating_deadline)

    assert (item.due, item.due_tag) == ("", None)


def _invited(panel, days_ago: int) -> Membership:
    membership = factories.MembershipFactory(
        panel=panel, invited_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    membership.user.set_unusable_password()
    membership.user.save()
    return membership


def test_each_membership_state_has_its_words_and_tag(panel, mina):
    paused = factories.MembershipFactory(panel=panel, is_active=False)
    ended = factories.MembershipFactory(panel=panel, is_active=False, ended_on=timezone.localdate())
    invited, expired = _invited(panel, days_ago=1), _invited(panel, days_ago=400)
    active = Membership.objects.get(panel=panel, user=mina)

    rows = {row.membership.pk: row for row in people_presenters.panel_members(panel=panel)}

    assert [
        (rows[m.pk].state_label, rows[m.pk].state_class, rows[m.pk].awaiting_acceptance)
        for m in (active, invited, expired, paused, ended)
    ] == [
        ("Active", "govuk-tag--green", False),
        ("Invited, not yet accepted", "govuk-tag--blue", True),
        ("Invitation expired", "govuk-tag--orange", True),
        ("Paused", "govuk-tag--yellow", False),
        ("Ended", "govuk-tag--grey", False),
    ]
    assert people_presenters.membership_state(expired) == (
        "expired",
        "Invitation expired",
        "govuk-tag--orange",
    )


def test_the_discussion_words_each_cases_decision_splits_and_ratings(panel, chris, mina):
    meeting = factories.MeetingFactory(panel=panel, status=MeetingStatus.IN_DISCUSSION)
    decided, split, conflicted = (
        factories.ReviewedCaseFactory(meeting=meeting, position=n) for n in (1, 2, 3)
    )
    factories.DecisionFactory(reviewed_case=decided)
    member = {u: Membership.objects.get(panel=panel, user=u) for u in (chris, mina)}
    criterion = panel.framework.criteria.order_by("position").first()
    for user, answer in ((chris, "met"), (mina, "not_met")):
        rating = factories.RatingFactory(
            reviewed_case=split, membership=member[user], status=RatingStatus.SUBMITTED
        )
        rating.assessments.create(criterion=criterion, value=answer)
    factories.declare(chris, conflicted, conflict=True)

    page = meeting_presenters.discussion_page(reveal.discussion(meeting=meeting))

    consistent = factories.category("consistent").short_label
    first, second, third = page.cases
    assert [(c.tag.text, c.tag.colour, c.decision_link) for c in page.cases] == [
        ("Decided: Inconsistent", "govuk-tag--green", "Change the decision"),
        ("Needs a decision", "govuk-tag--yellow", "Record the decision"),
        ("Needs a decision", "govuk-tag--yellow", "Record the decision"),
    ]
    assert second.decision_url == reverse("panels:decision", args=[meeting.pk, 2])
    assert (first.splits, second.splits, third.splits) == (
        [],
        [f"{criterion.label}: 1 met, 1 not met"],
        [],
    )
    assert [cells for _, cells in page.matrix] == [
        ["Not rated", "Not rated"],
        [consistent, consistent],
        ["Conflict", "Not rated"],
    ]
