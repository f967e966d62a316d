"""The force liaison role: who holds it, what its rules say yes to, and that it opens
nothing of a panel's."""

import datetime

import pytest
from django.urls import reverse

from core.permissions import by_rule
from core.roles import roles_held
from panels.enums import ActionStatus, MeetingStatus
from panels.meetings import selectors as meeting_selectors
from panels.meetings.action_reminders import action_reminders_due
from panels.meetings.services import action_fingerprint, action_save
from panels.models import Action, Meeting
from panels.permissions import liaison_force_ids
from tests import factories
from tests.panels.liaison_setup import response_from


def in_discussion(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.IN_DISCUSSION)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def force_action(meeting):
    return Action.objects.create(
        meeting=meeting, force=meeting.panel.force, description="Brief supervisors.", owner="Force"
    )


def test_lee_holds_the_force_liaison_role(lee):
    assert roles_held(lee) == {"Force liaison"}


def test_an_ended_liaison_no_longer_holds_the_role_or_sees_the_force(db):
    liaison = factories.ForceLiaisonFactory(is_active=False, ended_on=datetime.date(2026, 5, 1))

    assert (roles_held(liaison.user), liaison_force_ids(liaison.user)) == (set(), set())


def test_the_liaison_may_see_and_answer_an_action_addressed_to_their_force(lee, force_action):
    assert [
        by_rule("panels.view_force_action", lee, force_action),
        by_rule("panels.answer_action", lee, force_action),
    ] == [True, True]


def test_another_forces_liaison_may_not_see_the_action(force_action):
    other = factories.ForceLiaisonFactory().user

    assert by_rule("panels.view_force_action", other, force_action) is False


def test_an_action_not_addressed_to_the_force_is_not_the_liaisons(lee, meeting):
    action = Action.objects.create(meeting=meeting, description="Write to CPS.", owner="CPS")

    assert by_rule("panels.view_force_action", lee, action) is False


def test_opcc_staff_see_but_do_not_answer_a_forces_action(olu, lee, force_action):
    response = response_from(lee, force_action)

    assert [
        by_rule("panels.view_force_action", olu, force_action),
        by_rule("panels.answer_action", olu, force_action),
        by_rule("panels.review_action_response", olu, response),
    ] == [True, False, True]


def test_the_liaison_is_not_a_panel_member(lee, meeting, client):
    client.force_login(lee)

    response = client.get(reverse("panels:meeting_detail", args=[meeting.pk]))

    assert (by_rule("panels.view_meeting", lee, meeting), response.status_code) == (False, 404)


def test_the_liaison_sees_the_forces_feedback_but_no_other_forces(lee, panel):
    other = factories.ForceFactory()

    assert [
        by_rule("panels.view_force_feedback", lee, panel.force),
        by_rule("panels.view_force_feedback", lee, other),
    ] == [True, False]


def test_an_action_addressed_to_the_force_is_addressed_to_the_panels_force(meeting, chris):
    in_discussion(meeting)

    action = action_save(
        meeting=meeting,
        by=chris,
        description="Brief supervisors on admissions.",
        owner="Force OoCR lead",
        addressed_to_force=True,
    )

    assert action.force == meeting.panel.force


def test_an_action_no_longer_addressed_to_the_force_has_no_force(meeting, chris):
    in_discussion(meeting)
    action = action_save(
        meeting=meeting, by=chris, description="Brief.", owner="Force", addressed_to_force=True
    )

    action_save(
        meeting=meeting,
        by=chris,
        action=action,
        seen=action_fingerprint(action),
        addressed_to_force=False,
    )

    action.refresh_from_db()
    assert action.force is None


def test_an_action_from_no_panel_meeting_stays_off_the_panels_lists(olu, panel):
    Action.objects.create(
        force=panel.force,
        description="Accountability action.",
        owner="Force",
        due_date=datetime.date(2026, 1, 1),
        status=ActionStatus.OPEN,
    )

    listed = meeting_selectors.action_list(user=olu, today=datetime.date(2026, 6, 1))

    assert (list(listed), action_reminders_due(today=datetime.date(2026, 6, 1))) == ([], [])
