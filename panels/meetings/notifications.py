"""Who on a panel is emailed about waiting work, and when (core.notifications sends).

- A meeting opens for rating: each active member of its panel, with the deadline.
- An action is given to someone, and later falls due (panels.meetings.action_reminders): the
  person the action's owner names.
- An action is addressed to a force: the force's liaisons (and, as it falls due,
  panels.liaison.reminders).

An action's owner is free text ("Force lead for out-of-court resolutions", "CPS
area"), so most owners are an agency or a role and nobody is emailed. The owner names
a person when it is, apart from case and spaces, the email address or the full name of
exactly one active account that can open the meeting: an active member of the action's
panel, or OPCC staff.

Emails name the panel, dates and counts only: no case references, facts or ratings.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, Value
from django.db.models.functions import Concat, Lower, Trim
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.notifications import NotificationKind, notify, site_url
from core.roles import StaffRole
from core.wording import Later, day, later

from ..enums import ActionStatus
from ..models import Action, Meeting
from ..models.liaisons import liaison_users

UNFINISHED = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]


def meeting_rating_open_notify(*, meeting: Meeting) -> list:
    """Tell each active member that the meeting's cases are ready, and by when."""
    members = list(
        meeting.panel.memberships.filter(is_active=True).select_related("user").order_by("pk")
    )
    context = {
        "panel_name": meeting.panel.name,
        "meeting_date": meeting.date,
        "deadline": meeting.rating_deadline,
        "case_count": meeting.reviewed_cases.count(),
        "url": site_url(reverse("home") + f"#meeting-{meeting.pk}"),
    }
    sent = []
    for voting in (True, False):
        sent += notify(
            users=[m.user for m in members if m.is_voting == voting],
            kind=NotificationKind.RATING_OPEN,
            subject=_rating_open_subject(meeting, voting),
            template="panels/email/rating_open.txt",
            context={**context, "is_voting": voting},
        )
    return sent


def _rating_open_subject(meeting, voting: bool) -> Later:
    names = {"panel": meeting.panel.name}
    if meeting.rating_deadline:
        names["date"] = day(meeting.rating_deadline)
        if voting:
            return later(_("Cases to rate for %(panel)s by %(date)s"), **names)
        return later(_("Cases to read for %(panel)s by %(date)s"), **names)
    if voting:
        return later(_("Cases to rate for %(panel)s"), **names)
    return later(_("Cases to read for %(panel)s"), **names)


def _normalised(text: str) -> str:
    return " ".join(text.split()).lower()


def action_owner(*, action: Action):
    """The account the action's owner names, or None (an agency, a role, or a name
    that fits nobody or more than one person)."""
    owner = _normalised(action.owner)
    if not owner:
        return None
    full_name = Lower(Trim(Concat("first_name", Value(" "), "last_name")))
    can_see = Q(memberships__panel_id=action.meeting.panel_id, memberships__is_active=True) | Q(
        groups__name=StaffRole.OPCC_STAFF.value
    )
    matches = list(
        get_user_model()
        .objects.filter(can_see, is_active=True)
        .annotate(full_name=full_name)
        .filter(Q(email__iexact=owner) | Q(full_name=owner))
        .distinct()[:2]
    )
    return matches[0] if len(matches) == 1 else None


def action_context(action: Action) -> dict:
    meeting = action.meeting
    return {
        "panel_name": meeting.panel.name,
        "meeting_date": meeting.date,
        "due_date": action.due_date,
        "url": site_url(reverse("panels:meeting_detail", args=[meeting.pk]) + "#actions"),
    }


def action_assigned_notify(*, action: Action, before: str = "") -> list:
    """Tell the person an unfinished action now names as its owner, unless it named
    them already (`before` is the owner it had)."""
    if action.status not in UNFINISHED:
        return []
    owner = action_owner(action=action)
    if owner is None:
        return []
    if before and _normalised(before) in {
        _normalised(owner.email),
        _normalised(owner.get_full_name()),
    }:
        return []
    return notify(
        users=[owner],
        kind=NotificationKind.ACTION_ASSIGNED,
        subject=later(_("An action from %(panel)s is yours"), panel=action.meeting.panel.name),
        template="panels/email/action_assigned.txt",
        context=action_context(action),
    )


def action_addressed_notify(*, action: Action, before_force_id: int | None = None) -> list:
    """Tell the liaisons of the force an unfinished action is now addressed to, unless it
    was addressed to that force already. The email names the work, never a case."""
    if action.force_id is None or action.force_id == before_force_id:
        return []
    if action.status not in UNFINISHED:
        return []
    return notify(
        users=liaison_users(action.force_id),
        kind=NotificationKind.ACTION_ASSIGNED,
        subject=_("An action is addressed to your force"),
        template="panels/email/action_addressed.txt",
        context=force_action_context(action),
    )


def force_action_context(action: Action) -> dict:
    """What an email to the force's liaison says of an action: where it came from, when
    it is due and the link to answer it."""
    meeting = action.meeting
    return {
        "panel_name": meeting.panel.name if meeting else "",
        "meeting_date": meeting.date if meeting else None,
        "force_name": action.force.name,
        "due_date": action.due_date,
        "url": site_url(reverse("panels:force_action", args=[action.pk])),
    }
