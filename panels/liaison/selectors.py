"""Reads for the force liaison's pages and OPCC staff's review of responses."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.urls import reverse

from cases.models import Force
from core.bilingual import english_of, welsh_of
from core.permissions import by_rule

from .. import screen
from ..enums import ActionStatus, MeetingStatus, MembershipRole, ResponseState
from ..models import (
    Action,
    ActionResponse,
    Decision,
    ForceLiaison,
    ResponseEvidence,
    ReviewedCase,
)
from ..models.liaisons import liaison_force_ids
from ..models.panels import active_memberships
from ..permissions import is_opcc_staff

UNFINISHED = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]


def visible_force_actions(*, user) -> QuerySet[Action]:
    """Actions addressed to a force that the user may open: OPCC staff every one, a
    liaison their own forces', a chair their panel's (anything else is a 404)."""
    actions = Action.objects.filter(force__isnull=False)
    if not is_opcc_staff(user):
        chaired = [
            m.panel_id for m in active_memberships(user).values() if m.role == MembershipRole.CHAIR
        ]
        actions = actions.filter(
            Q(force_id__in=liaison_force_ids(user)) | Q(meeting__panel_id__in=chaired)
        )
    return actions.select_related("force", "meeting", "meeting__panel")


def force_actions(*, user, today: datetime.date) -> list[Action]:
    """The user's forces' actions, unfinished first by due date, each marked `overdue`
    when past its due date with no response (`latest` is its newest response)."""
    actions = visible_force_actions(user=user).prefetch_related(
        Prefetch("responses", queryset=_newest_first(), to_attr="newest")
    )
    rows = sorted(actions, key=lambda a: (a.status not in UNFINISHED, a.due_date or _FAR, a.pk))
    for action in rows:
        action.latest = action.newest[0] if action.newest else None
        action.overdue = is_overdue_without_response(action, today=today)
    return rows


_FAR = datetime.date.max


def _newest_first() -> QuerySet[ActionResponse]:
    return ActionResponse.objects.select_related(
        "submitted_by", "reviewed_by", "withdrawn_by"
    ).order_by("-submitted_at", "-pk")


def is_overdue_without_response(action: Action, *, today: datetime.date) -> bool:
    """Past its due date, unfinished, and the force has not responded (a returned response
    does not count: the force has to answer again)."""
    if action.status not in UNFINISHED or action.due_date is None or action.due_date >= today:
        return False
    newest = getattr(action, "newest", None)
    if newest is None:
        return not action.responses.exclude(state=ResponseState.RETURNED).exists()
    return all(r.state == ResponseState.RETURNED for r in newest)


def overdue_without_response(*, actions: QuerySet[Action], today: datetime.date):
    """The actions in `actions` flagged "Overdue: no response", in one query."""
    answered = ActionResponse.objects.filter(action=OuterRef("pk")).exclude(
        state=ResponseState.RETURNED
    )
    return (
        actions.filter(force__isnull=False, status__in=UNFINISHED, due_date__lt=today)
        .exclude(Exists(answered))
        .order_by("due_date", "pk")
    )


def force_action_for_user(*, user, pk: int, perm: str = "panels.view_force_action") -> Action:
    """One action addressed to a force: 404 outside the user's forces, 403 if they may
    see it but not do `perm`."""
    action = get_object_or_404(visible_force_actions(user=user), pk=pk)
    if not by_rule(perm, user, action):
        raise PermissionDenied
    return action


def response_history(*, action: Action) -> list[ActionResponse]:
    """The force's responses to the action, newest first, with their evidence (each
    knows its action, which the rules ask about)."""
    rows = list(
        _newest_first()
        .filter(action=action)
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=ResponseEvidence.objects.only(
                    "pk", "response_id", "title", "stored_name", "page_count", "size"
                ),
            )
        )
    )
    for row in rows:
        row.action = action
    return rows


def response_for_user(*, user, pk: int) -> ActionResponse:
    """A response to an action the user may see (404 otherwise: another force's)."""
    return get_object_or_404(
        ActionResponse.objects.filter(action__in=visible_force_actions(user=user)).select_related(
            "action",
            "action__force",
            "action__meeting",
            "action__meeting__panel",
            "submitted_by",
            "reviewed_by",
        ),
        pk=pk,
    )


def response_findings(*, response: ActionResponse) -> list[screen.Found]:
    """What the screen a report's disclosure check runs finds in the response's words:
    personal data, the case references and narratives of the action's meeting, and its
    panel members' names."""
    meeting = response.action.meeting
    # Its English and its Welsh, both published.
    words = "\n\n".join(w for w in (english_of(response, "text"), welsh_of(response, "text")) if w)
    if meeting is None:
        return screen.findings(words, screen.Sources([], []))
    sources = screen.meeting_sources(
        cases=ReviewedCase.objects.filter(meeting=meeting), panel_id=meeting.panel_id
    )
    return screen.findings(words, sources)


def returned_awaiting_answer(*, actions: QuerySet[Action]) -> QuerySet[Action]:
    """The unfinished actions in `actions` whose newest response was returned to the
    force (or its approval withdrawn): the force has to answer again."""
    newest = (
        ActionResponse.objects.filter(action=OuterRef("pk"))
        .order_by("-submitted_at", "-pk")
        .values("state")[:1]
    )
    return (
        actions.filter(status__in=UNFINISHED)
        .annotate(newest_state=Subquery(newest))
        .filter(newest_state=ResponseState.RETURNED)
        .order_by("due_date", "pk")
    )


def responses_awaiting_review() -> QuerySet[ActionResponse]:
    return (
        ActionResponse.objects.filter(state=ResponseState.SUBMITTED)
        .select_related("action", "action__force")
        .order_by("submitted_at", "pk")
    )


def evidence_for_user(*, user, pk: int) -> ResponseEvidence:
    """One evidence file, for those who may see its action (404 for anyone else)."""
    return get_object_or_404(
        ResponseEvidence.objects.filter(response__action__in=visible_force_actions(user=user)),
        pk=pk,
    )


def liaison_forces(*, user) -> QuerySet[Force]:
    """The forces the user answers for."""
    return Force.objects.filter(pk__in=liaison_force_ids(user)).order_by("name")


def feedback_force(*, user, pk: int) -> Force:
    """A force whose case feedback the user may read: their own, or any for OPCC staff."""
    forces = Force.objects.all()
    if not is_opcc_staff(user):
        forces = forces.filter(pk__in=liaison_force_ids(user))
    return get_object_or_404(forces, pk=pk)


def force_feedback(*, force: Force) -> QuerySet[Decision]:
    """The panels' decisions on the force's cases at closed meetings: the reference,
    the decision, its reasons and themes. Never a rating, a member or the papers."""
    return (
        Decision.objects.filter(
            reviewed_case__case__force=force,
            reviewed_case__meeting__status=MeetingStatus.CLOSED,
        )
        .select_related("category", "reviewed_case__case", "reviewed_case__meeting__panel")
        .prefetch_related("themes")
        .order_by("-reviewed_case__meeting__date", "reviewed_case__position")
    )


def force_liaisons(*, force: Force | None = None) -> QuerySet[ForceLiaison]:
    liaisons = ForceLiaison.objects.select_related("user", "force")
    if force is not None:
        liaisons = liaisons.filter(force=force)
    return liaisons.order_by("force__name", "ended_on", "user__last_name", "pk")


def liaison_home(*, user, today: datetime.date) -> dict | None:
    """The liaison's section of the home page, or None for anyone else: open actions,
    those whose response was returned (to answer again), those overdue without a response
    (a returned one among them tagged so, listed once), and the forces whose feedback
    they may read."""
    forces = list(liaison_forces(user=user))
    if not forces:
        return None
    actions = Action.objects.filter(force__in=forces)
    returned = {a.pk: a for a in returned_awaiting_answer(actions=actions)}
    overdue = list(
        overdue_without_response(actions=actions, today=today).select_related(
            "meeting", "meeting__panel"
        )
    )
    for action in overdue:
        action.returned = returned.pop(action.pk, None) is not None
    return {
        "forces": forces,
        "open_actions": actions.filter(status__in=UNFINISHED).count(),
        "returned": list(returned.values()),
        "overdue": overdue,
    }


def opcc_force_work(*, today: datetime.date) -> dict:
    """For OPCC staff's home page: responses to review, and actions overdue with none."""
    return {
        "to_review": responses_awaiting_review().count(),
        "overdue": overdue_without_response(actions=Action.objects.all(), today=today).count(),
    }


_TRACKERS: list = []


def register_action_tracker(tracker) -> None:
    """`tracker(user, action) -> str | None`: where the user may change the status of an
    action agreed outside a panel meeting, told by the app that agreed it (the
    Commissioner's scrutiny), as panels know nothing of the apps above them."""
    if tracker not in _TRACKERS:
        _TRACKERS.append(tracker)


def action_change_url(*, user, action: Action) -> str | None:
    """Where the user changes the action's status and due date, if they may: a panel
    action on the panels' action page, another on its own app's page."""
    if action.meeting_id is not None:
        if by_rule("panels.manage_meeting_record", user, action.meeting):
            return reverse("panels:action_edit", args=[action.pk])
        return None
    return next(filter(None, (tracker(user, action) for tracker in _TRACKERS)), None)


def approval_is_current(*, response: ActionResponse) -> bool:
    """Whether the response is the action's approved response on record: the newest
    approved one by when it was approved (then by pk), as published reports choose it
    (panels.queries.approved_responses). An older approval, since followed by another,
    is not: withdrawing it leaves the action's status and response on record alone."""
    if response.state != ResponseState.APPROVED:
        return False
    newest = (
        ActionResponse.objects.filter(action_id=response.action_id, state=ResponseState.APPROVED)
        .order_by("-reviewed_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return newest == response.pk
