"""Random dip sampling: drawing from a 1,000,000-case pool (target: under 1 s).

Loads the pool with COPY, times `panels.sampling.services.sample_draw` end to end (pool
read, fingerprint, choosing the cases, the record and the agenda, in one transaction), then
deletes everything it made. Runs twice: once with references stored in import
order, as a force's sequential extracts arrive, and once with the rows shuffled,
which makes sorting the pool for its fingerprint the expensive part.
"""

import datetime
import itertools
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction

from cases.models import Case, CrimeCode, Force, OutcomeType
from core.roles import StaffRole
from panels import sampling
from panels.models import Framework, Meeting, Panel
from panels.sampling import PoolFilters
from panels.sampling.services import sample_draw

POOL_SIZE = 1_000_000
SAMPLE_SIZE = 30
RUNS = 5
SEEDS = itertools.count(1)
FORCE_CODE = "BENCH-SAMPLING"
OUTCOMES = ["community-resolution", "simple-caution", "conditional-caution", "outcome-22"]
CODES = ["8L", "8Q", "105A", "46", "9A"]


@dataclass(frozen=True)
class Scale:
    """How big a run is: the full benchmark's, or the test suite's smoke run's."""

    pool_size: int
    runs: int
    sample_size: int


def run(*, pool_size: int = POOL_SIZE, runs: int = RUNS, sample_size: int = SAMPLE_SIZE) -> str:
    scale = Scale(pool_size, runs, sample_size)
    _clean_up()
    rows = []
    try:
        for order in ["import order", "shuffled"]:
            meeting, user = _fixtures()
            seconds = _load_pool(meeting.panel.force, pool_size, shuffled=order == "shuffled")
            print(f"    loaded {pool_size:,} cases ({order}) in {seconds:.1f} s", flush=True)
            rows += _measure(meeting, user, order, scale)
            _clean_up()
    finally:
        _clean_up()
    return _report(rows, scale)


def _measure(meeting: Meeting, user, order: str, scale: Scale) -> list[tuple]:
    whole, half = PoolFilters(), PoolFilters(outcome_types=tuple(OUTCOMES[:2]))
    tenth = PoolFilters(
        outcome_date_from=datetime.date(2025, 1, 1), outcome_date_to=datetime.date(2025, 2, 5)
    )
    day = PoolFilters(
        outcome_types=(OUTCOMES[0],),
        outcome_date_from=datetime.date(2025, 1, 1),
        outcome_date_to=datetime.date(2025, 1, 1),
    )
    scenarios = [
        ("whole pool", {"filters": whole}),
        (
            "whole pool, stratified by outcome type",
            {"filters": whole, "strata_field": "outcome_type"},
        ),
        ("two outcome types (half the pool)", {"filters": half}),
        ("36 days of outcome dates (a tenth of the pool)", {"filters": tenth}),
        (
            "one day, one outcome type (fixed costs: record, agenda, case workflow)",
            {"filters": day},
        ),
    ]
    rows = []
    for name, arguments in scenarios:
        # Each run draws for a meeting of its own, as a first draw does.
        timings, draw = _time(
            lambda a=arguments: _draw(_next_meeting(meeting), user, a, scale), scale.runs
        )
        rows.append((f"Draw: {name}", order, draw.pool_size, scale.sample_size, timings))
        print(f"    {name}: {_fmt(statistics.median(timings))}", flush=True)
    again, draw = _time(lambda: _draw(draw.meeting, user, {"filters": whole}, scale), scale.runs)
    rows.append(
        (
            "Draw again (drawn cases back to the pool first)",
            order,
            draw.pool_size,
            scale.sample_size,
            again,
        )
    )
    rows += _phases(meeting, user, order, scale)
    timings, problems = _time(lambda: sampling.verify(draw), 1)
    if problems:  # a benchmark that mis-draws must stop
        raise SystemExit(problems)
    rows.append(("Verify the last draw (`verify_sample`)", order, draw.pool_size, "", timings))
    return rows


