"""Writing to the audit trail.

django-auditlog records what registered models' rows were created, changed and
deleted as they are saved (`AUDITLOG_INCLUDE_TRACKING_MODELS` in settings says
which models and which fields are left out or masked). Everything else goes
through `record`: viewing case papers, exports and downloads, imports and
sample draws at batch level, publication, erasure, sign-ins and refusals.

Never pass passwords, session keys, one-time codes or case narrative text: the
summary and data of an entry are read by every data admin.
"""

from __future__ import annotations

import ipaddress

from auditlog.cid import get_cid
from auditlog.middleware import AuditlogMiddleware
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry, AuditEvent

__all__ = ["AuditEvent", "AuditMiddleware", "client_address", "record"]

_SUMMARY_MAX = 300
_ACTION_OF_EVENT = {
    AuditEvent.CREATED: AuditEntry.Action.CREATE,
    AuditEvent.IMPORTED: AuditEntry.Action.CREATE,
    AuditEvent.DRAWN: AuditEntry.Action.CREATE,
    AuditEvent.CHANGED: AuditEntry.Action.UPDATE,
    AuditEvent.PUBLISHED: AuditEntry.Action.UPDATE,
    AuditEvent.DELETED: AuditEntry.Action.DELETE,
    AuditEvent.ERASED: AuditEntry.Action.DELETE,
}


def client_address(request) -> str | None:
    """The address a request came from.

    X-Forwarded-For is believed only behind the proxies the deployment says it has
    (`BEHIND_TLS_PROXY`, `TRUSTED_PROXY_COUNT`), and then only the entry the nearest
    trusted proxy added, counted from the right: the entries to its left are
    whatever the client sent. Believing the leftmost would let anyone choose the
    address in the trail and dodge the per-address sign-in lockout.
    """
    if request is None:
        return None
    direct = _address(request.META.get("REMOTE_ADDR", ""))
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies < 1:
        return direct
    hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < proxies:
        return direct
    return _address(hops[-proxies]) or direct


def _address(raw: str) -> str | None:
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def _actor_of(request, actor):
    if actor is not None:
        return actor if getattr(actor, "pk", None) else None
    user = getattr(request, "user", None)
    if isinstance(user, get_user_model()) and user.is_authenticated:
        return user
    # Inside a request, AuditMiddleware fills in the signed-in user as the entry is saved.
    return None


def record(
    event: AuditEvent,
    obj: models.Model | None = None,
    *,
    request=None,
    actor=None,
    summary: str = "",
    data: dict | None = None,
    model: type[models.Model] | None = None,
    object_repr: str | None = None,
) -> AuditEntry:
    """Append one entry: `event` done to `obj` (or to something of type `model`,
    such as a username nobody holds) by the request's user or `actor`."""
    if obj is not None:
        content_type = ContentType.objects.get_for_model(obj)
        object_pk = str(obj.pk)
        object_id = obj.pk if isinstance(obj.pk, int) else None
        text = str(obj) if object_repr is None else object_repr
    else:
        content_type = ContentType.objects.get_for_model(model or get_user_model())
        object_pk, object_id = "", None
        text = object_repr or ""
    who = _actor_of(request, actor)
    address = client_address(request)
    return AuditEntry.objects.create(
        event=event,
        action=_ACTION_OF_EVENT.get(event, AuditEntry.Action.ACCESS),
        content_type=content_type,
        object_pk=object_pk,
        object_id=object_id,
        object_repr=text[:_SUMMARY_MAX],
        summary=summary[:_SUMMARY_MAX],
        additional_data=data or None,
        actor=who,
        actor_email=(who.email or None) if who else None,
        remote_addr=address,
        cid=get_cid(),
    )


class AuditMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware (the request's user and address on every
    entry written while it runs), reading the address as `client_address` does."""

    @staticmethod
    def _get_remote_addr(request):
        return client_address(request)

    @staticmethod
    def _get_remote_port(request):
        return None


def track_own_fields_only() -> None:
    """Leave reverse relations out of every tracked model's diff.

    django-auditlog counts a model's reverse relations ("meetings" on a panel, the
    decision on an agenda entry) among its fields, so a new row's entry would list
    them as "Meeting.None" and a reverse one-to-one would cost a query per save.
    Called once the registry is built from `AUDITLOG_INCLUDE_TRACKING_MODELS`.
    """
    from auditlog.registry import auditlog

    for model, options in auditlog._registry.items():
        reverse = [f.name for f in model._meta.get_fields() if f.auto_created and not f.concrete]
        options["exclude_fields"] = sorted({*options["exclude_fields"], *reverse})
