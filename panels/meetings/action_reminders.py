"""Reminders to an action's owner as it falls due: once when it is due within
`ACTION_REMINDER_DAYS` days (today included), and once when it is overdue.

Only unfinished actions with a due date whose owner names a person
(panels.meetings.notifications.action_owner) are reminded. Each reminder sent is recorded
(core.SentNotification) under the action, its due date and the state, so the daily job
never sends it twice; moving the due date makes a new pair of reminders.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy

from core.notifications import NotificationKind, notification_sent_once, notify

from ..models import Action
from .notifications import UNFINISHED, action_context, action_owner

DUE_SOON, OVERDUE = "due_soon", "overdue"


@dataclass(frozen=True)
class DueAction:
    action: Action
    owner: object
    state: str

    @property
    def key(self) -> str:
        return f"action:{self.action.pk}:{self.action.due_date.isoformat()}:{self.state}"


@dataclass
class ActionReminderRun:
    today: datetime.date
    sent: list[DueAction] = field(default_factory=list)


def action_reminders_due(*, today: datetime.date, days_ahead: int | None = None) -> list:
    """Unfinished actions due by `today` + `days_ahead`, whose owner names a person."""
    if days_ahead is None:
        days_ahead = settings.ACTION_REMINDER_DAYS
    horizon = today + datetime.timedelta(days=max(days_ahead, 0))
    actions = (
        # A panel's actions: an action from elsewhere (meeting None) is reminded by its app.
        Action.objects.filter(status__in=UNFINISHED, due_date__lte=horizon, meeting__isnull=False)
        .select_related("meeting", "meeting__panel")
        .order_by("due_date", "pk")
    )
    due = []
    for action in actions:
        owner = action_owner(action=action)
        if owner is not None:
            state = OVERDUE if action.due_date < today else DUE_SOON
            due.append(DueAction(action=action, owner=owner, state=state))
    return due


def action_reminders_send(
    *, today: datetime.date, days_ahead: int | None = None, dry_run: bool = False
) -> ActionReminderRun:
    """Queue each reminder due on `today` not sent before, and record it as sent."""
    run = ActionReminderRun(today=today)
    for due in action_reminders_due(today=today, days_ahead=days_ahead):
        if dry_run or _send_once(due):
            run.sent.append(due)
    return run


def _send_once(due: DueAction) -> bool:
    with transaction.atomic():
        if not notification_sent_once(
            key=due.key, kind=NotificationKind.ACTION_DUE, user=due.owner
        ):
            return False
        overdue = due.state == OVERDUE
        told = notify(
            users=[due.owner],
            kind=NotificationKind.ACTION_DUE,
            subject=gettext_lazy("An action of yours is overdue")
            if overdue
            else gettext_lazy("An action of yours is due soon"),
            template="panels/email/action_due.txt",
            context={**action_context(due.action), "overdue": overdue},
        )
    # Recorded even when the owner has turned these off: turning them on later does not
    # bring back a stale reminder.
    return bool(told)
