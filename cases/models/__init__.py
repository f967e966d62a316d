"""The cases app's models: the records panels review, their kinds, and the extracts they came in."""

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
    "CaseQuerySet",
    "CaseSectionSource",
    "CaseStatusChange",
    "CrimeCode",
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
