"""Reads for the cases app, each scoped to what the user may see."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from . import privacy
from .enums import FindingStatus, PrivacyKind
from .imports import ImportOptions, staging, storage
from .imports.engine import read_cell
from .models import ExtractBatch, PrivacyFinding

PAGE_OF_PROBLEMS = 100


def batch_list(*, user, limit: int = 20) -> QuerySet[ExtractBatch]:
    return ExtractBatch.objects.for_user(user).select_related("force", "uploaded_by")[:limit]


def open_finding_count(*, user) -> int:
    """Privacy findings still waiting for a decision, in the batches the user may see."""
    return PrivacyFinding.objects.filter(
        batch__in=ExtractBatch.objects.for_user(user), status=FindingStatus.OPEN
    ).count()


def batch_for_user(*, user, pk: int) -> ExtractBatch:
    """The batch, or 404 if it does not exist or the user may not see it."""
    return get_object_or_404(
        ExtractBatch.objects.for_user(user).select_related("force", "uploaded_by", "finished_by"),
        pk=pk,
    )


def finding_for_user(*, user, batch_pk: int, pk: int) -> PrivacyFinding:
    batch = batch_for_user(user=user, pk=batch_pk)
    return get_object_or_404(batch.findings.select_related("batch"), pk=pk)


def batch_problems(*, batch: ExtractBatch) -> QuerySet:
    """Every problem stored for the batch, in row order, for the CSV download."""
    return batch.problems.all()


def batch_preview(*, batch: ExtractBatch) -> dict:
    """Everything the batch page shows: problems (first page), findings, held changes."""
    findings = batch.findings.select_related("resolved_by")
    counts = findings.aggregate(
        open=Count("pk", filter=Q(status=FindingStatus.OPEN)),
        redacted=Count("pk", filter=Q(status=FindingStatus.REDACTED)),
        accepted=Count("pk", filter=Q(status=FindingStatus.ACCEPTED)),
    )
    return {
        "problems": list(batch.problems.all()[:PAGE_OF_PROBLEMS]),
        "problems_shown": min(batch.error_count, PAGE_OF_PROBLEMS),
        "findings": findings,
        "finding_counts": counts,
        "held_changes": batch.held_changes.select_related("case"),
    }


def _cell_text(batch: ExtractBatch, finding: PrivacyFinding) -> str | None:
    """From the rows the check staged if there are any (quick), else from the upload."""
    where = {"row_number": finding.row_number}
    if batch.staged_sha256:
        staged = storage.staged_path(batch.stored_name)
        return staging.cell(staged, label=finding.column, **where) if staged.exists() else None
    options = ImportOptions(
        batch.force, batch.file_name, batch.encoding or "auto", batch.sheet_name, batch.keep_extra
    )
    return read_cell(storage.path_for(batch.stored_name), options, column=finding.column, **where)


def finding_cell(*, finding: PrivacyFinding) -> list[dict] | None:
    """The flagged cell split into pieces, each marked with the kind of data it looks
    like (or none), read back from the private file. Shown to the admin deciding; never
    stored or logged."""
    batch = finding.batch
    if not batch.stored_name:
        return None
    text = _cell_text(batch, finding)
    if text is None:
        return None
    pieces, position = [], 0
    for kind, start, end in privacy.scan(text):
        if start < position:
            continue
        pieces.append({"text": text[position:start], "kind": ""})
        pieces.append({"text": text[start:end], "kind": kind, "label": PrivacyKind(kind).label})
        position = end
    pieces.append({"text": text[position:], "kind": ""})
    return [piece for piece in pieces if piece["text"]]
