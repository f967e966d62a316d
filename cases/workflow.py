"""The case workflow: in the pool → on an agenda → reviewed (or withdrawn)."""

from collections.abc import Sequence

from core.workflow import transition_many

from .enums import CaseStatus
from .models import Case, CaseStatusChange

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
