"""Record kinds at scale: 1,000,000 stop-and-search cases whose fields are kept in
`Case.values` (and `Case.facets`), filtered through the data admins' case list and the
sampling pool, and drawn from with the sample spread across one of them.

Loads the cases with COPY, as bench_sampling does. For each scenario the selector's
queries are captured and explained (`bench/load/explain.py`'s EXPLAIN (ANALYZE,
BUFFERS)); a sequential scan of the case table is flagged. Then `sample_draw` is timed
end to end, stratified by a kind's field (target: under 1 s). Everything it made is
deleted afterwards.
"""

import datetime
import itertools
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from cases import browse_selectors
from cases.browse_views import COUNT_LIMIT, PAGE_SIZE
from cases.kind_data import seed_kinds
from cases.kinds.facets import facet_codes, facet_values
from cases.models import Case, Force, RecordKind
from core.pagination import CappedPaginator
from core.roles import StaffRole
from panels.models import Framework, Meeting, Panel
from panels.sampling import PoolFilters, eligible_cases, load_pool
from panels.sampling.services import sample_draw

from .bench_sampling import _fmt, _time, _vacuum

POOL_SIZE = 1_000_000
RUNS = 3
SAMPLE_SIZE = 30
FORCE_CODE = "BENCH-KINDS"
KIND_CODE = "bench-stop-search"
SLUG = "bench-kinds"
SEEDS = itertools.count(1)

# Each field's choices with their share of the cases (the rest: not recorded).
SHARES = {
    "power": [("pace1", 0.60), ("mda23", 0.30), ("cjpoa60", 0.08), ("ta47a", 0.02)],
    "ethnicity": [("w", 0.60), ("b", 0.15), ("a", 0.12), ("m", 0.05), ("o", 0.05)],
    "age_band": [("under_18", 0.15), ("18_24", 0.35), ("25_34", 0.25), ("35_plus", 0.25)],
    "bwv": [(True, 0.80), (False, 0.17)],
}
KIND = {
    "code": KIND_CODE,
    "name": "Benchmark stop and search",
    "date_label": "Date of search",
    "facts_label": "Grounds",
    "sections": [
        (
            "Search",
            [
                {
                    "code": code,
                    "label": code.replace("_", " ").capitalize(),
                    "type": "yes_no" if code == "bwv" else "choice",
                    "choices": [] if code == "bwv" else [(value, value) for value, _ in shares],
                    "filterable": True,
                }
                for code, shares in SHARES.items()
            ],
        )
    ],
}


def run(*, pool_size: int = POOL_SIZE, runs: int = RUNS, sample_size: int = SAMPLE_SIZE) -> str:
    _clean_up()
    try:
        meeting, admin, opcc = _fixtures()
        seconds = _load(meeting.panel.force, meeting.panel.framework.record_kind, pool_size)
        print(f"    loaded {pool_size:,} cases in {seconds:.1f} s", flush=True)
        plans = _plans(meeting, admin, opcc) if connection.vendor == "postgresql" else []
        draws = _draws(meeting, opcc, runs, sample_size)
    finally:
        _clean_up()
    return _report(pool_size, seconds, plans, draws, runs, sample_size)


def _fixtures() -> tuple[Meeting, object, object]:
    seed_kinds(apps, [KIND])
    kind = RecordKind.objects.get(code=KIND_CODE)
    framework = Framework.objects.create(
        slug=SLUG, name="Benchmark stop and search framework", kind="other", record_kind=kind
    )
    force = Force.objects.create(code=FORCE_CODE, name="Benchmark Kinds Constabulary")
    panel = Panel.objects.create(
        name="Benchmark stop and search panel",
        slug=SLUG,
        framework=framework,
        force=force,
        organisation="Benchmark",
    )
    meeting = Meeting.objects.create(panel=panel, date=datetime.date(2030, 1, 1), theme="Bench")
    users = []
    for name, role in [
        ("bench-kinds-admin", StaffRole.DATA_ADMIN),
        ("bench-kinds", StaffRole.OPCC_STAFF),
    ]:
        user, _ = get_user_model().objects.get_or_create(username=name)
        user.groups.add(Group.objects.get_or_create(name=role.value)[0])
        users.append(user)
    return meeting, users[0], users[1]


