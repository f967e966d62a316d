"""Running a meeting: planning it, moving it on, the panel's decisions and its follow-up."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from cases.enums import CaseStatus
from cases.workflow import case_transitions
from core.forms import STALE_FORM
from core.permissions import by_rule
from core.roles import is_opcc_staff

from ..agreement import majority
from ..enums import AttendanceKind, CaseSource, MeetingStatus, RatingStatus
from ..models import (
    Action,
    Attendance,
    Decision,
    Meeting,
    Membership,
    Observation,
    OutcomeCategory,
    Panel,
    Rating,
    ReviewedCase,
    Theme,
)
from ..notifications import action_assigned_notify, meeting_rating_open_notify
from ..workflow import meeting_transition


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
            {"rating_deadline": "The rating deadline must be on or before the meeting date"}
        )


def meeting_plan(
    *,
    panel: Panel,
    by,
    date: datetime.date,
    theme: str,
    rating_deadline: datetime.date | None = None,
    location: str = "",
) -> Meeting:
    _require(by, "panels.plan_meeting", panel)
    if not theme.strip():
        raise ValidationError({"theme": "Enter the meeting's theme"})
    _check_dates(date, rating_deadline)
    if Meeting.objects.filter(panel=panel, date=date).exists():
        raise ValidationError({"date": f"{panel} already has a meeting on {date:%-d %B %Y}"})
    return Meeting.objects.create(
        panel=panel,
        date=date,
        theme=theme.strip(),
        rating_deadline=rating_deadline,
        location=location.strip(),
    )


def meeting_update(*, meeting: Meeting, by, **fields) -> Meeting:
    """Change a meeting's date, theme, deadline or place while it is still planned (the
    deadline and place may still change while members rate)."""
    _require(by, "panels.plan_meeting", meeting.panel)
    with transaction.atomic():
        locked = _lock(meeting)
        editable = {"rating_deadline", "location"}
        if locked.status == MeetingStatus.PLANNED:
            editable |= {"date", "theme"}
        elif locked.status != MeetingStatus.RATING_OPEN:
            raise ValidationError("This meeting can no longer be changed.", code="refused")
        if set(fields) - editable:
            raise ValidationError(
                "Once rating has started only the deadline and the place can change.",
                code="refused",
            )
        for name, value in fields.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        _check_dates(locked.date, locked.rating_deadline)
        clash = Meeting.objects.filter(panel=locked.panel, date=locked.date).exclude(pk=locked.pk)
        if clash.exists():
            raise ValidationError({"date": "The panel already has a meeting on that date"})
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
            f"The meeting is on {on}: it cannot be closed before then.", code="too_early"
        )
    if to != MeetingStatus.IN_DISCUSSION:
        return ""
    if not is_opcc_staff(by):
        raise ValidationError(
            f"The meeting is on {on}, so the discussion cannot start yet. OPCC staff can "
            "confirm an early start, with a reason.",
            code="too_early",
        )
    if not early_reason.strip():
        raise ValidationError(
            {"early_reason": "Enter why the discussion starts before the meeting's date"},
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


def majority_category(reviewed_case: ReviewedCase) -> OutcomeCategory | None:
    """The category more than half the voting members who rated the case chose on their
    own (see agreement.majority), or None."""
    categories = list(reviewed_case.meeting.panel.framework.categories.order_by("position"))
    chosen = Rating.objects.filter(
        reviewed_case=reviewed_case,
        status=RatingStatus.SUBMITTED,
        membership__is_voting=True,
    ).values_list("category_id", flat=True)
    counts = [0] * len(categories)
    index = {c.pk: i for i, c in enumerate(categories)}
    for category_id in chosen:
        counts[index[category_id]] += 1
    top = majority(counts)
    return None if top is None else categories[top]


class StaleDecision(Exception):
    """The decision was saved by someone else after this form was opened."""

    def __init__(self, current: Decision):
        super().__init__("This decision was changed after you opened it.")
        self.current = current


@dataclass
class DecisionInput:
    category: OutcomeCategory | None
    reasons: str = ""
    themes: list[Theme] | None = None
    information_requested: str = ""
    carry_to: Meeting | None = None
    # The chair's choice when later meetings were offered: False for "Do not carry it
    # over"; None when none was offered (the next draw then brings the case back).
    carry_over: bool | None = None


def decision_record(
    *, reviewed_case: ReviewedCase, by, data: DecisionInput, version: int
) -> Decision:
    """Record (or change) the panel's decision on a case while the meeting is in
    discussion. `version` is the decision's version when the form was opened (0 if new)."""
    with transaction.atomic():
        meeting = _lock(reviewed_case.meeting)
        _require(by, "panels.record_decision", meeting)
        if meeting.status != MeetingStatus.IN_DISCUSSION:
            raise ValidationError(
                "Decisions are recorded while the meeting is in discussion.", code="refused"
            )
        current = Decision.objects.filter(reviewed_case=reviewed_case).first()
        if (current.version if current else 0) != version:
            if current is None:
                raise ValidationError(STALE_FORM, code="stale")
            raise StaleDecision(current)
        _check_decision(data, meeting=meeting, reviewed_case=reviewed_case)
        majority = majority_category(reviewed_case)
        decision = current or Decision(reviewed_case=reviewed_case, recorded_by=by)
        decision.category = data.category
        decision.reasons = data.reasons.strip()
        decision.information_requested = (
            data.information_requested.strip() if data.category.is_inconclusive else ""
        )
        decision.majority_category = majority
        decision.differs_from_majority = (
            None if majority is None else majority.pk != data.category.pk
        )
        decision.carry_over = _carry_choice(data, reviewed_case)
        decision.version = version + 1
        decision.save()
        decision.themes.set(data.themes or [])
        if data.carry_to is not None:
            _carry_over(reviewed_case, data.carry_to)
    return decision


