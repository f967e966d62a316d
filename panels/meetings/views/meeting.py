"""The meetings list, a meeting's page, and planning a meeting and moving it on."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.bilingual import english_of, welsh_of
from core.form_pages import handle_form
from core.permissions import by_rule
from core.roles import is_opcc_staff

from ... import queries
from ...enums import MeetingStatus
from ...permissions import (
    REVEALED,
)
from ...rating import selectors as rating_selectors
from ...sampling import selectors as sampling_selectors
from ...workflow import MEETING_TRANSITIONS
from .. import presenters, screening, selectors, services
from ..forms import MeetingForm, MeetingMoveForm

EXPORT_TABLES = [
    ("ratings", gettext_lazy("Members' ratings")),
    ("decisions", gettext_lazy("Decisions")),
    ("notes", gettext_lazy("Notes")),
    ("actions", gettext_lazy("Actions")),
]


# What each move is called and what it does, in the words of its confirmation page.
MOVES = {
    MeetingStatus.RATING_OPEN: (
        gettext_lazy("Open for rating"),
        gettext_lazy(
            "Members will be able to declare conflicts, read the case papers and rate the "
            "cases. The sample can no longer be drawn again."
        ),
    ),
    MeetingStatus.PLANNED: (
        gettext_lazy("Move back to planned"),
        gettext_lazy("Members will no longer be able to rate. What they have saved is kept."),
    ),
    MeetingStatus.IN_DISCUSSION: (
        gettext_lazy("Start the discussion"),
        gettext_lazy(
            "Members will see each other's ratings, and ratings can no longer be changed. "
            "This cannot be undone."
        ),
    ),
    MeetingStatus.CLOSED: (
        gettext_lazy("Close the meeting"),
        gettext_lazy(
            "The panel's decisions can no longer be changed, and its cases are marked as "
            "reviewed. Actions can still be updated. This cannot be undone."
        ),
    ),
    MeetingStatus.CANCELLED: (
        gettext_lazy("Cancel the meeting"),
        gettext_lazy(
            "The cases on its agenda go back to the pool, and members can no longer rate "
            "them. This cannot be undone."
        ),
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
    return handle_form(
        request,
        MeetingForm(request.POST or None, panels=panels),
        save=lambda form: services.meeting_plan(by=request.user, **form.cleaned_data),
        message=lambda meeting: (
            _("Meeting planned for %(date)s") % {"date": date_format(meeting.date, "j F Y")}
        ),
        success=lambda meeting: reverse("panels:meeting_detail", args=[meeting.pk]),
        render=lambda form, status, stale: render(
            request,
            "panels/meeting_form.html",
            {"form": form, "page_title": _("Plan a meeting")},
            status=status,
        ),
    )


@login_required
def meeting_edit(request, pk: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.view_meeting")
    if not by_rule("panels.plan_meeting", request.user, meeting.panel):
        raise PermissionDenied
    if meeting.status == MeetingStatus.CANCELLED:
        # Nothing about a cancelled meeting can be changed; a later one, only its theme's Welsh.
        raise PermissionDenied
    initial = {
        "date": meeting.date,
        "theme": english_of(meeting, "theme"),
        "theme_cy": welsh_of(meeting, "theme"),
        "rating_deadline": meeting.rating_deadline,
        "location": meeting.location,
    }
    form = MeetingForm(
        request.POST or None,
        initial=initial,
        panels=selectors.plannable_panels(user=request.user),
        editing=meeting,
    )
    context = {"meeting": meeting, "page_title": _("Change the meeting")}
    return handle_form(
        request,
        form,
        save=lambda form: services.meeting_update(
            meeting=meeting, by=request.user, **form.cleaned_data
        ),
        message=_("The meeting has been changed"),
        success=reverse("panels:meeting_detail", args=[meeting.pk]),
        render=lambda form, status, stale: render(
            request, "panels/meeting_form.html", {**context, "form": form}, status=status
        ),
    )


@login_required
def meeting_move(request, pk: int, to: str):
    meeting = queries.meeting_for_user(user=request.user, pk=pk, perm="panels.move_meeting")
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
        warnings.append(
            _("A meeting that is %(status)s cannot do this.")
            % {"status": meeting.get_status_display().lower()}
        )
    warnings += _early_warnings(meeting, to, request.user) if early else []
    behind = []
    if reveal or to == MeetingStatus.CANCELLED:
        behind = selectors.members_yet_to_rate(meeting=meeting)
        if behind:
            warnings.append(
                ngettext(
                    "%(count)s member has not submitted every rating: drafts will not count.",
                    "%(count)s members have not submitted every rating: drafts will not count.",
                    len(behind),
                )
                % {"count": len(behind)}
            )
    if reveal and meeting.rating_deadline and meeting.rating_deadline >= today:
        warnings.append(
            _("The rating deadline, %(date)s, has not passed yet: members may still be rating.")
            % {"date": date_format(meeting.rating_deadline, "j F Y")}
        )
    if to == MeetingStatus.CLOSED:
        undecided = meeting.reviewed_cases.filter(decision__isnull=True).count()
        if undecided:
            warnings.append(
                ngettext(
                    "%(count)s case has no decision yet.",
                    "%(count)s cases have no decision yet.",
                    undecided,
                )
                % {"count": undecided}
            )
    context = {
        "meeting": meeting,
        "consequence": consequence,
        "warnings": warnings,
        "behind": behind,
        "page_title": f"{label}: {meeting}",
    }
    return handle_form(
        request,
        form,
        save=lambda form: services.meeting_move(
            meeting=meeting,
            to=to,
            by=request.user,
            anonymous=form.cleaned_data.get("anonymous", False),
            early_reason=form.cleaned_data.get("early_reason", ""),
        ),
        message=_("The meeting is now %(status)s") % {"status": MeetingStatus(to).label.lower()},
        success=reverse("panels:discussion" if reveal else "panels:meeting_detail", args=[pk]),
        render=lambda form, status, stale: render(
            request, "panels/meeting_move.html", {**context, "form": form}, status=status
        ),
    )


def _early_warnings(meeting, to: str, user) -> list[str]:
    """What the confirmation page says of a move before the meeting's date."""
    on = {"date": date_format(meeting.date, "j F Y")}
    if to == MeetingStatus.CLOSED:
        return [_("The meeting is on %(date)s: it cannot be closed before then.") % on]
    if to != MeetingStatus.IN_DISCUSSION:
        return []
    if is_opcc_staff(user):
        return [
            _("The meeting is on %(date)s. To start the discussion early, confirm it and say why.")
            % on
        ]
    return [
        _(
            "The meeting is on %(date)s, so the discussion cannot start yet. OPCC staff can "
            "confirm an early start, with a reason."
        )
        % on
    ]


