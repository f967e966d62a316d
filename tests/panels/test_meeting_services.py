"""Running a meeting: moving it on, the reveal, decisions, carry-over and follow-up."""

import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cases.enums import CaseStatus
from core.stale import StaleEdit
from core.workflow import TransitionNotAllowed
from panels.enums import ActionStatus, AttendanceKind, CaseSource, MeetingStatus
from panels.meetings import selectors as meeting_selectors
from panels.meetings.services import (
    DecisionInput,
    action_fingerprint,
    action_save,
    attendance_record,
    decision_record,
    meeting_move,
    meeting_plan,
)
from panels.models import Action, Attendance, Decision, Meeting, ReviewedCase
from panels.rating import reveal
from panels.rating.services import RatingInput, conflict_declare, rating_save
from panels.workflow import MEETING_TRANSITIONS
from tests import factories


def agenda_case(meeting, position=1, status=CaseStatus.ON_AGENDA):
    return factories.ReviewedCaseFactory(meeting=meeting, position=position, case__status=status)


def set_status(meeting, status):
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    meeting.refresh_from_db()


def rate(reviewed, user, code, reasons="Fictional reasons."):
    conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    criteria = reviewed.meeting.panel.framework.criteria.all()
    rating_save(
        reviewed_case=reviewed,
        user=user,
        data=RatingInput(
            category=factories.category(code),
            reasons=reasons,
            assessments={c.code: ("met", "") for c in criteria},
        ),
        submit=True,
        version=0,
    )


@pytest.fixture
def discussing(meeting, olu, chris, mina, pat):
    """A meeting in discussion: case 1 rated inconsistent by Mina, consistent by Chris."""
    first, second = agenda_case(meeting, 1), agenda_case(meeting, 2)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    rate(first, mina, "inconsistent")
    rate(first, chris, "inconsistent")
    rate(second, mina, "consistent", reasons="")
    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)
    meeting.refresh_from_db()
    return meeting


STATUSES = list(MeetingStatus.values)


@pytest.mark.parametrize(("start", "to"), list(itertools.product(STATUSES, STATUSES)))
def test_every_move_in_the_table_is_allowed_and_every_other_refused(meeting, chris, olu, start, to):
    agenda_case(meeting)
    set_status(meeting, start)
    if to == MeetingStatus.CLOSED:
        factories.DecisionFactory(reviewed_case=meeting.reviewed_cases.get(), recorded_by=chris)

    if to in MEETING_TRANSITIONS[start]:
        moved = meeting_move(meeting=meeting, to=to, by=chris)
        assert moved.status == to
        assert meeting.status_history.get().to_status == to
    else:
        with pytest.raises(TransitionNotAllowed):
            meeting_move(meeting=meeting, to=to, by=olu)
        meeting.refresh_from_db()
        assert meeting.status == start
        assert not meeting.status_history.exists()


@pytest.mark.parametrize("who", ["mina", "pat", "alice", "nadia", "eve"])
def test_only_the_chair_and_opcc_staff_move_a_meeting(meeting, request, who):
    agenda_case(meeting)
    user = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=user)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED


def test_revealing_without_names_is_recorded(meeting, olu, chris, mina):
    agenda_case(meeting)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)

    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chris, anonymous=True)

    meeting.refresh_from_db()
    assert meeting.anonymous_reveal is True
    labels = [label for _, label in reveal.discussion(meeting=meeting).members]
    assert labels == ["Member A", "Member B"]


def test_closing_needs_a_decision_on_every_case(discussing, chris):
    with pytest.raises(TransitionNotAllowed, match="2 still open"):
        meeting_move(meeting=discussing, to=MeetingStatus.CLOSED, by=chris)


def test_closing_marks_the_decided_cases_reviewed(discussing, chris):
    for reviewed in discussing.reviewed_cases.all():
        decision_record(
            reviewed_case=reviewed,
            by=chris,
            data=DecisionInput(category=factories.category("consistent")),
            version=0,
        )

    meeting_move(meeting=discussing, to=MeetingStatus.CLOSED, by=chris)

    assert {rc.case.status for rc in discussing.reviewed_cases.all()} == {CaseStatus.REVIEWED}


