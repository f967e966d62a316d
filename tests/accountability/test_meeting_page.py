"""A scrutiny meeting's page, and moving the meeting on from it."""

import pytest
from django.urls import reverse

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import ScrutinyMeeting

from .factories import QuestionFactory
from .pages import signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def page(meeting) -> str:
    return reverse("accountability:meeting_detail", args=[meeting.pk])


def move(meeting) -> str:
    return reverse("accountability:meeting_move", args=[meeting.pk])


def test_signed_out_goes_to_sign_in(client, scrutiny):
    signed_out_goes_to_sign_in(client, page(scrutiny))


@pytest.mark.parametrize("who", ["lee", "kim", "mina", "chris", "eve"])
def test_refused_to_all_but_opcc_staff_and_the_commissioner(client, request, scrutiny, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, page(scrutiny)) == 403
    assert status_for(client, user, move(scrutiny), "post", {"to": "closed"}) == 403


def test_a_meeting_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:meeting_detail", args=[999])) == 404


def test_shows_questions_with_their_state_and_the_topics_decisions(client, olu, answered, topic):
    services.topic_decision_save(
        meeting=answered.meeting, topic=topic, by=olu, level="not_assured", rationale="No impact."
    )
    client.force_login(olu)

    text = client.get(page(answered.meeting)).content.decode()

    assert "Answered: summarise" in text
    assert "Not assured" in text and "No impact." in text


def test_commissioner_may_record_decisions_but_not_draft(client, cleo, answered, topic):
    client.force_login(cleo)

    text = client.get(page(answered.meeting)).content.decode()

    assert reverse("accountability:decision", args=[answered.meeting.pk, topic.pk]) in text
    assert reverse("accountability:question_add", args=[answered.meeting.pk]) not in text


def test_moving_on_goes_through_the_door(client, olu, sent_question):
    client.force_login(olu)

    response = client.post(move(sent_question.meeting), {"to": Status.EVIDENCE_RECEIVED})

    assert response.status_code == 302
    assert ScrutinyMeeting.objects.get().status == Status.EVIDENCE_RECEIVED


def test_a_move_refused_says_why_and_changes_nothing(client, olu, answered):
    client.force_login(olu)

    response = client.post(move(answered.meeting), {"to": Status.DECIDED}, follow=True)

    page = response.content.decode()
    assert "Record the Commissioner&#x27;s decision on every topic first: 1 to do." in page
    assert ScrutinyMeeting.objects.get().status == Status.EVIDENCE_RECEIVED


def test_a_made_up_status_is_refused(client, olu, scrutiny):
    client.force_login(olu)
    response = client.post(move(scrutiny), {"to": "published"}, follow=True)
    assert "Select a status the meeting can move to." in response.content.decode()
    assert ScrutinyMeeting.objects.get().status == Status.PLANNED


def test_query_count_does_not_grow_with_questions(
    client, olu, scrutiny, topic, django_assert_num_queries
):
    for number in range(1, 6):
        QuestionFactory(meeting=scrutiny, topic=topic, number=number)
    client.force_login(olu)
    client.get(page(scrutiny))
    with django_assert_num_queries(11):
        assert client.get(page(scrutiny)).status_code == 200
