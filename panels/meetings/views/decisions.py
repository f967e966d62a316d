"""The chair's pages: the discussion, a case's decision, attendance and notes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from core.audit import AuditEvent, record
from core.forms import add_service_errors, with_version
from core.permissions import by_rule

from ... import queries
from ...enums import MeetingStatus
from ...rating import reveal
from ...rating import selectors as rating_selectors
from .. import presenters, selectors, services
from ..forms import AttendanceForm, DecisionForm, ObservationForm
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
        "page_title": f"Discussion: {meeting}",
    }
    return render(request, "panels/discussion.html", context)


@login_required
def decision(request, pk: int, position: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.record_decision")
    reviewed = queries.agenda_entry(meeting=meeting, position=position)
    current = selectors.case_decision(reviewed_case=reviewed)
    later = selectors.later_meetings(meeting=meeting)
    item, members = reveal.decision_ratings(meeting=meeting, reviewed_case=reviewed)
    if request.method == "GET":
        record(
            AuditEvent.VIEWED,
            reviewed.case,
            request=request,
            summary=f"Case papers and ratings for the decision: case {position} of {meeting}",
        )
    form = DecisionForm(request.POST or None, meeting=meeting, later=later, decision=current)
    previous, following = rating_selectors.agenda_neighbours(meeting=meeting, position=position)
    context = {
        "meeting": meeting,
        "reviewed": reviewed,
        "decision": current,
        "item": item,
        "members": members,
        "form": form,
        "next": following,
        "previous": previous,
        "page_title": f"Case {position}: the panel's decision",
    }
    if meeting.status != MeetingStatus.IN_DISCUSSION:
        context["refusal"] = (
            "Decisions are recorded while the meeting is in discussion."
            if meeting.status != MeetingStatus.CLOSED
            else "The meeting is closed, so its decisions can no longer be changed."
        )
        if request.method == "POST":
            return render(request, "panels/decision.html", context, status=403)
        return render(request, "panels/decision.html", context)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_record(
                reviewed_case=reviewed,
                by=request.user,
                data=form.decision_input(),
                version=form.cleaned_data["version"],
            )
        except services.StaleDecision as stale:
            context["form"] = DecisionForm(
                with_version(request.POST, stale.current.version),
                meeting=meeting,
                later=later,
                decision=current,
            )
            context["form"].is_valid()
            context.update(stale=stale.current, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"The panel's decision on case {position} has been saved")
            if request.POST.get("action") == "next" and following is not None:
                return redirect("panels:decision", pk=pk, position=following)
            return redirect("panels:discussion", pk=pk)
    if form.errors:
        context["page_title"] = f"Error: {context['page_title']}"
    return render(request, "panels/decision.html", context, status=context.pop("status", 200))


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
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(
                meeting=meeting, by=request.user, kinds=form.kinds(), observers=form.observer_list()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Attendance saved")
            return redirect("panels:meeting_detail", pk=pk)
    context = {"meeting": meeting, "form": form, "page_title": "Who attended"}
    return render(request, "panels/meeting_record_form.html", context)


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
    form = ObservationForm(request.POST or None, meeting=meeting, observation=observation)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.observation_save(
                meeting=meeting,
                by=request.user,
                observation=observation,
                **form.observation_arguments(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _saved(request, meeting, saved, "Note changed" if observation else "Note added")
            return redirect("panels:meeting_detail", pk=meeting.pk)
    title = "Change a note" if observation else "Add a note: observation, good practice or learning"
    context = {"meeting": meeting, "form": form, "page_title": title}
    return render(request, "panels/meeting_record_form.html", context)