def _values(rng: random.Random) -> dict:
    values = {}
    for code, shares in SHARES.items():
        roll, total = rng.random(), 0.0
        for value, share in shares:
            total += share
            if roll < total:
                values[code] = value
                break
    return values


def _load(force: Force, kind: RecordKind, pool_size: int) -> float:
    """COPY the cases in (bulk_create on SQLite, for the smoke run)."""
    start = time.perf_counter()
    rng = random.Random(7)  # nosec B311 # a fixed, repeatable dataset
    template = Case(force=force, kind=kind, facts_at_decision="Fictional benchmark search.")
    codes = facet_codes(kind.fields.all())  # as the import does, once
    template.created_at = template.updated_at = datetime.datetime.now(datetime.UTC)
    fields = [f for f in Case._meta.concrete_fields if not f.primary_key]

    def row(n: int) -> Case:
        template.reference = f"KS/{n:07d}"
        template.outcome_date = datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 365)
        template.values = _values(rng)
        template.facets = facet_values(template.values, codes)
        return template

    if connection.vendor != "postgresql":
        cases = [
            Case(**{f.attname: getattr(row(n), f.attname) for f in fields})
            for n in range(pool_size)
        ]
        Case.objects.bulk_create(cases, batch_size=500)
        return time.perf_counter() - start
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {Case._meta.db_table} ({columns}) FROM STDIN"
    with transaction.atomic(), connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for n in range(pool_size):
            case = row(n)
            copy.write_row(
                [f.get_db_prep_save(getattr(case, f.attname), connection) for f in fields]
            )
    _vacuum()
    return time.perf_counter() - start


def _field(code: str):
    return RecordKind.objects.get(code=KIND_CODE).fields.get(code=code)


def _case_page(admin, code: str, value) -> Callable:
    kind, field = RecordKind.objects.get(code=KIND_CODE), _field(code)

    def read():
        filters = {"kind": kind, "kind_fields": [(field, [value])]}
        cases = browse_selectors.case_list(user=admin, filters=filters)
        page = CappedPaginator(cases, PAGE_SIZE, count_limit=COUNT_LIMIT).get_page(1)
        list(page.object_list)

    return read


def _pool(opcc, meeting, fields: dict, stratum: str | None = None) -> Callable:
    filters = PoolFilters(kind=KIND_CODE, fields=fields)
    return lambda: load_pool(
        eligible_cases(user=opcc, meeting=meeting, filters=filters), stratum, kind=KIND_CODE
    )


def scenarios(meeting, admin, opcc) -> list[tuple[str, Callable]]:
    """Each a read filtered by a kind's field but the last, which reads the whole pool
    (no filter to answer from an index: shown for what a whole-pool draw costs)."""
    return [
        ("Case list: ethnicity Black (15%)", _case_page(admin, "ethnicity", "b")),
        ("Case list: power s47a (2%)", _case_page(admin, "power", "ta47a")),
        ("Case list: body-worn video not used (17%)", _case_page(admin, "bwv", False)),
        (
            "Sampling pool: under 18 (15%), stratified by ethnicity",
            _pool(opcc, meeting, {"age_band": ("under_18",)}, "ethnicity"),
        ),
        ("Sampling pool: power s47a (2%)", _pool(opcc, meeting, {"power": ("ta47a",)})),
        (
            "Sampling pool: ethnicity Black or Asian (27%)",
            _pool(opcc, meeting, {"ethnicity": ("b", "a")}),
        ),
        (
            f"{WHOLE}Sampling pool: the whole kind, stratified by ethnicity",
            _pool(opcc, meeting, {}, "ethnicity"),
        ),
    ]


