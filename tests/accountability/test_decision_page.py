"""Recording the Commissioner's decision on a topic."""

import datetime

import pytest
from django.urls import reverse

from accountability import services
from accountability.models import TopicDecision

from .factories import QuestionFactory, ScrutinyMeetingFactory
from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def url(meeting, topic) -> str:
    return reverse("accountability:decision", args=[meeting.pk, topic.pk])


def test_signed_out_goes_to_sign_in(client, answered, topic):
    signed_out_goes_to_sign_in(client, url(answered.meeting, topic))


@pytest.mark.parametrize("who", ["lee", "kim", "mina", "chris", "eve"])
def test_refused_to_all_but_opcc_staff_and_the_commissioner(client, request, answered, topic, who):
    user = request.getfixturevalue(who)
    target = url(answered.meeting, topic)
    assert status_for(client, user, target) == 403
    data = {"level": "assured", "rationale": "Yes", "version": 0}
    assert status_for(client, user, target, "post", data) == 403
    assert TopicDecision.objects.count() == 0


def test_a_topic_not_on_the_meeting_is_not_found(client, olu, answered):
    other = ScrutinyMeetingFactory(force=answered.meeting.force)
    target = reverse("accountability:decision", args=[other.pk, answered.topic_id])
    assert status_for(client, olu, target) == 404


def test_the_commissioner_records_the_decision(client, cleo, answered, topic):
    client.force_login(cleo)

    data = {"level": "partly_assured", "rationale": "Plans are in place.", "version": 0}
    response = client.post(url(answered.meeting, topic), data)

    assert response.status_code == 302
    decision = TopicDecision.objects.get()
    assert (decision.level, decision.recorded_by) == ("partly_assured", cleo)


def test_the_page_shows_the_previous_decision(client, olu, answered, topic, force):
    earlier = ScrutinyMeetingFactory(
        force=force, topics=[topic], date=datetime.date(2024, 9, 25), status="decided"
    )
    services.topic_decision_save(
        meeting=earlier, topic=topic, by=olu, level="partly_assured", rationale="Last year."
    )
    client.force_login(olu)

    page = client.get(url(answered.meeting, topic)).content.decode()

    assert "Last year." in page
    assert "Since the previous update in September 2024, when the PCC was partly assured" in page


def test_a_decision_without_a_rationale_is_refused(client, olu, answered, topic):
    client.force_login(olu)

    data = {"level": "assured", "rationale": "", "version": 0}
    response = client.post(url(answered.meeting, topic), data)

    error_page(response, "Enter the rationale for the decision")
    assert TopicDecision.objects.count() == 0


def test_a_decision_without_a_level_is_refused(client, olu, answered, topic):
    client.force_login(olu)

    response = client.post(url(answered.meeting, topic), {"rationale": "R", "version": 0})

    error_page(response, "Select whether the Commissioner is assured")
    assert TopicDecision.objects.count() == 0


def test_from_an_old_page_answers_409(client, olu, answered, topic):
    client.force_login(olu)
    data = {"level": "assured", "rationale": "First", "version": 0}
    client.post(url(answered.meeting, topic), data)

    response = client.post(url(answered.meeting, topic), data | {"rationale": "Mine"})

    assert response.status_code == 409
    assert TopicDecision.objects.get().rationale == "First"


def test_query_count(client, olu, answered, topic, django_assert_num_queries):
    client.force_login(olu)
    client.get(url(answered.meeting, topic))
    for number in range(2, 6):
        QuestionFactory(meeting=answered.meeting, topic=topic, number=number)
    # One more than before for the topic's questions with their summaries, however many.
    with django_assert_num_queries(8):
        assert client.get(url(answered.meeting, topic)).status_code == 200
