"""Planning a scrutiny meeting: topics, the meeting, questions, sending them, moving on."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import Question, ScrutinyMeeting, Topic
from core.notifications import NotificationKind, notification_preferences_save
from core.workflow import TransitionNotAllowed

from .factories import QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_topic_created_by_opcc_staff(olu, force):
    topic = services.topic_create(by=olu, force=force, title="  Stop and search  ")

    assert (topic.title, topic.force) == ("Stop and search", force)


@pytest.mark.parametrize("who", ["lee", "mina", "cleo", "eve"])
def test_topic_refused_to_all_but_opcc_staff(request, force, who):
    with pytest.raises(PermissionDenied):
        services.topic_create(by=request.getfixturevalue(who), force=force, title="A topic")
    assert Topic.objects.count() == 0


def test_topic_with_the_same_title_for_the_force_is_refused(olu, topic, force):
    with pytest.raises(ValidationError) as refused:
        services.topic_create(by=olu, force=force, title=topic.title.upper())
    assert refused.value.message_dict == {"title": ["There is already a topic with this title"]}


def test_meeting_planned_with_its_topics(olu, force, topic):
    day = timezone.localdate() + datetime.timedelta(days=40)

    meeting = services.scrutiny_meeting_create(
        by=olu, force=force, date=day, theme="Reoffending", topics=[topic]
    )

    assert (meeting.status, list(meeting.topics.all())) == (Status.PLANNED, [topic])


def test_meeting_with_another_forces_topic_is_refused(olu, force):
    other = TopicFactory()
    with pytest.raises(ValidationError) as refused:
        services.scrutiny_meeting_create(
            by=olu, force=force, date=timezone.localdate(), theme="", topics=[other]
        )
    assert refused.value.message_dict == {"topics": ["Select topics of this meeting's force"]}
    assert ScrutinyMeeting.objects.count() == 0


def test_meeting_keeps_a_topic_that_has_questions(olu, question, force):
    extra = TopicFactory(force=force)
    meeting = question.meeting
    with pytest.raises(ValidationError) as refused:
        services.scrutiny_meeting_update(
            meeting=meeting,
            by=olu,
            version=meeting.version,
            date=meeting.date,
            theme="",
            topics=[extra],
        )
    assert "must stay on it" in refused.value.message_dict["topics"][0]


def test_question_numbered_in_order_on_the_meetings_topic(olu, scrutiny, topic):
    first = services.question_save(meeting=scrutiny, by=olu, topic=topic, text="One?")
    second = services.question_save(meeting=scrutiny, by=olu, topic=topic, text="Two?")

    assert (first.number, second.number) == (1, 2)


def test_question_on_a_topic_not_on_the_meeting_is_refused(olu, scrutiny, force):
    with pytest.raises(ValidationError) as refused:
        services.question_save(
            meeting=scrutiny, by=olu, topic=TopicFactory(force=force), text="Why?"
        )
    assert refused.value.message_dict == {"topic": ["Select one of this meeting's topics"]}


def test_question_due_after_the_meeting_is_refused(olu, scrutiny, topic):
    with pytest.raises(ValidationError) as refused:
        services.question_save(
            meeting=scrutiny,
            by=olu,
            topic=topic,
            text="Why?",
            due_date=scrutiny.date + datetime.timedelta(days=1),
        )
    assert refused.value.message_dict == {
        "due_date": ["The answer must be due on or before the meeting date"]
    }


def test_sending_stamps_the_questions_moves_the_meeting_and_emails_the_liaison(
    olu, lee, kim, question, due, sent
):
    sent(services.questions_send, meeting=question.meeting, by=olu, due_date=due)

    question.refresh_from_db()
    assert question.sent_at is not None and question.due_date == due
    assert question.meeting.status_history.get().to_status == Status.QUESTIONS_SENT
    assert [m.to for m in mail.outbox] == [[lee.email]]
    assert f"by {due:%-d %B %Y}" in mail.outbox[0].body
    assert "/accountability/force/questions/" in mail.outbox[0].body


def test_a_liaison_who_turned_off_the_questions_email_is_not_sent_it(olu, lee, question, due, sent):
    notification_preferences_save(
        user=lee, enabled=set(NotificationKind.values) - {NotificationKind.QUESTIONS_SENT}
    )

    sent(services.questions_send, meeting=question.meeting, by=olu, due_date=due)

    assert mail.outbox == []


def test_sending_with_no_question_is_refused(olu, scrutiny, due):
    with pytest.raises(ValidationError) as refused:
        services.questions_send(meeting=scrutiny, by=olu, due_date=due)
    assert refused.value.messages == ["There are no questions to send: add one first."]
    assert ScrutinyMeeting.objects.get().status == Status.PLANNED


def test_sending_with_a_due_date_in_the_past_is_refused(olu, question):
    with pytest.raises(ValidationError) as refused:
        services.questions_send(
            meeting=question.meeting, by=olu, due_date=datetime.date(2020, 1, 1)
        )
    assert refused.value.message_dict == {
        "due_date": ["The due date must be today or in the future"]
    }


def test_a_sent_question_is_final(olu, sent_question, topic):
    with pytest.raises(ValidationError) as refused:
        services.question_save(
            meeting=sent_question.meeting,
            by=olu,
            topic=topic,
            text="Changed",
            question=sent_question,
            version=sent_question.version,
        )
    assert refused.value.messages == ["This question has been sent to the force, so it is final."]
    assert Question.objects.get().text != "Changed"


def test_a_question_changed_from_an_old_form_is_refused(olu, question, topic):
    from core.stale import StaleEdit

    services.question_save(
        meeting=question.meeting,
        by=olu,
        topic=topic,
        text="First",
        question=question,
        version=question.version,
    )
    with pytest.raises(StaleEdit):
        services.question_save(
            meeting=question.meeting,
            by=olu,
            topic=topic,
            text="Second",
            question=question,
            version=question.version,
        )
    assert Question.objects.get().text == "First"


def test_meeting_cannot_be_decided_with_a_topic_undecided(olu, sent_question):
    meeting = sent_question.meeting
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.EVIDENCE_RECEIVED)

    with pytest.raises(TransitionNotAllowed) as refused:
        services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.DECIDED)
    assert refused.value.messages == [
        "Record the Commissioner's decision on every topic first: 1 to do."
    ]


def test_a_planned_meeting_cannot_skip_to_closed(olu, scrutiny):
    with pytest.raises(TransitionNotAllowed):
        services.scrutiny_meeting_move(meeting=scrutiny, by=olu, to=Status.CLOSED)


def test_nothing_changes_on_a_closed_meeting(olu, sent_question, topic):
    meeting = sent_question.meeting
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.EVIDENCE_RECEIVED)
    services.evidence_summary_save(question=sent_question, by=olu, text="The figures.")
    services.topic_decision_save(
        meeting=meeting, topic=topic, by=olu, level="assured", rationale="Because."
    )
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.DECIDED)
    services.scrutiny_meeting_move(meeting=meeting, by=olu, to=Status.CLOSED)

    with pytest.raises(ValidationError) as refused:
        services.question_save(meeting=meeting, by=olu, topic=topic, text="Late?")
    assert refused.value.messages == [
        "This meeting is closed, so its record cannot change. To correct it, reopen the record "
        "from the meeting's page, giving the reason."
    ]
    assert QuestionFactory._meta.model.objects.count() == 1