def _saved(request, meeting, item, done: str) -> None:
    """The banner after a note or action is saved: a warning when its words look like
    personal data (it is saved all the same, to be checked before publication)."""
    warning = screening.saved_warning(meeting=meeting, item=item)
    if warning:
        messages.warning(request, f"{done}. {warning}")
    else:
        messages.success(request, done)


@login_required
def meeting_list(request):
    """The user's meetings, upcoming first; `?status=` keeps one status."""
    status = request.GET.get("status", "")
    status_error = ""
    if status and status not in MeetingStatus.values:
        status, status_error = "", _("Select a status from the list")
    context = {
        "meetings": selectors.meetings_in_order(user=request.user, status=status),
        "status": status,
        "status_label": MeetingStatus(status).label if status else "",
        "statuses": MeetingStatus.choices,
        "status_error": status_error,
        "status_errors": [("status", status_error)],
        "page_title": _("Meetings"),
    }
    return render(request, "panels/meeting_list.html", context)


@login_required
def meeting_detail(request, pk: int):
    meeting = queries.meeting_for_user(user=request.user, pk=pk)
    decided = meeting.status in REVEALED
    # The agenda is read once: its rows, the counts by category and the reasons.
    agenda = list(queries.agenda(meeting=meeting, themes=False))
    reasons = selectors.decisions_by_category(cases=agenda) if decided else None
    is_member = queries.membership_for(user=request.user, meeting=meeting) is not None
    show_progress = by_rule("panels.view_rating_progress", request.user, meeting)
    if show_progress:
        progress, conflicts = rating_selectors.member_progress(meeting=meeting, cases=len(agenda))
        totals = rating_selectors.progress_totals(progress)
    else:
        progress, conflicts = None, None
        totals = rating_selectors.rating_progress(meeting=meeting)
    draw, draw_count = sampling_selectors.latest_draw(meeting=meeting)
    observations = list(meeting.observations.prefetch_related("themes"))
    actions = presenters.with_visible_responses(
        user=request.user,
        actions=list(meeting.actions.prefetch_related(queries.responses_newest_first())),
    )
    context = {
        "meeting": meeting,
        "agenda": agenda,
        "agenda_table": presenters.agenda_table(agenda),
        "counts": selectors.decision_counts(meeting=meeting, cases=agenda) if decided else None,
        "reasons": reasons,
        "categories_with_reasons": {
            category.pk
            for category, items in reasons or []
            if any(item.decision.reasons for item in items)
        },
        "progress": totals,
        "member_progress": progress,
        "conflicts": conflicts,
        "draw": draw,
        "draw_count": draw_count,
        "can_withdraw_conflicts": by_rule("panels.withdraw_conflict", request.user, meeting),
        "can_open_cases": is_opcc_staff(request.user)
        or (is_member and meeting.status != MeetingStatus.PLANNED),
        "observations": observations,
        "actions": actions,
        "record_warnings": screening.record_warnings(
            meeting=meeting, observations=observations, actions=actions
        )
        if decided
        else [],
        "earlier": selectors.open_actions_before_in_short(meeting=meeting),
        "attendance": meeting.attendance.select_related("membership__user"),
        "moves": meeting_moves(meeting)
        if by_rule("panels.move_meeting", request.user, meeting)
        else [],
        "can_edit": by_rule("panels.plan_meeting", request.user, meeting.panel)
        and meeting.status != MeetingStatus.CANCELLED,
        "can_discuss": by_rule("panels.view_discussion", request.user, meeting),
        "can_decide": by_rule("panels.record_decision", request.user, meeting)
        and meeting.status == MeetingStatus.IN_DISCUSSION,
        "can_export": by_rule("panels.export_meeting", request.user, meeting),
        "export_tables": EXPORT_TABLES,
        "can_record": by_rule("panels.manage_meeting_record", request.user, meeting)
        and meeting.status in REVEALED,
        "page_title": str(meeting),
    }
    return render(request, "panels/meeting_detail.html", context)
