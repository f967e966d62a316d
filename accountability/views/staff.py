"""OPCC staff's pages: topics, scrutiny meetings, and moving a meeting on."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.bilingual import english_of
from core.form_pages import handle_form
from core.permissions import by_rule

from .. import presenters, selectors, services
from ..enums import ScrutinyMeetingStatus
from ..forms import ScrutinyMeetingForm, TopicForm, WelshForm
from ..workflow import SENDING
from .common import form_page, posted, staff_edit, staff_view


@staff_view
def index(request):
    topics = selectors.topics_with_latest()
    context = {
        "topics": [(t, presenters.level_tag(t.latest_level)) for t in topics],
        "meetings": [(m, presenters.status_tag(m)) for m in selectors.scrutiny_meetings()],
        "can_manage": by_rule("accountability.manage", request.user),
        "page_title": _("Accountability scrutiny"),
    }
    return render(request, "accountability/index.html", context)


@staff_edit
def topic_add(request):
    return handle_form(
        request,
        TopicForm(posted(request), forces=selectors.forces()),
        save=lambda form: services.topic_create(by=request.user, **form.cleaned_data),
        message=_("Topic added"),
        success=lambda topic: reverse("accountability:topic_detail", args=[topic.pk]),
        render=form_page(
            request,
            {"page_title": _("Add a topic")},
            back_url=reverse("accountability:index"),
            back_text=_("Back to accountability scrutiny"),
        ),
    )


@staff_edit
def topic_welsh(request, pk: int):
    """The Welsh of a topic's title: the English is final, its Welsh may be added later."""
    topic = selectors.topic_get(pk=pk)
    topic_url = reverse("accountability:topic_detail", args=[topic.pk])

    def build(data):
        return WelshForm(data, name="title", label=_("Title (Welsh)"), row=topic, rows=0)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.topic_welsh_save(
            topic=topic, by=request.user, **form.cleaned_data
        ),
        message=_("The topic's Welsh title saved"),
        success=topic_url,
        render=form_page(
            request,
            {
                "page_title": _("The topic's title in Welsh"),
                "intro": _("The title in English: %(title)s")
                % {"title": english_of(topic, "title")},
            },
            back_url=topic_url,
            back_text=_("Back to the topic"),
        ),
        rebind=build,
        what="topic",
    )


@staff_view
def topic_detail(request, pk: int):
    topic = selectors.topic_get(pk=pk)
    decisions = selectors.topic_decisions(topic=topic)
    context = {
        "topic": topic,
        "decisions": [
            (d, presenters.level_tag(d.level), presenters.since_previous(d)) for d in decisions
        ],
        "follow_ups": [
            (follow_up, presenters.follow_up_tag(follow_up, today=timezone.localdate()))
            for follow_up in selectors.topic_follow_ups(topic=topic)
        ],
        "page_title": topic.title,
        "can_manage": by_rule("accountability.manage", request.user),
    }
    return render(request, "accountability/topic_detail.html", context)


@staff_edit
def meeting_add(request):
    form = ScrutinyMeetingForm(
        posted(request), forces=selectors.forces(), topics=selectors.topics_with_latest()
    )
    return handle_form(
        request,
        form,
        save=lambda form: services.scrutiny_meeting_create(by=request.user, **form.cleaned_data),
        message=_("Scrutiny meeting planned"),
        success=lambda meeting: reverse("accountability:meeting_detail", args=[meeting.pk]),
        render=form_page(
            request,
            {"page_title": _("Plan a scrutiny meeting")},
            back_url=reverse("accountability:index"),
            back_text=_("Back to accountability scrutiny"),
        ),
    )


@staff_edit
def meeting_edit(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    topics = selectors.topics_with_latest().filter(force=meeting.force)

    def build(data):
        return ScrutinyMeetingForm(data, forces=selectors.forces(), topics=topics, meeting=meeting)

    return handle_form(
        request,
        build(posted(request)),
        save=lambda form: services.scrutiny_meeting_update(
            meeting=meeting, by=request.user, **form.cleaned_data
        ),
        message=_("Scrutiny meeting changed"),
        success=reverse("accountability:meeting_detail", args=[meeting.pk]),
        render=form_page(
            request,
            {"page_title": _("Change the scrutiny meeting"), "intro": str(meeting)},
            back_url=reverse("accountability:meeting_detail", args=[meeting.pk]),
            back_text=_("Back to the meeting"),
        ),
        rebind=build,
        what="meeting",
    )


@staff_view
def meeting_detail(request, pk: int):
    meeting = selectors.meeting_get(pk=pk)
    decisions = selectors.meeting_decisions(meeting=meeting)
    questions = [
        (q, presenters.question_state(q)) for q in selectors.meeting_questions(meeting=meeting)
    ]
    context = {
        "meeting": meeting,
        "status": presenters.status_tag(meeting),
        "questions": questions,
        "sending": meeting.status in SENDING,
        "drafts": any(q.sent_at is None for q, _ in questions),
        "topics": [
            (t, decisions.get(t.pk), presenters.decision_tag(decisions.get(t.pk)))
            for t in selectors.meeting_topics(meeting=meeting)
        ],
        "other_areas": meeting.other_areas.order_by("pk"),
        "actions": selectors.meeting_actions(meeting=meeting),
        "follow_ups": selectors.meeting_follow_ups(meeting=meeting),
        "history": [
            (change, _(ScrutinyMeetingStatus(change.to_status).label))
            for change in selectors.meeting_history(meeting=meeting)
        ],
        "moves": presenters.moves_from(meeting),
        "can_manage": by_rule("accountability.manage", request.user),
        "can_decide": by_rule("accountability.record_decision", request.user),
        "closed": meeting.status == ScrutinyMeetingStatus.CLOSED,
        "page_title": str(meeting),
    }
    return render(request, "accountability/meeting_detail.html", context)


@require_POST
@staff_view
def meeting_move(request, pk: int):
    """Move the meeting on (a button on its page); a refusal is flashed on the page, which
    says why."""
    meeting = selectors.meeting_get(pk=pk)
    to = request.POST.get("to", "")
    try:
        if to not in ScrutinyMeetingStatus.values:
            raise ValidationError(_("Select a status the meeting can move to."))
        services.scrutiny_meeting_move(meeting=meeting, by=request.user, to=to)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The meeting is now %(status)s")
            % {"status": _(meeting.get_status_display()).lower()},
        )
    return redirect("accountability:meeting_detail", pk=meeting.pk)
