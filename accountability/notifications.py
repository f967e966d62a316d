"""Who is emailed about the accountability scrutiny's waiting work (core.notifications
sends, once the change commits).

- Questions are sent to the force: each active liaison of the force, with the due date.
- The force answers a question: OPCC staff.
- As a question's due date nears with no answer, and as a follow-up nears: see
  accountability/reminders.py.

Emails name the meeting's date, question numbers, topics' titles and dates: no case
detail, and not the text of a question or an answer.

Each has a kind of its own (core.models.NotificationKind), which a person can turn off on
their notification settings: "The Commissioner's questions are sent to your force"
(QUESTIONS_SENT), "A force's response or answer is waiting for review" (RESPONSE_WAITING,
shared with the force's responses to actions), and, for the reminders, "A question to your
force is nearly due or overdue" (QUESTION_DUE) and "A follow-up of the Commissioner's
scrutiny is near" (FOLLOW_UP_DUE).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.notifications import NotificationKind, notify, site_url
from core.roles import StaffRole, users_with_role
from core.wording import day, later
from panels.models import ForceLiaison


def force_liaisons(force) -> list:
    """The active liaisons of `force`: who answers for it."""
    rows = ForceLiaison.objects.filter(force=force, is_active=True).select_related("user")
    return [row.user for row in rows.order_by("pk")]


def questions_sent_notify(*, meeting, questions) -> list:
    due = min(q.due_date for q in questions)
    return notify(
        users=force_liaisons(meeting.force),
        kind=NotificationKind.QUESTIONS_SENT,
        subject=later(
            _("Questions for the force from the Commissioner, due %(date)s"), date=day(due)
        ),
        template="accountability/email/questions_sent.txt",
        context={
            "meeting_date": meeting.date,
            "count": len(questions),
            "due_date": due,
            "url": site_url(reverse("accountability:force_questions")),
        },
    )


def answer_received_notify(*, answer, first: bool) -> list:
    question = answer.question
    return notify(
        users=users_with_role(StaffRole.OPCC_STAFF).order_by("pk"),
        kind=NotificationKind.RESPONSE_WAITING,
        subject=later(
            _("The force has answered question %(number)s for the scrutiny meeting on %(date)s")
            if first
            else _(
                "The force has changed its answer to question %(number)s for the scrutiny "
                "meeting on %(date)s"
            ),
            number=question.number,
            date=day(question.meeting.date),
        ),
        template="accountability/email/answer_received.txt",
        context={
            "meeting_date": question.meeting.date,
            "number": question.number,
            "first": first,
            "url": site_url(reverse("accountability:summary", args=[question.pk])),
        },
    )
