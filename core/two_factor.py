"""Two-factor authentication: an authenticator app (django-otp TOTP) and ten single-use
recovery codes (django-otp static tokens).

OPCC staff, data admins and anyone with admin access must use it when REQUIRE_2FA is
on; any member may choose to. `TwoFactorMiddleware` sends a signed-in person who must
use it to set it up (no app yet) or to enter a code (app set up, this session not yet
checked) before any page other than those in `OPEN_URL_NAMES`.
"""

from __future__ import annotations

import enum
from base64 import b32encode
from dataclasses import dataclass

import segno
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .audit import AuditEvent, record
from .roles import is_data_admin, is_opcc_staff

RECOVERY_CODE_COUNT = 10
CODE_ACCEPTED = "Two-factor code accepted"
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"

# Pages anyone signed in may reach before two-factor: signing in and out, password
# reset, the two-factor pages themselves and the public site.
OPEN_URL_NAMES = frozenset(
    {
        "login",
        "logout",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
        "accessibility",
        "privacy",
        "cookies",
    }
)
OPEN_NAMESPACES = frozenset({"two_factor", "public"})
OPEN_PATH_PREFIXES = ("/.well-known/",)


# Who must, and where they stand -------------------------------------------------------


def two_factor_required(user) -> bool:
    """OPCC staff, data admins (superusers included) and admin-site users."""
    return user.is_staff or is_data_admin(user) or is_opcc_staff(user)


def app_device(user, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def is_verified(user) -> bool:
    """Whether this session has passed two-factor (set by django_otp.login)."""
    return getattr(user, "otp_device", None) is not None


def next_step(request) -> str | None:
    """The two-factor page this request must go to first, or None."""
    user = request.user
    if not settings.REQUIRE_2FA or not user.is_authenticated or is_verified(user):
        return None
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return "two_factor:verify"
    if two_factor_required(user):
        return "two_factor:setup"
    return None


def step_url(step: str, next_url: str) -> str:
    return f"{reverse(step)}?{urlencode({'next': next_url})}"


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Cheapest first: nothing to do when it is off or for visitors not signed in.
        if (
            settings.REQUIRE_2FA
            and request.user.is_authenticated
            and not self._is_open(request.path_info)
        ):
            step = next_step(request)
            if step is not None:
                return redirect(step_url(step, request.get_full_path()))
        return self.get_response(request)

    @staticmethod
    def _is_open(path: str) -> bool:
        if path.startswith((settings.STATIC_URL, *OPEN_PATH_PREFIXES)):
            return True
        try:
            match = resolve(path)
        except Resolver404:
            return True  # a 404 shows nothing
        if match.namespaces:
            return bool(OPEN_NAMESPACES.intersection(match.namespaces))
        return match.url_name in OPEN_URL_NAMES


# Setting up -----------------------------------------------------------------------------


def app_setup_start(*, user) -> TOTPDevice:
    """The app waiting to be confirmed: the same secret until it is, so a reload of the
    set-up page does not invalidate a QR code already scanned."""
    device = app_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it typed in: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (presentation attributes only, so
    a Content-Security-Policy without unsafe-inline allows it)."""
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=4, dark="#0b0c0c", light="#ffffff", title=_("QR code"))
    label = escape(_("QR code to scan with your authenticator app"))
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)


@transaction.atomic
def app_setup_confirm(*, request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows; returns new recovery codes, or None when
    the code is wrong. The session counts as verified from here."""
    if not device.verify_token(code):
        record(AuditEvent.SECURITY, request.user, request=request, summary=_SETUP_REFUSED)
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    codes = _recovery_codes_replace(user=request.user)
    _passed(request, device)
    record(AuditEvent.SECURITY, request.user, request=request, summary=_SET_UP)
    return codes


@transaction.atomic
def recovery_codes_issue(*, request) -> list[str]:
    """New recovery codes for a verified session; the old ones stop working."""
    codes = _recovery_codes_replace(user=request.user)
    record(AuditEvent.SECURITY, request.user, request=request, summary=_NEW_CODES)
    return codes


def _recovery_codes_replace(*, user) -> list[str]:
    # The device is kept, only its codes replaced: a session verified with a recovery
    # code stays verified (django-otp checks the device still exists).
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def _passed(request, device) -> None:
    """Mark the session as through two-factor, under a new session key, so a key seen
    before the second factor is worth nothing after it."""
    otp_login(request, device)
    request.session.cycle_key()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# Checking a code after the password -----------------------------------------------------


class Outcome(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    REUSED = "reused"
    TOO_MANY = "too_many"


@dataclass(frozen=True)
class Verification:
    outcome: Outcome
    recovery_codes_left: int | None = None


@transaction.atomic
def app_code_verify(*, request, code: str) -> Verification:
    """Check a code from the app. A code already accepted (or older) is refused even
    inside its 30 seconds: django-otp keeps the last accepted time step (`last_t`)."""
    device = (
        TOTPDevice.objects.select_for_update().filter(user=request.user, confirmed=True).first()
    )
    if device is None:
        return Verification(Outcome.WRONG)
    if not device.verify_is_allowed()[0]:
        return _refused(request, Outcome.TOO_MANY, "too many wrong codes, try later")
    if device.verify_token(code):
        _passed(request, device)
        record(AuditEvent.SECURITY, request.user, request=request, summary=CODE_ACCEPTED)
        return Verification(Outcome.ACCEPTED)
    if _matches_spent_step(device, code):
        return _refused(request, Outcome.REUSED, "already used")
    return _refused(request, Outcome.WRONG, "wrong code")


@transaction.atomic
def recovery_code_verify(*, request, code: str) -> Verification:
    """Check a recovery code; it is used up as it is accepted."""
    device = (
        StaticDevice.objects.select_for_update().filter(user=request.user, confirmed=True).first()
    )
    if device is None or not device.verify_is_allowed()[0]:
        return _refused(request, Outcome.TOO_MANY, "recovery code, too many tries")
    if not device.verify_token(code):
        return _refused(request, Outcome.WRONG, "recovery code not recognised")
    _passed(request, device)
    left = device.token_set.count()
    record(
        AuditEvent.SECURITY,
        request.user,
        request=request,
        summary=f"Recovery code used to sign in ({left} left)",
    )
    return Verification(Outcome.ACCEPTED, recovery_codes_left=left)


def _matches_spent_step(device: TOTPDevice, code: str) -> bool:
    """Whether `code` is right for a time step at or before the last one accepted."""
    try:
        token = int(code)
    except ValueError:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    for offset in range(-device.tolerance, device.tolerance + 1):
        totp.drift = device.drift + offset
        if totp.t() <= device.last_t and totp.token() == token:
            return True
    return False


def _refused(request, outcome: Outcome, why: str) -> Verification:
    summary = f"Two-factor code refused: {why}"
    record(AuditEvent.SECURITY, request.user, request=request, summary=summary)
    return Verification(outcome)


_SET_UP = "Two-factor authentication set up (authenticator app and recovery codes)"
_SETUP_REFUSED = "Two-factor set-up refused: wrong code"
_NEW_CODES = "New recovery codes issued; the old ones no longer work"