WHOLE = "(No field filter) "


@dataclass
class Plan:
    scenario: str
    query: int
    nodes: list[str]  # scans (with their index) and joins, outermost first
    seq_scans: list[str]  # tables read whole
    milliseconds: float


def _plans(meeting, admin, opcc) -> list[Plan]:
    from bench.load.explain import _is_select

    plans = []
    for name, read in scenarios(meeting, admin, opcc):
        with CaptureQueriesContext(connection) as captured:
            read()
        selects = [q["sql"] for q in captured.captured_queries if _is_select(q["sql"])]
        for n, sql in enumerate(selects, start=1):
            if "cases_case" in sql:
                plans.append(_explain(name, n, sql))
        print(f"    explained {name}", flush=True)
    return plans


def _explain(scenario: str, n: int, sql: str) -> Plan:
    """The warm run's plan (the last of three), its index scans named: a bitmap scan's
    index sits on a node of its own, which `bench/load/explain.py` leaves out."""
    with connection.cursor() as cursor:
        for _ in range(3):
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
            result = cursor.fetchone()[0]
    document = result[0] if isinstance(result, list) else result
    nodes, seq = [], []
    _walk(document["Plan"], nodes, seq)
    return Plan(scenario, n, nodes, seq, document["Execution Time"])


def _walk(node: dict, nodes: list, seq: list) -> None:
    kind, relation, index = node["Node Type"], node.get("Relation Name"), node.get("Index Name")
    if relation or index:
        where = " ".join(part for part in [kind, relation, f"({index})" if index else ""] if part)
        nodes.append(where)
        if kind == "Seq Scan" and relation == "cases_case":
            seq.append(relation)
    elif kind in {"Sort", "Aggregate", "Hash Join", "Nested Loop"}:
        nodes.append(kind)
    for child in node.get("Plans", []):
        _walk(child, nodes, seq)


def _draws(meeting, opcc, runs: int, sample_size: int) -> list[tuple]:
    scenarios = [
        ("whole pool, not stratified (reference)", PoolFilters(), None),
        ("whole pool, stratified by ethnicity", PoolFilters(), "ethnicity"),
        ("under 18 (15%), stratified by ethnicity", _only("age_band", "under_18"), "ethnicity"),
        ("power s60 (8%), stratified by ethnicity", _only("power", "cjpoa60"), "ethnicity"),
        ("body-worn video used (80%), stratified by age band", _only("bwv", True), "age_band"),
    ]
    rows = []
    for name, filters, stratum in scenarios:
        timings, draw = _time(
            lambda f=filters, s=stratum: _draw(meeting, opcc, f, s, sample_size), runs
        )
        rows.append((f"Draw: {name}", draw.pool_size, timings))
        print(f"    {name}: {_fmt(statistics.median(timings))}", flush=True)
    return rows


def _only(code: str, value) -> PoolFilters:
    return PoolFilters(fields={code: (value,)})


def _draw(meeting, user, filters, stratum, sample_size: int):
    latest = Meeting.objects.filter(panel=meeting.panel).order_by("-date").first()
    fresh = Meeting.objects.create(
        panel=meeting.panel, date=latest.date + datetime.timedelta(days=1), theme="Bench"
    )
    seed = f"bench-kinds-{next(SEEDS)}"
    return sample_draw(
        meeting=fresh, by=user, filters=filters, size=sample_size, strata_field=stratum, seed=seed
    )


