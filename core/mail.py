"""Sending email from the task queue, never inside the request.

A password reset for a known address sends a mail and one for an unknown address does
not; if the request waited for the mail server, the response time would tell the two
apart. `send_later` puts the message, already rendered, on the queue in the database
(`send_email`) in the request's own transaction: a rolled-back request sends
nothing, and a message waits on the queue, not in a process's memory, until a worker
has sent it, so a restart loses none.
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# Tests' in-memory outbox: tests read mail.outbox as soon as a request returns.
_IN_PROCESS_BACKENDS = {"django.core.mail.backends.locmem.EmailBackend"}


def send_later(message: EmailMessage) -> None:
    """Send `message` from a worker, once the current transaction commits."""
    if settings.EMAIL_BACKEND in _IN_PROCESS_BACKENDS:
        message.send()
        return
    send_email.enqueue(**as_data(message))


@task(takes_context=True)
def send_email(context, **message) -> None:
    """Sends the message, then blanks it on the queue's record: a reset or invitation
    link must not wait in the database (or its backups) after it has been sent. A failed
    send is blanked too, its error kept; whoever asked may ask again."""
    try:
        from_data(**message).send()
    finally:
        DBTaskResult.objects.filter(id=context.task_result.id).update(
            args_kwargs={"args": [], "kwargs": {}}
        )


# An email about waiting work is tried this many times, the later tries this long after
# the one before: a mail server down for a quarter of an hour loses none.
NOTIFICATION_RETRY_DELAYS = (datetime.timedelta(minutes=1), datetime.timedelta(minutes=15))


def notify_later(message: EmailMessage) -> None:
    """Put an email about waiting work on the queue, to be sent (and if need be tried
    again) by a worker. Called once the transaction that made the work has committed."""
    send_notification.enqueue(attempt=1, **as_data(message))


@task()
def send_notification(*, attempt: int, **message) -> None:
    """Sends an email about waiting work; if the mail server refuses or cannot be
    reached, puts it back on the queue to try again later, and after the last try fails
    with the error on the queue's record. These emails hold no link that signs anyone
    in and no case detail, so they may wait on the queue until sent."""
    try:
        from_data(**message).send()
    except (smtplib.SMTPException, OSError):
        if attempt > len(NOTIFICATION_RETRY_DELAYS):
            raise
        logger.warning("Could not send an email (try %s); it will be tried again", attempt)
        _retry(attempt=attempt + 1, message=message)


def _retry(*, attempt: int, message: dict) -> None:
    retry = send_notification
    if retry.get_backend().supports_defer:
        run_after = timezone.now() + NOTIFICATION_RETRY_DELAYS[attempt - 2]
        retry = retry.using(run_after=run_after)
    retry.enqueue(attempt=attempt, **message)


def as_data(message: EmailMessage) -> dict:
    """The message as plain data a task can carry (text parts only: we attach no files)."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def from_data(*, subject, body, from_email, to, alternatives) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    return message