def _draw(meeting, user, arguments, scale: Scale):
    # A new seed each time, as real draws have: a repeated seed would find the
    # cases an earlier draw took (the smallest scores) gone from the pool.
    seed = f"bench-{next(SEEDS)}"
    return sample_draw(meeting=meeting, by=user, size=scale.sample_size, seed=seed, **arguments)


def _next_meeting(meeting: Meeting) -> Meeting:
    latest = Meeting.objects.filter(panel=meeting.panel).order_by("-date").first()
    return Meeting.objects.create(
        panel=meeting.panel, date=latest.date + datetime.timedelta(days=1), theme="Bench"
    )


def _phases(meeting: Meeting, user, order: str, scale: Scale) -> list[tuple]:
    """Where the time of an unstratified whole-pool draw goes."""
    cases = sampling.eligible_cases(user=user, meeting=meeting, filters=PoolFilters())
    read, pool = _time(lambda: sampling.load_pool(cases), scale.runs)
    rank, _ = _time(
        lambda: sampling.choose(seed="bench", pool=pool, size=scale.sample_size), scale.runs
    )
    before, _ = _time(
        lambda: sampling.select(seed="bench", pool=pool, size=scale.sample_size), scale.runs
    )
    seal, _ = _time(lambda: _seal(pool), scale.runs)
    return [
        ("… of which: read the pool in code-point order", order, pool.size, "", read),
        (
            f"… of which: choose the cases ({sampling.ALGORITHM_VERSION})",
            order,
            pool.size,
            scale.sample_size,
            rank,
        ),
        (
            f"(the method before, {sampling.BOTTOMK_VERSION}: score every case, keep the smallest)",
            order,
            pool.size,
            scale.sample_size,
            before,
        ),
        (
            "… of which: fingerprint and compress the pool record (alongside the choosing "
            "and the agenda)",
            order,
            pool.size,
            "",
            seal,
        ),
    ]


def _seal(pool: sampling.Pool) -> tuple:
    fresh = sampling.Pool(pool.text, pool.strata_text)  # the record is cached on the pool
    return fresh.fingerprint, fresh.compressed


def _time(action: Callable, runs: int) -> tuple[list[float], object]:
    timings, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - start)
    return timings, result


def _fixtures() -> tuple[Meeting, object]:
    force = Force.objects.create(code=FORCE_CODE, name="Benchmark Constabulary")
    panel = Panel.objects.create(
        name="Benchmark sampling panel",
        slug="bench-sampling",
        framework=Framework.objects.get(slug="oocr-four-way"),
        force=force,
        organisation="Benchmark",
    )
    meeting = Meeting.objects.create(panel=panel, date=datetime.date(2030, 1, 1), theme="Bench")
    user, _ = get_user_model().objects.get_or_create(username="bench-sampling")
    user.groups.add(Group.objects.get_or_create(name=StaffRole.OPCC_STAFF.value)[0])
    return meeting, user


def _load_pool(force: Force, pool_size: int, *, shuffled: bool) -> float:
    """COPY the cases in; every column comes from a model instance, so new fields work."""
    start = time.perf_counter()
    outcomes = list(OutcomeType.objects.filter(code__in=OUTCOMES).values_list("pk", flat=True))
    codes = list(CrimeCode.objects.filter(code__in=CODES))
    template = Case(
        force=force,
        outcome_type_id=outcomes[0],
        offence="Benchmark offence",
        facts_at_decision="Fictional benchmark case.",
    )
    template.created_at = template.updated_at = datetime.datetime.now(datetime.UTC)
    fields = [f for f in Case._meta.concrete_fields if not f.primary_key]
    numbers = list(range(pool_size))
    if shuffled:
        random.Random(1).shuffle(numbers)  # nosec B311 # a fixed test order
    if connection.vendor != "postgresql":  # COPY is PostgreSQL's; the smoke run on SQLite
        _bulk_create_pool(template, fields, numbers, outcomes, codes)
        return time.perf_counter() - start
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {Case._meta.db_table} ({columns}) FROM STDIN"
    with transaction.atomic(), connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for n in numbers:
            copy.write_row(_row(template, fields, n, outcomes, codes))
    _vacuum()
    return time.perf_counter() - start


