"""Email the owners of actions as they fall due and once they are overdue; run it daily."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from panels.liaison.notifications import force_action_reminders_send
from panels.management.reminder_arguments import add_reminder_arguments
from panels.meetings.action_reminders import OVERDUE, action_reminders_send


class Command(BaseCommand):
    help = (
        "Emails the person an unfinished action's owner names, once when it is due within "
        "ACTION_REMINDER_DAYS days and once when it is overdue. Reminders already sent are "
        "not sent again, so it is safe to run more than once a day. The liaisons of a force "
        "are reminded in the same way of its actions that have no response."
    )

    def add_arguments(self, parser):
        add_reminder_arguments(parser)

    def handle(self, *args, date: datetime.date | None, dry_run: bool, **options):
        today = date or timezone.localdate()
        run = action_reminders_send(today=today, dry_run=dry_run)
        verb = "Would send" if dry_run else "Queued"
        if dry_run:
            for due in run.sent:
                owner = due.owner.get_full_name() or due.owner.get_username()
                self.stdout.write(
                    f"Would send: {owner}, action {due.action.pk} of {due.action.meeting}, "
                    f"due {due.action.due_date:%-d %B %Y} ({due.state.replace('_', ' ')})"
                )
        overdue = sum(1 for due in run.sent if due.state == OVERDUE)
        n = len(run.sent)
        self.stdout.write(
            f"{verb} {n} action reminder{'' if n == 1 else 's'} for {today:%-d %B %Y} "
            f"({n - overdue} due soon, {overdue} overdue)."
        )
        to_forces = force_action_reminders_send(today=today, dry_run=dry_run)
        n = len(to_forces)
        self.stdout.write(f"{verb} {n} reminder{'' if n == 1 else 's'} to force liaisons.")
