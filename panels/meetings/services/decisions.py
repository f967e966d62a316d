"""The panel's decisions, attendance, notes and actions."""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.bilingual import english
from core.stale import check_version

from ...enums import AttendanceKind, CaseSource, MeetingStatus, RatingStatus
from ...models import (
    Action,
    Attendance,
    Decision,
    Meeting,
    Membership,
    Observation,
    OutcomeCategory,
    Rating,
    ReviewedCase,
    Theme,
)
from ...rating.agreement import majority
from ..notifications import action_addressed_notify, action_assigned_notify
from .decision_criteria import assessment_errors, assessments_replace
from .meeting import _lock, _require


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
    # The panel's answer per criterion: code → (answer, note). None leaves any saved
    # answers as they are (a caller that does not ask the criteria).
    assessments: dict[str, tuple[str, str]] | None = None


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
                _("Decisions are recorded while the meeting is in discussion."), code="refused"
            )
        current = Decision.objects.filter(reviewed_case=reviewed_case).first()
        check_version(current, version)
        criteria = list(meeting.panel.framework.criteria.order_by("position"))
        _check_decision(data, meeting=meeting, reviewed_case=reviewed_case, criteria=criteria)
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
        if data.assessments is not None:
            assessments_replace(decision, data.assessments, criteria)
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


def _check_decision(
    data: DecisionInput, *, meeting: Meeting, reviewed_case: ReviewedCase, criteria=()
):
    errors: dict[str, list[str]] = {}
    if data.assessments is not None:
        errors.update(assessment_errors(data.assessments, criteria))
    category = data.category
    if category is None:
        errors["category"] = [_("Select the panel's outcome category")]
    elif category.framework_id != meeting.panel.framework_id:
        errors["category"] = [_("Select one of this panel's outcome categories")]
    else:
        if category.requires_reasons and not data.reasons.strip():
            errors["reasons"] = [
                _("Enter the panel's reasons for '%(label)s'") % {"label": category.label}
            ]
        if category.is_inconclusive and not data.information_requested.strip():
            errors["information_requested"] = [
                _("Say what information the panel needs before it can conclude")
            ]
        if data.carry_to is not None and not category.is_inconclusive:
            errors["carry_to"] = [_("Only a case the panel could not conclude on is carried over")]
    if _unoffered_themes(data.themes, framework=meeting.panel.framework):
        errors["themes"] = [_("Select themes from the list")]
    target = data.carry_to
    if target is not None and "carry_to" not in errors:
        if target.panel_id != meeting.panel_id:
            errors["carry_to"] = [_("Choose a later meeting of this panel")]
        elif target.date <= meeting.date or target.status != MeetingStatus.PLANNED:
            errors["carry_to"] = [_("Choose a later meeting that is still being planned")]
        elif ReviewedCase.objects.filter(carried_over_from=reviewed_case).exists():
            errors["carry_to"] = [_("This case has already been carried over")]
        elif target.reviewed_cases.filter(case_id=reviewed_case.case_id).exists():
            errors["carry_to"] = [_("The case is already on that meeting's agenda")]
    if errors:
        raise ValidationError(errors)


def _unoffered_themes(themes: list[Theme] | None, *, framework) -> bool:
    """Whether any theme is retired or belongs to another framework (docs/adr/0011)."""
    offered = framework.themes.filter(is_active=True).values_list("pk", flat=True)
    return bool(themes) and not {t.pk for t in themes} <= set(offered)


