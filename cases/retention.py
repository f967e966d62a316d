"""Retention for the cases app: uploaded extract files and cases never sampled.

`manage.py purge_expired` (reports/retention.py) calls these inside one transaction per
kind of data and writes the audit entries; nothing here writes to the audit trail.

- An uploaded file is normally deleted as soon as its batch is committed, rejected or
  abandoned; one left behind (a crash between the commit and the unlink) goes
  RETENTION_EXTRACT_FILE_DAYS after the batch finished. The batch row stays: it holds
  counts and who did what, never the file's contents.
- A case that never left the pool (never on any meeting's agenda, so never sampled,
  rated or decided) is erased RETENTION_UNSAMPLED_CASE_DAYS after the later of its
  outcome date and its import, with its documents (rows and files). Sampled cases stay
  with the decisions and reports that rest on them.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from auditlog.context import disable_auditlog
from django.conf import settings
from django.db import models, transaction

from .documents import storage as document_storage
from .enums import BatchStatus, CaseStatus
from .imports import storage
from .models import Case, CaseDocument, ExtractBatch, Force

FINISHED_BATCH_STATUSES = (BatchStatus.COMMITTED, BatchStatus.REJECTED, BatchStatus.ABANDONED)
# Statuses a case only reaches by being put on an agenda.
_SAMPLED_STATUSES = (CaseStatus.ON_AGENDA, CaseStatus.REVIEWED)
_CHUNK = 500


def extract_file_cutoff(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(days=settings.RETENTION_EXTRACT_FILE_DAYS)


def expired_extract_files(*, now: datetime.datetime) -> models.QuerySet[ExtractBatch]:
    """Finished batches whose private copy of the file is still on disk past retention."""
    return (
        ExtractBatch.objects.filter(
            status__in=FINISHED_BATCH_STATUSES, finished_at__lt=extract_file_cutoff(now)
        )
        .exclude(stored_name="")
        .order_by("pk")
    )


def erase_extract_files(*, batch_ids: Sequence[int]) -> int:
    """Forget the files of these batches; the files go once the transaction commits.

    Run inside the caller's transaction: if it rolls back, the rows still name their
    files and nothing is deleted. A file whose unlink fails after the commit is no
    longer named by any batch, so the daily `abandon_stale_imports` sweep removes it.
    """
    batches = (
        ExtractBatch.objects.select_for_update().filter(pk__in=batch_ids).exclude(stored_name="")
    )
    names = list(batches.values_list("stored_name", flat=True))
    ExtractBatch.objects.filter(pk__in=batch_ids).update(stored_name="")
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return len(names)


def unsampled_case_cutoff(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(days=settings.RETENTION_UNSAMPLED_CASE_DAYS)


def _protecting_relations() -> list[models.ForeignObjectRel]:
    """Rows elsewhere (a meeting's agenda, in panels) that PROTECT a case from deletion.

    Read from the model's relations rather than imported, so this app keeps knowing
    nothing of the apps above it, and a protecting table added later is respected too.
    """
    return [
        rel
        for rel in Case._meta.related_objects
        if getattr(rel, "on_delete", None) in (models.PROTECT, models.RESTRICT)
    ]


def expired_unsampled_cases(*, now: datetime.datetime) -> models.QuerySet[Case]:
    """Cases in the pool or withdrawn from it, never on any agenda, older than retention.

    "Older" counts from the later of the outcome date and the import, so a case a force
    sends late gets its full time in the pool.
    """
    cutoff = unsampled_case_cutoff(now)
    cases = Case.objects.filter(
        status__in=(CaseStatus.IN_POOL, CaseStatus.WITHDRAWN),
        outcome_date__lt=cutoff.date(),
        created_at__lt=cutoff,
    ).exclude(status_history__to_status__in=_SAMPLED_STATUSES)
    for rel in _protecting_relations():
        cases = cases.exclude(**{f"{rel.name}__isnull": False})
    return cases.order_by("pk")


def lock_case_pool() -> None:
    """Hold the forces' rows, as imports and sample draws do, so no case joins an agenda
    or changes while the purge decides which cases go (PostgreSQL; SQLite locks the file)."""
    list(Force.objects.select_for_update().order_by("pk").values_list("pk", flat=True))


def erase_cases(*, case_ids: Sequence[int]) -> int:
    """Delete these cases with their status history, held changes and documents (all
    CASCADE); the documents' files go once the transaction commits, as extract files do.

    django-auditlog's own per-row delete entries are switched off here: they would copy
    the case's fields into the trail. The caller writes one erasure entry instead.
    Anything that PROTECTs a case raises ProtectedError and rolls the whole kind back.
    """
    erased = 0
    with disable_auditlog():
        for start in range(0, len(case_ids), _CHUNK):
            chunk = case_ids[start : start + _CHUNK]
            files = list(
                CaseDocument.objects.filter(case__in=chunk)
                .exclude(stored_name="")
                .values_list("stored_name", flat=True)
            )
            _total, per_model = Case.objects.filter(pk__in=chunk).delete()
            erased += per_model.get(Case._meta.label, 0)
            transaction.on_commit(lambda files=files: [document_storage.delete(n) for n in files])
    return erased
