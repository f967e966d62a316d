"""The chair's pages: the discussion, a case's decision, attendance and notes."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from cases.kinds.presenters import summary_of
from core.audit import AuditEvent, record
from core.form_pages import handle_form
from core.permissions import by_rule

from ... import queries
from ...enums import MeetingStatus
from ...rating import reveal
from ...rating import selectors as rating_selectors
from .. import presenters, selectors, services
from ..decision_form import DecisionForm
from ..forms import AttendanceForm, ObservationForm
from .meeting import _saved


@login_required
def discussion(request, pk: int):
    """The chair's view once the ratings are revealed: where members agree and split."""
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.view_discussion")
    order = "agreement" if request.GET.get("order") == "agreement" else "position"
    view = reveal.discussion(meeting=meeting, order=order)
    context = {
        "meeting": meeting,
        "view": view,
        "page": presenters.discussion_page(view),
        "order": order,
        "can_decide": by_rule("panels.record_decision", request.user, meeting)
        and meeting.status == MeetingStatus.IN_DISCUSSION,
        "page_title": _("Discussion: %(meeting)s") % {"meeting": meeting},
    }
    return render(request, "panels/discussion.html", context)


@login_required
def decision(request, pk: int, position: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.record_decision")
    reviewed = queries.agenda_entry(meeting=meeting, position=position)
    current = selectors.case_decision(reviewed_case=reviewed)
    later = selectors.later_meetings(meeting=meeting)
    item, members = reveal.decision_ratings(meeting=meeting, reviewed_case=reviewed)
    criteria = rating_selectors.framework_criteria(framework=meeting.panel.framework)
    answers = selectors.decision_answers(meeting=meeting, reviewed_case=reviewed, decision=current)
    asks = {
        "meeting": meeting,
        "later": later,
        "decision": current,
        "criteria": criteria,
        "member_answers": {split.criterion.pk: split.answers for split in item.answers},
    }
    if request.method == "GET":
        record(
            AuditEvent.VIEWED,
            reviewed.case,
            request=request,
            summary=f"Case papers and ratings for the decision: case {position} of {meeting}",
        )
    form = DecisionForm(request.POST or None, answers=answers, **asks)
    previous, following = rating_selectors.agenda_neighbours(meeting=meeting, position=position)
    context = {
        "meeting": meeting,
        "reviewed": reviewed,
        "summary": summary_of(reviewed.case),
        "decision": current,
        "item": item,
        "members": members,
        "form": form,
        "next": following,
        "previous": previous,
        "page_title": _("Case %(position)s: the panel's decision") % {"position": position},
    }
    if meeting.status != MeetingStatus.IN_DISCUSSION:
        context["refusal"] = (
            _("Decisions are recorded while the meeting is in discussion.")
            if meeting.status != MeetingStatus.CLOSED
            else _("The meeting is closed, so its decisions can no longer be changed.")
        )
        if request.method == "POST":
            return render(request, "panels/decision.html", context, status=403)
        return render(request, "panels/decision.html", context)

    def show(form, status, stale):
        context.update(form=form, stale=stale)
        if form.errors:
            context["page_title"] = _("Error: %(title)s") % {"title": context["page_title"]}
        return render(request, "panels/decision.html", context, status=status)

    def success(saved):
        if request.POST.get("action") == "next" and following is not None:
            return reverse("panels:decision", kwargs={"pk": pk, "position": following})
        return reverse("panels:discussion", kwargs={"pk": pk})

    return handle_form(
        request,
        form,
        save=lambda form: services.decision_record(
            reviewed_case=reviewed,
            by=request.user,
            data=form.decision_input(),
            version=form.cleaned_data["version"],
        ),
        message=_("The panel's decision on case %(position)s has been saved")
        % {"position": position},
        success=success,
        render=show,
        rebind=lambda data: DecisionForm(data, **asks),
        notice=False,  # decision.html shows theirs and yours in its own box
    )


@login_required
def attendance(request, pk: int):
    meeting = queries.meeting_for_user(
        user=request.user, pk=pk, perm="panels.manage_meeting_record"
    )
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        memberships=selectors.panel_members(meeting=meeting),
        attendance=list(meeting.attendance.select_related("membership__user")),
    )
    context = {"meeting": meeting, "page_title": _("Who attended")}
    return handle_form(
        request,
        form,
        save=lambda form: services.attendance_record(
            meeting=meeting, by=request.user, kinds=form.kinds(), observers=form.observer_list()
        ),
        message=_("Attendance saved"),
        success=reverse("panels:meeting_detail", args=[pk]),
        render=lambda form, status, stale: render(
            request, "panels/meeting_record_form.html", {**context, "form": form}, status=status
        ),
    )


@login_required
def observation_add(request, pk: int):
    meeting = queries.meeting_for_user(
        user=request.user, pk=pk, perm="panels.manage_meeting_record"
    )
    return _observation_form(request, meeting, None)


@login_required
def observation_edit(request, pk: int, note_pk: int):
    meeting = queries.meeting_for_user(
        user=request.user, pk=pk, perm="panels.manage_meeting_record"
    )
    return _observation_form(request, meeting, selectors.meeting_note(meeting=meeting, pk=note_pk))


def _observation_form(request, meeting, observation):
    title = (
        _("Change a note")
        if observation
        else _("Add a note: observation, good practice or learning")
    )
    context = {"meeting": meeting, "page_title": title}

    def success(saved):
        _saved(request, meeting, saved, _("Note changed") if observation else _("Note added"))
        return reverse("panels:meeting_detail", args=[meeting.pk])

    return handle_form(
        request,
        ObservationForm(request.POST or None, meeting=meeting, observation=observation),
        save=lambda form: services.observation_save(
            meeting=meeting,
            by=request.user,
            observation=observation,
            **form.observation_arguments(),
        ),
        success=success,
        render=lambda form, status, stale: render(
            request, "panels/meeting_record_form.html", {**context, "form": form}, status=status
        ),
    )
