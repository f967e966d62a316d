"""The case workflow: in the pool → on an agenda → reviewed (or withdrawn)."""

from scrutiny.workflow import transition

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
    return transition(
        obj=case,
        to=to,
        by=by,
        allowed=CASE_TRANSITIONS,
        history=CaseStatusChange,
        subject_field="case",
        note=note,
        labels=dict(CaseStatus.choices),
    )
