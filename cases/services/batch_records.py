"""Writing what a pass over an extract found onto its batch: counts, summary, problems,
privacy findings to decide and reviewed cases held back; and forgetting the stored file
once the batch is settled."""

from django.db import transaction
from django.utils import timezone, translation

from cases import import_wording
from cases.enums import BatchStatus, FindingStatus
from cases.import_wording import Text
from cases.imports import Report, storage
from cases.models import Case, ExtractBatch, HeldChange, ImportProblem, PrivacyFinding
from cases.workflow import batch_transition
from core.audit import AuditEvent, record


def record_check(batch: ExtractBatch, report: Report, *, status: str, user) -> None:
    """Save what a check found: counts, problems, findings to decide, held changes."""
    _counts(batch, report)
    if status == BatchStatus.REJECTED:
        batch.finished_at = timezone.now()
    batch.summary = _summary(report, status)
    batch.full_clean()
    batch.save()
    batch_transition(batch=batch, to=status, by=user)
    ImportProblem.objects.bulk_create(_problems(batch, report))
    record_findings(batch, report, status=FindingStatus.OPEN)
    record_held(batch, report)


def _problems(batch: ExtractBatch, report: Report):
    for p in report.problems:
        yield ImportProblem(
            batch=batch,
            row_number=p.row_number,
            column=p.column[:120],
            message=p.message,
            code=p.code,
            params=p.params,
        )


def record_findings(batch: ExtractBatch, report: Report, *, status: str, user=None) -> None:
    resolved_at = timezone.now() if user else None
    PrivacyFinding.objects.bulk_create(
        (
            PrivacyFinding(
                batch=batch,
                row_number=f.row_number,
                column=f.column[:120],
                kind=f.kind,
                status=status,
                resolved_by=user,
                resolved_at=resolved_at,
            )
            for f in report.findings
        ),
        batch_size=1000,
    )


def record_held(batch: ExtractBatch, report: Report) -> None:
    batch.held_changes.all().delete()
    case_ids = dict(
        Case.objects.filter(
            force_id=batch.force_id, reference__in=[h.reference for h in report.held]
        ).values_list("reference", "pk")
    )
    HeldChange.objects.bulk_create(
        HeldChange(
            batch=batch, case_id=case_ids[h.reference], row_number=h.row_number, fields=h.fields
        )
        for h in report.held
        if h.reference in case_ids
    )


def _counts(batch: ExtractBatch, report: Report) -> None:
    batch.row_count = report.row_count
    batch.created_count = report.created
    batch.updated_count = report.changed
    batch.unchanged_count = report.unchanged
    batch.held_count = report.held_count
    batch.error_count = report.problem_count
    batch.finding_count = len(report.findings)
    if report.file_format:  # read from the file (the confirm step reads staged rows)
        batch.encoding = report.encoding
        batch.unknown_columns = report.unknown_columns
        batch.missing_columns = report.missing_columns


def finish(batch: ExtractBatch, report: Report, *, user, status: str) -> None:
    _counts(batch, report)
    batch.finished_by = user
    batch.finished_at = timezone.now()
    batch.summary = _summary(report, status)
    batch.full_clean()
    batch.save()
    batch_transition(batch=batch, to=status, by=user)
    record_held(batch, report)
    if status == BatchStatus.COMMITTED:
        # Rows go in through COPY, which no per-row log sees: the batch is the record.
        record(
            AuditEvent.IMPORTED,
            batch,
            actor=user,
            summary=batch.summary,
            data={
                "rows": batch.row_count,
                "created": batch.created_count,
                "changed": batch.updated_count,
                "unchanged": batch.unchanged_count,
                "sha256": batch.sha256,
            },
        )


def reject_after_commit(batch: ExtractBatch, report: Report, *, user) -> ExtractBatch:
    with transaction.atomic():
        batch = ExtractBatch.objects.select_for_update().get(pk=batch.pk)
        if report.unresolved and report.ok:
            report.add_problem(None, "", Text("personal_data_since_check"))
        batch.finished_by = user
        batch.problems.all().delete()
        ImportProblem.objects.bulk_create(_problems(batch, report))
        batch.error_count = report.problem_count
        batch.finished_at = timezone.now()
        batch.summary = _summary(report, BatchStatus.REJECTED)
        batch.save()
        batch_transition(batch=batch, to=BatchStatus.REJECTED, by=user)
    forget_file(batch)
    return batch


def forget_file(batch: ExtractBatch) -> None:
    if batch.stored_name:
        storage.delete(batch.stored_name)
        ExtractBatch.objects.filter(pk=batch.pk).update(stored_name="")
        batch.stored_name = ""


def _summary(report: Report, status: str) -> str:
    """In English, for the record and the audit; pages word it again (`summary_text`)."""
    counts = {
        "rows": report.row_count,
        "created": report.created,
        "changed": report.changed,
        "unchanged": report.unchanged,
        "held": report.held_count,
        "problems": report.problem_count,
    }
    with translation.override(None):
        return import_wording.summary(
            rejected=status == BatchStatus.REJECTED,
            imported=status == BatchStatus.COMMITTED,
            counts=counts,
        )
