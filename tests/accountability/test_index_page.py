"""The accountability scrutiny's front page: meetings and topics with their latest level."""

import pytest
from django.urls import reverse

from accountability import services

from .factories import ScrutinyMeetingFactory, TopicFactory
from .pages import signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db
URL = reverse("accountability:index")


def test_signed_out_goes_to_sign_in(client):
    signed_out_goes_to_sign_in(client, URL)


@pytest.mark.parametrize("who", ["lee", "mina", "chris", "alice", "eve"])
def test_refused_to_all_but_opcc_staff_and_the_commissioner(client, request, who):
    assert status_for(client, request.getfixturevalue(who), URL) == 403


def test_commissioner_sees_it(client, cleo, scrutiny):
    assert status_for(client, cleo, URL) == 200


def test_shows_meetings_and_each_topics_latest_decision(client, olu, answered, topic):
    services.topic_decision_save(
        meeting=answered.meeting, topic=topic, by=olu, level="partly_assured", rationale="R."
    )
    client.force_login(olu)

    page = client.get(URL).content.decode()

    assert topic.title in page
    assert "Partly assured" in page
    assert f"{answered.meeting.date:%-d %B %Y}" in page


def test_query_count_does_not_grow_with_rows(client, olu, django_assert_num_queries):
    client.force_login(olu)
    client.get(URL)  # warm the session
    for _ in range(3):
        topic = TopicFactory()
        ScrutinyMeetingFactory(force=topic.force, topics=[topic])
    with django_assert_num_queries(5):
        assert client.get(URL).status_code == 200
