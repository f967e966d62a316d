"""Correcting a meeting's record: reopening it once closed, and changing or removing a
follow-up while it is open."""

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from core.form_pages import handle_form

from .. import selectors, services
from ..record_forms import FollowUpForm, FollowUpRemoveForm, ReopenForm
from .common import form_page, posted, staff_edit


def _meeting_url(meeting, anchor: str = "") -> str:
    return reverse("accountability:meeting_detail", args=[meeting.pk]) + anchor


def _back(request, meeting, context: dict):
    return form_page(
        request,
        {"intro": str(meeting), **context},
        back_url=_meeting_url(meeting),
        back_text=_("Back to the meeting"),
    )


@staff_edit
def meeting_reopen(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    intro = _(
        "%(meeting)s. Reopening the record lets it be corrected on the meeting's pages, "
        "for example to fix what the notes' disclosure check found, or to correct a decision "
        "after the notes are published. Close the meeting again when it is done; notes "
        "waiting for approval must be returned to draft first."
    ) % {"meeting": meeting}
    return handle_form(
        request,
        ReopenForm(posted(request)),
        save=lambda form: services.scrutiny_meeting_reopen(
            meeting=meeting, by=request.user, **form.cleaned_data
        ),
        message=_("The meeting's record is reopened. Close the meeting again when it is correct"),
        success=_meeting_url(meeting),
        render=_back(request, meeting, {"page_title": _("Reopen the record"), "intro": intro}),
    )


@staff_edit
def follow_up_edit(request, pk: int):
    follow_up = selectors.follow_up_get(pk=pk)
    meeting = follow_up.meeting
    topics = meeting.topics.order_by("title", "pk")

    def build(data):
        return FollowUpForm(data, topics=topics, follow_up=follow_up)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.follow_up_change(
            follow_up=follow_up, by=request.user, **form.cleaned_data
        ),
        message=_("Follow-up saved"),
        success=_meeting_url(meeting, "#follow-ups"),
        render=_back(request, meeting, {"page_title": _("Change a follow-up")}),
        rebind=build,
        what="follow-up",
    )


@staff_edit
def follow_up_remove(request, pk: int):
    follow_up = selectors.follow_up_get(pk=pk)
    meeting = follow_up.meeting

    def build(data):
        return FollowUpRemoveForm(data, follow_up=follow_up)

    what = _("%(topic)s: %(text)s, due %(date)s.") % {
        "topic": follow_up.topic.title,
        "text": follow_up.text,
        "date": date_format(follow_up.due_date, "j F Y"),
    }
    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.follow_up_remove(
            follow_up=follow_up, by=request.user, **form.cleaned_data
        ),
        message=_("Follow-up removed"),
        success=_meeting_url(meeting, "#follow-ups"),
        render=_back(request, meeting, {"page_title": _("Remove this follow-up?"), "intro": what}),
        rebind=build,
        what="follow-up",
    )
