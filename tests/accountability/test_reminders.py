"""Reminders as questions fall due and as a follow-up nears, each sent once."""

import datetime
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command

from accountability import services
from accountability.reminders import accountability_reminders_send

from .factories import ScrutinyMeetingFactory

pytestmark = pytest.mark.django_db


def test_liaison_reminded_once_as_an_unanswered_question_falls_due(lee, sent_question, sent):
    day = sent_question.due_date - datetime.timedelta(days=2)

    sent(accountability_reminders_send, today=day)
    sent(accountability_reminders_send, today=day)

    assert [m.to for m in mail.outbox] == [[lee.email]]
    assert mail.outbox[0].subject == "Question 1 from the Commissioner is due soon"
    assert f"/accountability/force/questions/{sent_question.pk}/" in mail.outbox[0].body


def test_liaison_reminded_again_once_it_is_overdue(lee, sent_question, sent):
    sent(accountability_reminders_send, today=sent_question.due_date - datetime.timedelta(days=1))
    sent(accountability_reminders_send, today=sent_question.due_date + datetime.timedelta(days=1))

    assert [m.subject for m in mail.outbox] == [
        "Question 1 from the Commissioner is due soon",
        "Question 1 from the Commissioner is overdue",
    ]


def test_an_answered_question_is_not_reminded(answered, sent):
    mail.outbox.clear()
    sent(accountability_reminders_send, today=answered.due_date)

    assert mail.outbox == []


def test_opcc_staff_and_the_liaison_reminded_as_a_follow_up_nears(olu, lee, scrutiny, topic, sent):
    due = scrutiny.date + datetime.timedelta(days=182)
    services.follow_up_add(
        meeting=scrutiny, topic=topic, by=olu, due_date=due, text="A performance update"
    )

    sent(accountability_reminders_send, today=due - datetime.timedelta(days=60))
    assert mail.outbox == []
    sent(accountability_reminders_send, today=due - datetime.timedelta(days=20))
    sent(accountability_reminders_send, today=due - datetime.timedelta(days=19))

    assert sorted(m.to[0] for m in mail.outbox) == sorted([olu.email, lee.email])
    assert all(topic.title in m.subject for m in mail.outbox)


def test_no_reminder_for_a_follow_up_a_later_meeting_has_already_heard(
    olu, lee, scrutiny, topic, sent
):
    due = scrutiny.date + datetime.timedelta(days=182)
    services.follow_up_add(
        meeting=scrutiny, topic=topic, by=olu, due_date=due, text="A performance update"
    )
    heard = ScrutinyMeetingFactory(
        force=scrutiny.force,
        topics=[topic],
        date=scrutiny.date + datetime.timedelta(days=90),
        status="evidence_received",
    )
    services.topic_decision_save(
        meeting=heard, topic=topic, by=olu, level="assured", rationale="Heard early."
    )

    sent(accountability_reminders_send, today=due - datetime.timedelta(days=19))

    assert mail.outbox == []


def test_the_daily_command_says_what_it_queued(lee, sent_question):
    out = io.StringIO()
    day = sent_question.due_date
    call_command("send_accountability_reminders", "--date", day.isoformat(), stdout=out)

    assert out.getvalue().startswith("Queued 1 question reminder(s) and 0 follow-up reminder(s)")


def test_the_liaisons_follow_up_email_leads_to_a_page_showing_it(
    client, olu, lee, scrutiny, topic, sent
):
    due = scrutiny.date + datetime.timedelta(days=182)
    services.follow_up_add(
        meeting=scrutiny, topic=topic, by=olu, due_date=due, text="A performance update"
    )
    sent(accountability_reminders_send, today=due - datetime.timedelta(days=20))
    (email,) = [m for m in mail.outbox if m.to == [lee.email]]
    link = re.search(r"https?://\S+", email.body).group(0)
    client.force_login(lee)

    page = client.get(urlsplit(link).path).content.decode()

    assert urlsplit(link).fragment == "follow-ups"
    assert 'id="follow-ups"' in page
    assert [topic.title in page, "A performance update" in page, f"{due:%-d %B %Y}" in page] == [
        True,
        True,
        True,
    ]


def test_a_liaison_who_reads_welsh_gets_the_topics_welsh_title(
    welsh, olu, lee, scrutiny, topic, sent
):
    from core.language import language_preference_save

    language_preference_save(user=lee, language="cy")
    type(topic).objects.filter(pk=topic.pk).update(title_cy="Defnyddio datrysiadau")
    due = scrutiny.date + datetime.timedelta(days=182)
    services.follow_up_add(
        meeting=scrutiny, topic=topic, by=olu, due_date=due, text="A performance update"
    )

    sent(accountability_reminders_send, today=due - datetime.timedelta(days=20))

    by_reader = {m.to[0]: m for m in mail.outbox}
    assert "Defnyddio datrysiadau" in by_reader[lee.email].subject
    assert "Defnyddio datrysiadau" in by_reader[lee.email].body
    assert topic.title in by_reader[olu.email].subject
    assert "Defnyddio datrysiadau" not in by_reader[olu.email].body