def _carry_over(reviewed_case: ReviewedCase, target: Meeting) -> ReviewedCase:
    target = Meeting.objects.select_for_update(of=("self",)).get(pk=target.pk)
    if target.status != MeetingStatus.PLANNED:
        raise ValidationError(
            {"carry_to": [_("Choose a later meeting that is still being planned")]}
        )
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
        raise ValidationError(_("Attendance names someone who is not on this panel."))
    if any(
        kind not in {AttendanceKind.PRESENT, AttendanceKind.APOLOGIES} for kind in kinds.values()
    ):
        raise ValidationError(_("Choose present or apologies for each member."))
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
    text_cy: str | None = None,
    themes: list[Theme] | None = None,
    reviewed_case: ReviewedCase | None = None,
    observation: Observation | None = None,
) -> Observation:
    """Add a note to the meeting (an observation, good practice or learning), or change
    one, once the discussion has started."""
    _require(by, "panels.manage_meeting_record", meeting)
    if not text.strip():
        raise ValidationError({"text": _("Enter the note")})
    if reviewed_case is not None and reviewed_case.meeting_id != meeting.pk:
        raise ValidationError({"reviewed_case": _("Choose a case on this meeting's agenda")})
    if observation is not None and observation.meeting_id != meeting.pk:
        raise ValidationError(_("That note belongs to another meeting."))
    if _unoffered_themes(themes, framework=meeting.panel.framework):
        raise ValidationError({"themes": _("Select themes from the list")})
    with transaction.atomic(), english():
        locked = _lock(meeting)
        if locked.status not in {MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED}:
            raise ValidationError(_("Notes are added once the discussion has started."))
        if observation is None:
            last = locked.observations.aggregate(n=Max("position"))["n"] or 0
            observation = Observation(meeting=locked, position=last + 1, created_by=by)
        observation.kind = kind
        observation.text = text.strip()
        if text_cy is not None:  # None: the Welsh stays as it is
            observation.text_cy = text_cy.strip()
        observation.is_public = is_public
        observation.reviewed_case = reviewed_case
        observation.full_clean()
        observation.save()
        observation.themes.set(themes or [])
    return observation


ACTION_FORM_FIELDS = (
    "description",
    "description_cy",
    "owner",
    "owner_cy",
    "due_date",
    "status",
    "follow_up_date",
)


def action_fingerprint(action: Action) -> str:
    """The action as the panel's action form saw it (an Action has no version number of
    its own): the fields the form changes, and whom the action is addressed to. Read in
    English, so a page in Welsh sees the same action as the save does."""
    with english():
        fields = [str(getattr(action, name) or "") for name in ACTION_FORM_FIELDS]
    fields.append(str(action.force_id or ""))
    return hashlib.sha256(repr(fields).encode()).hexdigest()


def action_save(
    *,
    meeting: Meeting,
    by,
    action: Action | None = None,
    addressed_to_force: bool | None = None,
    seen: str = "",
    **fields,
) -> Action:
    """Add an action to a meeting, or update one (its wording, owner, due date, status and
    follow-up date); actions are kept up to date after the meeting has closed too.

    A change is refused (StaleEdit) when the action changed since the form was opened at
    `seen` (action_fingerprint), as when OPCC staff approved the force's response
    meanwhile; and it writes only the form's fields, so the force's response on record
    (kept by panels.liaison) is never written back. A new action may be given a response
    on record (the demo's past meetings).

    An action addressed to the force is addressed to the panel's force, whose liaison
    answers it; `addressed_to_force=None` leaves that as it was."""
    _require(by, "panels.manage_meeting_record", meeting)
    if action is not None and set(fields) - set(ACTION_FORM_FIELDS):
        raise TypeError("Only the action form's fields can be changed here")
    if not (fields.get("description") or (action and action.description) or "").strip():
        raise ValidationError({"description": _("Enter what needs to be done")})
    if not (fields.get("owner") or (action and action.owner) or "").strip():
        raise ValidationError({"owner": _("Enter who owns the action")})
    with transaction.atomic(), english():
        locked = _lock(meeting)
        if locked.status not in {MeetingStatus.IN_DISCUSSION, MeetingStatus.CLOSED}:
            raise ValidationError(_("Actions are added once the discussion has started."))
        if action is not None:
            action = Action.objects.select_for_update().get(pk=action.pk)
            check_version(action, seen, of=action_fingerprint)
        before = action.owner if action else ""
        before_force_id = action.force_id if action else None
        action = action or Action(meeting=locked)
        if addressed_to_force is not None:
            action.force_id = locked.panel.force_id if addressed_to_force else None
        for name, value in fields.items():
            setattr(action, name, value.strip() if isinstance(value, str) else value)
        action.full_clean()
        if action.pk is None:
            action.save()
        else:
            action.save(update_fields=[*fields, "force"])
        action_assigned_notify(action=action, before=before)
        action_addressed_notify(action=action, before_force_id=before_force_id)
    return action
