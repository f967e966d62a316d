"""Importing case extracts: upload and check, confirm, import in one pass (the command
line), abandon, and the daily sweep of stale uploads.

Every status change goes through `cases.workflow.batch_transition`, which records
who made it. Uploaded files live in private storage between the preview and the
commit and are deleted once the batch is committed, rejected or abandoned.
"""

from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases import import_wording
from cases.enums import BatchStatus, FindingStatus
from cases.imports import ExtractPass, ImportOptions, Report, storage
from cases.imports.engine import StagedPass
from cases.kind_data import OOCR_CODE
from cases.kinds.selectors import kind_by_code
from cases.models import Case, ExtractBatch, Force, RecordKind, RecordSection
from cases.workflow import batch_transition

from .batch_records import (
    finish,
    forget_file,
    record_check,
    record_findings,
    reject_after_commit,
)
from .findings import check_open

OPEN_STATUSES = (BatchStatus.UPLOADED, BatchStatus.PREVIEWED)


class _RollBack(Exception):
    """Raised inside the commit transaction to undo it while keeping the report."""

    def __init__(self, report: Report):
        super().__init__("import rolled back")
        self.report = report


def batch_upload(
    *,
    force: Force,
    user,
    file_name: str,
    chunks: Iterable[bytes],
    encoding: str = "auto",
    sheet_name: str = "",
    keep_extra: bool = False,
    kind: RecordKind | None = None,
    section: RecordSection | None = None,
) -> ExtractBatch:
    """Store the file privately and check it, here and now: the batch is previewed, or
    rejected with its problems listed. Nothing is written to the cases yet."""
    batch = batch_store(
        force=force,
        user=user,
        file_name=file_name,
        chunks=chunks,
        encoding=encoding,
        sheet_name=sheet_name,
        keep_extra=keep_extra,
        kind=kind,
        section=section,
    )
    return batch_check(batch=batch, user=user)


def batch_store(
    *,
    force: Force,
    user,
    file_name: str,
    chunks: Iterable[bytes],
    encoding: str = "auto",
    sheet_name: str = "",
    keep_extra: bool = False,
    kind: RecordKind | None = None,
    section: RecordSection | None = None,
) -> ExtractBatch:
    """Store the file privately and record its batch, uploaded and waiting to be checked
    (by batch_check, here or in the background). `kind` is the kind of record the file
    holds (the out of court resolution if none); `section`, one of its sections, when
    the file fills only that section of cases already held."""
    options = import_options(force, file_name, encoding, sheet_name, keep_extra, kind, section)
    stored_name, sha256, size = storage.store(chunks)
    try:
        with transaction.atomic():
            batch = _new_batch(
                options, user=user, stored_name=stored_name, sha256=sha256, size=size
            )
    except BaseException:
        storage.delete(stored_name)
        raise
    return batch


def batch_check(*, batch: ExtractBatch, user, progress=None) -> ExtractBatch:
    """Check an uploaded batch's file: previewed, or rejected with its problems listed.

    The check only reads; what it found is written in one transaction at the end, so a
    check stopped part-way (its worker killed) leaves the batch uploaded, to be checked
    again. `progress(rows, estimated_total)` hears how far it has got."""
    batch = ExtractBatch.objects.get(pk=batch.pk)
    _check_still_uploaded(batch)
    # Rows staged by an earlier attempt that was stopped part-way are not to be trusted.
    storage.delete_staged(batch.stored_name)
    staged = storage.staged_path(batch.stored_name)
    extract = ExtractPass(
        storage.path_for(batch.stored_name), _options(batch), stage=staged, progress=progress
    )
    report = extract.check()
    if report.ok:
        storage.share(staged)
    with transaction.atomic():
        batch = ExtractBatch.objects.select_for_update().get(pk=batch.pk)
        _check_still_uploaded(batch)
        status = BatchStatus.PREVIEWED if report.ok else BatchStatus.REJECTED
        batch.staged_sha256 = storage.sha256_of(staged) if report.ok else ""
        record_check(batch, report, status=status, user=user)
    if status == BatchStatus.REJECTED:
        forget_file(batch)
    return batch


def _check_still_uploaded(batch: ExtractBatch) -> None:
    if batch.status == BatchStatus.ABANDONED:
        raise ValidationError(_("This upload was abandoned before its check finished."))
    if batch.status != BatchStatus.UPLOADED:
        raise ValidationError(_("This file has already been checked."))


