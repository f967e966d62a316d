"""Builds the demo: users per role, three panels, five meetings and a pool of cases.

Every step looks up what it would create first, so running it twice changes
nothing. Meetings move through the real workflow so their history is genuine.
"""

import datetime
import random
from contextlib import contextmanager
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from cases.enums import CaseStatus
from cases.kinds.facets import kind_facets
from cases.models import Case, CrimeCode, Force, OutcomeType, RecordKind
from cases.workflow import case_transition

from ..enums import ActionStatus, AttendanceKind, CaseSource, MeetingStatus, MembershipRole
from ..liaison.services import action_response_review, action_response_submit
from ..meetings.services import (
    DecisionInput,
    action_save,
    attendance_record,
    decision_record,
    meeting_move,
    observation_save,
)
from ..models import (
    Action,
    ForceLiaison,
    Framework,
    Meeting,
    Membership,
    OutcomeCategory,
    Panel,
    ReviewedCase,
    Theme,
)
from ..rating.services import RatingInput, comment_save, conflict_declare, rating_save
from . import data
from .specs import KindCaseSpec

User = get_user_model()
# Members rate up to this many days before a meeting dated from today, unless its
# entry in data.MEETINGS says otherwise.
RATING_DAYS_BEFORE_MEETING = 2


@transaction.atomic
def load_demo() -> dict:
    users = {spec[0]: _user(*spec) for spec in data.USERS}
    force, _ = Force.objects.get_or_create(code=data.FORCE[0], defaults={"name": data.FORCE[1]})
    panels = {spec["slug"]: _panel(spec, force, members, users) for spec, members in data.PANELS}
    created = [
        meeting.date
        for meeting in (_meeting(spec, panels, force, users) for spec in data.MEETINGS)
        if meeting is not None
    ]
    _pool(force)
    _liaisons(force, users)
    return {"users": users, "meetings_created": created}


def _user(username, first, last, role, _about):
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
    )
    if created:
        user.set_password(data.DEMO_PASSWORD)
        user.is_staff = role == "Data admin"
        user.save()
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def _panel(spec, force, members, users) -> Panel:
    panel, _ = Panel.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "name_cy": spec.get("name_cy"),
            "framework": Framework.objects.get(slug=spec["framework"]),
            "force": force,
            "organisation": data.ORGANISATION,
            "organisation_cy": data.ORGANISATION_CY,
            "public_description": spec["public_description"],
        },
    )
    for username, role, agency, voting in members:
        Membership.objects.get_or_create(
            panel=panel,
            user=users[username],
            defaults={"role": role, "agency": agency, "is_voting": voting},
        )
    return panel


def _meeting(spec, panels, force, users) -> Meeting | None:
    panel = panels[spec["panel"]]
    date, deadline = spec["date"], spec["deadline"]
    if date is None:
        # A meeting dated from today: the same meeting is the one with its theme.
        if Meeting.objects.filter(panel=panel, theme_en=spec["theme"]).exists():
            return None
        date = timezone.localdate() + datetime.timedelta(days=spec["days_ahead"])
        before = spec.get("rating_days_before", RATING_DAYS_BEFORE_MEETING)
        deadline = date - datetime.timedelta(days=before)
    elif Meeting.objects.filter(panel=panel, date=date).exists():
        return None
    meeting = Meeting(panel=panel, date=date, rating_deadline=deadline)
    meeting.theme_en = meeting.theme = spec["theme"]
    meeting.theme_cy = spec.get("theme_cy", "")
    meeting.full_clean()
    meeting.save()
    opcc = users["olu"]
    for position, case_spec in enumerate(spec["cases"], start=1):
        case = _case(case_spec, force)
        ReviewedCase.objects.create(
            meeting=meeting, case=case, position=position, source=CaseSource.ADDED
        )
        case_transition(case=case, to=CaseStatus.ON_AGENDA, by=opcc, note=f"Agenda of {meeting}")
    if spec["cases"]:
        meeting_move(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=opcc)
    if spec["close"]:
        chair = panel.memberships.get(role=MembershipRole.CHAIR).user
        _rate_all(meeting, spec["cases"])
        meeting_move(meeting=meeting, to=MeetingStatus.IN_DISCUSSION, by=chair)
        _decide_all(meeting, spec["cases"], chair)
        _follow_up(meeting, spec, opcc)
        meeting_move(meeting=meeting, to=MeetingStatus.CLOSED, by=chair)
    elif spec["cases"]:
        _member_started(meeting, users)
    return meeting


