"""Drafting a scrutiny meeting's notes. From the draft on, the notes move through the
findings reports' own services (reports/services.py): submit, approve, return, publish,
correct and withdraw."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accountability.models import ScrutinyMeeting
from accountability.workflow import unsummarised, unsummarised_refusal
from core.audit import AuditEvent, record
from core.bilingual import english, english_of

from ..enums import ReportKind, ReportStatus, SectionKey
from ..models import FindingsReport, ReportSection, ReportStatusChange
from ..selectors import NOTES_READY

ABOUT_HEADING = gettext_lazy("About these notes")
ABOUT_BODY = gettext_lazy(
    "The Police and Crime Commissioner holds the Chief Constable to account for the "
    "performance of the force at scrutiny meetings. Before each meeting the Commissioner's "
    "office sends the force questions on each topic, and the force answers them in writing "
    "with its evidence. These notes give a brief summary of that evidence, the "
    "Commissioner's decision on each topic and the actions agreed."
)
ALREADY = gettext_lazy("This scrutiny meeting already has notes.")
HELD = (ReportStatus.AWAITING_APPROVAL, ReportStatus.APPROVED)


def notes_refusal(meeting_pk: int, doing: str) -> str | None:
    """Why a meeting's notes cannot be `doing` ("sent for approval", "approved",
    "published"): the notes are drawn from the live record, so it must be closed, and
    every question sent to the force summarised. The meeting is read afresh: inside a
    transaction holding its row, it is as the last reopening or closing left it."""
    meeting = ScrutinyMeeting.objects.get(pk=meeting_pk)
    if meeting.status not in NOTES_READY:
        return _(
            "The meeting's record is reopened, so its notes cannot be %(doing)s. Close the "
            "meeting again once the record is correct."
        ) % {"doing": doing}
    missing = unsummarised(meeting)
    return (
        unsummarised_refusal(missing, _("the notes are %(doing)s") % {"doing": doing})
        if missing
        else None
    )


def reopen_refusal(meeting: ScrutinyMeeting) -> str | None:
    """Notes waiting for approval, or approved, are approved as they will be published:
    the record they are drawn from stays closed until they are returned to draft."""
    held = FindingsReport.objects.filter(scrutiny_meeting=meeting, status__in=HELD)
    if held.exists():
        return _(
            "The meeting's notes are waiting for approval or to be published: return them "
            "to draft before reopening the record, so that what is approved is what is "
            "published."
        )
    return None


def notes_title(meeting: ScrutinyMeeting) -> str:
    """The notes' title, in English whatever the page's language (the Welsh page says it in
    Welsh: presenters._title)."""
    with english():
        topics = "; ".join(t.title for t in meeting.topics.order_by("title", "pk"))
        theme = meeting.theme
    about = f" ({theme}: {topics})" if theme and topics else ""
    return f"Notes of the scrutiny meeting of {meeting.date:%-d %B %Y}{about}"[:300]


def notes_retitle(report: FindingsReport, meeting: ScrutinyMeeting, *, by) -> None:
    """The notes' title drawn again from the meeting (its theme may have been corrected
    since the draft was written), before they go for approval; recorded in the audit trail
    with the title before and after."""
    title = notes_title(meeting)
    before = english_of(report, "title")
    if title != before:
        # Both English columns (the original and its translation's), whatever the
        # language of the page that sent the notes for approval.
        FindingsReport.objects.rewrite(False).filter(pk=report.pk).update(
            title=title, title_en=title
        )
        record(
            AuditEvent.CHANGED,
            report,
            actor=by,
            summary="Notes' title drawn again from the meeting",
            data={"title": [before, title]},
        )
        report.title_en = title


def notes_generate(*, meeting: ScrutinyMeeting, by) -> FindingsReport:
    """A draft of the meeting's notes, once the meeting is closed."""
    if meeting.status not in NOTES_READY:
        raise ValidationError(
            _(
                "Record the Commissioner's decision on each topic and close the meeting "
                "before writing the notes."
            )
        )
    missing = unsummarised(meeting)
    if missing:
        raise ValidationError(unsummarised_refusal(missing, _("the notes are written")))
    with transaction.atomic():
        if FindingsReport.objects.filter(scrutiny_meeting=meeting).exists():
            raise ValidationError(ALREADY)
        with english():  # the title in its English column, whatever the page's language
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
            with english():
                report.save()
        except IntegrityError as error:  # two staff pressed "Write the notes" together
            raise ValidationError(ALREADY) from error
        ReportSection.objects.create(
            report=report,
            key=SectionKey.INTRODUCTION,
            heading=str(ABOUT_HEADING),
            body=str(ABOUT_BODY),
        )
        ReportStatusChange.objects.create(
            report=report, to_status=ReportStatus.DRAFT, changed_by=by
        )
    return report
