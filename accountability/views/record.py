"""Correcting a meeting's record: reopening it once closed."""

from django.urls import reverse

from core.form_pages import handle_form

from .. import selectors, services
from ..forms import ReopenForm
from .common import form_page, posted, staff_edit


def _meeting_url(meeting, anchor: str = "") -> str:
    return reverse("accountability:meeting_detail", args=[meeting.pk]) + anchor


def _back(request, meeting, context: dict):
    return form_page(
        request,
        {"intro": str(meeting), **context},
        back_url=_meeting_url(meeting),
        back_text="Back to the meeting",
    )


@staff_edit
def meeting_reopen(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    intro = (
        f"{meeting}. Reopening the record lets it be corrected on the meeting's pages, "
        "for example to fix what the notes' disclosure check found, or to correct a decision "
        "after the notes are published. Close the meeting again when it is done; notes "
        "waiting for approval must be returned to draft first."
    )
    return handle_form(
        request,
        ReopenForm(posted(request)),
        save=lambda form: services.scrutiny_meeting_reopen(
            meeting=meeting, by=request.user, **form.cleaned_data
        ),
        message="The meeting's record is reopened. Close the meeting again when it is correct",
        success=_meeting_url(meeting),
        render=_back(request, meeting, {"page_title": "Reopen the record", "intro": intro}),
    )