def _case(spec: data.CaseSpec | KindCaseSpec, force: Force) -> Case:
    if isinstance(spec, KindCaseSpec):
        return _kind_case(spec, force)
    code = CrimeCode.objects.get(code=spec.crime_code)
    case = Case(
        force=force,
        reference=spec.reference,
        offence=spec.offence,
        crime_code=code,
        offence_category=code.offence_category,
        is_domestic_abuse=spec.domestic_abuse,
        outcome_type=OutcomeType.objects.get(code=spec.outcome),
        offence_date=spec.offence_date,
        reported_date=spec.offence_date,
        outcome_date=spec.outcome_date,
        offender_age_band=spec.age_band,
        gravity_score=spec.gravity,
        admission=spec.admission,
        victim_views=spec.victim_views,
        authorising_rank=spec.rank,
        previous_offending=spec.previous,
        conditions=spec.conditions,
        facts_at_decision=spec.facts,
        later_information=spec.later,
    )
    case.full_clean()
    case.save()
    return case


def _kind_case(spec: KindCaseSpec, force: Force) -> Case:
    """A case of a kind whose fields are kept in `values`. Its title goes in the offence
    column, which the pages of the day head a case with."""
    kind = RecordKind.objects.get(code=spec.kind)
    case = Case(
        force=force,
        kind=kind,
        reference=spec.reference,
        offence=spec.title,
        outcome_date=spec.date,
        values=spec.values,
        facets=kind_facets(kind, spec.values),
        facts_at_decision=spec.facts,
        later_information=spec.later,
    )
    case.full_clean()
    case.save()
    return case


def _rate_all(meeting: Meeting, specs: list) -> None:
    members = list(meeting.panel.memberships.select_related("user"))
    for reviewed, spec in zip(meeting.reviewed_cases.order_by("position"), specs, strict=True):
        for membership in members:
            if not membership.is_voting:
                # Attendees pass the conflict gate too, and so read the papers.
                conflict_declare(reviewed_case=reviewed, user=membership.user, has_conflict=False)
                continue
            code = spec.dissent.get(membership.user.username, spec.decision)
            _rating(reviewed, membership.user, code, spec.reasons, spec.themes, spec.assessments)


def _rating(reviewed, user, code, reasons, themes, assessments=None, submit=True):
    """Declare no conflict and rate, through the same services the pages use."""
    conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
    framework = reviewed.meeting.panel.framework
    category = OutcomeCategory.objects.get(framework=framework, code=code)
    rating_save(
        reviewed_case=reviewed,
        user=user,
        data=RatingInput(
            category=category,
            reasons=reasons if category.requires_reasons else "",
            themes=list(Theme.objects.filter(slug__in=themes)),
            assessments=_answers(framework, themes, assessments),
        ),
        submit=submit,
        version=0,
    )


def _answers(framework, themes, assessments=None) -> dict[str, tuple[str, str]]:
    """Each criterion met, but those a theme fails and those the spec says otherwise."""
    failing = {c for theme in themes for c in data.THEME_CRITERIA.get(theme, [])}
    assessed = {c: "not_met" for c in failing} | (assessments or {})
    return {c.code: (assessed.get(c.code, "met"), "") for c in framework.criteria.all()}


def _decide_all(meeting: Meeting, specs: list, chair) -> None:
    framework = meeting.panel.framework
    for reviewed, spec in zip(meeting.reviewed_cases.order_by("position"), specs, strict=True):
        decision_record(
            reviewed_case=reviewed,
            by=chair,
            data=DecisionInput(
                category=OutcomeCategory.objects.get(framework=framework, code=spec.decision),
                reasons=spec.reasons,
                themes=list(Theme.objects.filter(slug__in=spec.themes)),
                # The panel answers each criterion as the members did (docs/meetings.md).
                assessments=_answers(framework, spec.themes, spec.assessments),
            ),
            version=0,
        )


def _follow_up(meeting: Meeting, spec: dict, opcc) -> None:
    attendance_record(
        meeting=meeting,
        by=opcc,
        kinds={
            m.pk: AttendanceKind.PRESENT for m in meeting.panel.memberships.filter(is_active=True)
        },
        observers=[],
    )
    for kind, text, themes, *public in spec["observations"]:
        observation_save(
            meeting=meeting,
            by=opcc,
            kind=kind,
            text=text,
            is_public=public[0] if public else True,
            themes=list(Theme.objects.filter(slug__in=themes)),
        )
    for description, owner, due, status, response in spec["actions"]:
        action_save(
            meeting=meeting,
            by=opcc,
            description=description,
            owner=owner,
            due_date=due,
            status=status,
            force_response=response,
            addressed_to_force=description in data.ADDRESSED_TO_FORCE,
        )