CLEAN_UP = [
    (
        "DELETE FROM panels_reviewedcase WHERE meeting_id IN (SELECT m.id FROM panels_meeting m"
        " JOIN panels_panel p ON p.id = m.panel_id WHERE p.slug = %s)",
        SLUG,
    ),
    (
        "DELETE FROM panels_sampledrawpool WHERE draw_id IN (SELECT d.id FROM panels_sampledraw d"
        " JOIN panels_meeting m ON m.id = d.meeting_id JOIN panels_panel p ON p.id = m.panel_id"
        " WHERE p.slug = %s)",
        SLUG,
    ),
    (
        "DELETE FROM panels_sampledraw WHERE meeting_id IN (SELECT m.id FROM panels_meeting m"
        " JOIN panels_panel p ON p.id = m.panel_id WHERE p.slug = %s)",
        SLUG,
    ),
    (
        "DELETE FROM panels_meeting WHERE panel_id IN (SELECT id FROM panels_panel"
        " WHERE slug = %s)",
        SLUG,
    ),
    ("DELETE FROM panels_panel WHERE slug = %s", SLUG),
    (
        "DELETE FROM cases_casestatuschange WHERE case_id IN (SELECT c.id FROM cases_case c"
        " JOIN cases_force f ON f.id = c.force_id WHERE f.code = %s)",
        FORCE_CODE,
    ),
    (
        "DELETE FROM cases_case WHERE force_id IN (SELECT id FROM cases_force WHERE code = %s)",
        FORCE_CODE,
    ),
    ("DELETE FROM cases_force WHERE code = %s", FORCE_CODE),
]


def _clean_up() -> None:
    """Delete what a run made, in dependency order; history rows refuse ORM deletes."""
    with transaction.atomic(), connection.cursor() as cursor:
        for sql, value in CLEAN_UP:
            cursor.execute(sql, [value])
        Framework.objects.filter(slug=SLUG).delete()
        kind = RecordKind.objects.filter(code=KIND_CODE).first()
        if kind is not None:
            kind.fields.all().delete()
            kind.sections.all().delete()
            kind.delete()
    # The benchmark's users stay: the audit trail names them (each draw is audited).
    _vacuum()


def _report(pool_size: int, load: float, plans: list, draws: list, runs: int, size: int) -> str:
    lines = [
        "## Record kinds: filtering and drawing by a kind's field",
        "",
        f"`bench/bench_kinds.py`: {pool_size:,} cases of a stop-and-search kind whose "
        "fields (power used, ethnicity, age band, body-worn video) are kept in "
        "`Case.values` and, being choices and yes or no, in its facets (`Case.facets`, "
        "which the pool index includes), loaded with `COPY` in "
        f"{load:,.0f} s. The case list and the sampling pool are filtered by those fields "
        "through their own selectors, and every query they send to the case table is "
        "explained (`EXPLAIN (ANALYZE, BUFFERS)`, the warm run): a sequential scan of "
        "`cases_case` would be flagged. Then `sample_draw` is timed end to end, the "
        f"sample ({size}) spread across a field, median and best of {runs} runs. "
        "Target: a draw under 1 s.",
        "",
    ]
    if plans:
        from bench.load.explain import _dedupe

        lines += [
            "| Scenario | Query | Plan (scans and joins, outermost first) | Time | Flag |",
            "|---|---:|---|---:|---|",
        ]
        for p in plans:
            flag = "**Seq Scan: cases_case**" if p.seq_scans else ""
            shown = "; ".join(_dedupe(p.nodes))
            lines.append(
                f"| {p.scenario} | {p.query} | {shown} | {p.milliseconds:,.1f} ms | {flag} |"
            )
        filtered = [p for p in plans if not p.scenario.startswith(WHOLE)]
        scanned = [p for p in filtered if p.seq_scans]
        lines += [
            "",
            f"Sequential scans of `cases_case` filtering by a kind's field: {len(scanned)} of "
            f"{len(filtered)} queries.",
            "",
        ]
    else:
        lines += ["(Query plans are PostgreSQL's: not explained on this database.)", ""]
    lines += ["| What | Pool | Sample | Median | Best |", "|---|---:|---:|---:|---:|"]
    for what, pool, timings in draws:
        lines.append(
            f"| {what} | {pool:,} | {size} | {_fmt(statistics.median(timings))} "
            f"| {_fmt(min(timings))} |"
        )
    return "\n".join(lines) + "\n"
