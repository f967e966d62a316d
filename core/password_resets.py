"""Password resets: the request does the same work whoever the address belongs to, and a
worker looks the address up and sends the mail.

If the request looked the address up and sent a mail only for a known one, its timing
would tell known addresses from unknown ones. So the request only counts the address's
recent requests and, within the limit, puts the same task on the queue for any address;
the task (`password_reset_send`) finds the accounts and sends each its link, in the
language the account's owner chose (English if they never chose). A link is made by the
worker as it sends, so none waits on the queue.

Limits (`PASSWORD_RESET_MAX_PER_HOUR`, 3): requests for one address in the last hour,
counted by the request, and mails to one account in the last hour, counted by the task.
A request over the limit gets the same page and sends nothing. The counts are rows of a
table in the database, shared by every app server and worker.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import loader
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from .language import in_language_of
from .models import PasswordResetRequest

WINDOW = datetime.timedelta(hours=1)
SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"
EMAIL_TEMPLATE = "registration/password_reset_email.html"


def _address_key(email: str) -> str:
    digest = salted_hmac("core.password_resets", email.strip().lower()).hexdigest()
    return f"address:{digest[:64]}"


def _within_limit(key: str) -> bool:
    """Record one request under `key`; whether it is within the hourly limit. The row
    goes in before the count, so two servers counting at once cannot both go over."""
    now = timezone.now()
    with transaction.atomic():
        PasswordResetRequest.objects.filter(requested_at__lt=now - WINDOW).delete()
        PasswordResetRequest.objects.create(key=key, requested_at=now)
        recent = PasswordResetRequest.objects.filter(key=key, requested_at__gte=now - WINDOW)
        return recent.count() <= settings.PASSWORD_RESET_MAX_PER_HOUR


def password_reset_request(*, email: str, domain: str, site_name: str, use_https: bool) -> None:
    """What the reset page does with an address: the same for every address."""
    if _within_limit(_address_key(email)):
        password_reset_send.enqueue(
            email=email, domain=domain, site_name=site_name, use_https=use_https
        )


@task(takes_context=True)
def password_reset_send(context, *, email: str, domain: str, site_name: str, use_https: bool):
    """Sends a reset link to each active account with this address and a usable
    password, within the account's hourly limit; then blanks the address on the queue's
    record, as `core.mail.send_email` does."""
    from django_tasks_db.models import DBTaskResult

    try:
        for user in DjangoPasswordResetForm().get_users(email):
            if _within_limit(f"account:{user.pk}"):
                _message(user, domain=domain, site_name=site_name, use_https=use_https).send()
    finally:
        DBTaskResult.objects.filter(id=context.task_result.id).update(
            args_kwargs={"args": [], "kwargs": {}}
        )


def _message(user, *, domain: str, site_name: str, use_https: bool) -> EmailMultiAlternatives:
    """The mail Django's own reset form sends, with the same templates and context, in
    the language `user` chose."""
    context = {
        "email": getattr(user, user.get_email_field_name()),
        "domain": domain,
        "site_name": site_name,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
    }
    with in_language_of(user):
        subject = "".join(loader.render_to_string(SUBJECT_TEMPLATE, context).splitlines())
        body = loader.render_to_string(EMAIL_TEMPLATE, context)
    return EmailMultiAlternatives(subject, body, None, [context["email"]])
