"""Reminders as the accountability scrutiny's work falls due; run daily.

- A question sent to the force with no answer: its liaisons, once when it is due within
  ACTION_REMINDER_DAYS days and once when it is overdue, while the force may still answer.
- A follow-up on a topic ("a further performance update in six months"): OPCC staff and
  the force's liaisons, once when it is due within FOLLOW_UP_REMINDER_DAYS days.

Each email sent is recorded (core.SentNotification) under the thing, its date and the
state, so the job may run twice, or every day, and sends each reminder once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.notifications import NotificationKind, notification_sent_once, notify, site_url
from core.roles import StaffRole, users_with_role
from core.wording import day, later, said

from . import follow_up_states
from .models import FollowUp, Question
from .notifications import force_liaisons
from .workflow import ANSWERING

DUE_SOON, OVERDUE = "due_soon", "overdue"
# A follow-up is usually a performance update the force has to prepare: a week's notice,
# as actions get, would be too little.
FOLLOW_UP_REMINDER_DAYS = 28


@dataclass
class ReminderRun:
    today: datetime.date
    questions: int = 0
    follow_ups: int = 0


def accountability_reminders_send(*, today: datetime.date) -> ReminderRun:
    run = ReminderRun(today=today)
    for question in _questions_due(today):
        state = OVERDUE if question.due_date < today else DUE_SOON
        run.questions += _remind_question(question, state)
    for follow_up in _follow_ups_due(today):
        run.follow_ups += _remind_follow_up(follow_up)
    return run


def _questions_due(today: datetime.date):
    horizon = today + datetime.timedelta(days=max(settings.ACTION_REMINDER_DAYS, 0))
    return (
        Question.objects.filter(
            sent_at__isnull=False,
            answer__isnull=True,
            due_date__lte=horizon,
            meeting__status__in=ANSWERING,
        )
        .select_related("meeting", "meeting__force")
        .order_by("due_date", "pk")
    )


def _follow_ups_due(today: datetime.date):
    horizon = today + datetime.timedelta(days=FOLLOW_UP_REMINDER_DAYS)
    # A follow-up a later meeting has already heard (met) is owed by nobody.
    return (
        follow_up_states.with_state(
            FollowUp.objects.filter(due_date__gte=today, due_date__lte=horizon)
        )
        .filter(met_on__isnull=True)
        .select_related("topic", "topic__force")
        .order_by("due_date", "pk")
    )


def _once(users, key: str, kind: NotificationKind) -> list:
    """Those of `users` not yet sent the reminder `key`, each recorded as sent now (the
    record's key is unique, so it names the person too: a force may have two liaisons)."""
    return [
        user
        for user in users
        if notification_sent_once(key=f"{key}:user:{user.pk}", kind=kind, user=user)
    ]


def _remind_question(question: Question, state: str) -> int:
    key = f"question:{question.pk}:{question.due_date.isoformat()}:{state}"
    with transaction.atomic():
        kind = NotificationKind.QUESTION_DUE
        users = _once(force_liaisons(question.meeting.force), key, kind)
        told = notify(
            users=users,
            kind=kind,
            subject=later(
                _("Question %(number)s from the Commissioner is overdue")
                if state == OVERDUE
                else _("Question %(number)s from the Commissioner is due soon"),
                number=question.number,
            ),
            template="accountability/email/question_due.txt",
            context={
                "number": question.number,
                "meeting_date": question.meeting.date,
                "due_date": question.due_date,
                "overdue": state == OVERDUE,
                "url": site_url(reverse("accountability:answer", args=[question.pk])),
            },
        )
    return len(told)


def _remind_follow_up(follow_up: FollowUp) -> int:
    key = f"follow-up:{follow_up.pk}:{follow_up.due_date.isoformat()}:due_soon"
    staff = list(users_with_role(StaffRole.OPCC_STAFF).order_by("pk"))
    sent = 0
    for users, url in (
        (staff, reverse("accountability:topic_detail", args=[follow_up.topic_id])),
        # The liaison's list of questions shows the force's follow-ups, under this heading.
        (
            force_liaisons(follow_up.topic.force),
            reverse("accountability:force_questions") + "#follow-ups",
        ),
    ):
        with transaction.atomic():
            told = notify(
                users=_once(users, key, NotificationKind.FOLLOW_UP_DUE),
                kind=NotificationKind.FOLLOW_UP_DUE,
                subject=later(
                    _("A follow-up on “%(topic)s” is due %(date)s"),
                    topic=said(follow_up.topic, "title"),
                    date=day(follow_up.due_date),
                ),
                template="accountability/email/follow_up_due.txt",
                context={
                    "topic": said(follow_up.topic, "title"),
                    "due_date": follow_up.due_date,
                    "url": site_url(url),
                },
            )
        sent += len(told)
    return sent
