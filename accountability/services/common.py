"""What every accountability service shares: the permission check, saving a row, and
giving a row the Welsh a form sent."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy

from core.permissions import by_rule

from ..enums import ScrutinyMeetingStatus
from ..models import ScrutinyMeeting

CLOSED = gettext_lazy(
    "This meeting is closed, so its record cannot change. To correct it, reopen the record "
    "from the meeting's page, giving the reason."
)


def require(by, perm: str, obj=None) -> None:
    if not by_rule(perm, by, obj):
        raise PermissionDenied


def locked_meeting(meeting: ScrutinyMeeting) -> ScrutinyMeeting:
    """The meeting locked for the rest of the transaction: changes to one meeting's record
    are made one at a time, and each sees the status as it is now."""
    return ScrutinyMeeting.objects.select_for_update().get(pk=meeting.pk)


def refuse_if_closed(meeting: ScrutinyMeeting) -> None:
    if meeting.status == ScrutinyMeetingStatus.CLOSED:
        raise ValidationError(CLOSED)


def saved(row):
    row.full_clean()
    row.save()
    return row


def set_welsh(row, **welsh: str | None) -> None:
    """Give `row` each Welsh text the form sent (`text_cy="…"`); None, a post without that
    box, leaves the Welsh as it is. Call it under `core.bilingual.english()`."""
    for name, value in welsh.items():
        if value is not None:
            setattr(row, name, value.strip())


def required_text(value: str, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value
