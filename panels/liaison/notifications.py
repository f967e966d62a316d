"""Emails about the force's work (core.notifications sends them): OPCC staff when a
response arrives; the force's liaisons when a response is returned or its approval
withdrawn, and as an action addressed to it falls due without a response (the action's
arrival is told by panels.meetings.notifications). Emails name the force, the panel and
dates only: no case detail."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.notifications import NotificationKind, notification_sent_once, notify, site_url
from core.roles import StaffRole, users_with_role
from core.wording import later

from ..enums import ResponseState
from ..meetings.notifications import UNFINISHED, force_action_context
from ..models import Action, ActionResponse
from ..models.liaisons import liaison_users

DUE_SOON, OVERDUE = "due_soon", "overdue"


def response_arrived_notify(*, response: ActionResponse) -> list:
    """Tell OPCC staff a force's response waits for their review."""
    action = response.action
    meeting = action.meeting
    return notify(
        users=users_with_role(StaffRole.OPCC_STAFF),
        kind=NotificationKind.RESPONSE_WAITING,
        subject=later(_("%(force)s has responded to an action"), force=action.force.name),
        template="panels/email/response_arrived.txt",
        context={
            "force_name": action.force.name,
            "panel_name": meeting.panel.name if meeting else "",
            "url": site_url(reverse("panels:response_review", args=[response.pk])),
        },
    )


def response_returned_notify(
    *, response: ActionResponse, withdrawn: bool = False, superseded: bool = False
) -> list:
    """Tell the force's active liaisons that its response is returned (or its approval
    withdrawn), so the action waits for a new answer; or, for the withdrawn approval of
    a response a later approved one had `superseded`, that the later one stands. The
    email names the action's panel and due date and links to it; the reason is on the
    page, not in the email. Sent as "an action is given to you": the action is the
    force's to answer again (or, superseded, theirs to add to if they have more)."""
    action = response.action
    force = action.force
    subject = later(
        _("The approval of %(force)s's response to an action is withdrawn")
        if withdrawn
        else _("%(force)s's response to an action is returned: answer again"),
        force=force.name,
    )
    return notify(
        users=liaison_users(action.force_id),
        kind=NotificationKind.ACTION_ASSIGNED,
        subject=subject,
        template="panels/email/response_returned.txt",
        context={
            **force_action_context(action),
            "sent_on": response.submitted_at,
            "withdrawn": withdrawn,
            "superseded": superseded,
        },
    )


@dataclass(frozen=True)
class DueForceAction:
    action: Action
    state: str

    @property
    def key(self) -> str:
        return f"force-action:{self.action.pk}:{self.action.due_date.isoformat()}:{self.state}"


def force_action_reminders_due(
    *, today: datetime.date, days_ahead: int | None = None
) -> list[DueForceAction]:
    """Unfinished actions addressed to a force, due by `today` + `days_ahead`, that the
    force has not answered (a returned response needs answering again)."""
    if days_ahead is None:
        days_ahead = settings.ACTION_REMINDER_DAYS
    horizon = today + datetime.timedelta(days=max(days_ahead, 0))
    answered = ActionResponse.objects.exclude(state=ResponseState.RETURNED).values("action_id")
    actions = (
        Action.objects.filter(force__isnull=False, status__in=UNFINISHED, due_date__lte=horizon)
        .exclude(pk__in=answered)
        .select_related("force", "meeting", "meeting__panel")
        .order_by("due_date", "pk")
    )
    return [
        DueForceAction(action=a, state=OVERDUE if a.due_date < today else DUE_SOON) for a in actions
    ]


def force_action_reminders_send(*, today: datetime.date, dry_run: bool = False) -> list:
    """Email each force's liaisons once per reminder due on `today`; returns those sent."""
    sent = []
    for due in force_action_reminders_due(today=today):
        if dry_run or _send_once(due):
            sent.append(due)
    return sent


def _send_once(due: DueForceAction) -> bool:
    told = []
    with transaction.atomic():
        for user in liaison_users(due.action.force_id):
            key = f"{due.key}:{user.pk}"  # a key is sent once in all, so one per liaison
            if not notification_sent_once(key=key, kind=NotificationKind.ACTION_DUE, user=user):
                continue
            overdue = due.state == OVERDUE
            told += notify(
                users=[user],
                kind=NotificationKind.ACTION_DUE,
                subject=later(
                    _("An action for %(force)s is overdue")
                    if overdue
                    else _("An action for %(force)s is due soon"),
                    force=due.action.force.name,
                ),
                template="panels/email/force_action_due.txt",
                context={**force_action_context(due.action), "overdue": overdue},
            )
    return bool(told)
