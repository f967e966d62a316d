"""Pages for running a meeting: plan, move on, the chair's view, decisions and follow-up."""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import slug_re
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from core import charts
from core.audit import AuditEvent, record
from core.forms import add_service_errors, with_version
from core.permissions import by_rule
from core.roles import is_opcc_staff

from . import resources, screening, selectors, services
from .enums import ActionStatus, MeetingStatus
from .meeting_forms import (
    ActionForm,
    AttendanceForm,
    DecisionForm,
    MeetingForm,
    MeetingMoveForm,
    ObservationForm,
    PeriodForm,
)
from .workflow import MEETING_TRANSITIONS

# What each move is called and what it does, in the words of its confirmation page.
MOVES = {
    MeetingStatus.RATING_OPEN: (
        "Open for rating",
        "Members will be able to declare conflicts, read the case papers and rate the "
        "cases. The sample can no longer be drawn again.",
    ),
    MeetingStatus.PLANNED: (
        "Move back to planned",
        "Members will no longer be able to rate. What they have saved is kept.",
    ),
    MeetingStatus.IN_DISCUSSION: (
        "Start the discussion",
        "Members will see each other's ratings, and ratings can no longer be changed. "
        "This cannot be undone.",
    ),
    MeetingStatus.CLOSED: (
        "Close the meeting",
        "The panel's decisions can no longer be changed, and its cases are marked as "
        "reviewed. Actions can still be updated. This cannot be undone.",
    ),
    MeetingStatus.CANCELLED: (
        "Cancel the meeting",
        "The cases on its agenda go back to the pool, and members can no longer rate "
        "them. This cannot be undone.",
    ),
}


# Moves that undo or abandon work: shown as warning buttons, apart from the next step.
DESTRUCTIVE_MOVES = {MeetingStatus.PLANNED, MeetingStatus.CANCELLED}


@dataclass(frozen=True)
class MeetingMoves:
    """The buttons of the meeting page: the next step, and the moves that undo work."""

    next: tuple[str, str] | None
    destructive: list[tuple[str, str]]

    def __bool__(self) -> bool:
        return self.next is not None or bool(self.destructive)


def meeting_moves(meeting) -> MeetingMoves:
    """(status, button label) for each move the workflow allows from here: the one step
    forward, and those that go back or cancel."""
    allowed = MEETING_TRANSITIONS[meeting.status]
    moves = [(to, MOVES[to][0]) for to in MOVES if to in allowed]
    forward = [move for move in moves if move[0] not in DESTRUCTIVE_MOVES]
    return MeetingMoves(
        next=forward[0] if forward else None,
        destructive=[move for move in moves if move[0] in DESTRUCTIVE_MOVES],
    )