def _liaisons(force: Force, users: dict) -> None:
    """Lee answers for the force: one October action answered and approved; the other is
    overdue with no response."""
    for username in data.LIAISONS:
        # The current grant: an ended one stays on record beside it.
        ForceLiaison.objects.get_or_create(user=users[username], force=force, ended_on__isnull=True)
    action = Action.objects.filter(force=force, description=data.ANSWERED_ACTION).first()
    if action is None or action.responses.exists():
        return
    with on_day(data.LIAISON_ANSWERED_ON, hour=10):
        response = action_response_submit(
            action=action,
            by=users[data.LIAISONS[0]],
            text=data.LIAISON_ANSWER,
            text_cy=data.LIAISON_ANSWER_CY,
            proposed_status=ActionStatus.IN_PROGRESS,
        )
    with on_day(data.LIAISON_APPROVED_ON, hour=14):
        action_response_review(response=response, by=users["olu"], approve=True, version=0)


@contextmanager
def on_day(day: datetime.date, *, hour: int):
    """Do the work as if on that day: what it stores and prints is dated then."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    with mock.patch.object(timezone, "now", return_value=moment):
        yield


def _member_started(meeting: Meeting, users: dict) -> None:
    """Half-done work: Mina has submitted one rating, saved another as a draft and
    declared no conflict in a third; Sam has declared a conflict; Pat has commented."""
    first, second, third = meeting.reviewed_cases.order_by("position")[:3]
    mina, sam, pat = users["mina"], users["sam"], users["pat"]
    _rating(first, mina, "consistent", "", [])
    reasons = "The no-contact condition has no end date."
    _rating(second, mina, "consistent-with-observations", reasons, [], None, submit=False)
    conflict_declare(reviewed_case=third, user=mina, has_conflict=False)
    conflict_declare(
        reviewed_case=third,
        user=sam,
        has_conflict=True,
        details="I supervised the offender on an earlier community order.",
    )
    conflict_declare(reviewed_case=first, user=pat, has_conflict=False)
    comment_save(
        reviewed_case=first,
        user=pat,
        text="The officer in the case can attend to explain the choice of outcome.",
    )


POOL_OFFENCES = [
    ("105A", "Assault without injury"),
    ("8L", "Harassment without violence"),
    ("9A", "Public fear, alarm or distress"),
    ("58C", "Criminal damage to a vehicle"),
    ("46", "Shoplifting"),
    ("92E", "Possession of cannabis"),
    ("105B", "Racially or religiously aggravated assault without injury"),
    ("8M", "Racially or religiously aggravated harassment"),
]
POOL_OUTCOMES = [
    "community-resolution",
    "simple-caution",
    "conditional-caution",
    "outcome-22",
    "deferred-caution",
]


def _pool(force: Force) -> None:
    """A fictional pool of finalised cases for OPCC staff to sample from."""
    rng = random.Random(2026)  # noqa: S311 # nosec B311 # fixed seed, the demo is the same
    codes = {c.code: c for c in CrimeCode.objects.filter(code__in=[o[0] for o in POOL_OFFENCES])}
    outcomes = {o.code: o for o in OutcomeType.objects.filter(code__in=POOL_OUTCOMES)}
    existing = set(Case.objects.filter(force=force).values_list("reference", flat=True))
    new_cases = []
    for n in range(1, data.POOL_SIZE + 1):
        reference = f"DS-26-P{n:04d}"
        code, offence = rng.choice(POOL_OFFENCES)
        outcome_date = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(270))
        case = Case(
            force=force,
            reference=reference,
            offence=offence,
            crime_code=codes[code],
            offence_category=codes[code].offence_category,
            is_domestic_abuse=rng.random() < 0.25,
            is_hate_crime=code in {"105B", "8M"},
            outcome_type=outcomes[rng.choice(POOL_OUTCOMES)],
            offence_date=outcome_date - datetime.timedelta(days=rng.randrange(10, 120)),
            outcome_date=outcome_date,
            offender_age_band=rng.choice(["18_24", "25_34", "35_49", "50_64"]),
            gravity_score=rng.choice([1, 2, 2, 3, None]),
            admission=rng.choice(["full", "full", "full", "partial"]),
            victim_views=rng.choice(["sought_recorded", "sought_recorded", "not_recorded"]),
            authorising_rank=rng.choice(["sergeant", "inspector", "not_recorded"]),
            facts_at_decision=f"Fictional demo case: {offence.lower()}, resolved out of court.",
        )
        if reference not in existing:
            new_cases.append(case)
    Case.objects.bulk_create(new_cases)
