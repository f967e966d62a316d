"""A question's due date cannot be before today, when it is drafted, changed or sent:
sending is all or nothing, and the refusal names each question that is late."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accountability import services
from accountability.enums import ScrutinyMeetingStatus as Status
from accountability.models import Question

from .factories import QuestionFactory, ScrutinyMeetingFactory
from .pages import date_fields, error_page

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def today():
    return timezone.localdate()


def past_due(today) -> str:
    return (
        f"The answer cannot be due before today, {today:%-d %B %Y}: enter today or a later "
        "date, or leave it blank to use the date given when the questions are sent"
    )


def test_a_question_due_before_today_is_refused_when_drafted(olu, scrutiny, topic, today):
    with pytest.raises(ValidationError) as refused:
        services.question_save(
            meeting=scrutiny, by=olu, topic=topic, text="Why?", due_date=today - DAY
        )

    assert (refused.value.message_dict, Question.objects.count()) == (
        {"due_date": [past_due(today)]},
        0,
    )


def test_a_draft_whose_due_date_has_passed_is_refused_when_changed(olu, question, topic, today):
    Question.objects.filter(pk=question.pk).update(due_date=today - DAY)

    with pytest.raises(ValidationError) as refused:
        services.question_save(
            meeting=question.meeting,
            by=olu,
            topic=topic,
            text="Why, in a new wording?",
            due_date=today - DAY,
            question=question,
            version=question.version,
        )

    question.refresh_from_db()
    assert (refused.value.message_dict, question.text) == (
        {"due_date": [past_due(today)]},
        QuestionFactory.text,
    )


def test_a_question_may_be_due_today(olu, scrutiny, topic, today):
    question = services.question_save(
        meeting=scrutiny, by=olu, topic=topic, text="Why?", due_date=today
    )

    assert question.due_date == today


def test_a_meeting_recorded_after_the_fact_gives_the_day_it_was_written(olu, force, topic):
    held = ScrutinyMeetingFactory(force=force, topics=[topic], date=datetime.date(2025, 9, 24))

    question = services.question_save(
        meeting=held,
        by=olu,
        topic=topic,
        text="Why?",
        due_date=datetime.date(2025, 9, 10),
        today=datetime.date(2025, 8, 27),
    )

    assert question.due_date == datetime.date(2025, 9, 10)


def test_sending_is_refused_naming_each_late_question_and_nothing_is_sent(
    olu, lee, scrutiny, topic, today, due, sent
):
    on_time = QuestionFactory(meeting=scrutiny, topic=topic, number=1)
    QuestionFactory(meeting=scrutiny, topic=topic, number=2, due_date=today - 2 * DAY)
    QuestionFactory(meeting=scrutiny, topic=topic, number=3, due_date=today - DAY)

    with pytest.raises(ValidationError) as refused:
        sent(services.questions_send, meeting=scrutiny, by=olu, due_date=due)

    scrutiny.refresh_from_db()
    assert refused.value.messages == [
        f"Nothing was sent: Question 2 (due {today - 2 * DAY:%-d %B %Y}) and question 3 (due "
        f"{today - DAY:%-d %B %Y}) are due before today, {today:%-d %B %Y}. Change their due "
        "dates to today or later, or leave them blank to use the date given here"
    ]
    assert (
        Question.objects.filter(sent_at__isnull=False).count(),
        scrutiny.status,
        mail.outbox,
        on_time.due_date,
    ) == (0, Status.PLANNED, [], None)


def test_one_late_question_is_named_alone(olu, scrutiny, topic, today, due):
    QuestionFactory(meeting=scrutiny, topic=topic, number=4, due_date=today - DAY)

    with pytest.raises(ValidationError) as refused:
        services.questions_send(meeting=scrutiny, by=olu, due_date=due)

    assert refused.value.messages[0].startswith(
        f"Nothing was sent: Question 4 (due {today - DAY:%-d %B %Y}) is due before today"
    )


def test_questions_already_sent_do_not_stop_the_next_sending(olu, sent_question, topic, due):
    Question.objects.filter(pk=sent_question.pk).update(due_date=timezone.localdate() - 10 * DAY)
    QuestionFactory(meeting=sent_question.meeting, topic=topic, number=2)

    sent_now = services.questions_send(meeting=sent_question.meeting, by=olu, due_date=due)

    assert [q.number for q in sent_now] == [2]


def test_the_send_page_names_the_late_questions(client, olu, scrutiny, topic, today, due):
    QuestionFactory(meeting=scrutiny, topic=topic, number=1, due_date=today - DAY)
    client.force_login(olu)

    response = client.post(
        reverse("accountability:questions_send", args=[scrutiny.pk]), date_fields("due_date", due)
    )

    error_page(response, "Nothing was sent: Question 1 (due")
    assert Question.objects.get().sent_at is None


def test_the_question_page_says_a_past_due_date_is_refused(client, olu, scrutiny, topic, today):
    client.force_login(olu)

    response = client.post(
        reverse("accountability:question_add", args=[scrutiny.pk]),
        {"topic": topic.pk, "text": "Why?", **date_fields("due_date", today - DAY)},
    )

    error_page(response, f"The answer cannot be due before today, {today:%-d %B %Y}")
    assert Question.objects.count() == 0
