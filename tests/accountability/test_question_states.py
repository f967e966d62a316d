"""What a question's state says, as its meeting moves on: a question the force did not
answer before the decision is neither overdue nor waiting, and the liaison's list keeps
past meetings' questions apart from those still to answer, agreeing with the home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accountability import presenters
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import QuestionAnswer

from .factories import QuestionFactory, ScrutinyMeetingFactory

pytestmark = pytest.mark.django_db
LIST = reverse("accountability:force_questions")
HOME = reverse("home")
DAY = datetime.timedelta(days=1)


def past_question(force, topic, status, number=1):
    """A question sent for a meeting now `status`, due last week, never answered."""
    meeting = ScrutinyMeetingFactory(
        force=force, topics=[topic], status=status, date=timezone.localdate() - number * DAY
    )
    return QuestionFactory(
        meeting=meeting,
        topic=topic,
        number=number,
        sent_at=timezone.now() - 30 * DAY,
        due_date=timezone.localdate() - 7 * DAY,
    )


@pytest.mark.parametrize(
    ("status", "staff", "liaison"),
    [
        (Status.QUESTIONS_SENT, "Waiting for the force", "Overdue"),
        (Status.EVIDENCE_RECEIVED, "Waiting for the force", "Overdue"),
        (Status.DECIDED, "Not answered in the service", "Not answered in the service"),
        (Status.CLOSED, "Not answered in the service", "Not answered in the service"),
    ],
)
def test_an_unanswered_question_follows_its_meeting(force, topic, status, staff, liaison):
    question = past_question(force, topic, status)

    assert presenters.question_state(question).text == staff
    assert presenters.answer_state(question, today=timezone.localdate()).text == liaison


def test_a_draft_of_a_decided_meeting_is_not_sent(force, topic):
    meeting = ScrutinyMeetingFactory(force=force, topics=[topic], status=Status.DECIDED)
    question = QuestionFactory(meeting=meeting, topic=topic, number=1)

    assert presenters.question_state(question).text == "Not sent"


def test_a_closed_meetings_questions_wait_for_nobody(client, olu, force, topic):
    question = past_question(force, topic, Status.CLOSED)
    client.force_login(olu)

    page = client.get(reverse("accountability:meeting_detail", args=[question.meeting.pk]))

    text = page.content.decode()
    assert "Not answered in the service" in text
    assert "Waiting for the force" not in text


def test_the_liaisons_list_keeps_past_meetings_apart_and_agrees_with_home(
    client, lee, force, topic, sent_question
):
    for number, status in enumerate([Status.DECIDED, Status.CLOSED], start=1):
        past_question(force, topic, status, number=number)
    answered_past = past_question(force, topic, Status.CLOSED, number=3)
    QuestionAnswer.objects.create(
        question=answered_past, text="Late.", submitted_by=lee, submitted_at=timezone.now()
    )
    client.force_login(lee)

    listing = client.get(LIST).content.decode()
    home = client.get(HOME).content.decode()

    open_part, past_part = listing.split('id="past"')
    assert reverse("accountability:answer", args=[sent_question.pk]) in open_part
    assert "To answer" in open_part
    assert "Questions of past meetings (3)" in past_part
    assert past_part.count("Not answered in the service") == 2
    assert "Overdue" not in listing
    assert "1 question to answer" in listing
    assert "1 question to answer" in home
    assert "Overdue" not in home


def test_a_liaison_with_only_past_questions_has_none_to_answer(client, lee, force, topic):
    past_question(force, topic, Status.DECIDED)
    client.force_login(lee)

    listing = client.get(LIST).content.decode()

    assert "0 questions to answer" in listing
    assert "No meeting is waiting for the force" in listing
    assert "0 questions to answer" in client.get(HOME).content.decode()
