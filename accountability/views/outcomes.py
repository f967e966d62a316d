"""The meeting's outcomes: the Commissioner's decision per topic, other areas discussed,
numbered actions and follow-ups."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.form_pages import handle_form

from .. import presenters, selectors, services
from ..forms import DecisionForm
from ..record_forms import ActionForm, ActionTrackForm, FollowUpForm, OtherAreaForm
from .common import form_page, liaison_warning, posted, rule_required, staff_edit, with_liaison_note


def _meeting_url(meeting, anchor: str = "") -> str:
    return reverse("accountability:meeting_detail", args=[meeting.pk]) + anchor


@rule_required("accountability.record_decision")
def decision(request, pk: int, topic_pk: int):
    meeting = selectors.meeting_get(pk=pk)
    topic = selectors.meeting_topic(meeting=meeting, pk=topic_pk)
    current = selectors.meeting_decisions(meeting=meeting).get(topic.pk)
    previous = services.previous_decision(meeting=meeting, topic=topic)
    questions = [
        (q, presenters.question_state(q))
        for q in selectors.topic_questions(meeting=meeting, topic=topic)
    ]

    def build(data):
        return DecisionForm(data, decision=current)

    def show(form, status, stale):
        context = {
            "meeting": meeting,
            "topic": topic,
            "previous": previous,
            "questions": questions,
            "previous_tag": presenters.level_tag(previous.level) if previous else None,
            "form": form,
            "page_title": _("The Commissioner's decision: %(topic)s") % {"topic": topic.title},
        }
        return render(request, "accountability/decision.html", context, status=status)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.topic_decision_save(
            meeting=meeting, topic=topic, by=request.user, **form.cleaned_data
        ),
        message=_("Decision saved"),
        success=_meeting_url(meeting, "#decisions"),
        render=show,
        rebind=build,
        what="decision",
    )


@staff_edit
def other_area_add(request, pk: int):
    return _other_area(request, selectors.meeting_get(pk=pk), None)


@staff_edit
def other_area_edit(request, pk: int):
    area = selectors.other_area_get(pk=pk)
    return _other_area(request, area.meeting, area)


def _other_area(request, meeting, area):
    def build(data):
        return OtherAreaForm(data, area=area)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.other_area_save(
            meeting=meeting, by=request.user, area=area, **form.cleaned_data
        ),
        message=_("Other area saved"),
        success=_meeting_url(meeting, "#other-areas"),
        render=form_page(
            request,
            {
                "page_title": _("Change an area discussed")
                if area
                else _("Add another area discussed"),
                "intro": str(meeting),
            },
            back_url=_meeting_url(meeting),
            back_text=_("Back to the meeting"),
        ),
        rebind=build,
        what="area",
    )


@staff_edit
def action_add(request, pk: int):
    return _action(request, selectors.meeting_get(pk=pk), None)


@staff_edit
def action_edit(request, pk: int):
    link = selectors.scrutiny_action_get(pk=pk)
    return _action(request, link.meeting, link)


def _action(request, meeting, link):
    action = link.action if link else None
    seen = services.action_fingerprint(action) if action else ""

    def build(data):
        return ActionForm(data, action=action, seen=seen)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.scrutiny_action_save(
            meeting=meeting, by=request.user, link=link, **form.cleaned_data
        ),
        message=lambda saved: (
            _("Action %(number)s saved") % {"number": saved.number}
            if link
            else with_liaison_note(
                meeting.force, _("Action %(number)s saved.") % {"number": saved.number}
            )
        ),
        success=_meeting_url(meeting, "#actions"),
        render=form_page(
            request,
            {
                "page_title": _("Change action %(number)s") % {"number": link.number}
                if link
                else _("Add an action"),
                "intro": _("%(meeting)s. The action is addressed to %(force)s.")
                % {"meeting": meeting, "force": meeting.force},
                **({} if link else liaison_warning(request, meeting.force)),
            },
            back_url=_meeting_url(meeting),
            back_text=_("Back to the meeting"),
        ),
        rebind=build,
        version_field="seen",
        what="action",
    )


@staff_edit
def action_status(request, pk: int):
    """The action's status and due date, which OPCC staff keep up to date after the
    meeting has closed, as a panel's actions are; its wording stays as agreed."""
    link = selectors.scrutiny_action_get(pk=pk)
    meeting, action = link.meeting, link.action
    seen = services.action_fingerprint(action)

    def build(data):
        return ActionTrackForm(data, action=action, seen=seen)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.scrutiny_action_track(
            link=link, by=request.user, **form.cleaned_data
        ),
        message=lambda saved: (
            _("Action %(number)s is %(status)s")
            % {"number": saved.number, "status": saved.action.get_status_display().lower()}
        ),
        success=_meeting_url(meeting, "#actions"),
        render=form_page(
            request,
            {
                "page_title": _("Status of action %(number)s") % {"number": link.number},
                "intro": _("%(meeting)s. Action %(number)s: %(description)s")
                % {"meeting": meeting, "number": link.number, "description": action.description},
            },
            back_url=_meeting_url(meeting),
            back_text=_("Back to the meeting"),
        ),
        rebind=build,
        version_field="seen",
        what="action",
    )


@staff_edit
def follow_up_add(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    return handle_form(
        request,
        FollowUpForm(posted(request), topics=meeting.topics.order_by("title", "pk")),
        save=lambda form: services.follow_up_add(
            meeting=meeting, by=request.user, **form.cleaned_data
        ),
        message=_("Follow-up set"),
        success=_meeting_url(meeting, "#follow-ups"),
        render=form_page(
            request,
            {"page_title": _("Set a follow-up"), "intro": str(meeting)},
            back_url=_meeting_url(meeting),
            back_text=_("Back to the meeting"),
        ),
    )