@login_required
def meeting_plan(request):
    if not by_rule("panels.plan_meeting", request.user, None):
        raise PermissionDenied
    panels = selectors.plannable_panels(user=request.user)
    form = MeetingForm(request.POST or None, panels=panels)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_plan(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Meeting planned for {meeting.date:%-d %B %Y}")
            return redirect("panels:meeting_detail", pk=meeting.pk)
    return render(
        request, "panels/meeting_form.html", {"form": form, "page_title": "Plan a meeting"}
    )


@login_required
def meeting_edit(request, pk: int):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.view_meeting")
    if not by_rule("panels.plan_meeting", request.user, meeting.panel):
        raise PermissionDenied
    if meeting.status not in {MeetingStatus.PLANNED, MeetingStatus.RATING_OPEN}:
        # Nothing about a meeting in discussion, closed or cancelled can be changed here.
        raise PermissionDenied
    initial = {
        "date": meeting.date,
        "theme": meeting.theme,
        "rating_deadline": meeting.rating_deadline,
        "location": meeting.location,
    }
    form = MeetingForm(
        request.POST or None,
        initial=initial,
        panels=selectors.plannable_panels(user=request.user),
        editing=meeting,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The meeting has been changed")
            return redirect("panels:meeting_detail", pk=meeting.pk)
    context = {"form": form, "meeting": meeting, "page_title": "Change the meeting"}
    return render(request, "panels/meeting_form.html", context)


@login_required
def meeting_move(request, pk: int, to: str):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.move_meeting")
    if to not in MOVES:
        raise Http404
    label, consequence = MOVES[to]
    reveal = to == MeetingStatus.IN_DISCUSSION
    # A confirmation may post no fields at all, and must still be a bound form.
    data = request.POST if request.method == "POST" else None
    today = timezone.localdate()
    early = meeting.date > today
    form = MeetingMoveForm(
        data, reveal=reveal, label=label, early=early and is_opcc_staff(request.user)
    )
    warnings = []
    if to not in MEETING_TRANSITIONS[meeting.status]:
        warnings.append(f"A meeting that is {meeting.get_status_display().lower()} cannot do this.")
    warnings += _early_warnings(meeting, to, request.user) if early else []
    behind = []
    if reveal or to == MeetingStatus.CANCELLED:
        behind = selectors.members_yet_to_rate(meeting=meeting)
        if behind:
            warnings.append(
                f"{len(behind)} member{'s have' if len(behind) != 1 else ' has'} not submitted "
                "every rating: drafts will not count."
            )
    if reveal and meeting.rating_deadline and meeting.rating_deadline >= today:
        warnings.append(
            f"The rating deadline, {meeting.rating_deadline:%-d %B %Y}, has not passed yet: "
            "members may still be rating."
        )
    if to == MeetingStatus.CLOSED:
        undecided = meeting.reviewed_cases.filter(decision__isnull=True).count()
        if undecided:
            warnings.append(
                f"{undecided} case{'s have' if undecided != 1 else ' has'} no decision yet."
            )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_move(
                meeting=meeting,
                to=to,
                by=request.user,
                anonymous=form.cleaned_data.get("anonymous", False),
                early_reason=form.cleaned_data.get("early_reason", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"The meeting is now {MeetingStatus(to).label.lower()}")
            if reveal:
                return redirect("panels:discussion", pk=meeting.pk)
            return redirect("panels:meeting_detail", pk=meeting.pk)
    context = {
        "meeting": meeting,
        "form": form,
        "consequence": consequence,
        "warnings": warnings,
        "behind": behind,
        "page_title": f"{label}: {meeting}",
    }
    return render(request, "panels/meeting_move.html", context)


def _early_warnings(meeting, to: str, user) -> list[str]:
    """What the confirmation page says of a move before the meeting's date."""
    on = f"{meeting.date:%-d %B %Y}"
    if to == MeetingStatus.CLOSED:
        return [f"The meeting is on {on}: it cannot be closed before then."]
    if to != MeetingStatus.IN_DISCUSSION:
        return []
    if is_opcc_staff(user):
        return [f"The meeting is on {on}. To start the discussion early, confirm it and say why."]
    return [
        f"The meeting is on {on}, so the discussion cannot start yet. OPCC staff can "
        "confirm an early start, with a reason."
    ]


@login_required
def discussion(request, pk: int):
    """The chair's view once the ratings are revealed: where members agree and split."""
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.view_discussion")
    order = "agreement" if request.GET.get("order") == "agreement" else "position"
    view = selectors.discussion(meeting=meeting, order=order)
    context = {
        "meeting": meeting,
        "view": view,
        "order": order,
        "can_decide": by_rule("panels.record_decision", request.user, meeting)
        and meeting.status == MeetingStatus.IN_DISCUSSION,
        "page_title": f"Discussion: {meeting}",
    }
    return render(request, "panels/discussion.html", context)


@login_required
def decision(request, pk: int, position: int):
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.record_decision")
    reviewed = selectors.agenda_entry(meeting=meeting, position=position)
    current = selectors.case_decision(reviewed_case=reviewed)
    later = selectors.later_meetings(meeting=meeting)
    item, members = selectors.decision_ratings(meeting=meeting, reviewed_case=reviewed)
    if request.method == "GET":
        record(
            AuditEvent.VIEWED,
            reviewed.case,
            request=request,
            summary=f"Case papers and ratings for the decision: case {position} of {meeting}",
        )
    form = DecisionForm(request.POST or None, meeting=meeting, later=later, decision=current)
    previous, following = selectors.agenda_neighbours(meeting=meeting, position=position)
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
    meeting = selectors.meeting_for_user(
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
    meeting = selectors.meeting_for_user(
        user=request.user, pk=pk, perm="panels.manage_meeting_record"
    )
    return _observation_form(request, meeting, None)


@login_required
def observation_edit(request, pk: int, note_pk: int):
    meeting = selectors.meeting_for_user(
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


def _saved(request, meeting, item, done: str) -> None:
    """The banner after a note or action is saved: a warning when its words look like
    personal data (it is saved all the same, to be checked before publication)."""
    warning = screening.saved_warning(meeting=meeting, item=item)
    if warning:
        messages.warning(request, f"{done}. {warning}")
    else:
        messages.success(request, done)


@login_required
def action_add(request, pk: int):
    meeting = selectors.meeting_for_user(
        user=request.user, pk=pk, perm="panels.manage_meeting_record"
    )
    return _action_form(request, meeting, None)


@login_required
def action_edit(request, pk: int):
    action = selectors.action_for_user(user=request.user, pk=pk)
    return _action_form(request, action.meeting, action)


def _action_form(request, meeting, action):
    if not by_rule("panels.manage_meeting_record", request.user, meeting):
        raise PermissionDenied
    form = ActionForm(request.POST or None, action=action)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.action_save(
                meeting=meeting, by=request.user, action=action, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _saved(request, meeting, saved, "Action saved")
            return redirect("panels:meeting_detail", pk=meeting.pk)
    context = {
        "meeting": meeting,
        "form": form,
        "page_title": "Change an action" if action else "Add an action",
    }
    return render(request, "panels/meeting_record_form.html", context)


@login_required
def action_list(request):
    status = request.GET.get("status", "")
    if status not in ActionStatus.values:
        status = ""
    state = request.GET.get("state", "")
    if request.GET.get("overdue") == "1":
        state = "overdue"
    if state not in selectors.ACTION_STATES:
        state = ""
    panel = request.GET.get("panel", "")[:80]
    if panel and not slug_re.fullmatch(panel):
        # No panel has such a name (and PostgreSQL refuses a NUL character in a query).
        raise Http404("No panel has this name")
    today = timezone.localdate()
    actions = selectors.action_list(
        user=request.user, status=status, state=state, panel=panel, today=today
    )
    context = {
        "actions": actions,
        "rows": [(a, selectors.action_due(action=a, today=today)) for a in actions],
        "status": status,
        "state": state,
        "states": selectors.ACTION_STATES.items(),
        "panel": panel,
        "statuses": ActionStatus.choices,
        "today": today,
        "page_title": "Actions",
    }
    return render(request, "panels/action_list.html", context)


@login_required
def meeting_export(request, pk: int, table: str, fmt: str):
    """One table of the meeting's record, as CSV, XLSX or JSON, after the reveal."""
    meeting = selectors.meeting_for_user(user=request.user, pk=pk, perm="panels.export_meeting")
    if table not in resources.TABLES or fmt not in resources.FORMATS:
        raise Http404
    labels = {m.pk: label for m, label in selectors.voting_member_labels(meeting=meeting)}
    content, content_type = resources.export_meeting(
        meeting=meeting, table=table, fmt=fmt, labels=labels
    )
    record(
        AuditEvent.EXPORTED,
        meeting,
        request=request,
        summary=f"Meeting record exported: {table} as {fmt.upper()}",
        data={"table": table, "format": fmt},
    )
    response = HttpResponse(content, content_type=content_type)
    name = f"{meeting.panel.slug}-{meeting.date:%Y-%m-%d}-{table}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def panel_over_time(request, slug: str):
    """A panel's findings over a period (the last 12 months unless dates are given)."""
    panel = selectors.panel_for_user(user=request.user, slug=slug)
    form = PeriodForm(request.GET or None)
    end = timezone.localdate()
    start = end - datetime.timedelta(days=365)
    if form.is_bound and form.is_valid():
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    report = selectors.panel_over_time(panel=panel, start=start, end=end)
    context = {
        "panel": panel,
        "form": form,
        "report": report,
        "chart": charts.stacked_bars(report),
        "page_title": f"{panel.name} over time",
    }
    return render(request, "panels/panel_over_time.html", context)
