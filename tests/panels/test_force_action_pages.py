"""The force's actions (the list) and one action with the force's responses."""

import datetime

import pytest
from django.urls import reverse

from core.models import AuditEntry
from panels.enums import MeetingStatus, MembershipRole, ResponseState
from panels.models import Meeting
from tests import factories
from tests.panels.liaison_setup import force_action, response_from

LIST = reverse("panels:force_action_list")


@pytest.fixture
def action(meeting):
    return force_action(meeting)


def detail(action) -> str:
    return reverse("panels:force_action", args=[action.pk])


def test_the_list_signed_out_sends_to_sign_in(client, action):
    response = client.get(LIST)

    assert (response.status_code, response.url.startswith(reverse("login"))) == (302, True)


def test_the_list_is_refused_to_someone_with_neither_role(client, eve, action):
    client.force_login(eve)

    assert client.get(LIST).status_code == 403


def test_the_list_is_refused_to_an_ordinary_member_of_the_panel(client, mina, action):
    client.force_login(mina)

    assert client.get(LIST).status_code == 403


def other_panels_action(description: str = "Another panel's action."):
    """An action addressed to another force by another panel, with its chair."""
    chair = factories.MembershipFactory(role=MembershipRole.CHAIR, user__username="carl")
    return force_action(factories.MeetingFactory(panel=chair.panel), description=description)


def test_the_chair_lists_the_force_actions_of_the_panels_they_chair(client, chris, action):
    other_panels_action()
    client.force_login(chris)

    response = client.get(LIST)

    assert response.status_code == 200
    assert [a.description for a, _tag in response.context["rows"]] == [action.description]
    assert "The actions the panels you chair have addressed" in response.content.decode()


def test_the_chair_reaches_each_listed_action(client, chris, action):
    client.force_login(chris)

    page = client.get(LIST).content.decode()

    assert (detail(action) in page, client.get(detail(action)).status_code) == (True, 200)


def test_another_panels_chair_neither_lists_nor_opens_the_action(client, action):
    other = other_panels_action()
    carl = other.meeting.panel.memberships.get().user
    client.force_login(carl)

    rows = client.get(LIST).context["rows"]

    assert [a.description for a, _tag in rows] == [other.description]
    assert client.get(detail(action)).status_code == 404


def test_another_forces_liaison_neither_lists_nor_opens_the_action(client, action):
    client.force_login(factories.ForceLiaisonFactory().user)

    rows = client.get(LIST).context["rows"]

    assert (rows, client.get(detail(action)).status_code) == ([], 404)


def test_the_chairs_list_takes_a_fixed_number_of_queries(
    client, chris, lee, meeting, django_assert_num_queries
):
    for n in range(5):
        response_from(lee, force_action(meeting, description=f"Action {n}"))
    client.force_login(chris)
    client.get(LIST)  # the session and the user, once

    with django_assert_num_queries(8):
        client.get(LIST)


def test_the_liaison_lists_their_forces_actions_and_not_anothers(client, lee, action, nadia):
    other = factories.MeetingFactory(panel=factories.MembershipFactory(user=nadia).panel)
    force_action(other, description="Another force's action.")
    client.force_login(lee)

    response = client.get(LIST)

    assert [a.description for a, _tag in response.context["rows"]] == [action.description]


def test_an_overdue_action_without_a_response_is_flagged(client, lee, action):
    client.force_login(lee)

    response = client.get(LIST)

    assert "Overdue: no response" in response.content.decode()


def test_an_answered_action_is_not_flagged(client, lee, action):
    response_from(lee, action)
    client.force_login(lee)

    response = client.get(LIST)

    assert (
        "Overdue: no response" in response.content.decode(),
        "Awaiting review" in response.content.decode(),
    ) == (False, True)


def test_the_list_is_audited(client, lee, action):
    client.force_login(lee)

    client.get(LIST)

    assert AuditEntry.objects.filter(summary="Force's actions listed", actor=lee).count() == 1


def test_the_list_takes_a_fixed_number_of_queries(client, lee, meeting, django_assert_num_queries):
    for n in range(5):
        response_from(lee, force_action(meeting, description=f"Action {n}"))
    client.force_login(lee)
    client.get(LIST)  # the session and the user, once

    with django_assert_num_queries(9):
        client.get(LIST)


def test_the_action_signed_out_sends_to_sign_in(client, action):
    response = client.get(detail(action))

    assert (response.status_code, response.url.startswith(reverse("login"))) == (302, True)


def test_another_forces_liaison_gets_404(client, action):
    other = factories.ForceLiaisonFactory().user
    client.force_login(other)

    assert client.get(detail(action)).status_code == 404


def test_a_member_of_the_panel_gets_404(client, mina, action):
    client.force_login(mina)

    assert client.get(detail(action)).status_code == 404


def test_the_liaison_reads_the_history_of_responses_with_who_and_when(client, lee, olu, action):
    response_from(
        lee,
        action,
        state=ResponseState.RETURNED,
        return_reason="Say when the briefing was.",
        reviewed_by=olu,
        reviewed_at=datetime.datetime(2026, 2, 2, 10, tzinfo=datetime.UTC),
        submitted_at=datetime.datetime(2026, 2, 1, 10, tzinfo=datetime.UTC),
    )
    response_from(lee, action, text="Briefed on 3 February.")
    client.force_login(lee)

    page = client.get(detail(action)).content.decode()

    assert [
        "Briefed on 3 February." in page,
        "Say when the briefing was." in page,
        lee.get_full_name() in page,
        "Respond to the action" in page,
    ] == [True, True, True, True]


def test_opcc_staff_see_the_review_link_and_no_respond_button(client, olu, lee, action):
    submitted = response_from(lee, action)
    client.force_login(olu)

    page = client.get(detail(action)).content.decode()

    review = reverse("panels:response_review", args=[submitted.pk])
    assert (review in page, "Respond to the action" in page) == (True, False)


def test_the_chair_reads_the_response_from_the_meeting_page(client, chris, lee, action):
    Meeting.objects.filter(pk=action.meeting_id).update(status=MeetingStatus.CLOSED)
    response_from(lee, action)
    client.force_login(chris)

    meeting_page = client.get(reverse("panels:meeting_detail", args=[action.meeting_id]))
    action_page = client.get(detail(action))

    assert (
        f"by {lee.get_full_name()}: awaiting review" in meeting_page.content.decode(),
        action_page.status_code,
    ) == (True, 200)


@pytest.mark.parametrize(("who", "shown"), [("olu", True), ("chris", True), ("lee", False)])
def test_who_may_change_the_action_reaches_its_page_from_here(client, request, action, who, shown):
    client.force_login(request.getfixturevalue(who))

    page = client.get(detail(action)).content.decode()

    assert (reverse("panels:action_edit", args=[action.pk]) in page) == shown


def test_the_action_page_is_audited(client, lee, action):
    client.force_login(lee)

    client.get(detail(action))

    assert AuditEntry.objects.filter(summary="Force's action viewed", actor=lee).count() == 1


def test_the_action_page_takes_a_fixed_number_of_queries(
    client, lee, action, django_assert_num_queries
):
    for _ in range(3):
        response_from(lee, action)
    client.force_login(lee)
    client.get(detail(action))

    with django_assert_num_queries(10):
        client.get(detail(action))
