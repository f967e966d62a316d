"""Rating reminders: who gets one, when, what it says, and that it is sent only once."""

import datetime
import io

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.utils import timezone

from panels.enums import MeetingStatus, RatingStatus, ReminderKind
from panels.models import ConflictDeclaration, Meeting, Membership, RatingReminder
from panels.rating.reminders import rating_reminders_due
from tests import factories

MEETING_DAY = datetime.date(2026, 12, 12)
DEADLINE = datetime.date(2026, 12, 9)
THREE_DAYS_BEFORE = DEADLINE - datetime.timedelta(days=3)


def open_for_rating(meeting: Meeting) -> Meeting:
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.RATING_OPEN)
    meeting.refresh_from_db()
    return meeting


def add_cases(meeting: Meeting, n: int) -> list:
    return [factories.ReviewedCaseFactory(meeting=meeting) for _ in range(n)]


def membership(user, panel) -> Membership:
    return Membership.objects.get(user=user, panel=panel)


def send(day: datetime.date, *args: str) -> str:
    out = io.StringIO()
    call_command("send_rating_reminders", "--date", day.isoformat(), *args, stdout=out)
    return out.getvalue()


def recipients(mailoutbox) -> list[str]:
    return sorted(address for message in mailoutbox for address in message.to)


def recorded() -> list[tuple]:
    return list(
        RatingReminder.objects.order_by("membership__user__username", "kind").values_list(
            "membership__user__username", "kind", "sent_on", "case_count"
        )
    )


@pytest.fixture
def rating_meeting(panel, chris, mina, pat) -> Meeting:
    """A meeting open for rating, deadline 9 December 2026, with three cases on its agenda."""
    meeting = factories.MeetingFactory(panel=panel, date=MEETING_DAY, rating_deadline=DEADLINE)
    add_cases(meeting, 3)
    return open_for_rating(meeting)


def test_reminder_sent_to_voting_members_days_before_the_deadline(rating_meeting, mailoutbox):
    send(THREE_DAYS_BEFORE)

    assert recipients(mailoutbox) == ["chris@example.org", "mina@example.org"]
    assert [m.subject for m in mailoutbox] == ["Rate your cases by 9 December 2026"] * 2
    assert recorded() == [
        ("chris", ReminderKind.AHEAD, THREE_DAYS_BEFORE, 3),
        ("mina", ReminderKind.AHEAD, THREE_DAYS_BEFORE, 3),
    ]


