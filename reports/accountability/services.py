"""Drafting a scrutiny meeting's notes. From the draft on, the notes move through the
findings reports' own services (reports/services.py): submit, approve, return, publish,
correct and withdraw."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accountability.models import ScrutinyMeeting

from ..enums import ReportKind, ReportStatus, SectionKey
from ..models import FindingsReport, ReportSection, ReportStatusChange
from ..selectors import NOTES_READY

ABOUT_HEADING = "About these notes"
ABOUT_BODY = (
    "The Police and Crime Commissioner holds the Chief Constable to account for the "
    "performance of the force at scrutiny meetings. Before each meeting the Commissioner's "
    "office sends the force questions on each topic, and the force answers them in writing "
    "with its evidence. These notes give a brief summary of that evidence, the "
    "Commissioner's decision on each topic and the actions agreed."
)
ALREADY = "This scrutiny meeting already has notes."


def notes_title(meeting: ScrutinyMeeting) -> str:
    topics = "; ".join(t.title for t in meeting.topics.order_by("title", "pk"))
    about = f" ({meeting.theme}: {topics})" if meeting.theme and topics else ""
    return f"Notes of the scrutiny meeting of {meeting.date:%-d %B %Y}{about}"[:300]


def notes_generate(*, meeting: ScrutinyMeeting, by) -> FindingsReport:
    """A draft of the meeting's notes, once the meeting is closed."""
    if meeting.status not in NOTES_READY:
        raise ValidationError(
            "Record the Commissioner's decision on each topic and close the meeting before "
            "writing the notes."
        )
    with transaction.atomic():
        if FindingsReport.objects.filter(scrutiny_meeting=meeting).exists():
            raise ValidationError(ALREADY)
        report = FindingsReport(
            kind=ReportKind.NOTES,
            scrutiny_meeting=meeting,
            slug=f"{meeting.date:%Y-%m-%d}-{meeting.force.code}".lower()[:120],
            title=notes_title(meeting),
            created_by=by,
            last_edited_by=by,
        )
        report.full_clean()
        try:
            report.save()
        except IntegrityError as error:  # two staff pressed "Write the notes" together
            raise ValidationError(ALREADY) from error
        ReportSection.objects.create(
            report=report, key=SectionKey.INTRODUCTION, heading=ABOUT_HEADING, body=ABOUT_BODY
        )
        ReportStatusChange.objects.create(
            report=report, to_status=ReportStatus.DRAFT, changed_by=by
        )
    return report
