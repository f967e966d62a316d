"""OPCC staff approve or return the force's response."""

import pytest
from django.urls import reverse

from panels.enums import ActionStatus, ResponseState
from tests import factories
from tests.panels.liaison_setup import force_action, response_from


@pytest.fixture
def submitted(meeting, lee):
    return response_from(lee, force_action(meeting))


def url(response) -> str:
    return reverse("panels:response_review", args=[response.pk])


def test_signed_out_is_sent_to_sign_in(client, submitted):
    response = client.get(url(submitted))

    assert (response.status_code, response.url.startswith(reverse("login"))) == (302, True)


def test_another_forces_liaison_gets_404(client, submitted):
    client.force_login(factories.ForceLiaisonFactory().user)

    assert client.get(url(submitted)).status_code == 404


def test_the_liaison_may_not_review_their_forces_response(client, lee, submitted):
    client.force_login(lee)

    assert client.get(url(submitted)).status_code == 403


def test_opcc_staff_approve_and_the_action_takes_the_proposed_status(client, olu, submitted):
    client.force_login(olu)

    response = client.post(url(submitted), {"decision": "approve", "version": 0})

    submitted.refresh_from_db()
    submitted.action.refresh_from_db()
    assert (
        response.status_code,
        submitted.state,
        submitted.reviewed_by,
        submitted.action.status,
    ) == (
        302,
        ResponseState.APPROVED,
        olu,
        ActionStatus.COMPLETED,
    )


def test_returning_without_a_reason_shows_the_error_summary_and_changes_nothing(
    client, olu, submitted
):
    client.force_login(olu)

    response = client.post(url(submitted), {"decision": "return", "reason": "", "version": 0})

    submitted.refresh_from_db()
    page = response.content.decode()
    assert (response.status_code, "govuk-error-summary" in page, submitted.state) == (
        200,
        True,
        ResponseState.SUBMITTED,
    )


def test_a_review_from_a_stale_page_answers_409(client, olu, submitted):
    client.force_login(olu)
    client.post(url(submitted), {"decision": "approve", "version": 0})

    response = client.post(url(submitted), {"decision": "return", "reason": "x", "version": 0})

    assert response.status_code == 409


def test_the_page_takes_a_fixed_number_of_queries(
    client, olu, submitted, django_assert_num_queries
):
    client.force_login(olu)
    client.get(url(submitted))

    # Two more than the page itself: the screen reads the meeting's cases and members.
    with django_assert_num_queries(8):
        client.get(url(submitted))