def batch_confirm(*, batch: ExtractBatch, user, progress=None) -> ExtractBatch:
    """Import a previewed batch in one transaction: every row, or none. The rows come
    from those the check staged, after checking they are unchanged (SHA-256).
    `progress(rows)` hears how many rows have been written so far."""
    try:
        with transaction.atomic():
            batch = ExtractBatch.objects.select_for_update().get(pk=batch.pk)
            check_confirmable(batch)
            Force.objects.select_for_update().get(pk=batch.force_id)
            report = _confirm_pass(batch, progress).commit(batch_id=batch.pk, user_id=user.pk)
            if not report.ok or report.unresolved:
                raise _RollBack(report)
            finish(batch, report, user=user, status=BatchStatus.COMMITTED)
    except _RollBack as rollback:
        return reject_after_commit(batch, rollback.report, user=user)
    forget_file(batch)
    _settle_case_table(batch)
    return batch


def _confirm_pass(batch: ExtractBatch, progress=None):
    """The rows the check staged; or, for a batch left by the command line (which stages
    nothing), the uploaded file read, checked and screened again."""
    if batch.staged_sha256:
        path = storage.staged_path(batch.stored_name)
        expected, source = batch.staged_sha256, StagedPass
    else:
        path = storage.path_for(batch.stored_name)
        expected, source = batch.sha256, ExtractPass
    if not path.exists() or storage.sha256_of(path) != expected:
        raise ValidationError(_("The stored file has changed since it was checked."))
    return source(path, _options(batch), decisions=_decisions(batch), progress=progress)


def batch_import(
    *,
    force: Force,
    user,
    path: Path,
    file_name: str = "",
    encoding: str = "auto",
    sheet_name: str = "",
    keep_extra: bool = False,
    redact_findings: bool = False,
    kind: RecordKind | None = None,
    section: RecordSection | None = None,
) -> ExtractBatch:
    """Check and commit a file in one pass (the command line's door).

    If the only obstacle is personal data and `redact_findings` is off, the batch is
    left previewed with its findings open, for an admin to resolve on the batch page.
    """
    name = file_name or Path(path).name
    options = import_options(force, name, encoding, sheet_name, keep_extra, kind, section)
    stored_name, sha256, size = storage.store(storage.file_chunks(path))
    with transaction.atomic():
        batch = _new_batch(options, user=user, stored_name=stored_name, sha256=sha256, size=size)
    try:
        with transaction.atomic():
            Force.objects.select_for_update().get(pk=force.pk)
            extract = ExtractPass(
                storage.path_for(stored_name), options, redact_all=redact_findings
            )
            report = extract.commit(batch_id=batch.pk, user_id=user.pk)
            if not report.ok or report.unresolved:
                raise _RollBack(report)
            finish(batch, report, user=user, status=BatchStatus.COMMITTED)
            record_findings(batch, report, status=FindingStatus.REDACTED, user=user)
    except _RollBack as rollback:
        report = rollback.report
        with transaction.atomic():
            status = BatchStatus.PREVIEWED if report.ok else BatchStatus.REJECTED
            record_check(batch, report, status=status, user=user)
        if status == BatchStatus.PREVIEWED:
            return batch
    forget_file(batch)
    if batch.status == BatchStatus.COMMITTED:
        _settle_case_table(batch)
    return batch


def _settle_case_table(batch: ExtractBatch) -> None:
    """After an import that wrote cases, have PostgreSQL mark the new rows visible to
    every transaction and refresh its statistics, so the next draw reads the pool
    from its index alone (ADR 4) instead of checking a million rows one by one.

    VACUUM cannot run inside a transaction; when the caller holds one, autovacuum
    does the same a little later. It skips pages already settled, so the cost
    follows the size of the import, not of the table.
    """
    if batch.created_count + batch.updated_count == 0:
        return
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {Case._meta.db_table}")


def batch_abandon(*, batch: ExtractBatch, user) -> ExtractBatch:
    with translation.override(None):  # stored in English; pages word it again
        summary = str(import_wording.ABANDONED)
    return _abandon(batch, user=user, summary=summary)


