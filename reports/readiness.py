"""Whether a report may move on yet: not before its meeting's date, and (notes) not while
the scrutiny meeting's record is reopened or a question lacks its summary."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .accountability.services import notes_refusal
from .models import FindingsReport


def too_early(report: FindingsReport, doing: str) -> str | None:
    """Why a report cannot be `doing` yet: its meeting's date is still to come, or (notes)
    the scrutiny meeting's record is reopened or not all summarised."""
    if report.scrutiny_meeting_id:
        refusal = notes_refusal(report.scrutiny_meeting_id, doing)
        if refusal:
            return refusal
    meeting = report.meeting or report.scrutiny_meeting
    if meeting is None or meeting.date <= timezone.localdate():
        return None
    return _("The meeting is dated %(date)s, so its report cannot be %(doing)s before then.") % {
        "date": date_format(meeting.date, "j F Y"),
        "doing": doing,
    }