def test_reminder_not_sent_to_someone_invited_who_has_no_password_yet(
    rating_meeting, mailoutbox, mina
):
    mina.set_unusable_password()
    mina.save()

    send(THREE_DAYS_BEFORE)

    assert recipients(mailoutbox) == ["chris@example.org"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reminders_handed_to_a_worker_are_sent_by_it(
    reference_data, rating_meeting, mailoutbox, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    out = send(THREE_DAYS_BEFORE, "--in-background")

    assert (out.strip(), mailoutbox) == (
        "Queued the reminders for 6 December 2026: a worker sends them.",
        [],
    )
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    assert recipients(mailoutbox) == ["chris@example.org", "mina@example.org"]


def test_reminder_sent_on_the_deadline_day(rating_meeting, mailoutbox):
    send(DEADLINE)

    assert recipients(mailoutbox) == ["chris@example.org", "mina@example.org"]
    assert [m.subject for m in mailoutbox] == ["Your cases are due to be rated today"] * 2
    assert recorded() == [
        ("chris", ReminderKind.DUE, DEADLINE, 3),
        ("mina", ReminderKind.DUE, DEADLINE, 3),
    ]


@pytest.mark.parametrize("days_before", [4, 2, 1, -1])
def test_reminder_not_sent_on_other_days(rating_meeting, mailoutbox, days_before):
    output = send(DEADLINE - datetime.timedelta(days=days_before))

    assert mailoutbox == []
    assert recorded() == []
    assert "Sent 0 reminders" in output


def test_reminder_uses_today_when_no_date_is_given(rating_meeting, mailoutbox):
    Meeting.objects.filter(pk=rating_meeting.pk).update(rating_deadline=timezone.localdate())

    call_command("send_rating_reminders", stdout=io.StringIO())

    assert recipients(mailoutbox) == ["chris@example.org", "mina@example.org"]


def test_reminder_day_follows_the_setting(rating_meeting, mailoutbox, settings):
    settings.RATING_REMINDER_DAYS = 5

    send(THREE_DAYS_BEFORE)
    assert mailoutbox == []

    send(DEADLINE - datetime.timedelta(days=5))
    assert recipients(mailoutbox) == ["chris@example.org", "mina@example.org"]


def test_reminder_email_says_what_is_left_and_where_to_go(
    rating_meeting, mina, panel, mailoutbox, settings
):
    settings.SITE_URL = "https://scrutiny.example.org"
    settings.DEFAULT_FROM_EMAIL = "panels@example.org"
    mina.first_name = "Mina"
    mina.save()
    add_cases(rating_meeting, 7)
    for reviewed_case in rating_meeting.reviewed_cases.all()[:8]:
        factories.RatingFactory(
            reviewed_case=reviewed_case,
            membership=membership(mina, panel),
            status=RatingStatus.SUBMITTED,
        )

    send(THREE_DAYS_BEFORE)

    [message] = [m for m in mailoutbox if m.to == ["mina@example.org"]]
    assert message.from_email == "panels@example.org"
    assert message.body == (
        "Dear Mina,\n"
        "\n"
        "You have cases to rate for the Adult OoCR Scrutiny Panel meeting on 12 December 2026.\n"
        "\n"
        "2 of 10 cases still to rate.\n"
        "\n"
        "Rate by 9 December 2026.\n"
        "\n"
        "Go to your cases:\n"
        "https://scrutiny.example.org/\n"
        "\n"
        "Rate each case on your own before the meeting. If you have a conflict of interest in a "
        "case, declare it instead of rating the case.\n"
        "\n"
        "This email was sent by Scrutiny panels. Do not reply to it.\n"
    )


def test_reminder_email_on_the_day_says_today(rating_meeting, mina, mailoutbox):
    mina.first_name = "Mina"
    mina.save()

    send(DEADLINE)

    [message] = [m for m in mailoutbox if m.to == ["mina@example.org"]]
    lines = message.body.splitlines()
    assert lines[2] == (
        "Today is the last day to rate your cases for the Adult OoCR Scrutiny Panel meeting "
        "on 12 December 2026."
    )
    assert lines[6] == "Rate by 9 December 2026 (today)."


def test_reminder_email_is_plain_text_with_nothing_escaped(rating_meeting, panel, mina, mailoutbox):
    panel.name = "Youth & Adult OoCR Panel"
    panel.save()
    mina.first_name = "Siobhán O'Neill"
    mina.save()

    send(DEADLINE)

    [message] = [m for m in mailoutbox if m.to == ["mina@example.org"]]
    lines = message.body.splitlines()
    assert (lines[0], lines[2]) == (
        "Dear Siobhán O'Neill,",
        "Today is the last day to rate your cases for the Youth & Adult OoCR Panel meeting on "
        "12 December 2026.",
    )
    assert message.alternatives == []


def test_reminder_email_never_contains_case_details(panel, chris, mailoutbox):
    meeting = factories.MeetingFactory(panel=panel, date=MEETING_DAY, rating_deadline=DEADLINE)
    case = factories.CaseFactory(
        force=panel.force,
        reference="QZX-7781-WOMBAT",
        offence="Theft of a heritage llama called Barnaby",
        offence_category="Llama-related dishonesty",
        facts_at_decision="The suspect rode the llama along the promenade at dawn.",
        outcome_type=factories.outcome_type("simple-caution"),
    )
    factories.ReviewedCaseFactory(meeting=meeting, case=case)
    open_for_rating(meeting)

    send(THREE_DAYS_BEFORE)
    send(DEADLINE)

    assert len(mailoutbox) == 2
    details = [
        case.reference,
        "QZX",
        "WOMBAT",
        "llama",
        "Barnaby",
        "promenade",
        case.outcome_type.name,
        case.crime_code.code,
    ]
    for message in mailoutbox:
        text = f"{message.subject}\n{message.body}".lower()
        assert [d for d in details if d.lower() in text] == []


def test_submitted_ratings_and_declared_conflicts_reduce_the_count(
    rating_meeting, chris, mina, panel, mailoutbox
):
    first, second, _third = rating_meeting.reviewed_cases.all()
    mina_membership = membership(mina, panel)
    factories.RatingFactory(
        reviewed_case=first, membership=mina_membership, status=RatingStatus.SUBMITTED
    )
    ConflictDeclaration.objects.create(
        reviewed_case=second,
        membership=mina_membership,
        has_conflict=True,
        details="I prosecuted the suspect in an earlier case.",
        declared_by=mina,
    )

    send(DEADLINE)

    assert recorded() == [
        ("chris", ReminderKind.DUE, DEADLINE, 3),
        ("mina", ReminderKind.DUE, DEADLINE, 1),
    ]
    [message] = [m for m in mailoutbox if m.to == ["mina@example.org"]]
    assert message.body.splitlines()[4] == "1 of 3 cases still to rate."


def test_drafts_withdrawn_ratings_and_past_conflicts_do_not_reduce_the_count(
    rating_meeting, mina, panel, mailoutbox
):
    first, second, third = rating_meeting.reviewed_cases.all()
    mina_membership = membership(mina, panel)
    factories.RatingFactory(
        reviewed_case=first, membership=mina_membership, status=RatingStatus.DRAFT, category=None
    )
    factories.RatingFactory(
        reviewed_case=second, membership=mina_membership, status=RatingStatus.WITHDRAWN
    )
    # A conflict declared, then withdrawn: the current answer is "no conflict".
    ConflictDeclaration.objects.create(
        reviewed_case=third,
        membership=mina_membership,
        has_conflict=True,
        details="I may know the victim.",
        declared_by=mina,
        superseded_at=timezone.now(),
    )
    ConflictDeclaration.objects.create(
        reviewed_case=third, membership=mina_membership, has_conflict=False, declared_by=mina
    )

    send(DEADLINE)

    assert RatingReminder.objects.get(membership=mina_membership).case_count == 3


def test_another_members_ratings_do_not_reduce_the_count(rating_meeting, chris, panel):
    for reviewed_case in rating_meeting.reviewed_cases.all():
        factories.RatingFactory(
            reviewed_case=reviewed_case,
            membership=membership(chris, panel),
            status=RatingStatus.SUBMITTED,
        )

    send(DEADLINE)

    assert recorded() == [("mina", ReminderKind.DUE, DEADLINE, 3)]


def test_member_with_every_case_done_gets_nothing(rating_meeting, chris, mina, panel, mailoutbox):
    first, second, third = rating_meeting.reviewed_cases.all()
    mina_membership = membership(mina, panel)
    for reviewed_case in [first, second]:
        factories.RatingFactory(
            reviewed_case=reviewed_case, membership=mina_membership, status=RatingStatus.SUBMITTED
        )
    ConflictDeclaration.objects.create(
        reviewed_case=third,
        membership=mina_membership,
        has_conflict=True,
        details="The suspect is a neighbour.",
        declared_by=mina,
    )

    send(DEADLINE)

    assert recipients(mailoutbox) == ["chris@example.org"]


def test_non_voting_inactive_and_other_panel_members_get_nothing(
    rating_meeting, panel, pat, nadia, mailoutbox
):
    factories.MembershipFactory(panel=panel, user__username="ivy", is_active=False)

    send(THREE_DAYS_BEFORE)
    send(DEADLINE)

    assert recipients(mailoutbox) == ["chris@example.org"] * 2 + ["mina@example.org"] * 2


@pytest.mark.parametrize(
    "status", [MeetingStatus.PLANNED, MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED]
)
def test_meeting_not_open_for_rating_gets_nothing(rating_meeting, mailoutbox, status):
    Meeting.objects.filter(pk=rating_meeting.pk).update(status=status)

    send(THREE_DAYS_BEFORE)
    send(DEADLINE)

    assert mailoutbox == []
    assert recorded() == []


def test_meeting_without_a_deadline_gets_nothing(rating_meeting, mailoutbox):
    Meeting.objects.filter(pk=rating_meeting.pk).update(rating_deadline=None)

    send(THREE_DAYS_BEFORE)
    send(DEADLINE)

    assert mailoutbox == []


def test_running_twice_on_one_day_sends_nothing_new(rating_meeting, mailoutbox):
    send(DEADLINE)

    output = send(DEADLINE)

    assert len(mailoutbox) == 2
    assert RatingReminder.objects.count() == 2
    assert (
        output == "Sent 0 reminders for 9 December 2026 (0 ahead of the deadline, 0 due today).\n"
    )


def test_reminder_ahead_does_not_stop_the_reminder_on_the_day(rating_meeting, mailoutbox):
    send(THREE_DAYS_BEFORE)

    send(DEADLINE)

    assert [m.subject for m in mailoutbox] == ["Rate your cases by 9 December 2026"] * 2 + [
        "Your cases are due to be rated today"
    ] * 2


def test_dry_run_lists_reminders_without_sending_or_recording(rating_meeting, chris, mina):
    chris.first_name, chris.last_name = "Chris", "Chair"
    chris.save()
    mina.first_name, mina.last_name = "Mina", "Member"
    mina.save()

    output = send(DEADLINE, "--dry-run")

    assert output.splitlines() == [
        "Would send: Chris Chair <chris@example.org>, Adult OoCR Scrutiny Panel — 12 December "
        "2026, 3 of 3 cases still to rate (due today)",
        "Would send: Mina Member <mina@example.org>, Adult OoCR Scrutiny Panel — 12 December "
        "2026, 3 of 3 cases still to rate (due today)",
        "Would send 2 reminders for 9 December 2026 (0 ahead of the deadline, 2 due today).",
    ]
    assert recorded() == []


def test_dry_run_sends_nothing(rating_meeting, mailoutbox):
    send(DEADLINE, "--dry-run")

    assert mailoutbox == []
    assert RatingReminder.objects.count() == 0


def test_member_without_email_address_is_skipped_and_reported(rating_meeting, mina, mailoutbox):
    mina.email = ""
    mina.save()

    output = send(DEADLINE)

    assert recipients(mailoutbox) == ["chris@example.org"]
    assert [row[0] for row in recorded()] == ["chris"]
    assert output.splitlines()[-1] == (
        "Sent 1 reminder for 9 December 2026 (0 ahead of the deadline, 1 due today). "
        "Skipped 1 reminder to a member with no email address."
    )


def test_summary_counts_each_kind(rating_meeting, panel, chris, mailoutbox):
    later = factories.MeetingFactory(
        panel=panel, date=MEETING_DAY + datetime.timedelta(days=7), rating_deadline=MEETING_DAY
    )
    [only_case] = add_cases(later, 1)
    factories.RatingFactory(
        reviewed_case=only_case, membership=membership(chris, panel), status=RatingStatus.SUBMITTED
    )
    open_for_rating(later)

    output = send(DEADLINE)

    assert output == (
        "Sent 3 reminders for 9 December 2026 (1 ahead of the deadline, 2 due today).\n"
    )
    assert len(mailoutbox) == 3


def test_counts_take_one_query_per_meeting_whatever_the_agenda_size(
    rating_meeting, panel, django_assert_num_queries
):
    add_cases(rating_meeting, 20)
    later = factories.MeetingFactory(
        panel=panel, date=MEETING_DAY + datetime.timedelta(days=7), rating_deadline=DEADLINE
    )
    add_cases(later, 15)
    open_for_rating(later)

    with django_assert_num_queries(3):
        due = rating_reminders_due(today=DEADLINE)

    assert sorted((r.meeting.pk, r.unrated, r.total) for r in due) == sorted(
        [(rating_meeting.pk, 23, 23)] * 2 + [(later.pk, 15, 15)] * 2
    )


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("No mail server")


def test_email_that_fails_to_send_is_not_recorded(rating_meeting, settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    with pytest.raises(CommandError, match="Could not send 2 reminders"):
        send(DEADLINE)

    assert recorded() == []


def test_date_must_be_a_real_date(db):
    with pytest.raises(CommandError, match="Enter a real date in the format YYYY-MM-DD"):
        call_command("send_rating_reminders", "--date", "2026-02-30", stdout=io.StringIO())
