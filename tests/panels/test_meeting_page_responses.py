"""The force's responses on a panel meeting's page: the panel sees who sent each approved
response and when; a response awaiting review or returned, and the evidence, stay with
those who may open the action (its force's liaison, OPCC staff, the panel's chair)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panels.enums import MeetingStatus, ResponseState
from panels.models import Meeting, ResponseEvidence
from tests.panels.liaison_setup import force_action, response_from

pytestmark = pytest.mark.django_db

SENT = datetime.datetime(2026, 2, 3, 10, tzinfo=datetime.UTC)
REVIEWED = datetime.datetime(2026, 2, 5, 10, tzinfo=datetime.UTC)


@pytest.fixture
def action(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CLOSED)
    return force_action(meeting)


@pytest.fixture
def approved(action, lee, olu):
    response = response_from(
        lee,
        action,
        text="Supervisors were briefed in February.",
        state=ResponseState.APPROVED,
        reviewed_by=olu,
        reviewed_at=REVIEWED,
        submitted_at=SENT,
    )
    ResponseEvidence.objects.create(
        response=response,
        title="Briefing slides",
        stored_name="a" * 32,
        sha256="0" * 64,
        size=100,
        page_count=2,
    )
    return response


@pytest.fixture
def pending(action, lee):
    return response_from(lee, action, text="A draft the force is still arguing over.")


@pytest.fixture
def returned(action, lee, olu):
    return response_from(
        lee,
        action,
        text="An answer sent back.",
        state=ResponseState.RETURNED,
        return_reason="Say when.",
        reviewed_by=olu,
        reviewed_at=REVIEWED,
    )


def page_for(client, user, action) -> str:
    client.force_login(user)
    response = client.get(reverse("panels:meeting_detail", args=[action.meeting_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_sees_who_sent_the_approved_response_and_when(client, mina, lee, olu, approved):
    page = page_for(client, mina, approved.action)

    expected = (
        f"The force's response sent 3 Feb 2026 by {lee.get_full_name()}: approved "
        f"({olu.get_full_name()}, 5 Feb 2026). Supervisors were briefed in February."
    )
    assert expected in page


def test_a_member_does_not_see_responses_awaiting_review_or_returned(
    client, mina, approved, pending, returned
):
    page = page_for(client, mina, approved.action)

    assert [
        "Supervisors were briefed in February." in page,
        pending.text in page,
        returned.text in page,
        "awaiting review" in page,
        "returned" in page,
        "Say when." in page,
    ] == [True, False, False, False, False, False]


def test_a_member_sees_no_evidence_and_no_link_to_the_forces_page(client, mina, approved):
    page = page_for(client, mina, approved.action)
    evidence = approved.evidence.get()

    assert [
        "Briefing slides" in page,
        reverse("panels:response_evidence", args=[evidence.pk]) in page,
        reverse("panels:force_action", args=[approved.action_id]) in page,
    ] == [False, False, False]
    assert client.get(reverse("panels:response_evidence", args=[evidence.pk])).status_code == 404


def test_the_chair_sees_every_response_and_the_way_to_read_it(
    client, chris, approved, pending, returned
):
    page = page_for(client, chris, approved.action)

    assert [
        ": approved (" in page,
        ": awaiting review." in page,
        ": returned (" in page,
        reverse("panels:force_action", args=[approved.action_id]) in page,
    ] == [True, True, True, True]


def test_a_member_of_another_panel_sees_nothing_of_the_meeting(client, nadia, approved):
    client.force_login(nadia)

    response = client.get(reverse("panels:meeting_detail", args=[approved.action.meeting_id]))

    assert response.status_code == 404


def test_the_members_page_asks_no_query_per_response(client, mina, lee, olu, approved):
    url = reverse("panels:meeting_detail", args=[approved.action.meeting_id])
    client.force_login(mina)
    client.get(url)  # the session and the user, once
    with CaptureQueriesContext(connection) as with_one:
        client.get(url)
    for n in range(4):
        response_from(
            lee, approved.action, text=f"Answer {n}", state=ResponseState.APPROVED, reviewed_by=olu
        )

    with CaptureQueriesContext(connection) as with_five:
        client.get(url)

    assert len(with_five.captured_queries) == len(with_one.captured_queries)


def test_the_forces_response_read_in_welsh_is_marked_english(client, olu, action, welsh):
    action.force_response = "Supervisors were briefed in February."
    action.save()
    client.cookies["django_language"] = "cy"

    page = page_for(client, olu, action)

    assert '<span lang="en-GB">Supervisors were briefed in February.</span>' in page
