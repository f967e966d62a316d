"""The document workflow: a new document waits for its findings to be decided, then is
shown to readers; any time before or after, it may be withdrawn, which is final (a fixed
document is a new upload)."""

from core.workflow import transition

from ..enums import DocumentStatus
from ..models import CaseDocument, CaseDocumentStatusChange

# A document is created at AWAITING_DECISIONS, or at SHOWN when nothing was found, without
# a history row, as a batch is created at UPLOADED; every later move is recorded.
DOCUMENT_TRANSITIONS: dict[str, set[str]] = {
    DocumentStatus.AWAITING_DECISIONS: {DocumentStatus.SHOWN, DocumentStatus.WITHDRAWN},
    DocumentStatus.SHOWN: {DocumentStatus.WITHDRAWN},
    DocumentStatus.WITHDRAWN: set(),
}


def document_transition(*, document: CaseDocument, to: str, by, note: str = "") -> CaseDocument:
    return transition(
        obj=document,
        to=to,
        by=by,
        allowed=DOCUMENT_TRANSITIONS,
        history=CaseDocumentStatusChange,
        subject_field="document",
        note=note,
        labels=dict(DocumentStatus.choices),
    )
