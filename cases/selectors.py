"""Reads for the cases app, each scoped to what the user may see."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from . import privacy
from .enums import FindingStatus, PrivacyKind
from .imports import ImportOptions, staging, storage
from .imports.layout import layout_for
from .imports.readers import read_cell
from .kind_data import OOCR_CODE
from .models import ExtractBatch, PrivacyFinding, RecordKind

PAGE_OF_PROBLEMS = 100


def batch_list(*, user, limit: int = 20) -> QuerySet[ExtractBatch]:
    return ExtractBatch.objects.for_user(user).select_related(
        "force", "uploaded_by", "kind", "section"
    )[:limit]


def import_templates(kinds=None) -> list[dict]:
    """A template CSV link for each kind of record an extract may hold (`kinds`, the
    active ones if not given), the out of court resolution's first (its address has no
    `?kind=`, as before kinds)."""
    if kinds is None:
        kinds = RecordKind.objects.filter(is_active=True)
    kinds = sorted(kinds, key=lambda kind: kind.name)
    url = reverse("cases:import_template")
    found = [
        {"name": kind.name, "url": url if kind.code == OOCR_CODE else f"{url}?kind={kind.code}"}
        for kind in kinds
    ]
    return sorted(found, key=lambda item: item["url"] != url)


def import_template_headings(*, kind_code: str = "") -> list[str]:
    """The headings of a kind's extract, in order; 404 for a kind that is not imported."""
    kind = RecordKind.objects.filter(code=kind_code or OOCR_CODE, is_active=True).first()
    if kind is None:
        raise Http404("No such kind of record.")
    return layout_for(kind).template_headings()


def batch_missing_columns(*, batch: ExtractBatch) -> dict:
    """The file's absent columns: those an import cannot do without; those left blank on
    new cases and cleared on changed ones; and, for a whole record's extract, those of
    sections it carries nothing of, which are left as they are."""
    layout = layout_for(batch.kind, batch.section)
    missing = batch.missing_columns or []
    required = {layout.headers[slot] for slot in layout.required}
    by_heading = {layout.headers[slot]: slot for slot in layout.writable}
    carried = {
        layout.field_of[slot].section_id
        for heading, slot in by_heading.items()
        if heading not in missing and slot in layout.field_of
    }
    kept, cleared = [], []
    for heading in missing:
        if heading in required:
            continue
        field = layout.field_of.get(by_heading.get(heading, ""))
        untouched = batch.section_id is None and field is not None and not field.column
        (kept if untouched and field.section_id not in carried else cleared).append(heading)
    return {
        "missing_required": [c for c in missing if c in required],
        "missing_optional": cleared,
        "missing_kept": kept,
    }


def open_finding_count(*, user) -> int:
    """Privacy findings still waiting for a decision, in the batches the user may see."""
    return PrivacyFinding.objects.filter(
        batch__in=ExtractBatch.objects.for_user(user), status=FindingStatus.OPEN
    ).count()


def batch_for_user(*, user, pk: int) -> ExtractBatch:
    """The batch, or 404 if it does not exist or the user may not see it."""
    return get_object_or_404(
        ExtractBatch.objects.for_user(user).select_related(
            "force", "uploaded_by", "finished_by", "kind", "section"
        ),
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
        pieces.append({"text": text[start:end], "kind": kind, "label": _(PrivacyKind(kind).label)})
        position = end
    pieces.append({"text": text[position:], "kind": ""})
    return [piece for piece in pieces if piece["text"]]
