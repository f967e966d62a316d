"""Email voting members who still have cases to rate as a rating deadline nears; run it daily."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from panels.enums import ReminderKind
from panels.management.reminder_arguments import add_reminder_arguments
from panels.rating.reminders import DueReminder, ReminderRun, rating_reminders_send
from panels.rating.tasks import send_rating_reminders


def _reminders(n: int) -> str:
    return f"{n} reminder{'' if n == 1 else 's'}"


class Command(BaseCommand):
    help = (
        "Emails each voting member who still has cases to rate, RATING_REMINDER_DAYS days "
        "before a meeting's rating deadline and again on the day. Reminders already sent are "
        "not sent again, so it is safe to run more than once a day."
    )

    def add_arguments(self, parser):
        add_reminder_arguments(parser)
        parser.add_argument(
            "--in-background",
            action="store_true",
            help="Put the sending on the task queue for a worker (make worker), and return.",
        )

    def handle(self, *args, date: datetime.date | None, dry_run: bool, **options):
        today = date or timezone.localdate()
        if options["in_background"] and not dry_run:
            send_rating_reminders.enqueue(today=today.isoformat())
            self.stdout.write(f"Queued the reminders for {today:%-d %B %Y}: a worker sends them.")
            return
        run = rating_reminders_send(today=today, dry_run=dry_run)
        if dry_run:
            for reminder in run.sent:
                self.stdout.write(f"Would send: {self._describe(reminder)}")
        for reminder in run.no_email:
            self.stdout.write(f"No email address: {self._describe(reminder)}")
        self.stdout.write(self._summary(run, dry_run=dry_run))
        if run.failed:
            raise CommandError(
                f"Could not send {_reminders(len(run.failed))}; see the log. "
                "Run the command again today to retry."
            )

    def _describe(self, reminder: DueReminder) -> str:
        user = reminder.membership.user
        name = user.get_full_name() or user.username
        kind = "due today" if reminder.kind == ReminderKind.DUE else "ahead of the deadline"
        return (
            f"{name} <{reminder.email or 'none'}>, {reminder.meeting}, "
            f"{reminder.unrated} of {reminder.total} cases still to rate ({kind})"
        )

    def _summary(self, run: ReminderRun, *, dry_run: bool) -> str:
        ahead = run.sent_of_kind(ReminderKind.AHEAD)
        due = run.sent_of_kind(ReminderKind.DUE)
        verb = "Would send" if dry_run else "Sent"
        line = (
            f"{verb} {_reminders(len(run.sent))} for {run.today:%-d %B %Y} "
            f"({ahead} ahead of the deadline, {due} due today)."
        )
        if run.no_email:
            n = len(run.no_email)
            to = "a member" if n == 1 else "members"
            line += f" Skipped {_reminders(n)} to {to} with no email address."
        if settings.RATING_REMINDER_DAYS < 1:
            line += (
                " Reminders ahead of the deadline are off "
                f"(RATING_REMINDER_DAYS is {settings.RATING_REMINDER_DAYS})."
            )
        return line
