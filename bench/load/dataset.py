"""The national-scale dataset: built once, reused while its parameters are the same.

A million cases across five forces arrive by COPY, as the import benchmark's reference
path does. The panels' history (memberships, 200 meetings, agendas, conflict
declarations, ratings, decisions, actions) is bulk-created in the states the workflow
would have left, without its history rows; the 150 findings reports are then generated,
approved and published through the real services, so each has its frozen HTML and its
own rendered PDF. A marker row records the parameters, so a second run reuses the lot.
"""

import datetime
import itertools
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from cases.enums import CaseStatus
from cases.models import Case, CrimeCode, Force, OutcomeType
from core.roles import StaffRole
from panels.enums import (
    ActionStatus,
    Agency,
    Assessment,
    CaseSource,
    MeetingStatus,
    MembershipRole,
    RatingStatus,
)
from panels.models import (
    Action,
    ConflictDeclaration,
    CriterionAssessment,
    Decision,
    Framework,
    Meeting,
    Membership,
    Panel,
    Rating,
    ReviewedCase,
)

# Bump when the layout below changes, so an older dataset is rebuilt rather than reused.
LAYOUT = 1
MARKER_TABLE = "bench_load_marker"
FORCES = 5
MEMBERS_PER_PANEL = 12  # a chair, ten voting members and a non-voting police attendee
CLOSED_PER_PANEL = 30  # 150 closed meetings, each with a published report
OPEN_PER_PANEL = 2  # open for rating: where members' homes, case pages and saves land
MEETINGS_PER_PANEL = 40
CLOSED_CASES = 10
BIG_MEETING_CASES = 40
SMALL_MEETING_CASES = 10
RATINGS = 16_000
ACTIONS_PER_CLOSED = 2
CODES = ["8L", "8N", "105A", "46", "58C", "92E", "9A", "105B", "8M"]
CATEGORY_CYCLE = ["consistent", "consistent-with-observations", "inconsistent", "consistent"]
User = get_user_model()


@dataclass(frozen=True)
class Parameters:
    cases: int
    layout: int = LAYOUT


def media_root() -> Path:
    """Where the published files live (bench.load sets it); the server reads the same."""
    return Path(settings.MEDIA_ROOT)


def built(parameters: Parameters) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [MARKER_TABLE])
        if cursor.fetchone()[0] is None:
            return False
        cursor.execute(f"SELECT parameters FROM {MARKER_TABLE}")  # nosec B608 # a constant
        row = cursor.fetchone()
    stored = json.loads(row[0]) if row else None
    return stored == asdict(parameters) and media_root().is_dir()


def build(parameters: Parameters) -> dict[str, float]:
    """Everything in an empty, migrated database; returns seconds per step."""
    timings = {}
    started = time.perf_counter()
    forces = _forces()
    _copy_cases(forces, parameters.cases)
    timings["cases (COPY)"] = time.perf_counter() - started
    step = time.perf_counter()
    people = _people()
    panels = [_panel(i, force, people) for i, force in enumerate(forces)]
    closed = [m for panel in panels for m in _meetings(panel, people)]
    _history(people)
    timings["panels, meetings, ratings"] = time.perf_counter() - step
    step = time.perf_counter()
    _publish(closed, people)
    timings[f"{len(closed)} reports published"] = time.perf_counter() - step
    _vacuum()
    _mark(parameters)
    timings["total"] = time.perf_counter() - started
    return timings


# --- cases --------------------------------------------------------------------------


def _forces() -> list[Force]:
    return [
        Force.objects.create(code=f"NAT{i + 1}", name=f"National Test Constabulary {i + 1}")
        for i in range(FORCES)
    ]


