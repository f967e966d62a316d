"""Planning a meeting and moving it on (the panel's decisions and follow-up are in `decisions`)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from cases.enums import CaseStatus
from cases.workflow import case_transitions
from core.bilingual import english
from core.permissions import by_rule
from core.roles import is_opcc_staff

from ...enums import CaseSource, MeetingStatus
from ...models import (
    Meeting,
    Panel,
)
from ...workflow import meeting_transition
from ..notifications import meeting_rating_open_notify


def _require(user, perm: str, obj) -> None:
    if not by_rule(perm, user, obj):
        raise PermissionDenied


def _lock(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("panel", "panel__framework")
        .get(pk=meeting.pk)
    )


def _check_dates(date: datetime.date, deadline: datetime.date | None) -> None:
    if deadline is not None and deadline > date:
        raise ValidationError(
            {"rating_deadline": _("The rating deadline must be on or before the meeting date")}
        )


def meeting_plan(
    *,
    panel: Panel,
    by,
    date: datetime.date,
    theme: str,
    rating_deadline: datetime.date | None = None,
    location: str = "",
    theme_cy: str | None = None,
) -> Meeting:
    _require(by, "panels.plan_meeting", panel)
    if not theme.strip():
        raise ValidationError({"theme": _("Enter the meeting's theme")})
    _check_dates(date, rating_deadline)
    if Meeting.objects.filter(panel=panel, date=date).exists():
        raise ValidationError(
            {
                "date": _("%(panel)s already has a meeting on %(date)s")
                % {"panel": panel, "date": date_format(date, "j F Y")}
            }
        )
    with english():  # the English theme in its English column, whatever the page's language
        return Meeting.objects.create(
            panel=panel,
            date=date,
            theme=theme.strip(),
            theme_cy=(theme_cy or "").strip(),
            rating_deadline=rating_deadline,
            location=location.strip(),
        )


def meeting_update(*, meeting: Meeting, by, **fields) -> Meeting:
    """Change a meeting's date, theme, deadline or place while it is still planned (the
    deadline and place may still change while members rate). The theme's Welsh may change
    until the meeting is cancelled: its findings report needs it to be published in Welsh.
    A `theme_cy` of None (a post without it) leaves the Welsh as it is."""
    _require(by, "panels.plan_meeting", meeting.panel)
    if fields.get("theme_cy", "") is None:
        del fields["theme_cy"]
    with transaction.atomic(), english():
        locked = _lock(meeting)
        editable = {"theme_cy"}
        if locked.status == MeetingStatus.PLANNED:
            editable |= {"date", "theme", "rating_deadline", "location"}
        elif locked.status == MeetingStatus.RATING_OPEN:
            editable |= {"rating_deadline", "location"}
        elif locked.status == MeetingStatus.CANCELLED:
            raise ValidationError(_("This meeting can no longer be changed."), code="refused")
        if set(fields) - editable:
            raise ValidationError(
                _("Once rating has started only the deadline and the place can change.")
                if locked.status == MeetingStatus.RATING_OPEN
                else _("Once the discussion has started only the theme's Welsh can change."),
                code="refused",
            )
        for name, value in fields.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        _check_dates(locked.date, locked.rating_deadline)
        clash = Meeting.objects.filter(panel=locked.panel, date=locked.date).exclude(pk=locked.pk)
        if clash.exists():
            raise ValidationError({"date": _("The panel already has a meeting on that date")})
        locked.save()
    return locked


def meeting_move(
    *,
    meeting: Meeting,
    to: str,
    by,
    anonymous: bool = False,
    note: str = "",
    early_reason: str = "",
) -> Meeting:
    """Move the meeting on through the workflow door. Starting the discussion reveals the
    ratings (with or without names); closing marks its decided cases reviewed; cancelling
    puts its cases back where they came from.

    The discussion starts on or after the meeting's date, or earlier only when OPCC staff
    confirm it with `early_reason` (kept as the history row's note); a meeting never
    closes before its date."""
    _require(by, "panels.move_meeting", meeting)
    with transaction.atomic():
        locked = _lock(meeting)
        note = _check_date(locked, to, by, early_reason) or note
        if to == MeetingStatus.IN_DISCUSSION:
            Meeting.objects.filter(pk=locked.pk).update(anonymous_reveal=anonymous)
            locked.anonymous_reveal = anonymous
        moved = meeting_transition(meeting=locked, to=to, by=by, note=note)
        if to == MeetingStatus.CLOSED:
            _mark_reviewed(moved, by)
        if to == MeetingStatus.CANCELLED:
            _release_cases(moved, by)
        if to == MeetingStatus.RATING_OPEN:
            # Queued to go once this commits: a move that rolls back tells no one.
            meeting_rating_open_notify(meeting=moved)
    return moved


def _check_date(meeting: Meeting, to: str, by, early_reason: str) -> str:
    """The note an early start is recorded with, or a refusal of a move before the date."""
    today = timezone.localdate()
    if meeting.date <= today:
        return ""
    on = f"{meeting.date:%-d %B %Y}"
    if to == MeetingStatus.CLOSED:
        raise ValidationError(
            _("The meeting is on %(date)s: it cannot be closed before then.")
            % {"date": date_format(meeting.date, "j F Y")},
            code="too_early",
        )
    if to != MeetingStatus.IN_DISCUSSION:
        return ""
    if not is_opcc_staff(by):
        raise ValidationError(
            _(
                "The meeting is on %(date)s, so the discussion cannot start yet. OPCC staff can "
                "confirm an early start, with a reason."
            )
            % {"date": date_format(meeting.date, "j F Y")},
            code="too_early",
        )
    if not early_reason.strip():
        raise ValidationError(
            {"early_reason": _("Enter why the discussion starts before the meeting's date")},
            code="too_early",
        )
    return f"Started before the meeting's date ({on}): {early_reason.strip()}"


def _mark_reviewed(meeting: Meeting, by) -> None:
    # A case carried over to a later meeting stays on that meeting's agenda.
    cases = [
        rc.case
        for rc in meeting.reviewed_cases.select_related("case").filter(carried_to__isnull=True)
        if rc.case.status == CaseStatus.ON_AGENDA
    ]
    case_transitions(cases=cases, to=CaseStatus.REVIEWED, by=by, note=f"Reviewed at {meeting}")


def _release_cases(meeting: Meeting, by) -> None:
    agenda = list(meeting.reviewed_cases.select_related("case"))
    note = f"{meeting} was cancelled"
    carried = [rc.case for rc in agenda if rc.source == CaseSource.CARRIED_OVER]
    others = [rc.case for rc in agenda if rc.source != CaseSource.CARRIED_OVER]
    case_transitions(cases=carried, to=CaseStatus.REVIEWED, by=by, note=note)
    case_transitions(cases=others, to=CaseStatus.IN_POOL, by=by, note=note)
