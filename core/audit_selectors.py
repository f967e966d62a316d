"""Reads of the audit trail for its pages: the types of record it holds, and the
entries a set of filters picks. Only data admins reach these (core.audit_views)."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import AuditEntry


def audit_kinds() -> list[tuple[str, str]]:
    """The types of record the trail holds, as (content type id, label), by label."""
    used = AuditEntry.objects.values_list("content_type", flat=True).distinct()
    types = ContentType.objects.filter(pk__in=used)
    return sorted(
        (
            (str(t.pk), str(t.model_class()._meta.verbose_name).capitalize())
            for t in types
            if t.model_class()
        ),
        key=lambda pair: pair[1],
    )


def audit_entries(filters: dict | None) -> QuerySet[AuditEntry]:
    """Newest first; `filters` are a valid filter form's cleaned data, or None for all.

    The days are whole days in the service's time zone: `until` includes its day."""
    entries = AuditEntry.objects.select_related("actor", "content_type")
    if not filters:
        return entries
    if filters.get("event"):
        entries = entries.filter(event=filters["event"])
    if filters.get("user"):
        entries = entries.filter(actor__username=filters["user"].strip())
    if filters.get("kind"):
        entries = entries.filter(content_type_id=filters["kind"])
    if filters.get("object_id"):
        entries = entries.filter(object_pk=filters["object_id"].strip())
    zone = timezone.get_current_timezone()
    if filters.get("since"):
        start = datetime.datetime.combine(filters["since"], datetime.time.min, tzinfo=zone)
        entries = entries.filter(timestamp__gte=start)
    if filters.get("until"):
        end = datetime.datetime.combine(
            filters["until"] + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        entries = entries.filter(timestamp__lt=end)
    return entries


def audit_entry_get(pk: int) -> AuditEntry:
    """One entry, or 404."""
    return get_object_or_404(AuditEntry.objects.select_related("actor", "content_type"), pk=pk)
