"""The cases app's models: the records panels review, their kinds, their documents, and
the extracts they came in."""

from .documents import CaseDocument, CaseDocumentStatusChange, DocumentFinding
from .kinds import CaseSectionSource, FieldType, RecordField, RecordKind, RecordSection
from .records import (
    Case,
    CaseQuerySet,
    CaseStatusChange,
    CrimeCode,
    ExtractBatch,
    ExtractBatchQuerySet,
    ExtractBatchStatusChange,
    Force,
    HeldChange,
    ImportProblem,
    OutcomeType,
    PrivacyFinding,
)

__all__ = [
    "Case",
    "CaseDocument",
    "CaseDocumentStatusChange",
    "CaseQuerySet",
    "CaseSectionSource",
    "CaseStatusChange",
    "CrimeCode",
    "DocumentFinding",
    "ExtractBatch",
    "ExtractBatchQuerySet",
    "ExtractBatchStatusChange",
    "FieldType",
    "Force",
    "HeldChange",
    "ImportProblem",
    "OutcomeType",
    "PrivacyFinding",
    "RecordField",
    "RecordKind",
    "RecordSection",
]
