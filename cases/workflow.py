"""The case workflow (in the pool → on an agenda → reviewed, or withdrawn) and the
extract-batch workflow (uploaded → checked → imported, rejected or abandoned)."""

from collections.abc import Sequence

from core.workflow import transition, transition_many

from .enums import BatchStatus, CaseStatus
from .models import Case, CaseStatusChange, ExtractBatch, ExtractBatchStatusChange

CASE_TRANSITIONS: dict[str, set[str]] = {
    CaseStatus.IN_POOL: {CaseStatus.ON_AGENDA, CaseStatus.WITHDRAWN},
    # Back to the pool when a draw is replaced before rating starts.
    CaseStatus.ON_AGENDA: {CaseStatus.IN_POOL, CaseStatus.REVIEWED, CaseStatus.WITHDRAWN},
    # A review that reached no conclusion puts the case on a later agenda.
    CaseStatus.REVIEWED: {CaseStatus.ON_AGENDA},
    CaseStatus.WITHDRAWN: {CaseStatus.IN_POOL},
}


def case_transition(*, case: Case, to: str, by, note: str = "") -> Case:
    (moved,) = case_transitions(cases=[case], to=to, by=by, note=note)
    return moved


def case_transitions(*, cases: Sequence[Case], to: str, by, note: str = "") -> list[Case]:
    """Move several cases together, as a drawn sample does: all of them or none."""
    return transition_many(
        objs=cases,
        to=to,
        by=by,
        allowed=CASE_TRANSITIONS,
        history=CaseStatusChange,
        subject_field="case",
        note=note,
        labels=dict(CaseStatus.choices),
    )


# A batch is created at UPLOADED without a history row, as a case is created in
# the pool without one; every later move is recorded.
BATCH_TRANSITIONS: dict[str, set[str]] = {
    # The command line checks and imports in one pass, so it may skip PREVIEWED.
    BatchStatus.UPLOADED: {
        BatchStatus.PREVIEWED,
        BatchStatus.COMMITTED,
        BatchStatus.REJECTED,
        BatchStatus.ABANDONED,
    },
    # REJECTED from here when the confirming pass finds what the check did not.
    BatchStatus.PREVIEWED: {BatchStatus.COMMITTED, BatchStatus.REJECTED, BatchStatus.ABANDONED},
    # Finished batches stay finished: a fixed file is a new upload.
    BatchStatus.COMMITTED: set(),
    BatchStatus.REJECTED: set(),
    BatchStatus.ABANDONED: set(),
}


def batch_transition(*, batch: ExtractBatch, to: str, by, note: str = "") -> ExtractBatch:
    """Move a batch to `to` and record who did it; `by` is None only for the daily sweep.

    Only the status is written; callers save the batch's other fields themselves.
    """
    return transition(
        obj=batch,
        to=to,
        by=by,
        allowed=BATCH_TRANSITIONS,
        history=ExtractBatchStatusChange,
        subject_field="batch",
        note=note,
        labels=dict(BatchStatus.choices),
    )