def test_cancelling_puts_the_cases_back_in_the_pool(meeting, olu):
    agenda_case(meeting)

    meeting_move(meeting=meeting, to=MeetingStatus.CANCELLED, by=olu)

    assert meeting.reviewed_cases.get().case.status == CaseStatus.IN_POOL


def test_the_decision_records_how_it_compares_with_the_members_majority(discussing, chris):
    first = discussing.reviewed_cases.get(position=1)

    decision = decision_record(
        reviewed_case=first,
        by=chris,
        data=DecisionInput(
            category=factories.category("consistent-with-observations"),
            reasons="The condition had no end date.",
            themes=[],
        ),
        version=0,
    )

    assert decision.majority_category == factories.category("inconsistent")
    assert decision.differs_from_majority is True
    assert decision.version == 1


def test_a_decision_with_no_ratings_has_no_majority(discussing, chris):
    extra = agenda_case(discussing, 3)

    decision = decision_record(
        reviewed_case=extra,
        by=chris,
        data=DecisionInput(category=factories.category("consistent")),
        version=0,
    )

    assert (decision.majority_category, decision.differs_from_majority) == (None, None)


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (
            DecisionInput(category=None),
            {"category": ["Select the panel's outcome category"]},
        ),
        (
            DecisionInput(category="inconsistent"),
            {"reasons": ["Enter the panel's reasons for 'Inconsistent with Police Policy'"]},
        ),
        (
            DecisionInput(category="no-conclusion", reasons="Unclear admission."),
            {
                "information_requested": [
                    "Say what information the panel needs before it can conclude"
                ]
            },
        ),
        (
            DecisionInput(category=("vcop-seven-way", "fully-compliant")),
            {"category": ["Select one of this panel's outcome categories"]},
        ),
    ],
)
def test_an_incomplete_decision_is_refused_and_nothing_stored(discussing, chris, data, errors):
    if isinstance(data.category, str):
        data.category = factories.category(data.category)
    elif isinstance(data.category, tuple):
        data.category = factories.category(data.category[1], data.category[0])

    with pytest.raises(ValidationError) as error:
        decision_record(
            reviewed_case=discussing.reviewed_cases.get(position=1),
            by=chris,
            data=data,
            version=0,
        )

    assert error.value.message_dict == errors
    assert not Decision.objects.exists()


def test_decisions_are_refused_before_the_reveal_and_after_closing(meeting, olu, chris):
    reviewed = agenda_case(meeting)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    data = DecisionInput(category=factories.category("consistent"))

    with pytest.raises(ValidationError, match="while the meeting is in discussion"):
        decision_record(reviewed_case=reviewed, by=chris, data=data, version=0)
    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)
    decision_record(reviewed_case=reviewed, by=chris, data=data, version=0)
    meeting_move(meeting=meeting, to=MeetingStatus.CLOSED, by=chris)
    with pytest.raises(ValidationError, match="while the meeting is in discussion"):
        decision_record(
            reviewed_case=reviewed,
            by=chris,
            data=DecisionInput(category=factories.category("inconsistent"), reasons="Changed."),
            version=1,
        )

    assert Decision.objects.get().category.code == "consistent"


@pytest.mark.parametrize("who", ["mina", "pat", "alice", "nadia"])
def test_only_the_chair_and_opcc_staff_record_decisions(discussing, request, who):
    with pytest.raises(PermissionDenied):
        decision_record(
            reviewed_case=discussing.reviewed_cases.get(position=1),
            by=request.getfixturevalue(who),
            data=DecisionInput(category=factories.category("consistent")),
            version=0,
        )


def test_a_stale_decision_is_refused(discussing, chris, olu):
    reviewed = discussing.reviewed_cases.get(position=2)
    data = DecisionInput(category=factories.category("consistent"))
    decision_record(reviewed_case=reviewed, by=olu, data=data, version=0)

    with pytest.raises(StaleEdit) as stale:
        decision_record(
            reviewed_case=reviewed,
            by=chris,
            data=DecisionInput(category=factories.category("inconsistent"), reasons="Mine."),
            version=0,
        )

    assert stale.value.current.category.code == "consistent"
    assert Decision.objects.get().version == 1


