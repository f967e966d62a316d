"""The force liaison's list of the questions put to their force."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accountability import services
from accountability.enums import AssuranceLevel
from accountability.models import TopicDecision
from core.models import AuditEntry, AuditEvent

from .factories import QuestionFactory, ScrutinyMeetingFactory
from .pages import signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db
URL = reverse("accountability:force_questions")


def test_signed_out_goes_to_sign_in(client):
    signed_out_goes_to_sign_in(client, URL)


@pytest.mark.parametrize("who", ["olu", "mina", "pat", "cleo", "eve"])
def test_refused_to_all_but_force_liaisons(client, request, who):
    assert status_for(client, request.getfixturevalue(who), URL) == 403


def test_shows_only_sent_questions_of_their_own_force(client, lee, sent_question, topic):
    QuestionFactory(meeting=sent_question.meeting, topic=topic, number=2, text="Draft?")
    other = QuestionFactory(sent_at=sent_question.sent_at)
    client.force_login(lee)

    page = client.get(URL).content.decode()

    assert reverse("accountability:answer", args=[sent_question.pk]) in page
    assert "Question 2" not in page
    assert reverse("accountability:answer", args=[other.pk]) not in page
    assert "To answer" in page


def test_another_forces_liaison_sees_none_of_them(client, kim, sent_question):
    client.force_login(kim)
    page = client.get(URL).content.decode()
    assert "No questions have been sent to the force." in page


def test_viewing_is_audited(client, lee, sent_question):
    client.force_login(lee)
    client.get(URL)
    assert AuditEntry.objects.filter(event=AuditEvent.VIEWED, actor=lee).count() == 1


def test_query_count(client, lee, sent_question, topic, django_assert_num_queries):
    for number in range(2, 6):
        QuestionFactory(
            meeting=sent_question.meeting, topic=topic, number=number, sent_at=sent_question.sent_at
        )
    client.force_login(lee)
    client.get(URL)
    with django_assert_num_queries(7):
        assert client.get(URL).status_code == 200


# --- the force's follow-ups, which the follow-up reminder links to -----------------------


def follow_up(olu, meeting, topic, *, days: int, text: str = "A performance update"):
    return services.follow_up_add(
        meeting=meeting,
        topic=topic,
        by=olu,
        due_date=meeting.date + datetime.timedelta(days=days),
        text=text,
    )


def test_shows_the_forces_follow_ups_soonest_first(client, lee, olu, scrutiny, topic):
    later = follow_up(olu, scrutiny, topic, days=365, text="A yearly review")
    sooner = follow_up(olu, scrutiny, topic, days=182)
    client.force_login(lee)

    response = client.get(URL)

    assert [shown for shown, _ in response.context["follow_ups"]] == [sooner, later]
    page = response.content.decode()
    assert page.index("A performance update") < page.index("A yearly review")
    assert f"{sooner.due_date:%-d %B %Y}" in page


def test_a_follow_up_past_its_due_date_stays_overdue_until_a_later_meeting_decides(
    client, lee, olu, force, topic
):
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    earlier = ScrutinyMeetingFactory(force=force, date=last_year, topics=[topic])
    follow_up(olu, earlier, topic, days=180, text="A six-month update")
    client.force_login(lee)

    page = client.get(URL).content.decode()
    assert ("A six-month update" in page, "Overdue" in page) == (True, True)

    # The meeting that hears the update records the Commissioner's decision on the topic.
    heard = ScrutinyMeetingFactory(force=force, date=last_year + datetime.timedelta(days=200))
    decide(heard, topic, olu)
    page = client.get(URL).content.decode()
    assert ("A six-month update" in page, "No follow-ups are due from the force." in page) == (
        False,
        True,
    )


def test_a_decision_at_the_same_or_an_earlier_meeting_does_not_meet_a_follow_up(
    client, lee, olu, force, topic
):
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    before = ScrutinyMeetingFactory(force=force, date=last_year - datetime.timedelta(days=90))
    earlier = ScrutinyMeetingFactory(force=force, date=last_year, topics=[topic])
    decide(before, topic, olu)
    decide(earlier, topic, olu)
    follow_up(olu, earlier, topic, days=180, text="A six-month update")
    client.force_login(lee)

    assert "A six-month update" in client.get(URL).content.decode()


def decide(meeting, topic, olu):
    TopicDecision.objects.create(
        meeting=meeting,
        topic=topic,
        level=AssuranceLevel.PARTLY_ASSURED,
        rationale="Plans are in place.",
        recorded_by=olu,
        recorded_at=timezone.now(),
    )


def test_another_forces_liaison_sees_none_of_its_follow_ups(client, kim, olu, scrutiny, topic):
    follow_up(olu, scrutiny, topic, days=182)
    client.force_login(kim)

    page = client.get(URL).content.decode()

    assert ("A performance update" in page, topic.title in page) == (False, False)


def test_follow_ups_add_one_query_however_many(
    client, lee, olu, scrutiny, topic, django_assert_num_queries
):
    for days in (30, 60, 90):
        follow_up(olu, scrutiny, topic, days=days)
    client.force_login(lee)
    client.get(URL)
    with django_assert_num_queries(7):
        assert client.get(URL).status_code == 200
