"""Adding a topic, and a topic's page: its decisions over time and its follow-ups."""

import datetime

import pytest
from django.urls import reverse

from accountability import services
from accountability.models import Topic

from .factories import ScrutinyMeetingFactory
from .pages import error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db
ADD = reverse("accountability:topic_add")


def detail(topic) -> str:
    return reverse("accountability:topic_detail", args=[topic.pk])


def test_signed_out_goes_to_sign_in(client, topic):
    signed_out_goes_to_sign_in(client, ADD)
    signed_out_goes_to_sign_in(client, detail(topic))


@pytest.mark.parametrize("who", ["lee", "mina", "eve"])
def test_refused_to_others(client, request, topic, who):
    user = request.getfixturevalue(who)
    assert status_for(client, user, ADD) == 403
    assert status_for(client, user, detail(topic)) == 403
    assert status_for(client, user, ADD, "post", {"title": "T", "force": topic.force_id}) == 403


def test_commissioner_reads_a_topic_but_cannot_add_one(client, cleo, topic):
    assert status_for(client, cleo, detail(topic)) == 200
    assert status_for(client, cleo, ADD) == 403


def test_a_topic_that_does_not_exist_is_not_found(client, olu):
    assert status_for(client, olu, reverse("accountability:topic_detail", args=[999])) == 404


def test_opcc_staff_add_a_topic(client, olu, force):
    client.force_login(olu)

    response = client.post(ADD, {"title": "Stop and search", "force": force.pk})

    topic = Topic.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(topic)
    assert (topic.title, topic.force) == ("Stop and search", force)


def test_a_blank_title_is_refused(client, olu, force):
    client.force_login(olu)

    response = client.post(ADD, {"title": " ", "force": force.pk})

    error_page(response, "Enter the topic&#x27;s title")
    assert Topic.objects.count() == 0


def test_topic_page_shows_the_history_and_the_follow_up(client, olu, answered, topic, force):
    earlier = ScrutinyMeetingFactory(
        force=force, topics=[topic], date=datetime.date(2024, 9, 25), status="evidence_received"
    )
    services.topic_decision_save(
        meeting=earlier, topic=topic, by=olu, level="partly_assured", rationale="First."
    )
    services.topic_decision_save(
        meeting=answered.meeting, topic=topic, by=olu, level="partly_assured", rationale="Then."
    )
    due = answered.meeting.date + datetime.timedelta(days=182)
    services.follow_up_add(
        meeting=answered.meeting, topic=topic, by=olu, due_date=due, text="A performance update"
    )
    client.force_login(olu)

    page = client.get(detail(topic)).content.decode()

    assert "Since the previous update in September 2024, when the PCC was partly assured" in page
    assert page.index("Then.") < page.index("First.")
    assert f"{due:%-d %B %Y}" in page and "A performance update" in page


def test_topic_page_says_which_follow_up_was_met_and_which_is_overdue(client, olu, topic, force):
    first = ScrutinyMeetingFactory(
        force=force, topics=[topic], date=datetime.date(2024, 9, 25), status="evidence_received"
    )
    services.follow_up_add(
        meeting=first, topic=topic, by=olu, due_date=datetime.date(2025, 3, 25), text="Heard."
    )
    second = ScrutinyMeetingFactory(
        force=force, topics=[topic], date=datetime.date(2025, 9, 24), status="evidence_received"
    )
    services.topic_decision_save(
        meeting=second, topic=topic, by=olu, level="partly_assured", rationale="Then."
    )
    services.follow_up_add(
        meeting=second, topic=topic, by=olu, due_date=datetime.date(2026, 3, 24), text="Owed."
    )
    client.force_login(olu)

    page = client.get(detail(topic)).content.decode()

    heard, owed = page.index("Heard."), page.index("Owed.")
    assert "Met at the meeting of 24 September 2025" in page[:owed]
    assert "Overdue" in page[heard:] and "Overdue" not in page[:heard]


def test_topic_page_query_count(client, olu, topic, force, django_assert_num_queries):
    for year in (2022, 2023, 2024):
        meeting = ScrutinyMeetingFactory(
            force=force, topics=[topic], date=datetime.date(year, 9, 1), status="decided"
        )
        services.topic_decision_save(
            meeting=meeting, topic=topic, by=olu, level="assured", rationale="Fine."
        )
    client.force_login(olu)
    client.get(detail(topic))
    with django_assert_num_queries(6):
        assert client.get(detail(topic)).status_code == 200
