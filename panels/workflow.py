"""The meeting workflow: planned → open for rating → in discussion → closed."""

from django.utils.translation import gettext as _

from core.workflow import TransitionNotAllowed, transition

from .enums import MeetingStatus
from .models import Meeting, MeetingStatusChange

MEETING_TRANSITIONS: dict[str, set[str]] = {
    MeetingStatus.PLANNED: {MeetingStatus.RATING_OPEN, MeetingStatus.CANCELLED},
    # Rating can be paused back to planned (e.g. a case withdrawn) before discussion starts.
    MeetingStatus.RATING_OPEN: {
        MeetingStatus.PLANNED,
        MeetingStatus.IN_DISCUSSION,
        MeetingStatus.CANCELLED,
    },
    MeetingStatus.IN_DISCUSSION: {MeetingStatus.CLOSED},
    MeetingStatus.CLOSED: set(),
    MeetingStatus.CANCELLED: set(),
}


def _check_preconditions(meeting: Meeting, to: str) -> None:
    if to == MeetingStatus.RATING_OPEN and not meeting.reviewed_cases.exists():
        raise TransitionNotAllowed(
            _("Add cases to the agenda before opening the meeting for rating.")
        )
    if to == MeetingStatus.CLOSED:
        undecided = meeting.reviewed_cases.filter(decision__isnull=True).count()
        if undecided:
            raise TransitionNotAllowed(
                _("Record a panel decision for every case before closing: %(count)s still open.")
                % {"count": undecided}
            )


def meeting_transition(*, meeting: Meeting, to: str, by, note: str = "") -> Meeting:
    if to in MEETING_TRANSITIONS.get(meeting.status, set()):
        # Only a move the table allows has preconditions worth reporting.
        _check_preconditions(meeting, to)
    return transition(
        obj=meeting,
        to=to,
        by=by,
        allowed=MEETING_TRANSITIONS,
        history=MeetingStatusChange,
        subject_field="meeting",
        note=note,
        labels=dict(MeetingStatus.choices),
    )
