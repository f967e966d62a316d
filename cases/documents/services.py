"""Writes for case documents: attach one (checked, screened, kept), decide what the screen
found, withdraw one. Each runs in one transaction and records who did it.

A finding is decided as an extract's cell is: kept with a reason, or redacted. A PDF is
not rewritten here, so "redact" withdraws the document (its file is deleted) and the
data admin uploads a redacted version as a new document.
"""

import hashlib
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import AuditEvent, record
from core.stale import check_version

from .. import privacy
from ..enums import DocumentStatus, FindingStatus, PrivacyKind
from ..models import Case, CaseDocument, DocumentFinding
from . import checks, storage
from .workflow import document_transition

WITHDRAWN_ALREADY = gettext_lazy(
    "This document has been withdrawn, so nothing about it can change."
)


def document_upload(*, case: Case, user, title: str, chunks) -> CaseDocument:
    """Keep the PDF with the case if it passes every check, with what the screen found.

    Refused (ValidationError naming the field, nothing kept) when the title holds
    personal data, or the file is not a PDF that can be kept (checks.py), or is already
    attached to the case."""
    title = title.strip()
    _check_title(title)
    try:
        stored_name, sha256, size = storage.store(chunks)
    except storage.StoreError as error:
        raise ValidationError({"file": error.message}) from None
    try:
        checked = checks.check_pdf(storage.root() / stored_name)
        storage.share(stored_name)
        return _keep(case, user, title, stored_name, sha256, size, checked)
    except (checks.DocumentRefused, storage.StoreError) as refusal:
        storage.delete(stored_name)
        record(
            AuditEvent.REFUSED,
            case,
            actor=user,
            summary=f"Document not attached: {refusal.message}",
        )
        raise ValidationError({"file": refusal.message}) from None
    except BaseException:
        storage.delete(stored_name)
        raise


def _check_title(title: str) -> None:
    found = sorted(privacy.kinds(title))
    if found:
        what = _(PrivacyKind(found[0]).label).lower()
        raise ValidationError(
            {
                "title": _(
                    "Enter a title without personal data: this one looks like it holds a %(what)s"
                )
                % {"what": what}
            }
        )


def _screen(pages: list[str]) -> list[tuple[int, str, int]]:
    """(page number, kind, how many) for each kind of personal data on each page."""
    found = []
    for number, text in enumerate(pages, start=1):
        counts = Counter(kind for kind, _start, _end in privacy.scan(text))
        found += [(number, kind, counts[kind]) for kind in sorted(counts)]
    return found


def _keep(case, user, title, stored_name, sha256, size, checked) -> CaseDocument:
    found = _screen(checked.pages)
    with transaction.atomic():
        # One upload at a time per case, so the same file cannot be attached twice.
        case = Case.objects.select_for_update().get(pk=case.pk)
        held = case.documents.exclude(status=DocumentStatus.WITHDRAWN)
        if held.filter(sha256=sha256).exists():
            raise ValidationError({"file": _("The selected PDF is already attached to this case")})
        document = CaseDocument(
            case=case,
            title=title,
            stored_name=stored_name,
            sha256=sha256,
            size=size,
            page_count=checked.page_count,
            uploaded_by=user,
            status=DocumentStatus.AWAITING_DECISIONS if found else DocumentStatus.SHOWN,
        )
        document.full_clean()
        document.save()
        DocumentFinding.objects.bulk_create(
            DocumentFinding(document=document, page_number=page, kind=kind, count=count)
            for page, kind, count in found
        )
    return document


def fingerprint(finding: DocumentFinding) -> str:
    """The decision as the form saw it, to spot one made meanwhile by someone else."""
    text = repr([finding.status, finding.reason, finding.resolved_at])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _locked(finding: DocumentFinding, seen: str) -> tuple[CaseDocument, DocumentFinding]:
    document = CaseDocument.objects.select_for_update().get(pk=finding.document_id)
    if document.status == DocumentStatus.WITHDRAWN:
        raise ValidationError(WITHDRAWN_ALREADY)
    current = DocumentFinding.objects.select_for_update().get(pk=finding.pk)
    check_version(current, seen, of=fingerprint)
    return document, current


def _decided(finding: DocumentFinding, *, user, status: str, reason: str) -> DocumentFinding:
    finding.status = status
    finding.reason = reason
    finding.resolved_by = user
    finding.resolved_at = timezone.now()
    finding.full_clean()
    finding.save()
    return finding


@transaction.atomic
def document_finding_accept(
    *, finding: DocumentFinding, user, reason: str, seen: str
) -> DocumentFinding:
    """Keep the page as it is, with the reason; once nothing is left to decide, the
    document is shown to readers."""
    if not reason.strip():
        raise ValidationError({"reason": _("Enter why this page can be kept as it is")})
    document, current = _locked(finding, seen)
    _decided(current, user=user, status=FindingStatus.ACCEPTED, reason=reason.strip())
    still_open = document.findings.filter(status=FindingStatus.OPEN).exists()
    if document.status == DocumentStatus.AWAITING_DECISIONS and not still_open:
        document_transition(
            document=document,
            to=DocumentStatus.SHOWN,
            by=user,
            note="Every finding decided",
        )
    return current


@transaction.atomic
def document_finding_redact(*, finding: DocumentFinding, user, seen: str) -> CaseDocument:
    """The page must not be shown as it is: the document is withdrawn, its file deleted,
    and a redacted version is to be uploaded in its place."""
    document, current = _locked(finding, seen)
    _decided(current, user=user, status=FindingStatus.REDACTED, reason="")
    label = PrivacyKind(current.kind).label.lower()
    note = f"To be redacted: page {current.page_number}, {label}"
    return _withdraw(document, user=user, note=note)


@transaction.atomic
def document_withdraw(*, document: CaseDocument, user) -> CaseDocument:
    document = CaseDocument.objects.select_for_update().get(pk=document.pk)
    if document.status == DocumentStatus.WITHDRAWN:
        raise ValidationError(WITHDRAWN_ALREADY)
    return _withdraw(document, user=user, note="Withdrawn by a data admin")


def _withdraw(document: CaseDocument, *, user, note: str) -> CaseDocument:
    """Withdraw the (locked) document; its file goes once the transaction commits."""
    stored_name = document.stored_name
    document = document_transition(
        document=document, to=DocumentStatus.WITHDRAWN, by=user, note=note
    )
    CaseDocument.objects.filter(pk=document.pk).update(stored_name="")
    document.stored_name = ""
    transaction.on_commit(lambda: storage.delete(stored_name))
    return document
