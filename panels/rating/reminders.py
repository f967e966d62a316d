"""Rating reminders: emails to voting members who still have cases to rate.

A meeting open for rating has a deadline. Each voting member with cases still to
rate gets one email `RATING_REMINDER_DAYS` days before the deadline and one on
the day. A `RatingReminder` row is kept for each email sent, so running the daily
job again never sends the same reminder twice.

The emails say how many cases are left, never which: no references, offences,
facts or outcomes leave the service this way. Each is in its member's language (the one
they chose, or English).
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.models import NotificationKind, NotificationPreference

from ..enums import MeetingStatus, RatingStatus, ReminderKind
from ..models import ConflictDeclaration, Meeting, Membership, Rating, RatingReminder, ReviewedCase

logger = logging.getLogger(__name__)

SUBJECT_TEMPLATE = "panels/email/rating_reminder_subject.txt"
BODY_TEMPLATE = "panels/email/rating_reminder.txt"


@dataclass(frozen=True)
class DueReminder:
    """One reminder that should go to one member about one meeting."""

    meeting: Meeting
    membership: Membership
    kind: ReminderKind
    unrated: int
    total: int

    @property
    def email(self) -> str:
        return self.membership.user.email.strip()

    @property
    def language(self) -> str:
        """The member's chosen language, or the site's (English) if they never chose."""
        return getattr(self.membership, "language", None) or settings.LANGUAGE_CODE


@dataclass
class ReminderRun:
    """What one run did (or, in a dry run, would do)."""

    today: datetime.date
    sent: list[DueReminder] = field(default_factory=list)
    no_email: list[DueReminder] = field(default_factory=list)
    failed: list[DueReminder] = field(default_factory=list)

    def sent_of_kind(self, kind: ReminderKind) -> int:
        return sum(1 for reminder in self.sent if reminder.kind == kind)


def rating_reminders_due(
    *, today: datetime.date, days_ahead: int | None = None
) -> list[DueReminder]:
    """The reminders to send on `today` that have not been sent yet.

    A meeting counts when it is open for rating and its deadline is `today` (a
    reminder on the day) or `days_ahead` days later (a reminder ahead of it;
    `days_ahead` defaults to `RATING_REMINDER_DAYS`, and 0 or less turns these
    off). Only active voting members with at least one case still to rate, and who
    have not turned these reminders off, are included. A case is still to rate unless
    the member has submitted a rating for it or their current declaration says they
    have a conflict in it. Members without an email address are included;
    `rating_reminders_send` skips them.
    """
    if days_ahead is None:
        days_ahead = settings.RATING_REMINDER_DAYS
    kinds = {today: ReminderKind.DUE}
    if days_ahead > 0:
        kinds[today + datetime.timedelta(days=days_ahead)] = ReminderKind.AHEAD
    meetings = (
        Meeting.objects.filter(status=MeetingStatus.RATING_OPEN, rating_deadline__in=kinds)
        .select_related("panel")
        .annotate(case_total=Count("reviewed_cases"))
        .order_by("rating_deadline", "date", "pk")
    )
    due = []
    for meeting in meetings:
        kind = kinds[meeting.rating_deadline]
        for membership in _members_to_remind(meeting=meeting, kind=kind):
            due.append(
                DueReminder(
                    meeting=meeting,
                    membership=membership,
                    kind=kind,
                    unrated=membership.unrated,
                    total=meeting.case_total,
                )
            )
    return due


def _members_to_remind(*, meeting: Meeting, kind: ReminderKind) -> QuerySet[Membership]:
    """The meeting's voting members with cases still to rate, each annotated with how many,
    leaving out anyone already sent this kind of reminder. One query."""
    member = OuterRef(OuterRef("pk"))
    rated = Rating.objects.filter(
        reviewed_case=OuterRef("pk"), membership=member, status=RatingStatus.SUBMITTED
    )
    conflicted = ConflictDeclaration.objects.filter(
        reviewed_case=OuterRef("pk"),
        membership=member,
        superseded_at__isnull=True,
        has_conflict=True,
    )
    unrated = (
        ReviewedCase.objects.filter(meeting=meeting)
        .exclude(Exists(rated))
        .exclude(Exists(conflicted))
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    already_sent = RatingReminder.objects.filter(
        meeting=meeting, membership=OuterRef("pk"), kind=kind
    )
    turned_off = NotificationPreference.objects.filter(
        user=OuterRef("user"), kind=NotificationKind.RATING_REMINDER, enabled=False
    )
    return (
        Membership.objects.filter(
            panel_id=meeting.panel_id, is_active=True, is_voting=True, user__is_active=True
        )
        # Invited but without a password yet: they cannot sign in to rate, and their
        # invitation already says what to do.
        .exclude(user__password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .select_related("user")
        .annotate(
            unrated=Coalesce(Subquery(unrated, output_field=IntegerField()), Value(0)),
            language=F("user__language_preference__language"),
        )
        .filter(Q(unrated__gt=0), ~Exists(already_sent), ~Exists(turned_off))
        .order_by("user__last_name", "user__first_name", "pk")
    )


def rating_reminder_message(*, reminder: DueReminder) -> tuple[str, str]:
    """The subject and plain-text body of one reminder, in the member's language. Counts
    and dates only."""
    meeting = reminder.meeting
    context = {
        "first_name": reminder.membership.user.first_name.strip(),
        "panel_name": meeting.panel.name,
        "meeting_date": meeting.date,
        "deadline": meeting.rating_deadline,
        "is_due_today": reminder.kind == ReminderKind.DUE,
        "unrated": reminder.unrated,
        "total": reminder.total,
        "task_list_url": settings.SITE_URL + reverse("home"),
        "service_name": settings.SERVICE_NAME,
    }
    with translation.override(reminder.language):
        subject = " ".join(render_to_string(SUBJECT_TEMPLATE, context).split())
        body = render_to_string(BODY_TEMPLATE, context)
    return subject, body


def rating_reminders_send(
    *, today: datetime.date, days_ahead: int | None = None, dry_run: bool = False
) -> ReminderRun:
    """Send the reminders due on `today` and record each one sent.

    Each email is sent and recorded in one transaction, with the membership row
    locked, so two runs at once cannot both send it; if the record already
    exists the email is not sent. An email that fails to send is not recorded,
    so a later run on the same day tries it again. With `dry_run`, nothing is
    sent or recorded and the result lists what would have been sent.
    """
    run = ReminderRun(today=today)
    due = rating_reminders_due(today=today, days_ahead=days_ahead)
    run.no_email = [reminder for reminder in due if not reminder.email]
    to_send = [reminder for reminder in due if reminder.email]
    if dry_run:
        run.sent = to_send
        return run
    if not to_send:
        return run
    # One connection for the run rather than one per email.
    with get_connection() as connection:
        for reminder in to_send:
            try:
                sent = _send_one(reminder=reminder, today=today, connection=connection)
            except (smtplib.SMTPException, OSError):
                logger.exception(
                    "Could not send a %s rating reminder for meeting %s to membership %s",
                    reminder.kind,
                    reminder.meeting.pk,
                    reminder.membership.pk,
                )
                run.failed.append(reminder)
                continue
            if sent:
                run.sent.append(reminder)
    return run


def _send_one(*, reminder: DueReminder, today: datetime.date, connection) -> bool:
    """Send one reminder and record it; False if another run has already sent it."""
    subject, body = rating_reminder_message(reminder=reminder)
    with transaction.atomic():
        Membership.objects.select_for_update().filter(pk=reminder.membership.pk).first()
        record = RatingReminder(
            meeting=reminder.meeting,
            membership=reminder.membership,
            kind=reminder.kind,
            sent_on=today,
            case_count=reminder.unrated,
        )
        if RatingReminder.objects.filter(
            meeting=record.meeting, membership=record.membership, kind=record.kind
        ).exists():
            return False
        record.full_clean()
        send_mail(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [reminder.email],
            connection=connection,
        )
        record.save()
    return True