def inconclusive(carry_to):
    return DecisionInput(
        category=factories.category("no-conclusion"),
        reasons="The admission is not clear from the papers.",
        information_requested="The interview record.",
        carry_to=carry_to,
    )


def test_an_inconclusive_case_is_carried_over_to_a_later_planned_meeting(discussing, chris):
    later = factories.MeetingFactory(
        panel=discussing.panel, date=discussing.date + datetime.timedelta(days=90)
    )
    agenda_case(later, 1, status=CaseStatus.ON_AGENDA)
    reviewed = discussing.reviewed_cases.get(position=1)

    decision_record(reviewed_case=reviewed, by=chris, data=inconclusive(later), version=0)

    carried = later.reviewed_cases.get(position=2)
    assert (carried.case, carried.source, carried.carried_over_from) == (
        reviewed.case,
        CaseSource.CARRIED_OVER,
        reviewed,
    )
    decision_record(
        reviewed_case=discussing.reviewed_cases.get(position=2),
        by=chris,
        data=DecisionInput(category=factories.category("consistent")),
        version=0,
    )
    meeting_move(meeting=discussing, to=MeetingStatus.CLOSED, by=chris)
    reviewed.case.refresh_from_db()
    assert reviewed.case.status == CaseStatus.ON_AGENDA


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("other panel", "Choose a later meeting of this panel"),
        ("earlier", "Choose a later meeting that is still being planned"),
        ("rating open", "Choose a later meeting that is still being planned"),
    ],
)
def test_carrying_over_anywhere_else_is_refused(discussing, chris, where, message):
    date = discussing.date + datetime.timedelta(days=-30 if where == "earlier" else 30)
    panel = factories.PanelFactory() if where == "other panel" else discussing.panel
    target = factories.MeetingFactory(panel=panel, date=date)
    if where == "rating open":
        set_status(target, MeetingStatus.RATING_OPEN)

    with pytest.raises(ValidationError) as error:
        decision_record(
            reviewed_case=discussing.reviewed_cases.get(position=1),
            by=chris,
            data=inconclusive(target),
            version=0,
        )

    assert error.value.message_dict == {"carry_to": [message]}
    assert not ReviewedCase.objects.filter(meeting=target).exists()
    assert not Decision.objects.exists()


def test_planning_a_meeting_checks_its_dates(panel, olu, mina):
    date = datetime.date(2027, 6, 9)
    with pytest.raises(ValidationError) as error:
        meeting_plan(
            panel=panel, by=olu, date=date, theme="Hate crime", rating_deadline=date.replace(day=10)
        )
    assert error.value.message_dict == {
        "rating_deadline": ["The rating deadline must be on or before the meeting date"]
    }
    with pytest.raises(PermissionDenied):
        meeting_plan(panel=panel, by=mina, date=date, theme="Hate crime")

    meeting = meeting_plan(panel=panel, by=olu, date=date, theme="Hate crime", location="Online")

    assert (meeting.status, meeting.location) == (MeetingStatus.PLANNED, "Online")
    with pytest.raises(ValidationError, match="already has a meeting"):
        meeting_plan(panel=panel, by=olu, date=date, theme="Again")


def test_actions_are_updated_after_the_meeting_closes(discussing, chris, olu):
    action = action_save(
        meeting=discussing,
        by=chris,
        description="Review the use of community resolutions for stalking.",
        owner="Force OoCR lead",
        due_date=datetime.date(2027, 1, 31),
    )
    for reviewed in discussing.reviewed_cases.all():
        decision_record(
            reviewed_case=reviewed,
            by=chris,
            data=DecisionInput(category=factories.category("consistent")),
            version=0,
        )
    meeting_move(meeting=discussing, to=MeetingStatus.CLOSED, by=chris)

    action_save(
        meeting=discussing,
        by=olu,
        action=action,
        seen=action_fingerprint(action),
        status=ActionStatus.IN_PROGRESS,
        follow_up_date=datetime.date(2027, 7, 20),
    )

    action.refresh_from_db()
    assert (action.status, action.follow_up_date) == (
        ActionStatus.IN_PROGRESS,
        datetime.date(2027, 7, 20),
    )
    later = factories.MeetingFactory(
        panel=discussing.panel, date=discussing.date + datetime.timedelta(days=60)
    )
    assert list(meeting_selectors.open_actions_before(meeting=later)) == [action]


