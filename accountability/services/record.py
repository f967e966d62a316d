"""Reopening a closed meeting's record to correct it.

Closing a meeting fixes the record its notes are drawn from. A real OPCC still finds
things to put right after that: personal data the notes' disclosure check points to, or a
decision that has to be corrected after the notes are published. The record is reopened
(back to "decided") by OPCC staff, with the reason kept in the meeting's history and the
audit trail; it is corrected on the usual pages, and closed again, which checks it again.
Notes waiting for approval must be returned to draft first (the reports app says so
through `register_reopen_refusal`): what the second person approves is what is published.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import AuditEvent, record

from ..enums import ScrutinyMeetingStatus as Status
from ..models import ScrutinyMeeting
from ..workflow import scrutiny_meeting_transition
from .common import locked_meeting, require, required_text

NOT_CLOSED = gettext_lazy("This meeting's record is open already: it is not closed.")


def scrutiny_meeting_reopen(*, meeting: ScrutinyMeeting, by, reason: str) -> ScrutinyMeeting:
    require(by, "accountability.manage")
    reason = required_text(
        reason, field="reason", message=_("Enter why the meeting's record is being reopened")
    )
    with transaction.atomic():
        locked = locked_meeting(meeting)
        if locked.status != Status.CLOSED:  # someone else reopened it meanwhile
            raise ValidationError(NOT_CLOSED)
        moved = scrutiny_meeting_transition(meeting=locked, to=Status.DECIDED, by=by, note=reason)
        record(
            AuditEvent.CHANGED,
            moved,
            actor=by,
            summary="The meeting's record was reopened",
            data={"reason": reason},
        )
    meeting.status = moved.status
    return moved