def _abandon(batch: ExtractBatch, *, user, summary: str) -> ExtractBatch:
    with transaction.atomic():
        batch = ExtractBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status not in OPEN_STATUSES:
            raise ValidationError(_("This import has already finished."))
        batch.finished_by = user
        batch.finished_at = timezone.now()
        batch.summary = summary
        batch.full_clean()
        batch.save()
        batch_transition(batch=batch, to=BatchStatus.ABANDONED, by=user, note=summary)
    forget_file(batch)
    return batch


def abandon_stale_batches(*, days: int) -> tuple[int, int]:
    """Abandon uploads nobody confirmed or abandoned within `days`, deleting their
    files, and delete files that old which no open batch names (left by a crash).

    Returns (batches abandoned, stray files deleted). Meant to run daily.
    """
    cutoff = timezone.now() - timedelta(days=days)
    with translation.override(None):  # stored in English; pages word it again
        summary = str(import_wording.NOT_CONFIRMED % {"n": days, "count": days})
    abandoned = 0
    for batch in ExtractBatch.objects.filter(status__in=OPEN_STATUSES, uploaded_at__lt=cutoff):
        try:
            _abandon(batch, user=None, summary=summary)
        except ValidationError:
            continue  # confirmed or abandoned by someone in the meantime
        abandoned += 1
    in_use = ExtractBatch.objects.filter(status__in=OPEN_STATUSES).exclude(stored_name="")
    strays = storage.delete_unnamed(
        keep=set(in_use.values_list("stored_name", flat=True)), older_than=cutoff.timestamp()
    )
    return abandoned, strays


def check_confirmable(batch: ExtractBatch) -> None:
    check_open(batch)
    if batch.error_count:
        raise ValidationError(_("This file has problems. Fix them and upload it again."))
    open_count = batch.findings.filter(status=FindingStatus.OPEN).count()
    if open_count:
        raise ValidationError(
            ngettext(
                "Decide what to do with the %(count)s possible personal data finding first.",
                "Decide what to do with the %(count)s possible personal data findings first.",
                open_count,
            )
            % {"count": open_count}
        )


def _options(batch: ExtractBatch) -> ImportOptions:
    return ImportOptions(
        batch.force,
        batch.file_name,
        batch.encoding or "auto",
        batch.sheet_name,
        batch.keep_extra,
        batch.kind,
        batch.section,
    )


def import_options(
    force: Force,
    file_name: str,
    encoding: str = "auto",
    sheet_name: str = "",
    keep_extra: bool = False,
    kind: RecordKind | None = None,
    section: RecordSection | None = None,
) -> ImportOptions:
    """What an import is asked to do, refused (ValidationError) if the kind is switched
    off, the section is another kind's, or a section's extract is to keep extra columns."""
    kind = kind or kind_by_code(OOCR_CODE)
    if not kind.is_active:
        raise ValidationError(
            _("%(kind)s records are not imported any more.") % {"kind": kind.name}
        )
    if section is not None and section.kind_id != kind.pk:
        raise ValidationError(
            _("%(section)s is not a section of %(kind)s.")
            % {"section": section.name, "kind": kind.name}
        )
    if section is not None and keep_extra:
        raise ValidationError(
            _("An extract of one section cannot keep columns this service does not recognise.")
        )
    return ImportOptions(force, file_name, encoding, sheet_name, keep_extra, kind, section)


def _decisions(batch: ExtractBatch) -> dict:
    decisions: dict = {}
    for row_number, column, kind, status in batch.findings.values_list(
        "row_number", "column", "kind", "status"
    ):
        decisions.setdefault((row_number, column), {})[kind] = status
    return decisions


def _new_batch(options: ImportOptions, *, user, stored_name: str, sha256: str, size: int):
    batch = ExtractBatch(
        force=options.force,
        uploaded_by=user,
        file_name=Path(options.file_name).name[:255] or "extract",
        sha256=sha256,
        file_size=size,
        sheet_name=options.sheet_name,
        keep_extra=options.keep_extra,
        kind=options.kind,
        section=options.section,
        # The encoding asked for, until the check records the one it found.
        encoding="" if options.encoding == "auto" else options.encoding,
        stored_name=stored_name,
        status=BatchStatus.UPLOADED,
    )
    batch.full_clean()
    batch.save()
    return batch
