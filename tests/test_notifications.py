"""Emails about waiting work: who is told when a meeting opens for rating and when an
action is given out or falls due, each person's choice of which emails they get, and
the "Waiting for you" list on the home page."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.urls import reverse

from core.models import NotificationKind, NotificationPreference, SentNotification
from core.notifications import notification_preferences_save
from panels.enums import ActionStatus, MeetingStatus
from panels.meetings.services import action_fingerprint, action_save, meeting_move
from panels.models import Action
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://scrutiny.example.org"
DEADLINE = datetime.date(2026, 12, 12)
MEETING_DAY = datetime.date(2026, 12, 15)
REFERENCE = "QZX-7781-WOMBAT"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def planned(panel, chris, mina, pat):
    meeting = factories.MeetingFactory(panel=panel, date=MEETING_DAY, rating_deadline=DEADLINE)
    case = factories.CaseFactory(
        force=panel.force,
        reference=REFERENCE,
        offence="Theft of a heritage llama called Barnaby",
        facts_at_decision="The suspect rode the llama along the promenade at dawn.",
    )
    factories.ReviewedCaseFactory(meeting=meeting, case=case, position=1)
    factories.ReviewedCaseFactory(meeting=meeting, case__force=panel.force, position=2)
    return meeting


def no_case_detail(message) -> list[str]:
    text = f"{message.subject}\n{message.body}".lower()
    return [d for d in (REFERENCE, "wombat", "llama", "barnaby", "promenade") if d.lower() in text]


def by_recipient() -> dict[str, object]:
    return {message.to[0]: message for message in mail.outbox}


# A meeting opens for rating ----------------------------------------------------------


def test_opening_a_meeting_for_rating_emails_its_members_with_the_deadline(
    sent, planned, olu, nadia, mina
):
    sent(meeting_move, meeting=planned, to=MeetingStatus.RATING_OPEN, by=olu)

    messages = by_recipient()
    assert sorted(messages) == ["chris@example.org", "mina@example.org", "pat@example.org"]
    message = messages["mina@example.org"]
    assert message.subject == f"Cases to rate for {planned.panel.name} by 12 December 2026"
    assert "There are 2 cases to rate. Rate them by 12 December 2026." in message.body
    assert f"{SITE}/#meeting-{planned.pk}" in message.body
    assert f"{SITE}/account/notifications/" in message.body
    assert "to read" in messages["pat@example.org"].body
    assert [no_case_detail(m) for m in mail.outbox] == [[], [], []]


def test_opening_for_rating_skips_members_who_turned_it_off(sent, planned, olu, mina):
    notification_preferences_save(user=mina, enabled=[NotificationKind.ACTION_DUE])

    sent(meeting_move, meeting=planned, to=MeetingStatus.RATING_OPEN, by=olu)

    assert sorted(by_recipient()) == ["chris@example.org", "pat@example.org"]


def test_a_move_that_is_refused_emails_no_one(sent, panel, olu, mina):
    empty = factories.MeetingFactory(panel=panel)

    with pytest.raises(Exception, match="Add cases"):
        sent(meeting_move, meeting=empty, to=MeetingStatus.RATING_OPEN, by=olu)

    assert mail.outbox == []


def test_other_moves_of_a_meeting_email_no_one(sent, planned, olu):
    meeting_move(meeting=planned, to=MeetingStatus.RATING_OPEN, by=olu)

    sent(meeting_move, meeting=planned, to=MeetingStatus.PLANNED, by=olu)

    assert mail.outbox == []


def test_rating_reminders_skip_members_who_turned_them_off(planned, olu, mina):
    meeting_move(meeting=planned, to=MeetingStatus.RATING_OPEN, by=olu)
    mail.outbox.clear()
    notification_preferences_save(user=mina, enabled=[NotificationKind.RATING_OPEN])

    call_command("send_rating_reminders", "--date", DEADLINE.isoformat(), stdout=io.StringIO())

    assert sorted(by_recipient()) == ["chris@example.org"]


# Actions --------------------------------------------------------------------------------


@pytest.fixture
def discussing(planned, olu):
    meeting_move(meeting=planned, to=MeetingStatus.RATING_OPEN, by=olu)
    # The meeting's day is still to come: OPCC staff confirm the early start.
    meeting_move(
        meeting=planned,
        to=MeetingStatus.IN_DISCUSSION,
        by=olu,
        early_reason="The panel met a week early",
    )
    mail.outbox.clear()
    return planned


def named(user) -> str:
    return f"  {user.first_name.upper()} {user.last_name} "


def test_an_action_given_to_a_member_by_name_emails_them(sent, discussing, chris, mina):
    sent(
        action_save,
        meeting=discussing,
        by=chris,
        description=f"Look again at case {REFERENCE}.",
        owner=named(mina),
        due_date=datetime.date(2027, 1, 31),
    )

    (message,) = mail.outbox
    assert message.to == ["mina@example.org"]
    assert "It is due on 31 January 2027." in message.body
    assert f"{SITE}/panels/meetings/{discussing.pk}/#actions" in message.body
    assert no_case_detail(message) == []


def test_an_action_given_by_email_address_emails_that_person(sent, discussing, chris, olu):
    sent(action_save, meeting=discussing, by=chris, description="Brief.", owner="OLU@example.org")

    assert [m.to for m in mail.outbox] == [["olu@example.org"]]


def test_an_action_owned_by_an_agency_or_an_outsider_emails_no_one(sent, discussing, chris, nadia):
    sent(action_save, meeting=discussing, by=chris, description="Brief.", owner="Force lead")
    sent(action_save, meeting=discussing, by=chris, description="Brief.", owner=named(nadia))

    assert mail.outbox == []


def test_saving_an_action_again_does_not_email_its_owner_again(sent, discussing, chris, mina):
    action = sent(
        action_save, meeting=discussing, by=chris, description="Brief.", owner=named(mina)
    )
    sent(
        action_save,
        meeting=discussing,
        by=chris,
        action=action,
        seen=action_fingerprint(action),
        status=ActionStatus.IN_PROGRESS,
    )

    assert [m.to for m in mail.outbox] == [["mina@example.org"]]


def reminders(day: datetime.date) -> None:
    call_command("send_action_reminders", "--date", day.isoformat(), stdout=io.StringIO())


@pytest.fixture
def owned(discussing, mina):
    return Action.objects.create(
        meeting=discussing,
        description=f"Look again at {REFERENCE}.",
        owner=mina.email,
        due_date=datetime.date(2027, 1, 31),
    )


def test_action_reminders_are_sent_once_when_due_soon_and_once_when_overdue(
    owned, settings, django_capture_on_commit_callbacks
):
    settings.ACTION_REMINDER_DAYS = 7
    with django_capture_on_commit_callbacks(execute=True):
        reminders(datetime.date(2027, 1, 20))  # 11 days ahead: nothing yet
        reminders(datetime.date(2027, 1, 24))
        reminders(datetime.date(2027, 1, 25))
        reminders(datetime.date(2027, 2, 1))
        reminders(datetime.date(2027, 2, 2))

    assert [m.subject for m in mail.outbox] == [
        "An action of yours is due soon",
        "An action of yours is overdue",
    ]
    assert "is due on 31 January 2027" in mail.outbox[0].body
    assert "was due on 31 January 2027 and is not done yet" in mail.outbox[1].body
    assert [no_case_detail(m) for m in mail.outbox] == [[], []]
    assert SentNotification.objects.count() == 2


def test_action_reminders_skip_done_actions_and_owners_who_turned_them_off(
    owned, mina, django_capture_on_commit_callbacks
):
    done = Action.objects.create(
        meeting=owned.meeting,
        description="Done.",
        owner=mina.email,
        due_date=datetime.date(2027, 1, 1),
        status=ActionStatus.COMPLETED,
    )
    notification_preferences_save(user=mina, enabled=[])

    with django_capture_on_commit_callbacks(execute=True):
        reminders(datetime.date(2027, 2, 5))

    assert (mail.outbox, done.pk > 0) == ([], True)


def test_a_changed_due_date_is_reminded_again(owned, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reminders(datetime.date(2027, 1, 30))
        Action.objects.filter(pk=owned.pk).update(due_date=datetime.date(2027, 3, 1))
        reminders(datetime.date(2027, 2, 25))

    assert len(mail.outbox) == 2


# Preferences and security emails --------------------------------------------------------


def test_security_emails_are_sent_even_with_every_kind_turned_off(client, mina, olu, panel):
    from panels.people.services import membership_invite

    notification_preferences_save(user=mina, enabled=[])

    client.post("/password-reset/", {"email": "mina@example.org"})
    membership_invite(
        panel=panel,
        by=olu,
        name="Sam Jones",
        email="sam@example.org",
        agency="probation",
        role="member",
        is_voting=True,
    )

    assert sorted(m.to[0] for m in mail.outbox) == ["mina@example.org", "sam@example.org"]


class FlakyBackend(EmailBackend):
    """A mail server that refuses the first message it is given."""

    failed = False

    def send_messages(self, messages):
        if not FlakyBackend.failed:
            FlakyBackend.failed = True
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


def test_an_email_the_mail_server_refuses_is_tried_again(sent, planned, olu, settings, panel):
    settings.EMAIL_BACKEND = "tests.test_notifications.FlakyBackend"
    FlakyBackend.failed = False
    panel.memberships.exclude(user__username="mina").update(is_active=False)

    sent(meeting_move, meeting=planned, to=MeetingStatus.RATING_OPEN, by=olu)

    assert (FlakyBackend.failed, [m.to for m in mail.outbox]) == (True, [["mina@example.org"]])


def test_settings_page_sends_someone_signed_out_to_sign_in(client):
    response = client.get(reverse("notification_settings"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_settings_page_ticks_every_kind_until_someone_turns_one_off(client, mina):
    client.force_login(mina)

    response = client.get(reverse("notification_settings"))

    assert response.status_code == 200
    assert response.context["form"]["kinds"].value() == NotificationKind.values
    assert len(re.findall(r'type="checkbox"[^>]*checked', response.content.decode())) == len(
        NotificationKind.values
    )
    assert "always sent" in response.content.decode()


def test_settings_page_saves_the_kinds_ticked(client, mina):
    client.force_login(mina)
    kept = [NotificationKind.RATING_OPEN, NotificationKind.ACTION_DUE]

    response = client.post(reverse("notification_settings"), {"kinds": kept})

    assert response.status_code == 302
    stored = dict(NotificationPreference.objects.filter(user=mina).values_list("kind", "enabled"))
    assert stored == {kind: kind in kept for kind in NotificationKind.values}
    page = client.get(response.url).content.decode()
    assert "Your email settings have been saved" in page


def test_settings_page_saves_every_box_unticked(client, mina):
    client.force_login(mina)

    response = client.post(reverse("notification_settings"), {})

    assert response.status_code == 302
    stored = NotificationPreference.objects.filter(user=mina, enabled=False).count()
    assert stored == len(NotificationKind.values)


def test_settings_page_refuses_a_kind_not_listed_and_writes_nothing(client, mina):
    client.force_login(mina)

    response = client.post(reverse("notification_settings"), {"kinds": ["password_reset"]})

    assert response.status_code == 200
    assert "Select only the emails listed" in response.content.decode()
    assert NotificationPreference.objects.count() == 0


def test_the_home_and_account_pages_link_to_the_settings_page(client, mina):
    client.force_login(mina)

    home = client.get(reverse("home")).content.decode()
    account = client.get(reverse("account")).content.decode()

    assert f'href="{reverse("notification_settings")}"' in home
    assert f'href="{reverse("notification_settings")}"' in account


# The home page ---------------------------------------------------------------------------


def test_a_members_home_lists_cases_to_rate_and_actions_due(client, discussing, mina, olu):
    rating = factories.MeetingFactory(
        panel=discussing.panel, date=datetime.date(2026, 12, 16), rating_deadline=DEADLINE
    )
    factories.ReviewedCaseFactory.create_batch(3, meeting=rating, case__force=rating.panel.force)
    meeting_move(meeting=rating, to=MeetingStatus.RATING_OPEN, by=olu)
    Action.objects.create(
        meeting=discussing,
        description="Brief.",
        owner=mina.get_full_name(),
        due_date=datetime.date(2027, 1, 31),
    )
    client.force_login(mina)

    waiting = client.get(reverse("home")).context["waiting"]

    assert [(w.text, w.url) for w in waiting] == [
        ("3 cases to rate by 12 December", f"/#meeting-{rating.pk}"),
        ("An action is due on 31 January 2027", f"/panels/meetings/{discussing.pk}/#actions"),
    ]


def test_a_chairs_home_lists_the_cases_they_rate_too(client, planned, chris, olu):
    meeting_move(meeting=planned, to=MeetingStatus.RATING_OPEN, by=olu)
    client.force_login(chris)

    page = client.get(reverse("home")).content.decode()

    assert (
        f'<a class="govuk-link" href="/#meeting-{planned.pk}">2 cases to rate by 12 December</a>'
        in page
    )


def test_a_non_voting_attendees_home_lists_no_cases_to_rate(client, planned, pat, olu):
    meeting_move(meeting=planned, to=MeetingStatus.RATING_OPEN, by=olu)
    client.force_login(pat)

    assert client.get(reverse("home")).context["waiting"] == []


def test_opcc_staffs_home_lists_the_actions_their_email_names(client, discussing, olu):
    Action.objects.create(meeting=discussing, description="Brief.", owner="olu@example.org")
    client.force_login(olu)

    waiting = client.get(reverse("home")).context["waiting"]

    assert [w.text for w in waiting] == ["An action is open"]


def test_someone_with_nothing_waiting_has_no_waiting_list(client, eve):
    client.force_login(eve)

    response = client.get(reverse("home"))

    assert (response.context["waiting"], "Waiting for you" in response.content.decode()) == (
        [],
        False,
    )