def _carry_choice(data: DecisionInput, reviewed_case: ReviewedCase) -> bool | None:
    """Whether the chair carried the case over, chose not to, or was not asked (None)."""
    if data.category is None or not data.category.is_inconclusive:
        return None
    if data.carry_to is not None:
        return True
    if ReviewedCase.objects.filter(carried_over_from=reviewed_case).exists():
        return True  # carried when first recorded; changing the reasons keeps that
    return data.carry_over


def _check_decision(data: DecisionInput, *, meeting: Meeting, reviewed_case: ReviewedCase):
    errors: dict[str, list[str]] = {}
    category = data.category
    if category is None:
        errors["category"] = ["Select the panel's outcome category"]
    elif category.framework_id != meeting.panel.framework_id:
        errors["category"] = ["Select one of this panel's outcome categories"]
    else:
        if category.requires_reasons and not data.reasons.strip():
            errors["reasons"] = [f"Enter the panel's reasons for '{category.label}'"]
        if category.is_inconclusive and not data.information_requested.strip():
            errors["information_requested"] = [
                "Say what information the panel needs before it can conclude"
            ]
        if data.carry_to is not None and not category.is_inconclusive:
            errors["carry_to"] = ["Only a case the panel could not conclude on is carried over"]
    if _unoffered_themes(data.themes, framework=meeting.panel.framework):
        errors["themes"] = ["Select themes from the list"]
    target = data.carry_to
    if target is not None and "carry_to" not in errors:
        if target.panel_id != meeting.panel_id:
            errors["carry_to"] = ["Choose a later meeting of this panel"]
        elif target.date <= meeting.date or target.status != MeetingStatus.PLANNED:
            errors["carry_to"] = ["Choose a later meeting that is still being planned"]
        elif ReviewedCase.objects.filter(carried_over_from=reviewed_case).exists():
            errors["carry_to"] = ["This case has already been carried over"]
        elif target.reviewed_cases.filter(case_id=reviewed_case.case_id).exists():
            errors["carry_to"] = ["The case is already on that meeting's agenda"]
    if errors:
        raise ValidationError(errors)


def _unoffered_themes(themes: list[Theme] | None, *, framework) -> bool:
    """Whether any theme is retired or belongs to another framework (docs/adr/0011)."""
    offered = framework.themes.filter(is_active=True).values_list("pk", flat=True)
    return bool(themes) and not {t.pk for t in themes} <= set(offered)


