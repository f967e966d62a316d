"""Every email is in its recipient's language, subject and body: the language they chose
(English if they never chose), whatever the language of the page or worker that sent it."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from core.language import language_preference_save
from core.models import NotificationKind
from core.notifications import notify
from core.wording import day, later
from panels.enums import MeetingStatus
from panels.meetings.services import action_save, meeting_move
from panels.models import Action
from tests import factories

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2026, 12, 12)
DUE = datetime.date(2027, 1, 31)


@pytest.fixture
def discussing(panel, olu):
    meeting = factories.MeetingFactory(
        panel=panel, date=datetime.date(2026, 12, 15), rating_deadline=DEADLINE
    )
    factories.ReviewedCaseFactory(meeting=meeting, case__force=panel.force, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    meeting_move(
        meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=olu, early_reason="Met a week early"
    )
    mail.outbox.clear()
    return meeting


def give_action(sent, meeting, chris, owner) -> None:
    sent(
        action_save,
        meeting=meeting,
        by=chris,
        description="Brief the panel.",
        owner=owner.email,
        due_date=DUE,
    )


def test_a_welsh_member_gets_welsh_from_an_action_a_chair_saved_in_english(
    welsh, sent, discussing, chris, mina, settings
):
    settings.SERVICE_NAME, settings.SERVICE_NAME_CY = "Scrutiny panels", "Paneli craffu"
    language_preference_save(user=mina, language="cy")

    with translation.override("en"):
        give_action(sent, discussing, chris, mina)

    (message,) = mail.outbox
    assert message.subject == f"Chi sy'n gyfrifol am gam gweithredu gan {discussing.panel.name}"
    assert "Mae'n ddyledus ar 31 Ionawr 2027." in message.body
    assert "It is due on" not in message.body
    assert "Paneli craffu" in message.body and "Scrutiny panels" not in message.body


def test_an_english_member_gets_english_from_an_action_a_chair_saved_in_welsh(
    welsh, sent, discussing, chris, mina
):
    with translation.override("cy"):
        give_action(sent, discussing, chris, mina)

    (message,) = mail.outbox
    assert message.subject == f"An action from {discussing.panel.name} is yours"
    assert "It is due on 31 January 2027." in message.body


def test_one_email_goes_out_in_each_recipients_own_language(welsh, sent, chris, mina, olu):
    language_preference_save(user=mina, language="cy")
    language_preference_save(user=olu, language="en")
    subject = later(translation.gettext_lazy("Rate your cases by %(date)s"), date=day(DUE))

    with translation.override("cy"):
        sent(
            notify,
            users=[chris, mina, olu],
            kind=NotificationKind.ACTION_ASSIGNED,
            subject=subject,
            template="panels/email/action_due.txt",
            context={"panel_name": "Adult panel", "due_date": DUE, "url": "/"},
        )

    assert {m.to[0]: m.subject for m in mail.outbox} == {
        "chris@example.org": "Rate your cases by 31 January 2027",
        "mina@example.org": "Aseswch eich achosion erbyn 31 Ionawr 2027",
        "olu@example.org": "Rate your cases by 31 January 2027",
    }


def test_recipients_languages_are_read_in_one_query(chris, mina, olu, django_assert_num_queries):
    language_preference_save(user=mina, language="cy")
    users = [chris, mina, olu]

    with django_assert_num_queries(1):  # choices of emails and languages together
        told = notify(
            users=users,
            kind=NotificationKind.ACTION_ASSIGNED,
            subject="Subject",
            template="panels/email/action_due.txt",
            context={"panel_name": "Adult panel", "due_date": DUE, "url": "/"},
        )

    assert told == users


def test_an_action_reminder_is_in_welsh_for_a_welsh_owner(
    welsh, discussing, mina, django_capture_on_commit_callbacks
):
    language_preference_save(user=mina, language="cy")
    Action.objects.create(meeting=discussing, description="Brief.", owner=mina.email, due_date=DUE)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_action_reminders", "--date", "2027-01-28", stdout=io.StringIO())

    (message,) = mail.outbox
    assert message.subject == "Mae un o'ch camau gweithredu yn ddyledus cyn bo hir"
    assert "31 Ionawr 2027" in message.body


def test_a_rating_reminder_is_in_each_members_language(welsh, panel, olu, chris, mina):
    meeting = factories.MeetingFactory(
        panel=panel, date=datetime.date(2026, 12, 15), rating_deadline=DEADLINE
    )
    factories.ReviewedCaseFactory(meeting=meeting, case__force=panel.force, position=1)
    meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=olu)
    mail.outbox.clear()
    language_preference_save(user=mina, language="cy")

    call_command("send_rating_reminders", "--date", DEADLINE.isoformat(), stdout=io.StringIO())

    assert {m.to[0]: m.subject for m in mail.outbox} == {
        "chris@example.org": "Your cases are due to be rated today",
        "mina@example.org": "Mae eich achosion i fod i gael eu hasesu heddiw",
    }


def test_a_password_reset_is_in_welsh_for_someone_who_chose_welsh(welsh, client, mina):
    language_preference_save(user=mina, language="cy")

    client.post("/password-reset/", {"email": "mina@example.org"})

    (message,) = mail.outbox
    assert message.subject == "Ailosod eich cyfrinair Craffu"
    assert "Dewiswch gyfrinair newydd yma:" in message.body


def test_a_password_reset_asked_for_on_a_welsh_page_is_english_for_someone_who_never_chose(
    welsh, client, mina
):
    client.post("/password-reset/", {"email": "mina@example.org"}, HTTP_ACCEPT_LANGUAGE="cy")

    (message,) = mail.outbox
    assert message.subject == "Reset your Scrutiny password"
