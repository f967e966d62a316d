"""Signing in and out: the lockout backend, the audit entries, and idle sign-out.

Receivers here are connected in `CoreConfig.ready`. The audit entries name the account
and the address; never the password, the session key or a one-time code (Django has
already masked the password in `credentials`).
"""

from __future__ import annotations

import time

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, get_user_model, logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import ngettext

from .audit import AuditEvent, record

# When this session last made a request (seconds since the epoch).
LAST_SEEN = "_last_seen"


def _refresh_seconds(idle_seconds: int) -> int:
    """How stale LAST_SEEN may be before it is written again: at most one session write
    every 30 seconds, and a quarter of the idle limit when that is shorter."""
    return max(1, min(30, idle_seconds // 4))


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, which needs the request to know the address.

    Every sign-in form in the service passes the request. Only code that calls
    `authenticate()` without one (Django's test client `login()`, a shell) skips the
    check; the next backends still check the password.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler, except that signing in clears only the failures
    of the person who signed in, from their address.

    axes' own reset deletes every attempt matching any lockout parameter, and one of
    ours is the address alone: a colleague signing in from the same address would wipe
    the failures of everyone guessing from it, so twelve guesses at one account with a
    sign-in between would lock nothing.
    """

    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        if not username:
            return 0
        deleted, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return deleted


def axes_username(request, credentials) -> str | None:
    """The username axes counts failures against, cut to what its table holds (255)
    and what any account can have (150): a longer one names no account."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username")
    return None if username is None else str(username)[:150]


UNKNOWN_USERNAME = "(a username no account has)"


def signed_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())
    record(AuditEvent.SIGNED_IN, user, request=request, actor=user, summary="Signed in")


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    attempted = str(credentials.get("username") or "")
    model = get_user_model()
    account = model._default_manager.filter(**{model.USERNAME_FIELD: attempted}).first()
    if getattr(request, "axes_locked_out", False):
        event, summary = AuditEvent.LOCKED_OUT, "Sign-in refused: too many failed attempts"
    else:
        event, summary = AuditEvent.SIGN_IN_FAILED, "Wrong username or password"
    # What was typed is kept only when it names an account: people type their password
    # into the username box, and every data admin reads the trail.
    shown = attempted[:150] if account is not None else UNKNOWN_USERNAME
    if account is None:
        summary = f"{summary} (no account has this username)"
    record(event, account, request=request, object_repr=shown, summary=summary)


def signed_out(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    idle = getattr(request, "signed_out_idle", False)
    summary = "Signed out after a time without activity" if idle else "Signed out"
    record(AuditEvent.SIGNED_OUT, user, request=request, actor=user, summary=summary)


class IdleSessionMiddleware:
    """Signs a session out after SESSION_IDLE_MINUTES without a request.

    The last request's time is kept in the session and written again only once it is
    `_refresh_seconds` old, so pages do not each pay for a session write. The recorded
    time can therefore be up to that much earlier than the last request, and the limit
    allows for it: a session in use is never signed out, and an idle one is signed out
    after the idle limit and at most that many seconds more.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if SESSION_KEY in request.session:
            now = int(time.time())
            seen = request.session.get(LAST_SEEN)
            idle = settings.SESSION_IDLE_MINUTES * 60
            refresh = _refresh_seconds(idle)
            if seen is not None and now - seen > idle + refresh:
                return self._sign_out(request)
            if seen is None or now - seen >= refresh:
                request.session[LAST_SEEN] = now
        return self.get_response(request)

    @staticmethod
    def _sign_out(request):
        request.signed_out_idle = True
        logout(request)
        minutes = settings.SESSION_IDLE_MINUTES
        text = ngettext(
            "You were signed out because you had not used the service for %(minutes)s "
            "minute. Sign in again to carry on.",
            "You were signed out because you had not used the service for %(minutes)s "
            "minutes. Sign in again to carry on.",
            minutes,
        )
        messages.info(request, text % {"minutes": minutes})
        return redirect_to_login(request.get_full_path())