def _bulk_create_pool(template: Case, fields, numbers, outcomes, codes) -> None:
    cases = []
    for n in numbers:
        _row(template, fields, n, outcomes, codes)
        cases.append(Case(**{f.attname: getattr(template, f.attname) for f in fields}))
    Case.objects.bulk_create(cases, batch_size=500)


def _row(template: Case, fields, n: int, outcomes: list[int], codes: list[CrimeCode]) -> list:
    code = codes[n % len(codes)]
    template.reference = f"BS/{2020 + n // 200_000}/{n:07d}"
    template.outcome_type_id = outcomes[(n * 7) % len(outcomes)]
    template.crime_code_id = code.pk
    template.offence_category = code.offence_category
    template.is_domestic_abuse = n % 4 == 0
    template.outcome_date = datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 365)
    return [f.get_db_prep_save(getattr(template, f.attname), connection) for f in fields]


def _clean_up() -> None:
    """Delete what a run made, in dependency order; history rows refuse ORM deletes."""
    statements = [
        "DELETE FROM panels_reviewedcase WHERE meeting_id IN (SELECT m.id FROM panels_meeting m"
        " JOIN panels_panel p ON p.id = m.panel_id WHERE p.slug = 'bench-sampling')",
        "DELETE FROM panels_sampledrawpool WHERE draw_id IN (SELECT id FROM panels_sampledraw"
        " WHERE drawn_by_id IN (SELECT id FROM auth_user WHERE username = 'bench-sampling'))",
        "DELETE FROM panels_sampledraw WHERE drawn_by_id IN"
        " (SELECT id FROM auth_user WHERE username = 'bench-sampling')",
        "DELETE FROM panels_meeting WHERE panel_id IN"
        " (SELECT id FROM panels_panel WHERE slug = 'bench-sampling')",
        "DELETE FROM panels_panel WHERE slug = 'bench-sampling'",
        "DELETE FROM cases_casestatuschange WHERE case_id IN (SELECT c.id FROM cases_case c"
        " JOIN cases_force f ON f.id = c.force_id WHERE f.code = %s)",
        "DELETE FROM cases_case WHERE force_id IN (SELECT id FROM cases_force WHERE code = %s)",
        "DELETE FROM cases_force WHERE code = %s",
    ]
    # The benchmark's user stays: the audit trail names it (each draw is audited) and
    # audit entries are append-only, so a user they name cannot be deleted.
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql, [FORCE_CODE] if "%s" in sql else [])
    _vacuum()


def _vacuum() -> None:
    # Without it the next run scans a million dead rows as well as its own. The
    # checkpoint writes out the load now, not in the middle of the timed draws.
    # PostgreSQL's alone, and never inside a transaction (the test suite's smoke run).
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {Case._meta.db_table}")
        cursor.execute("CHECKPOINT")


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def _report(rows: list[tuple], scale: Scale) -> str:
    lines = [
        "## Random dip sampling",
        "",
        f"`bench/bench_sampling.py`: `sample_draw` on a pool of {scale.pool_size:,} cases, "
        f"sample of {scale.sample_size}, median and best of {scale.runs} runs (one run for "
        "verification). A draw covers reading the pool, sorting and fingerprinting it, "
        f"choosing the cases ({sampling.ALGORITHM_VERSION}), storing the compressed pool and "
        "putting the cases on the "
        "agenda through the case workflow, in one transaction. Target: a draw from "
        "1,000,000 cases in under 1 s.",
        "",
        "| What | Row order | Pool | Sample | Median | Best |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for what, order, pool, sample, timings in rows:
        lines.append(
            f"| {what} | {order} | {pool:,} | {sample} | {_fmt(statistics.median(timings))} "
            f"| {_fmt(min(timings))} |"
        )
    return "\n".join(lines) + "\n"
