"""Emails that tell people about work waiting for them, and each person's choice of
which kinds they get.

The apps decide who is told about what (a meeting open for rating, a report to approve,
an action falling due); this module leaves out whoever has turned that kind off, has no
email address or cannot sign in, renders one plain-text email each, and puts them on the
task queue once the transaction that made the work commits (core.mail.notify_later), so
a rolled-back change tells no one. Each email links to the work at `SITE_URL` and says
where to choose which emails to get. It never holds case detail: no case references,
facts or ratings; the templates are given only names of panels and reports, dates and
counts.

Each email, subject and body, is in its recipient's language (core.LanguagePreference;
English for someone who never chose), whatever the language of the page or worker that
caused it: callers pass the subject as lazy wording (core.wording.later, gettext_lazy)
and it is turned into words, as the body is rendered, under each recipient's language.

Security emails (password resets, invitations, email-change confirmations) do not come
through here and cannot be turned off.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .mail import notify_later
from .models import NotificationKind, NotificationPreference, SentNotification
from .organisation import service_name

__all__ = [
    "NotificationKind",
    "notification_preferences",
    "notification_preferences_save",
    "notification_sent_once",
    "notify",
    "site_url",
]


def site_url(path: str) -> str:
    """An absolute address for a link in an email, sent outside any request."""
    return settings.SITE_URL + path


def notification_preferences(*, user) -> dict[str, bool]:
    """Each kind of email and whether `user` gets it (yes, unless they turned it off)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "enabled"))
    return {kind: chosen.get(kind, True) for kind in NotificationKind.values}


def notification_preferences_save(*, user, enabled: Iterable[str]) -> dict[str, bool]:
    """Keep which kinds of email `user` gets: those in `enabled`, and none of the rest."""
    enabled = set(enabled)
    unknown = enabled - set(NotificationKind.values)
    if unknown:
        raise ValidationError({"kinds": _("Select only the emails listed")})
    with transaction.atomic():
        for kind in NotificationKind.values:
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"enabled": kind in enabled}
            )
    return {kind: kind in enabled for kind in NotificationKind.values}


def _recipients(users: Iterable, kind: str) -> list[tuple]:
    """`users` who can be told, each with the language they chose (None if they never
    chose): active, with an address and a password of their own (an invited person's
    invitation already says what to do), and not turned `kind` off. One query."""
    candidates = {}
    for user in users:
        if (
            user.is_active
            and user.email.strip()
            and not (user.password or "").startswith(UNUSABLE_PASSWORD_PREFIX)
        ):
            candidates.setdefault(user.pk, user)
    if not candidates:
        return []
    turned_off = NotificationPreference.objects.filter(
        user=OuterRef("pk"), kind=kind, enabled=False
    )
    languages = dict(
        get_user_model()
        .objects.filter(pk__in=candidates)
        .exclude(Exists(turned_off))
        .values_list("pk", "language_preference__language")
    )
    return [(user, languages[pk]) for pk, user in candidates.items() if pk in languages]


def notify(*, users: Iterable, kind: str, subject, template: str, context: dict) -> list:
    """Email each of `users` who wants this `kind` of email, once the current transaction
    commits, in their own language. `subject` is lazy wording (or a plain str), made a str
    under each recipient's language, as `template` (plain text, given `context`, the
    person's first name and the address of their email settings) is rendered. Returns
    who will be emailed."""
    recipients = _recipients(users, kind)
    for user, language in recipients:
        with translation.override(language or settings.LANGUAGE_CODE):
            body = render_to_string(
                template,
                {
                    **context,
                    "first_name": user.first_name.strip(),
                    "service_name": service_name(),
                    "settings_url": site_url(reverse("notification_settings")),
                },
            )
            message = EmailMessage(
                str(subject), body, settings.DEFAULT_FROM_EMAIL, [user.email.strip()]
            )
        transaction.on_commit(partial(notify_later, message))
    return [user for user, _language in recipients]


def notification_sent_once(*, key: str, kind: str, user) -> bool:
    """Record that the email named by `key` is sent to `user`; False if it already was
    (by this run or an earlier one), and then it must not be sent again."""
    try:
        with transaction.atomic():
            _, created = SentNotification.objects.get_or_create(
                key=key, defaults={"kind": kind, "user": user}
            )
    except IntegrityError:
        # Another run recorded it between our look and our write.
        return False
    return created
