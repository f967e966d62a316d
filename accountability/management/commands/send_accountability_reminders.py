"""Email the force's liaisons as the Commissioner's questions fall due, and OPCC staff and
the liaisons as a follow-up nears; run it daily."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from accountability.reminders import accountability_reminders_send
from panels.management.reminder_arguments import iso_date


class Command(BaseCommand):
    help = (
        "Emails a force's liaisons once when a question sent to the force is due within "
        "ACTION_REMINDER_DAYS days with no answer and once when it is overdue, and OPCC "
        "staff and the liaisons once when a follow-up is due within four weeks. Reminders "
        "already sent are not sent again, so it is safe to run more than once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=iso_date,
            metavar="YYYY-MM-DD",
            help="Act as if today were this date (default: today).",
        )

    def handle(self, *args, date: datetime.date | None, **options):
        today = date or timezone.localdate()
        run = accountability_reminders_send(today=today)
        self.stdout.write(
            f"Queued {run.questions} question reminder(s) and {run.follow_ups} follow-up "
            f"reminder(s) for {today:%-d %B %Y}."
        )
