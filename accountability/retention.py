"""Retention for the accountability app: the evidence files the force sent with its answers
to the Commissioner's questions.

They go RETENTION_EVIDENCE_DAYS after the scrutiny meeting was last closed (a record
reopened to correct the notes starts the clock again when it closes again). Only the files
go: the force's written answers, OPCC staff's summaries of the evidence, the Commissioner's
decisions and the evidence rows (title, size, who sent it and when) stay, because the
published notes rest on them and name the decisions. An erased file's row keeps an empty
`stored_name`; pages say it was erased and its download is a 404.

`manage.py purge_expired` (reports/retention.py) calls these inside one transaction and
writes the audit entries.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.db import models, transaction
from django.db.models import Max, Q

from cases.documents import storage as document_storage

from .enums import ScrutinyMeetingStatus
from .models import EvidenceDocument, ScrutinyMeeting


def evidence_cutoff(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(days=settings.RETENTION_EVIDENCE_DAYS)


def expired_meetings(*, now: datetime.datetime) -> models.QuerySet[ScrutinyMeeting]:
    """Scrutiny meetings closed before the cutoff (by their status history)."""
    closed = ScrutinyMeetingStatus.CLOSED
    return (
        ScrutinyMeeting.objects.filter(status=closed)
        .annotate(
            closed_at=Max("status_history__changed_at", filter=Q(status_history__to_status=closed))
        )
        .filter(closed_at__lt=evidence_cutoff(now))
        .order_by("pk")
    )


def expired_answer_evidence(*, now: datetime.datetime) -> models.QuerySet[EvidenceDocument]:
    """Evidence files still kept whose meeting closed before the cutoff."""
    meetings = expired_meetings(now=now).values("pk")
    return (
        EvidenceDocument.objects.filter(answer__question__meeting__in=meetings)
        .exclude(stored_name="")
        .order_by("pk")
    )


def erase_answer_evidence(*, document_ids: Sequence[int]) -> int:
    """Forget these evidence files (the rows stay, with an empty `stored_name`); the files
    go from storage, here and in shared storage, once the transaction commits, so a
    rolled-back purge deletes nothing."""
    rows = EvidenceDocument.objects.select_for_update().filter(pk__in=document_ids).order_by("pk")
    names = list(rows.exclude(stored_name="").values_list("stored_name", flat=True))
    EvidenceDocument.objects.filter(pk__in=document_ids).update(stored_name="")
    transaction.on_commit(lambda: [document_storage.delete(name) for name in names])
    return len(names)
