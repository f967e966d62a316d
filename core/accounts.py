"""A person's own account: changing the email address a password reset goes to.

Whoever holds the address can reset the password, so a change needs the current
password and then a link sent to the old address: someone who has a session but not
the password, or the password but not the mailbox, cannot move the account to an
address of their own. The link is signed (django.core.signing), names the account,
the old address and the new, and lasts `EMAIL_CHANGE_HOURS`; once the address has
changed the old one no longer matches, so the link works once. The new address gets a
notice too. Every step is in the audit trail. Each email is in the language the
account's owner chose (English if they never chose), whichever page caused it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import mail
from .audit import AuditEvent, record
from .language import in_language_of
from .wording import later

EMAIL_CHANGE_HOURS = 24
_SALT = "core.accounts.email-change"

LINK_EXPIRED = (
    f"This link has expired: links to confirm a new email address last {EMAIL_CHANGE_HOURS} "
    "hours. Ask for a new one from your account page."
)
LINK_NOT_VALID = (
    "This link is not valid. Check you copied the whole link from the email, or ask for a "
    "new one from your account page."
)
LINK_USED = (
    "This link has already been used, or your email address has changed since it was sent. "
    "Your account page shows your address now."
)
LINK_OTHER_ACCOUNT = (
    "This link is for a different account. Sign out, then sign in as the person it was sent to."
)


class EmailLinkRefused(Exception):
    """A confirmation link that cannot be used, with the reason in words and the status
    its page answers with (403 for someone else's link, 400 for a bad or stale one)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def _context(user, **extra) -> dict:
    return {
        "first_name": user.first_name.strip(),
        "username": user.get_username(),
        "service_name": settings.SERVICE_NAME,
        "account_link": settings.SITE_URL + reverse("account"),
        "hours": EMAIL_CHANGE_HOURS,
        **extra,
    }


def _send(user, template: str, subject, context: dict, to: str) -> None:
    """Email `to` about `user`'s account, subject (lazy wording) and body in the
    language `user` chose."""
    with in_language_of(user):
        body = render_to_string(f"account/email/{template}.txt", context)
        message = EmailMessage(str(subject), body, settings.DEFAULT_FROM_EMAIL, [to])
    mail.send_later(message)


def _check_new_email(user, new_email: str) -> str:
    new_email = new_email.strip()
    try:
        validate_email(new_email)
    except ValidationError:
        raise ValidationError(
            {"email": _("Enter an email address in the correct format, like name@example.org")}
        ) from None
    if new_email.lower() == (user.email or "").lower():
        raise ValidationError({"email": _("This is already your email address")})
    taken = get_user_model().objects.filter(email__iexact=new_email).exclude(pk=user.pk)
    if taken.exists():
        raise ValidationError({"email": _("Another account already uses this email address")})
    return new_email


def email_change_request(*, user, new_email: str, password: str, request=None) -> None:
    """Check the password and the new address, then send the confirmation link to the
    old address and a notice to the new one. Nothing changes until the link is followed."""
    if not user.email:
        raise ValidationError(
            _(
                "Your account has no email address to send a confirmation link to. "
                "Ask a superuser to add one."
            )
        )
    if not password or not user.check_password(password):
        record(
            AuditEvent.REFUSED,
            user,
            request=request,
            summary="Email change refused: wrong password",
        )
        wrong = _("Your current password is not right")
        raise ValidationError({"password": wrong})
    new_email = _check_new_email(user, new_email)
    token = email_change_token(user=user, new_email=new_email)
    link = settings.SITE_URL + reverse("account_email_confirm", args=[token])
    context = _context(user, link=link, old_email=user.email, new_email=new_email)
    service = settings.SERVICE_NAME
    subject = later(gettext_lazy("Confirm your new email address for %(service)s"), service=service)
    _send(user, "confirm_change", subject, context, user.email)
    subject = later(gettext_lazy("Your email address for %(service)s"), service=service)
    _send(user, "change_asked", subject, context, new_email)
    record(
        AuditEvent.SECURITY,
        user,
        request=request,
        summary="Email change asked for: link sent to the old address",
        data={"to": new_email},
    )


def email_change_token(*, user, new_email: str) -> str:
    """The signed link token: this account, its address now, and the new one."""
    return signing.dumps({"user": user.pk, "old": user.email, "new": new_email}, salt=_SALT)


def email_change_pending(*, user, token: str) -> str:
    """The new address a link would set for `user`; EmailLinkRefused if it cannot be used."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=EMAIL_CHANGE_HOURS * 3600)
    except signing.SignatureExpired:
        raise EmailLinkRefused(LINK_EXPIRED) from None
    except signing.BadSignature:
        raise EmailLinkRefused(LINK_NOT_VALID) from None
    if not isinstance(payload, dict) or not {"user", "old", "new"} <= payload.keys():
        raise EmailLinkRefused(LINK_NOT_VALID)
    if payload["user"] != user.pk:
        raise EmailLinkRefused(LINK_OTHER_ACCOUNT, status=403)
    if (user.email or "").lower() != str(payload["old"]).lower():
        raise EmailLinkRefused(LINK_USED)
    return payload["new"]


def email_change_confirm(*, user, token: str, request=None) -> str:
    """Set the address the link names, if it still can be; returns it."""
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        new_email = email_change_pending(user=user, token=token)
        try:
            new_email = _check_new_email(user, new_email)
        except ValidationError as error:
            raise EmailLinkRefused(error.messages[0]) from None
        old_email = user.email
        user.email = new_email
        user.full_clean(validate_unique=False)
        user.save(update_fields=["email"])
        record(
            AuditEvent.SECURITY,
            user,
            request=request,
            actor=user,
            summary="Email address changed by its owner, confirmed from the old address",
            data={"from": old_email, "to": new_email},
        )
    return new_email


def email_changed_by_admin(*, person, old_email: str, request=None) -> None:
    """A superuser changed someone's address in the admin: audited, and the old address
    told, so a takeover does not go unnoticed."""
    record(
        AuditEvent.SECURITY,
        person,
        request=request,
        summary="Email address changed in the admin",
        data={"from": old_email, "to": person.email},
    )
    if old_email:
        context = _context(person, new_email=person.email)
        subject = later(
            gettext_lazy("Your email address for %(service)s was changed"),
            service=settings.SERVICE_NAME,
        )
        _send(person, "changed_by_admin", subject, context, old_email)
