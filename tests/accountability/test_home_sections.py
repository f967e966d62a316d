"""The home page's accountability sections: OPCC staff's work, the liaison's questions."""

import datetime

import pytest
from django.urls import reverse

from accountability import services

from .factories import ScrutinyMeetingFactory

pytestmark = pytest.mark.django_db
HOME = reverse("home")


def test_opcc_staff_see_open_meetings_answers_to_summarise_and_follow_ups(
    client, olu, answered, topic
):
    due = datetime.date.today() + datetime.timedelta(days=30)
    meeting = answered.meeting
    services.follow_up_add(
        meeting=meeting, topic=topic, by=olu, due_date=max(due, meeting.date), text="Update"
    )
    client.force_login(olu)

    page = client.get(HOME).content.decode()

    assert reverse("accountability:meeting_detail", args=[meeting.pk]) in page
    assert "1 answer from the force to summarise" in page


def test_the_liaison_sees_questions_to_answer_and_those_overdue(client, lee, sent_question):
    type(sent_question).objects.filter(pk=sent_question.pk).update(
        due_date=datetime.date.today() - datetime.timedelta(days=1)
    )
    client.force_login(lee)

    page = client.get(HOME).content.decode()

    assert "1 question to answer" in page
    assert reverse("accountability:answer", args=[sent_question.pk]) in page
    assert "Overdue" in page


def test_a_follow_up_past_due_stays_on_opcc_staffs_home_page_until_a_later_meeting_decides(
    client, olu, topic, force
):
    earlier = ScrutinyMeetingFactory(
        force=force, topics=[topic], date=datetime.date(2024, 9, 25), status="evidence_received"
    )
    services.follow_up_add(
        meeting=earlier, topic=topic, by=olu, due_date=datetime.date(2025, 3, 25), text="Update"
    )
    client.force_login(olu)

    page = client.get(HOME).content.decode()
    assert ("Follow-up on " + topic.title in page, "Overdue" in page) == (True, True)

    later = ScrutinyMeetingFactory(
        force=force, topics=[topic], date=datetime.date(2025, 9, 24), status="evidence_received"
    )
    services.topic_decision_save(
        meeting=later, topic=topic, by=olu, level="partly_assured", rationale="Heard."
    )
    assert "Follow-up on " + topic.title not in client.get(HOME).content.decode()


def test_another_forces_liaison_sees_none_of_them(client, kim, sent_question):
    client.force_login(kim)

    page = client.get(HOME).content.decode()

    assert "0 questions to answer" in page
    assert reverse("accountability:answer", args=[sent_question.pk]) not in page


def test_a_panel_member_sees_no_accountability_section(client, mina, sent_question):
    client.force_login(mina)

    page = client.get(HOME).content.decode()

    # The footer links everyone to the public accountability page; nothing else of it shows.
    assert ("/accountability/" in page.replace("/en/findings/accountability/", "")) is False
    assert "The Commissioner's accountability scrutiny" not in page
    assert "questions to answer" not in page
