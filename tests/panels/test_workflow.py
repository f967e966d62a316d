"""Meeting and case status changes go through one door and leave immutable history."""

import pytest
from django.core.exceptions import ValidationError

from cases.enums import CaseStatus
from cases.models import Case, CaseStatusChange
from cases.workflow import case_transition, case_transitions
from core.workflow import TransitionNotAllowed
from panels.enums import MeetingStatus
from panels.models import MeetingStatusChange
from panels.workflow import meeting_transition
from tests import factories


def test_meeting_transition_records_who_moved_it_and_from_where(meeting, olu):
    factories.ReviewedCaseFactory(meeting=meeting)

    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu, note="Papers out")

    meeting.refresh_from_db()
    history = list(meeting.status_history.values_list("from_status", "to_status", "changed_by"))
    assert meeting.status == MeetingStatus.RATING_OPEN
    assert history == [(MeetingStatus.PLANNED, MeetingStatus.RATING_OPEN, olu.pk)]


def test_meeting_transition_skipping_a_step_is_refused_and_changes_nothing(meeting, olu):
    with pytest.raises(TransitionNotAllowed, match="Cannot move from Planned to Closed"):
        meeting_transition(meeting=meeting, to=MeetingStatus.CLOSED, by=olu)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    assert meeting.status_history.count() == 0


def test_meeting_without_cases_cannot_open_for_rating(meeting, olu):
    with pytest.raises(TransitionNotAllowed, match="Add cases to the agenda"):
        meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)


def test_meeting_with_undecided_cases_cannot_close(meeting, olu):
    factories.ReviewedCaseFactory(meeting=meeting)
    decided = factories.ReviewedCaseFactory(meeting=meeting)
    factories.DecisionFactory(reviewed_case=decided)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    meeting_transition(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=olu)

    with pytest.raises(TransitionNotAllowed, match="1 still open"):
        meeting_transition(meeting=meeting, to=MeetingStatus.CLOSED, by=olu)


def test_meeting_closed_cannot_reopen(meeting, olu):
    factories.DecisionFactory(reviewed_case=factories.ReviewedCaseFactory(meeting=meeting))
    for status in [MeetingStatus.RATING_OPEN, MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED]:
        meeting_transition(meeting=meeting, to=status, by=olu)

    with pytest.raises(TransitionNotAllowed):
        meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)


def test_status_history_rows_cannot_be_edited_or_deleted(meeting, olu):
    factories.ReviewedCaseFactory(meeting=meeting)
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    row = MeetingStatusChange.objects.get()

    row.note = "rewritten"
    with pytest.raises(ValidationError):
        row.save()
    with pytest.raises(ValidationError):
        row.delete()
    with pytest.raises(ValidationError):
        MeetingStatusChange.objects.all().delete()

    assert MeetingStatusChange.objects.get().note == ""


def test_case_transition_follows_the_case_table(db, olu):
    case = factories.CaseFactory()

    case_transition(case=case, to=CaseStatus.ON_AGENDA, by=olu)
    with pytest.raises(TransitionNotAllowed, match="On a meeting agenda to On a meeting agenda"):
        case_transition(case=case, to=CaseStatus.ON_AGENDA, by=olu)

    case.refresh_from_db()
    assert case.status == CaseStatus.ON_AGENDA
    assert case.status_history.get().changed_by == olu


def test_case_transitions_move_every_case_with_its_own_history(db, olu):
    cases = factories.CaseFactory.create_batch(3)

    moved = case_transitions(cases=cases, to=CaseStatus.ON_AGENDA, by=olu, note="Agenda")

    assert [case.pk for case in moved] == [case.pk for case in cases]
    for case in cases:
        case.refresh_from_db()
        assert case.status == CaseStatus.ON_AGENDA
        assert list(case.status_history.values_list("from_status", "to_status", "note")) == [
            (CaseStatus.IN_POOL, CaseStatus.ON_AGENDA, "Agenda")
        ]


def test_case_transitions_move_none_when_one_case_may_not_move(db, olu):
    cases = factories.CaseFactory.create_batch(3)
    case_transition(case=cases[1], to=CaseStatus.WITHDRAWN, by=olu)

    with pytest.raises(TransitionNotAllowed, match="Withdrawn to On a meeting agenda"):
        case_transitions(cases=cases, to=CaseStatus.ON_AGENDA, by=olu)

    statuses = [Case.objects.get(pk=case.pk).status for case in cases]
    assert statuses == [CaseStatus.IN_POOL, CaseStatus.WITHDRAWN, CaseStatus.IN_POOL]
    assert CaseStatusChange.objects.filter(to_status=CaseStatus.ON_AGENDA).count() == 0