def _carry_over(reviewed_case: ReviewedCase, target: Meeting) -> ReviewedCase:
    target = Meeting.objects.select_for_update(of=("self",)).get(pk=target.pk)
    if target.status != MeetingStatus.PLANNED:
        raise ValidationError({"carry_to": ["Choose a later meeting that is still being planned"]})
    last = target.reviewed_cases.aggregate(n=Max("position"))["n"] or 0
    return ReviewedCase.objects.create(
        meeting=target,
        case=reviewed_case.case,
        position=last + 1,
        source=CaseSource.CARRIED_OVER,
        carried_over_from=reviewed_case,
    )


def attendance_record(
    *,
    meeting: Meeting,
    by,
    kinds: dict[int, str],
    observers: list[tuple[str, str]],
) -> list[Attendance]:
    """Replace the meeting's attendance: each membership id present or sending apologies,
    and the observers as (name, organisation)."""
    _require(by, "panels.manage_meeting_record", meeting)
    members = {m.pk: m for m in Membership.objects.filter(panel_id=meeting.panel_id)}
    if set(kinds) - set(members):
        raise ValidationError("Attendance names someone who is not on this panel.")
    if any(
        kind not in {AttendanceKind.PRESENT, AttendanceKind.APOLOGIES} for kind in kinds.values()
    ):
        raise ValidationError("Choose present or apologies for each member.")
    with transaction.atomic():
        _lock(meeting)
        meeting.attendance.all().delete()
        rows = [
            Attendance(meeting=meeting, membership=members[pk], kind=kind)
            for pk, kind in kinds.items()
        ] + [
            Attendance(meeting=meeting, name=name, organisation=org, kind=AttendanceKind.OBSERVER)
            for name, org in observers
        ]
        return Attendance.objects.bulk_create(rows)


def observation_save(
    *,
    meeting: Meeting,
    by,
    kind: str,
    text: str,
    is_public: bool,
    themes: list[Theme] | None = None,
    reviewed_case: ReviewedCase | None = None,
    observation: Observation | None = None,
) -> Observation:
    """Add a note to the meeting (an observation, good practice or learning), or change
    one, once the discussion has started."""
    _require(by, "panels.manage_meeting_record", meeting)
    if not text.strip():
        raise ValidationError({"text": "Enter the note"})
    if reviewed_case is not None and reviewed_case.meeting_id != meeting.pk:
        raise ValidationError({"reviewed_case": "Choose a case on this meeting's agenda"})
    if observation is not None and observation.meeting_id != meeting.pk:
        raise ValidationError("That note belongs to another meeting.")
    if _unoffered_themes(themes, framework=meeting.panel.framework):
        raise ValidationError({"themes": "Select themes from the list"})
    with transaction.atomic():
        locked = _lock(meeting)
        if locked.status not in {MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED}:
            raise ValidationError("Notes are added once the discussion has started.")
        if observation is None:
            last = locked.observations.aggregate(n=Max("position"))["n"] or 0
            observation = Observation(meeting=locked, position=last + 1, created_by=by)
        observation.kind = kind
        observation.text = text.strip()
        observation.is_public = is_public
        observation.reviewed_case = reviewed_case
        observation.full_clean()
        observation.save()
        observation.themes.set(themes or [])
    return observation


def action_save(*, meeting: Meeting, by, action: Action | None = None, **fields) -> Action:
    """Add an action to a meeting, or update one (its status, the force's response and
    the follow-up date); responses are recorded after the meeting has closed too."""
    _require(by, "panels.manage_meeting_record", meeting)
    if not (fields.get("description") or (action and action.description) or "").strip():
        raise ValidationError({"description": "Enter what needs to be done"})
    if not (fields.get("owner") or (action and action.owner) or "").strip():
        raise ValidationError({"owner": "Enter who owns the action"})
    with transaction.atomic():
        locked = _lock(meeting)
        if locked.status not in {MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED}:
            raise ValidationError("Actions are added once the discussion has started.")
        before = action.owner if action else ""
        action = action or Action(meeting=locked)
        for name, value in fields.items():
            setattr(action, name, value.strip() if isinstance(value, str) else value)
        action.full_clean()
        action.save()
        action_assigned_notify(action=action, before=before)
    return action
