"""Invitation links: a signed token that lets a new account choose its first password.

Like Django's password-reset token (it is one, with its own salt), the token is a hash
of the account's password and last sign-in, so it stops working as soon as a password
is set, and sending a new invitation (which sets a fresh unusable password) kills the
old link. It lasts `INVITATION_DAYS` (default 7) rather than the reset timeout, since
an invitation may sit in an inbox for a few days.
"""

import datetime

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

DEFAULT_DAYS = 7


def invitation_days() -> int:
    return int(getattr(settings, "INVITATION_DAYS", DEFAULT_DAYS))


def invitation_lifetime() -> datetime.timedelta:
    return datetime.timedelta(days=invitation_days())


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "core.invitations.InvitationTokenGenerator"

    def check_token(self, user, token) -> bool:
        """As Django's, with the invitation's lifetime instead of the reset timeout."""
        if not (user and token) or not isinstance(token, str):
            return False
        try:
            ts_b36, _ = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        matches = any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )
        if not matches:
            return False
        return self._num_seconds(self._now()) - ts <= invitation_lifetime().total_seconds()


invitation_tokens = InvitationTokenGenerator()