def test_actions_wait_for_the_discussion(meeting, olu):
    with pytest.raises(ValidationError, match="once the discussion has started"):
        action_save(meeting=meeting, by=olu, description="Too early.", owner="OPCC")

    assert not Action.objects.exists()


def test_attendance_replaces_what_was_recorded(discussing, chris, mina, nadia):
    members = {m.user.username: m.pk for m in discussing.panel.memberships.all()}

    attendance_record(
        meeting=discussing,
        by=chris,
        kinds={members["chris"]: AttendanceKind.PRESENT, members["mina"]: AttendanceKind.APOLOGIES},
        observers=[("Sam Lee", "HM Inspectorate of Constabulary")],
    )
    attendance_record(
        meeting=discussing,
        by=chris,
        kinds={members["chris"]: AttendanceKind.PRESENT},
        observers=[],
    )
    with pytest.raises(ValidationError, match="not on this panel"):
        attendance_record(
            meeting=discussing,
            by=chris,
            kinds={nadia.memberships.get().pk: AttendanceKind.PRESENT},
            observers=[],
        )

    assert list(Attendance.objects.values_list("membership__user__username", "kind")) == [
        ("chris", AttendanceKind.PRESENT)
    ]


def future_meeting(meeting, olu, days=7):
    """A meeting open for rating whose date is still `days` ahead."""
    Meeting.objects.filter(pk=meeting.pk).update(
        date=timezone.localdate() + datetime.timedelta(days=days)
    )
    meeting.refresh_from_db()
    agenda_case(meeting, 1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    return meeting


def test_discussion_start_before_the_date_refused_for_the_chair(meeting, olu, chris):
    future_meeting(meeting, olu)

    with pytest.raises(ValidationError) as refused:
        meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chris)

    assert refused.value.messages == [
        f"The meeting is on {meeting.date:%-d %B %Y}, so the discussion cannot start yet. "
        "OPCC staff can confirm an early start, with a reason."
    ]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.RATING_OPEN


def test_discussion_start_before_the_date_needs_a_reason_from_staff(meeting, olu):
    future_meeting(meeting, olu)

    with pytest.raises(ValidationError) as refused:
        meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=olu, early_reason=" ")

    assert refused.value.message_dict == {
        "early_reason": ["Enter why the discussion starts before the meeting's date"]
    }
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.RATING_OPEN


def test_discussion_start_before_the_date_keeps_the_staff_reason_in_the_history(meeting, olu):
    future_meeting(meeting, olu)

    meeting_move(
        meeting=meeting,
        to=MeetingStatus.IN_DISCUSSION,
        by=olu,
        early_reason="The chair is away on the day.",
    )

    row = meeting.status_history.get(to_status=MeetingStatus.IN_DISCUSSION)
    assert (row.changed_by, row.note) == (
        olu,
        f"Started before the meeting's date ({meeting.date:%-d %B %Y}): "
        "The chair is away on the day.",
    )


def test_meeting_close_before_the_date_refused(meeting, olu, chris):
    future_meeting(meeting, olu)
    meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=olu, early_reason="Away.")
    reviewed = meeting.reviewed_cases.get()
    decision_record(
        reviewed_case=reviewed,
        by=chris,
        data=DecisionInput(category=factories.category("consistent")),
        version=0,
    )

    with pytest.raises(ValidationError) as refused:
        meeting_move(meeting=meeting, to=MeetingStatus.CLOSED, by=olu)

    assert refused.value.messages == [
        f"The meeting is on {meeting.date:%-d %B %Y}: it cannot be closed before then."
    ]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_DISCUSSION
