"""Sending email after the response, on one background thread.

A password reset for a known address sends a mail and one for an unknown address does
not; if the request waited for the mail server, the response time would tell the two
apart. `send_later` hands the message, already rendered, to a single worker thread
once the current transaction commits, so a rolled-back request sends nothing and the
worker never touches the database. `wait` lets tests and shutdown hooks drain it.

No task queue: a lost message (the process stopping mid-send) means someone asks for
another reset link, which the page already tells them they may.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

logger = logging.getLogger(__name__)

# Tests' in-memory outbox: nothing to wait for, and tests read mail.outbox as soon as
# a request returns, inside a transaction that never commits.
_IN_PROCESS_BACKENDS = {"django.core.mail.backends.locmem.EmailBackend"}

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mail")
_pending: set[Future] = set()
_lock = threading.Lock()


def send_later(message: EmailMessage) -> None:
    """Send `message` outside the request, after the transaction commits."""
    if settings.EMAIL_BACKEND in _IN_PROCESS_BACKENDS:
        message.send()
        return
    transaction.on_commit(lambda: _submit(message), robust=True)


def wait(timeout: float | None = 10) -> None:
    """Block until every message handed over so far has been sent (or has failed)."""
    with _lock:
        pending = list(_pending)
    wait_for(pending, timeout=timeout)


def _submit(message: EmailMessage) -> None:
    future = _executor.submit(_send, message)
    with _lock:
        _pending.add(future)
    future.add_done_callback(_forget)


def _forget(future: Future) -> None:
    with _lock:
        _pending.discard(future)


def _send(message: EmailMessage) -> None:
    try:
        message.send()
    except Exception:
        # The request has long returned; the log is the only place left to say so.
        logger.exception("An email could not be sent (subject %r)", message.subject)
