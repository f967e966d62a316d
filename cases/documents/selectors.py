"""Reads for case documents. Data admins reach every document of a case they may see;
readers of the case papers reach only documents shown to readers, through the case on
their meeting's agenda (panels asks its own rule first)."""

from dataclasses import dataclass
from pathlib import Path

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.roles import is_data_admin

from .. import privacy
from ..enums import DocumentStatus, FindingStatus
from ..models import Case, CaseDocument, DocumentFinding
from . import checks, storage

EXCERPT_CONTEXT = 80  # characters either side of a piece of personal data


def case_for_user(*, user, pk: int) -> Case:
    """The case, or 404 unless the user is a data admin who may see it."""
    if not is_data_admin(user):
        raise Http404
    return get_object_or_404(Case.objects.for_user(user).select_related("force"), pk=pk)


def case_documents(*, case: Case) -> QuerySet[CaseDocument]:
    """Every document of the case, oldest first, each with its counts of findings."""
    return case.documents.select_related("uploaded_by").annotate(
        finding_total=Count("findings"),
        open_findings=Count("findings", filter=Q(findings__status=FindingStatus.OPEN)),
    )


def document_for_user(*, user, case_pk: int, pk: int) -> CaseDocument:
    case = case_for_user(user=user, pk=case_pk)
    return get_object_or_404(
        CaseDocument.objects.select_related("case__force", "uploaded_by"), case=case, pk=pk
    )


def finding_for_user(*, user, case_pk: int, document_pk: int, pk: int) -> DocumentFinding:
    document = document_for_user(user=user, case_pk=case_pk, pk=document_pk)
    finding = get_object_or_404(document.findings.select_related("resolved_by"), pk=pk)
    finding.document = document
    return finding


def document_findings(*, document: CaseDocument) -> QuerySet[DocumentFinding]:
    return document.findings.select_related("resolved_by")


def document_history(*, document: CaseDocument) -> QuerySet:
    return document.status_history.select_related("changed_by")


def shown_documents(*, case: Case) -> QuerySet[CaseDocument]:
    """What readers of the case papers may open: documents whose findings are all decided."""
    return case.documents.filter(status=DocumentStatus.SHOWN).order_by("uploaded_at", "pk")


def shown_document(*, case: Case, pk: int) -> CaseDocument:
    """One document shown to readers of the case's papers, or 404."""
    return get_object_or_404(shown_documents(case=case), pk=pk)


def document_file(*, document: CaseDocument) -> Path:
    """The kept file, or 404 if it has gone (withdrawn, or erased meanwhile)."""
    if not document.stored_name:
        raise Http404
    path = storage.path_for(document.stored_name)
    if not path.exists():
        raise Http404
    return path


@dataclass(frozen=True)
class Piece:
    text: str
    kind: str = ""
    label: str = ""


def finding_excerpts(*, finding: DocumentFinding) -> list[list[Piece]] | None:
    """Each place on the page where the screen found the finding's kind, with the text
    around it, read back from the kept file for the data admin deciding: never stored or
    logged. None when the file has gone."""
    document = finding.document
    if not document.stored_name:
        return None
    path = storage.path_for(document.stored_name)
    if not path.exists():
        return None
    try:
        (text,) = checks.page_texts(path, only=finding.page_number)
    except (checks.DocumentRefused, IndexError):
        return None
    label = finding.get_kind_display()
    return [
        [
            Piece(text[max(start - EXCERPT_CONTEXT, 0) : start]),
            Piece(text[start:end], finding.kind, label),
            Piece(text[end : end + EXCERPT_CONTEXT]),
        ]
        for kind, start, end in privacy.scan(text)
        if kind == finding.kind
    ]
