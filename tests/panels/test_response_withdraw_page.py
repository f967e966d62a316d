"""The review page shows what the screen finds before OPCC staff approve; the withdraw
page takes an approval back; the liaison's home page lists responses to answer again."""

import datetime

import pytest
from django.urls import reverse

from core.roles import StaffRole
from panels.enums import ActionStatus, ResponseState
from tests import factories
from tests.panels.liaison_setup import force_action, response_from


@pytest.fixture
def approved(meeting, lee, olu):
    return response_from(
        lee,
        force_action(meeting, status=ActionStatus.COMPLETED),
        state=ResponseState.APPROVED,
        reviewed_by=olu,
        status_before=ActionStatus.OPEN,
    )


def url(response) -> str:
    return reverse("panels:response_withdraw", args=[response.pk])


def words(response) -> str:
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_the_review_page_shows_what_the_screen_finds_in_the_response(client, meeting, lee, olu):
    reply = response_from(lee, force_action(meeting), text="Ring the sergeant on 07700 900123.")
    client.force_login(olu)

    page = words(client.get(reverse("panels:response_review", args=[reply.pk])))

    assert (
        "The screen found 1 thing that must not be published" in page,
        "Phone number : Ring the sergeant on [phone number]." in page,
    ) == (True, True)


def test_the_review_page_says_when_the_screen_finds_nothing(client, meeting, lee, olu):
    reply = response_from(lee, force_action(meeting))
    client.force_login(olu)

    page = words(client.get(reverse("panels:response_review", args=[reply.pk])))

    assert "The screen found no personal data" in page


def test_withdraw_when_signed_out_is_sent_to_sign_in(client, approved):
    response = client.get(url(approved))

    assert (response.status_code, response.url.startswith(reverse("login"))) == (302, True)


def test_withdraw_for_another_forces_liaison_is_404(client, approved):
    client.force_login(factories.ForceLiaisonFactory().user)

    assert client.get(url(approved)).status_code == 404


def test_withdraw_for_the_forces_liaison_is_403(client, lee, approved):
    client.force_login(lee)

    assert client.get(url(approved)).status_code == 403


def test_withdraw_without_a_reason_shows_the_error_summary_and_changes_nothing(
    client, olu, approved
):
    client.force_login(olu)

    response = client.post(url(approved), {"reason": "", "version": 0})

    approved.refresh_from_db()
    assert (
        response.status_code,
        "govuk-error-summary" in response.content.decode(),
        approved.state,
    ) == (200, True, ResponseState.APPROVED)


def test_opcc_staff_withdraw_an_approval_and_the_action_reopens(client, olu, approved):
    client.force_login(olu)
    page = words(client.get(url(approved)))

    response = client.post(url(approved), {"reason": "It names an officer.", "version": 0})

    approved.refresh_from_db()
    approved.action.refresh_from_db()
    assert (
        "The action goes back to “open”" in page,
        response.status_code,
        approved.state,
        approved.return_reason,
        approved.action.status,
    ) == (True, 302, ResponseState.RETURNED, "It names an officer.", ActionStatus.OPEN)


def test_the_action_page_says_who_withdrew_the_approval(client, olu, approved):
    client.force_login(olu)
    client.post(url(approved), {"reason": "It names an officer.", "version": 0})

    page = words(client.get(reverse("panels:force_action", args=[approved.action_id])))

    assert "approval withdrawn on" in page and ": It names an officer." in page


def test_the_meeting_page_says_who_approved_and_who_withdrew_the_approval(
    client, olu, meeting, approved
):
    nia = factories.UserFactory(
        username="nia", first_name="Nia", last_name="Jones", roles=[StaffRole.OPCC_STAFF]
    )
    client.force_login(nia)
    client.post(url(approved), {"reason": "It names an officer.", "version": 0})
    client.force_login(olu)

    page = words(client.get(reverse("panels:meeting_detail", args=[meeting.pk])))

    approver = approved.reviewed_by.get_full_name() or approved.reviewed_by.username
    assert f"approved ({approver}," in page
    assert "then the approval withdrawn (Nia Jones," in page


def test_withdrawing_a_response_not_approved_says_there_is_nothing_to_withdraw(
    client, meeting, lee, olu
):
    reply = response_from(lee, force_action(meeting))
    client.force_login(olu)

    response = client.get(url(reply))

    assert (response.status_code, "There is no approval to withdraw" in words(response)) == (
        409,
        True,
    )


def test_the_withdraw_page_takes_a_fixed_number_of_queries(
    client, olu, approved, django_assert_num_queries
):
    client.force_login(olu)
    client.get(url(approved))

    with django_assert_num_queries(9):
        client.get(url(approved))


def test_the_liaisons_home_lists_a_returned_response_to_answer_again(client, meeting, lee):
    action = force_action(
        meeting,
        description="Brief supervisors on stalking.",
        due_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    response_from(lee, action, state=ResponseState.RETURNED, return_reason="Say when.")
    answered = force_action(meeting, description="Publish the gravity matrix.")
    response_from(lee, answered)
    client.force_login(lee)

    page = words(client.get(reverse("home")))

    assert (
        page.count("Returned: answer again"),
        "Brief supervisors on stalking. (due" in page,
        reverse("panels:force_action", args=[action.pk])
        in client.get(reverse("home")).content.decode(),
    ) == (1, True, True)


def test_withdrawing_an_approval_made_before_statuses_were_kept_keeps_the_status(
    client, meeting, lee, olu
):
    older = response_from(
        lee,
        force_action(meeting, status=ActionStatus.COMPLETED),
        state=ResponseState.APPROVED,
        reviewed_by=olu,
    )
    client.force_login(olu)

    page = words(client.get(url(older)))

    assert (
        "The action keeps its status “done”: the approval was made before" in page,
        "which OPCC staff set after the approval" in page,
    ) == (True, False)


def test_withdrawing_an_approval_a_later_one_followed_says_the_later_one_stands(
    client, meeting, lee, olu
):
    action = force_action(meeting, status=ActionStatus.IN_PROGRESS)
    now = datetime.datetime.now(datetime.UTC)
    older = response_from(
        lee,
        action,
        state=ResponseState.APPROVED,
        reviewed_by=olu,
        reviewed_at=now - datetime.timedelta(days=2),
        proposed_status=ActionStatus.IN_PROGRESS,
        status_before=ActionStatus.OPEN,
    )
    response_from(
        lee,
        action,
        state=ResponseState.APPROVED,
        reviewed_by=olu,
        reviewed_at=now - datetime.timedelta(days=1),
        proposed_status=ActionStatus.IN_PROGRESS,
        status_before=ActionStatus.IN_PROGRESS,
    )
    client.force_login(olu)

    page = words(client.get(url(older)))

    assert (
        "The force's later response, approved since, stays on record" in page,
        "goes back to “open”" in page,
    ) == (True, False)