def _copy_cases(forces: list[Force], total: int) -> None:
    """COPY the pool in; every column comes from a model instance, so new fields work."""
    outcomes = list(OutcomeType.objects.order_by("pk").values_list("pk", flat=True))
    codes = list(CrimeCode.objects.filter(code__in=CODES).order_by("code"))
    template = Case(
        force=forces[0],
        outcome_type_id=outcomes[0],
        offence="Harassment without violence",
        facts_at_decision="Fictional case for the load benchmark, resolved out of court.",
    )
    template.created_at = template.updated_at = timezone.now()
    fields = [f for f in Case._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {Case._meta.db_table} ({columns}) FROM STDIN"
    with transaction.atomic(), connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for n in range(total):
            copy.write_row(_case_row(template, fields, n, forces, outcomes, codes))


def _case_row(template, fields, n, forces, outcomes, codes) -> list:
    force = forces[n % len(forces)]
    code = codes[(n // 7) % len(codes)]
    template.force_id = force.pk
    template.reference = f"{force.code}/{2023 + (n // len(forces)) % 3}/{n:07d}"
    template.outcome_type_id = outcomes[(n * 7) % len(outcomes)]
    template.crime_code_id = code.pk
    template.offence_category = code.offence_category
    template.is_domestic_abuse = n % 4 == 0
    template.offence_date = datetime.date(2023, 1, 1) + datetime.timedelta(days=(n * 13) % 1000)
    template.outcome_date = template.offence_date + datetime.timedelta(days=14 + n % 60)
    template.gravity_score = 1 + n % 4
    return [f.get_db_prep_save(getattr(template, f.attname), connection) for f in fields]


# --- people and panels -----------------------------------------------------------------


def _user(username: str, first: str, last: str, role: StaffRole | None = None):
    user = User(username=username, first_name=first, last_name=last)
    user.email = f"{username}@example.org"
    # Sessions are made directly for the load run; nobody signs in with a password.
    user.set_unusable_password()
    user.save()
    if role:
        user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    return user


def _people() -> dict:
    return {
        "opcc": _user("load-olu", "Olu", "Staff", StaffRole.OPCC_STAFF),
        "approver": _user("load-nia", "Nia", "Approver", StaffRole.OPCC_STAFF),
        "admin": _user("load-alice", "Alice", "Admin", StaffRole.DATA_ADMIN),
        "panels": [],
    }


def _panel(index: int, force: Force, people: dict) -> dict:
    panel = Panel.objects.create(
        name=f"National test scrutiny panel {index + 1}",
        slug=f"national-{index + 1}",
        framework=Framework.objects.get(slug="oocr-four-way"),
        force=force,
        organisation="National test Criminal Justice Board",
        public_description="A fictional panel for the load benchmark.",
    )
    agencies = [Agency.CPS, Agency.MAGISTRACY, Agency.PROBATION, Agency.YOUTH_JUSTICE]
    memberships = []
    for j in range(MEMBERS_PER_PANEL):
        user = _user(f"load-p{index + 1}-m{j:02d}", f"Member{j}", f"Panel{index + 1}")
        police = j == MEMBERS_PER_PANEL - 1
        memberships.append(
            Membership(
                panel=panel,
                user=user,
                role=MembershipRole.CHAIR if j == 0 else MembershipRole.MEMBER,
                agency=Agency.POLICE if police else agencies[j % len(agencies)],
                is_voting=not police,
            )
        )
    Membership.objects.bulk_create(memberships)
    entry = {"panel": panel, "memberships": memberships, "meetings": {}}
    people["panels"].append(entry)
    return entry


# --- meetings and what happened at them --------------------------------------------------


def _meetings(entry: dict, people: dict) -> list[Meeting]:
    """The panel's 40 meetings; returns the closed ones, whose reports are published."""
    panel, today = entry["panel"], timezone.localdate()
    small = panel.slug == "national-1"
    plan = [
        ("closed", MeetingStatus.CLOSED, today - datetime.timedelta(days=30 * (k + 1)))
        for k in range(CLOSED_PER_PANEL)
    ]
    plan.append(("big", MeetingStatus.IN_DISCUSSION, today - datetime.timedelta(days=1)))
    if small:
        plan.append(("small", MeetingStatus.IN_DISCUSSION, today - datetime.timedelta(days=2)))
    plan += [
        ("open", MeetingStatus.RATING_OPEN, today + datetime.timedelta(days=7 + 14 * k))
        for k in range(OPEN_PER_PANEL)
    ]
    for k in range(MEETINGS_PER_PANEL - len(plan)):
        plan.append(
            ("planned", MeetingStatus.PLANNED, today + datetime.timedelta(days=60 + 14 * k))
        )
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                panel=panel,
                date=date,
                theme=f"{kind.title()} meeting {n + 1}",
                status=status,
                rating_deadline=date - datetime.timedelta(days=2),
                location="Online",
            )
            for n, (kind, status, date) in enumerate(plan)
        ]
    )
    for (kind, _, _), meeting in zip(plan, meetings, strict=True):
        entry["meetings"].setdefault(kind, []).append(meeting)
    return entry["meetings"]["closed"]


def _history(people: dict) -> None:
    """Agendas, declarations, ratings and decisions, in bulk, the states the workflow leaves."""
    framework = Framework.objects.get(slug="oocr-four-way")
    categories = {c.code: c for c in framework.categories.all()}
    criteria = list(framework.criteria.all())
    agendas = _agendas(people)
    budget = RATINGS - sum(
        len(rcs) * _voting(entry) for entry, kind, rcs in agendas if kind in {"big", "small"}
    )
    closed_cases = sum(len(rcs) for _, kind, rcs in agendas if kind == "closed")
    per_case = itertools.cycle(_spread(budget, closed_cases))
    ratings, declarations, decisions, actions = [], [], [], []
    for entry, kind, reviewed_cases in agendas:
        voters = [m for m in entry["memberships"] if m.is_voting]
        for rc in reviewed_cases:
            if kind == "open":
                declarations += [_declared(rc, m) for m in entry["memberships"]]
                continue
            raters = voters if kind != "closed" else voters[: next(per_case)]
            code = CATEGORY_CYCLE[rc.position % len(CATEGORY_CYCLE)]
            declarations += [_declared(rc, m) for m in entry["memberships"]]
            ratings += [_rating(rc, m, categories[code]) for m in raters]
            if kind == "closed" or rc.position % 2:
                decisions.append(_decision(rc, categories[code], people["opcc"]))
        if kind == "closed":
            actions += _actions(reviewed_cases[0].meeting)
    ConflictDeclaration.objects.bulk_create(declarations, batch_size=2000)
    Rating.objects.bulk_create(ratings, batch_size=2000)
    CriterionAssessment.objects.bulk_create(
        [
            CriterionAssessment(rating=r, criterion=c, value=Assessment.MET)
            for r in ratings
            for c in criteria
        ],
        batch_size=5000,
    )
    Decision.objects.bulk_create(decisions, batch_size=2000)
    Action.objects.bulk_create(actions)


