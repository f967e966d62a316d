"""The home page's part for the force: the liaison's section, and actions overdue with no
response from the force flagged on every home page that shows them."""

import datetime

import pytest
from django.urls import reverse

from panels.enums import MeetingStatus, ResponseState
from panels.models import Action, Meeting
from tests.panels.liaison_setup import force_action, response_from

HOME = reverse("home")


@pytest.fixture
def overdue(meeting):
    """An action addressed to the force, due a week ago; its meeting has closed."""
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CLOSED)
    return force_action(
        meeting,
        description="Brief supervisors.",
        due_date=datetime.date.today() - datetime.timedelta(days=7),
    )


def test_the_liaison_sees_their_forces_overdue_action_flagged(client, lee, overdue):
    client.force_login(lee)

    page = client.get(HOME).content.decode()

    assert (
        "Your force&#x27;s actions" in page or "Your force's actions" in page,
        "Overdue: no response" in page,
        reverse("panels:force_action", args=[overdue.pk]) in page,
    ) == (True, True, True)


def test_an_answered_action_is_not_flagged(client, lee, overdue):
    response_from(lee, overdue)
    client.force_login(lee)

    assert "Overdue: no response" not in client.get(HOME).content.decode()


def test_a_returned_response_leaves_the_action_flagged(client, lee, olu, overdue):
    response_from(lee, overdue, state=ResponseState.RETURNED, return_reason="Say when.")
    client.force_login(lee)

    assert "Overdue: no response" in client.get(HOME).content.decode()


def test_opcc_staffs_home_counts_the_overdue_actions_and_responses_to_review(
    client, olu, lee, overdue, meeting
):
    response_from(lee, force_action(meeting, description="Another."))
    client.force_login(olu)

    page = client.get(HOME).content.decode()

    assert (
        "1 overdue: no response" in page,
        "1 force response waiting for your review" in page,
    ) == (
        True,
        True,
    )


def test_the_owners_home_says_the_force_has_not_responded(client, chris, overdue):
    Action.objects.filter(pk=overdue.pk).update(owner=chris.email)
    client.force_login(chris)

    page = client.get(HOME).content.decode()

    assert "overdue: no response from the force" in page


def test_someone_else_has_no_force_section(client, mina, overdue):
    client.force_login(mina)

    assert "Your force" not in client.get(HOME).content.decode()
