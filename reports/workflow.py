"""A report's status changes, through the one workflow door."""

from core.workflow import transition

from .enums import ReportStatus
from .models import FindingsReport, ReportStatusChange

S = ReportStatus
REPORT_TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.AWAITING_APPROVAL},
    S.AWAITING_APPROVAL: {S.APPROVED, S.DRAFT},
    S.APPROVED: {S.PUBLISHED, S.DRAFT},
    # A correction goes back to draft while the published version stays up.
    S.PUBLISHED: {S.DRAFT, S.WITHDRAWN},
    S.WITHDRAWN: {S.DRAFT},
}


def report_transition(*, report: FindingsReport, to: str, by, note: str = "") -> FindingsReport:
    return transition(
        obj=report,
        to=to,
        by=by,
        allowed=REPORT_TRANSITIONS,
        history=ReportStatusChange,
        subject_field="report",
        note=note,
        labels=dict(ReportStatus.choices),
    )
