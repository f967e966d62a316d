"""What `manage.py purge_expired` erases, kind by kind (docs/operations.md, "Retention").

Each kind runs in its own transaction: its rows go and its audit entry is written
together, or neither happens. The audit entries say what kind went, how many, the
cutoff and the primary keys, never the erased content (no references, no narrative):
one entry per kind per run (split in parts of IDS_PER_ENTRY ids), because a year's
pool can run to hundreds of thousands of cases and one entry per row would swamp the
trail while saying nothing more.

Published reports and notes are a public record: they, their frozen versions and the
meetings, reviewed cases and decisions behind them are kept indefinitely, and nothing here
touches them. So are the force's responses to actions and answers to the Commissioner's
questions (their text): an approved response is quoted in published reports as "Force's
response", and the answers are what the published summaries of evidence rest on. Only the
evidence files sent with them go (panels/retention.py, accountability/retention.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from accountability import retention as accountability_retention
from accountability.models import EvidenceDocument
from cases import retention as cases_retention
from cases.models import Case, ExtractBatch
from core.audit import AuditEvent, record
from core.models import AuditEntry
from panels import retention as panels_retention
from panels.models import Rating, ResponseEvidence

IDS_PER_ENTRY = 5000
KEPT_INDEFINITELY = (
    "published reports and notes (a public record, with the decisions behind them and the "
    "force's responses and answers they quote)"
)

# Constant text: the audit table and column are fixed by core's migrations.
_PURGE_AUDIT_SQL = "DELETE FROM core_auditentry WHERE timestamp < %s"


def period_in_words(days: int) -> str:
    if days % 365 == 0:
        years = days // 365
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{days} day{'s' if days != 1 else ''}"


@dataclass(frozen=True)
class Outcome:
    key: str
    label: str
    singular: str
    days: int
    count: int
    dry_run: bool

    def __str__(self) -> str:
        verb = "Would erase" if self.dry_run else "Erased"
        what = self.singular if self.count == 1 else self.label
        return f"{verb} {self.count:,} {what} (older than {period_in_words(self.days)})."


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    singular: str
    days: Callable[[], int]
    run: Callable[[datetime.datetime, bool], int]


def _record_erasure(*, key, label, days, model, ids, cutoff, extra=None) -> None:
    summary = f"Erased after retention period ({label}, {period_in_words(days)})"
    parts = [ids[i : i + IDS_PER_ENTRY] for i in range(0, len(ids), IDS_PER_ENTRY)] or [[]]
    for number, part in enumerate(parts, start=1):
        data = {
            "retention": key,
            "retention_days": days,
            "cutoff": cutoff.isoformat(),
            "count": len(ids),
            "ids": part,
            **(extra or {}),
        }
        if len(parts) > 1:
            data.update(part=number, parts=len(parts))
        record(
            AuditEvent.ERASED,
            None,
            model=model,
            object_repr=f"{len(ids):,} {label}",
            summary=summary,
            data=data,
            actor=None,
        )


def _extract_files(now: datetime.datetime, dry_run: bool) -> int:
    days = settings.RETENTION_EXTRACT_FILE_DAYS
    with transaction.atomic():
        ids = list(cases_retention.expired_extract_files(now=now).values_list("pk", flat=True))
        if dry_run or not ids:
            return len(ids)
        erased = cases_retention.erase_extract_files(batch_ids=ids)
        _record_erasure(
            key="extract_files",
            label="uploaded extract files",
            days=days,
            model=ExtractBatch,
            ids=ids,
            cutoff=cases_retention.extract_file_cutoff(now),
        )
    return erased


def _unsampled_cases(now: datetime.datetime, dry_run: bool) -> int:
    days = settings.RETENTION_UNSAMPLED_CASE_DAYS
    with transaction.atomic():
        if not dry_run:
            cases_retention.lock_case_pool()
        ids = list(cases_retention.expired_unsampled_cases(now=now).values_list("pk", flat=True))
        if dry_run or not ids:
            return len(ids)
        erased = cases_retention.erase_cases(case_ids=ids)
        _record_erasure(
            key="unsampled_cases",
            label="cases never sampled",
            days=days,
            model=Case,
            ids=ids,
            cutoff=cases_retention.unsampled_case_cutoff(now),
        )
    return erased


def _ratings(now: datetime.datetime, dry_run: bool) -> int:
    days = settings.RETENTION_RATING_DAYS
    with transaction.atomic():
        papers = panels_retention.expired_papers(now=now)
        ratings = papers[Rating._meta.label]
        if dry_run or not any(papers.values()):
            return len(ratings)
        counts = panels_retention.erase_papers(papers=papers)
        _record_erasure(
            key="ratings",
            label="ratings",
            days=days,
            model=Rating,
            ids=ratings,
            cutoff=panels_retention.rating_cutoff(now),
            extra={
                "erased": counts,
                "other_ids": {k: v for k, v in papers.items() if k != Rating._meta.label},
            },
        )
    return counts[Rating._meta.label]


def _evidence(now, dry_run, *, expired, erase, key, label, model, cutoff) -> int:
    """One kind of the force's evidence files: those past RETENTION_EVIDENCE_DAYS erased,
    with one audit entry, inside one transaction."""
    with transaction.atomic():
        ids = list(expired(now=now).values_list("pk", flat=True))
        if dry_run or not ids:
            return len(ids)
        erased = erase(ids)
        _record_erasure(
            key=key,
            label=label,
            days=settings.RETENTION_EVIDENCE_DAYS,
            model=model,
            ids=ids,
            cutoff=cutoff(now),
        )
    return erased


def _response_evidence(now: datetime.datetime, dry_run: bool) -> int:
    return _evidence(
        now,
        dry_run,
        expired=panels_retention.expired_response_evidence,
        erase=lambda ids: panels_retention.erase_response_evidence(evidence_ids=ids),
        key="response_evidence",
        label="evidence files of the force's responses",
        model=ResponseEvidence,
        cutoff=panels_retention.evidence_cutoff,
    )


def _answer_evidence(now: datetime.datetime, dry_run: bool) -> int:
    return _evidence(
        now,
        dry_run,
        expired=accountability_retention.expired_answer_evidence,
        erase=lambda ids: accountability_retention.erase_answer_evidence(document_ids=ids),
        key="answer_evidence",
        label="evidence files of the force's answers",
        model=EvidenceDocument,
        cutoff=accountability_retention.evidence_cutoff,
    )


def audit_cutoff(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(days=settings.RETENTION_AUDIT_DAYS)


def _audit_entries(now: datetime.datetime, dry_run: bool) -> int:
    """Delete audit entries past retention, then record the purge as one entry.

    On PostgreSQL a trigger refuses any DELETE on the trail unless the transaction has
    set `scrutiny.audit_purge`; it is set with SET LOCAL for this transaction only and
    switched off again straight after the DELETE. The model and queryset refuse deletes
    on every database, so the purge issues its own SQL.
    """
    days = settings.RETENTION_AUDIT_DAYS
    cutoff = audit_cutoff(now)
    if dry_run:
        return AuditEntry.objects.filter(timestamp__lt=cutoff).count()
    with transaction.atomic(), connection.cursor() as cursor:
        postgres = connection.vendor == "postgresql"
        if postgres:
            cursor.execute("SET LOCAL scrutiny.audit_purge = 'on'")
        cursor.execute(_PURGE_AUDIT_SQL, [cutoff])
        erased = cursor.rowcount
        if postgres:
            cursor.execute("SET LOCAL scrutiny.audit_purge = 'off'")
        if erased:
            record(
                AuditEvent.ERASED,
                None,
                model=AuditEntry,
                object_repr=f"{erased:,} audit entries",
                summary=f"Erased after retention period (audit entries, {period_in_words(days)})",
                data={
                    "retention": "audit_entries",
                    "retention_days": days,
                    "cutoff": cutoff.isoformat(),
                    "count": erased,
                },
                actor=None,
            )
    return erased


KINDS = [
    Kind(
        "extract_files",
        "uploaded extract files",
        "uploaded extract file",
        lambda: settings.RETENTION_EXTRACT_FILE_DAYS,
        _extract_files,
    ),
    Kind(
        "unsampled_cases",
        "cases never sampled",
        "case never sampled",
        lambda: settings.RETENTION_UNSAMPLED_CASE_DAYS,
        _unsampled_cases,
    ),
    Kind("ratings", "ratings", "rating", lambda: settings.RETENTION_RATING_DAYS, _ratings),
    Kind(
        "response_evidence",
        "evidence files of the force's responses",
        "evidence file of a force's response",
        lambda: settings.RETENTION_EVIDENCE_DAYS,
        _response_evidence,
    ),
    Kind(
        "answer_evidence",
        "evidence files of the force's answers",
        "evidence file of a force's answer",
        lambda: settings.RETENTION_EVIDENCE_DAYS,
        _answer_evidence,
    ),
    # Last, so the entries the kinds above just wrote are never among those purged.
    Kind(
        "audit_entries",
        "audit entries",
        "audit entry",
        lambda: settings.RETENTION_AUDIT_DAYS,
        _audit_entries,
    ),
]


def purge_expired(*, dry_run: bool, now: datetime.datetime | None = None) -> list[Outcome]:
    """Erase (or, dry, count) what has passed its retention period, kind by kind."""
    now = now or timezone.now()
    return [
        Outcome(kind.key, kind.label, kind.singular, kind.days(), kind.run(now, dry_run), dry_run)
        for kind in KINDS
    ]