def _voting(entry: dict) -> int:
    return sum(m.is_voting for m in entry["memberships"])


def _spread(total: int, slots: int) -> list[int]:
    base, extra = divmod(max(total, 0), slots)
    return [base + (1 if i < extra else 0) for i in range(slots)]


def _agendas(people: dict) -> list[tuple]:
    """Put cases of each panel's force on its meetings' agendas, oldest meetings first."""
    sizes = {"closed": CLOSED_CASES, "big": BIG_MEETING_CASES, "small": SMALL_MEETING_CASES}
    sizes["open"] = BIG_MEETING_CASES
    agendas, on_agenda, reviewed = [], [], []
    for entry in people["panels"]:
        wanted = [(kind, m) for kind, ms in entry["meetings"].items() if kind in sizes for m in ms]
        needed = sum(sizes[kind] for kind, _ in wanted)
        pool = iter(
            Case.objects.filter(force=entry["panel"].force)
            .order_by("pk")
            .values_list("pk", flat=True)[:needed]
        )
        for kind, meeting in wanted:
            rcs = [
                ReviewedCase(
                    meeting=meeting, case_id=next(pool), position=p, source=CaseSource.SAMPLED
                )
                for p in range(1, sizes[kind] + 1)
            ]
            agendas.append((entry, kind, rcs))
            target = reviewed if kind == "closed" else on_agenda
            target += [rc.case_id for rc in rcs]
    ReviewedCase.objects.bulk_create([rc for _, _, rcs in agendas for rc in rcs], batch_size=2000)
    Case.objects.filter(pk__in=on_agenda).update(status=CaseStatus.ON_AGENDA)
    Case.objects.filter(pk__in=reviewed).update(status=CaseStatus.REVIEWED)
    return agendas


def _declared(rc: ReviewedCase, membership: Membership) -> ConflictDeclaration:
    return ConflictDeclaration(
        reviewed_case=rc, membership=membership, has_conflict=False, declared_by=membership.user
    )


def _rating(rc: ReviewedCase, membership: Membership, category) -> Rating:
    return Rating(
        reviewed_case=rc,
        membership=membership,
        category=category,
        reasons="" if not category.requires_reasons else "The gravity score was not recorded.",
        status=RatingStatus.SUBMITTED,
        version=1,
        submitted_at=timezone.now(),
    )


def _decision(rc: ReviewedCase, category, by) -> Decision:
    return Decision(
        reviewed_case=rc,
        category=category,
        reasons=f"The panel's reasons for case {rc.position}, written as a full sentence.",
        recorded_by=by,
        majority_category=category,
        differs_from_majority=False,
    )


def _actions(meeting: Meeting) -> list[Action]:
    statuses = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED]
    return [
        Action(
            meeting=meeting,
            description=f"Brief officers on recording the gravity score ({n + 1}).",
            owner="Force learning and development",
            due_date=meeting.date + datetime.timedelta(days=30 + 30 * n),
            status=statuses[(meeting.pk + n) % len(statuses)],
        )
        for n in range(ACTIONS_PER_CLOSED)
    ]


# --- published reports -------------------------------------------------------------------


def _publish(closed: list[Meeting], people: dict) -> None:
    from reports import services

    for n, meeting in enumerate(closed, start=1):
        meeting.refresh_from_db()
        report = services.report_generate(meeting=meeting, by=people["opcc"])
        services.report_submit(report=report, by=people["opcc"])
        services.report_approve(report=report, by=people["approver"])
        services.report_publish(report=report, by=people["opcc"])
        if n % 25 == 0:
            print(f"    {n} of {len(closed)} reports published", flush=True)


def _vacuum() -> None:
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute("CHECKPOINT")


def _mark(parameters: Parameters) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {MARKER_TABLE} (parameters text NOT NULL, built_at timestamptz)"
        )
        insert = f"INSERT INTO {MARKER_TABLE} VALUES (%s, now())"  # nosec B608 # a constant
        cursor.execute(insert, [json.dumps(asdict(parameters))])


# --- the cast the load run uses ----------------------------------------------------------
