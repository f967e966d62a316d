"""EXPLAIN (ANALYZE, BUFFERS) for the queries behind every list, on the national dataset.

The SQL is what the selectors send: each scenario calls the selector (and the pagination
the page uses) under Django's query capture, then every SELECT captured is explained.
A sequential scan of a table of more than BIG_TABLE rows is flagged.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import browse_selectors
from cases.browse_views import COUNT_LIMIT, PAGE_SIZE
from cases.enums import CaseStatus
from cases.models import CrimeCode, OutcomeType
from core.pagination import CappedPaginator
from panels import queries
from panels.enums import MeetingStatus
from panels.meetings import selectors as meeting_selectors
from panels.models import Meeting
from panels.rating import selectors as rating_selectors
from panels.sampling import PoolFilters, eligible_cases, load_pool
from reports import selectors as report_selectors

from .cast import Cast

BIG_TABLE = 10_000
SLOW_MS = 20
# Indexes that would serve a scenario, shown when its plan scans a big table or is slow.
RECOMMENDATIONS = {
    "Case list: offence category": (
        "cases.Case",
        'Index(fields=["offence_category", "-outcome_date"])',
        "the category filter has no index: the page's count reads the whole case table, and "
        "the page itself walks the outcome-date index discarding other categories (slow for "
        "a rare category). This index gives both the count and the page in order.",
    ),
    "Case list: reference prefix": (
        "cases.Case",
        'Index(OpClass("reference", name="varchar_pattern_ops"), name="case_reference_prefix")',
        "`reference__startswith` is `LIKE 'x%'` across all forces: no index leads with the "
        "reference (the unique one starts with the force) and only a C-collation or "
        "pattern-ops B-tree can serve LIKE, so every search reads the whole case table; a "
        "pattern-ops index (`django.contrib.postgres.indexes.OpClass`) answers a prefix in "
        "a few blocks.",
    ),
    "Case list: status on agenda": (
        "cases.Case",
        'Index(fields=["status", "-outcome_date"])',
        "status is the second column of the (force, status, outcome type) index, so without "
        "a force the list reads all of that index; a status-first index finds the few cases "
        "on agendas directly, newest first.",
    ),
    "Case list: no filter": (
        "cases.Case",
        'Index(fields=["-outcome_date", "-id"])',
        "the unfiltered list orders by outcome date then id; an index in exactly that order "
        "avoids sorting ties on the same day.",
    ),
    "Actions": (
        "panels.Action",
        'Index(fields=["status", "due_date"])',
        "the action lists filter by status and sort by due date.",
    ),
    "Public report list": (
        "reports.PublishedVersion",
        'Index(fields=["-meeting_date", "-published_at"])',
        "the public list orders every published version by meeting date.",
    ),
}
RUNS = 3  # each query is explained this many times; the last (warm) run is reported


@dataclass
class Plan:
    scenario: str
    query: int
    sql: str
    nodes: list[str]
    seq_scans: list[str]
    milliseconds: float
    buffers: int


def _case_page(user, filters: dict, sort: str = browse_selectors.DEFAULT_CASE_ORDER) -> Callable:
    def read():
        cases = browse_selectors.case_list(user=user, filters=filters, sort=sort)
        page = CappedPaginator(cases, PAGE_SIZE, count_limit=COUNT_LIMIT).get_page(1)
        list(page.object_list)

    return read


def _pool(user, meeting, filters: PoolFilters, stratum: str | None = None) -> Callable:
    return lambda: load_pool(eligible_cases(user=user, meeting=meeting, filters=filters), stratum)


def scenarios(cast: Cast) -> list[tuple[str, Callable]]:
    admin, opcc, chair = cast.admin, cast.opcc, cast.chair
    force = cast.big_meeting.panel.force
    outcome = OutcomeType.objects.get(code="community-resolution")
    category = CrimeCode.objects.get(code="8L").offence_category
    start, end = datetime.date(2024, 1, 1), datetime.date(2024, 1, 31)
    planned = Meeting.objects.filter(
        panel=cast.big_meeting.panel, status=MeetingStatus.PLANNED
    ).first()
    member = cast.members[0]
    return [
        ("Case list: no filter (first page, capped count)", _case_page(admin, {})),
        ("Case list: one force", _case_page(admin, {"force": force.pk})),
        ("Case list: outcome type", _case_page(admin, {"outcome_type": outcome.pk})),
        ("Case list: offence category", _case_page(admin, {"offence_category": category})),
        ("Case list: status on agenda", _case_page(admin, {"status": CaseStatus.ON_AGENDA})),
        ("Case list: outcome dates (one month)", _case_page(admin, {"from": start, "to": end})),
        (
            "Case list: force, outcome type and one month",
            _case_page(
                admin, {"force": force.pk, "outcome_type": outcome.pk, "from": start, "to": end}
            ),
        ),
        ("Case list: reference prefix", _case_page(admin, {"q": f"{force.code}/2024/00001"})),
        ("Case list: sorted by outcome date, oldest first", _case_page(admin, {}, "outcome_date")),
        (
            "Case list: one force, sorted by reference",
            _case_page(admin, {"force": force.pk}, "reference"),
        ),
        ("Case list: sorted by offence category", _case_page(admin, {}, "offence_category")),
        ("Case list: sorted by reference", _case_page(admin, {}, "reference")),
        ("Case list: sorted by reference, Z to A", _case_page(admin, {}, "-reference")),
        ("Sampling pool: whole force", _pool(opcc, planned, PoolFilters())),
        (
            "Sampling pool: whole force, stratified by outcome type",
            _pool(opcc, planned, PoolFilters(), "outcome_type"),
        ),
        (
            "Sampling pool: one outcome type",
            _pool(opcc, planned, PoolFilters(outcome_types=(outcome.code,))),
        ),
        (
            "Sampling pool: one offence category",
            _pool(opcc, planned, PoolFilters(offence_categories=(category,))),
        ),
        (
            "Sampling pool: one month of outcome dates",
            _pool(opcc, planned, PoolFilters(outcome_date_from=start, outcome_date_to=end)),
        ),
        (
            "Sampling pool: not reviewed before",
            _pool(opcc, planned, PoolFilters(exclude_previously_reviewed=True)),
        ),
        (
            "Agenda of the 40-case meeting, by position",
            lambda: list(queries.agenda(meeting=cast.big_meeting).order_by("position")),
        ),
        (
            "Rating progress of the 40-case meeting",
            lambda: rating_selectors.member_progress(meeting=cast.big_meeting),
        ),
        ("Actions: open", lambda: list(meeting_selectors.action_list(user=opcc, state="open"))),
        (
            "Actions: overdue",
            lambda: list(meeting_selectors.action_list(user=opcc, state="overdue")),
        ),
        ("Actions: done", lambda: list(meeting_selectors.action_list(user=opcc, state="done"))),
        (
            "Actions: one panel's, for its chair",
            lambda: list(meeting_selectors.action_list(user=chair, panel="national-1")),
        ),
        (
            "Public report list (published versions by date)",
            lambda: (
                list(report_selectors.public_versions()),
                list(report_selectors.withdrawn_reports()),
            ),
        ),
        ("Member's home: task lists", lambda: rating_selectors.member_home(user=member)),
        (
            "Member's home: past and upcoming meetings",
            lambda: (
                list(meeting_selectors.past_meetings(user=member)),
                meeting_selectors.meetings_in_order(user=member)[:10],
            ),
        ),
        (
            "Chair's home: chaired meetings",
            lambda: list(meeting_selectors.chaired_meetings(user=chair)),
        ),
    ]


def explain_all(cast: Cast) -> list[Plan]:
    sizes = _table_sizes()
    plans = []
    for name, read in scenarios(cast):
        with CaptureQueriesContext(connection) as captured:
            read()
        selects = [q["sql"] for q in captured.captured_queries if _is_select(q["sql"])]
        for n, sql in enumerate(selects, start=1):
            plans.append(_explain(name, n, sql, sizes))
        print(f"    {name}: {len(selects)} queries", flush=True)
    return plans


def _is_select(sql: str) -> bool:
    head = sql.lstrip().upper()
    return head.startswith(("SELECT", "WITH")) and "SAVEPOINT" not in head


def _explain(scenario: str, n: int, sql: str, sizes: dict[str, int]) -> Plan:
    with connection.cursor() as cursor:
        for _ in range(RUNS):
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
            result = cursor.fetchone()[0]
    document = result[0] if isinstance(result, list) else result
    nodes, seq = [], []
    _walk(document["Plan"], nodes, seq, sizes)
    top = document["Plan"]
    buffers = top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0)
    return Plan(scenario, n, sql, nodes, seq, document["Execution Time"], buffers)


def _walk(node: dict, nodes: list, seq: list, sizes: dict[str, int]) -> None:
    kind = node["Node Type"]
    relation = node.get("Relation Name")
    if relation:
        index = node.get("Index Name")
        nodes.append(f"{kind} {relation}" + (f" ({index})" if index else ""))
        if kind == "Seq Scan" and sizes.get(relation, 0) > BIG_TABLE:
            seq.append(f"{relation} ({sizes[relation]:,} rows)")
    elif kind in {"Sort", "Aggregate", "HashAggregate", "Hash Join", "Nested Loop"}:
        nodes.append(kind)
    for child in node.get("Plans", []):
        _walk(child, nodes, seq, sizes)


def _table_sizes() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples::bigint FROM pg_class "
            "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
        )
        return dict(cursor.fetchall())


def report(plans: list[Plan], total_cases: int) -> str:
    flagged = [p for p in plans if p.seq_scans]
    lines = [
        "## Query plans",
        "",
        f"`bench/load/explain.py` (run by `make bench-load`, and by `make bench` through "
        f"`bench/bench_explain.py`): `EXPLAIN (ANALYZE, BUFFERS)` on the national dataset "
        f"({total_cases:,} cases; see Load) for every query the lists' selectors send, "
        "captured from the selectors themselves with the page's pagination. Time is the "
        f"warm run's execution time (the last of {RUNS}); buffers are shared blocks touched "
        f"(8 kB each). A sequential scan of a table over {BIG_TABLE:,} rows is flagged.",
        "",
        "| Scenario | Query | Plan (scans and joins, outermost first) | Time | Buffers | Flag |",
        "|---|---:|---|---:|---:|---|",
    ]
    for p in plans:
        flag = "**Seq Scan: " + ", ".join(p.seq_scans) + "**" if p.seq_scans else ""
        shown = "; ".join(_dedupe(p.nodes)) or "(no table)"
        lines.append(
            f"| {p.scenario} | {p.query} | {shown} | {p.milliseconds:,.1f} ms "
            f"| {p.buffers:,} | {flag} |"
        )
    lines += ["", f"Sequential scans of big tables: {len(flagged)} of {len(plans)} queries."]
    lines += ["", *_recommendations(plans)]
    return "\n".join(lines) + "\n"


def _recommendations(plans: list[Plan]) -> list[str]:
    """Indexes for the scenarios whose plans scan a big table or take over SLOW_MS."""
    wanted = []
    for prefix, (model, index, why) in RECOMMENDATIONS.items():
        hits = [p for p in plans if p.scenario.startswith(prefix)]
        bad = [p for p in hits if p.seq_scans or p.milliseconds > SLOW_MS]
        if bad:
            worst = max(bad, key=lambda p: p.milliseconds)
            wanted.append(
                f"- `{model}`: `{index}`. {worst.scenario} takes {worst.milliseconds:,.1f} ms"
                f"{' with a sequential scan' if worst.seq_scans else ''}: {why}"
            )
    if not wanted:
        return ["No index is recommended: no list query scans a big table or is slow."]
    return [
        f"Recommended indexes (for the scenarios above that scan a big table or take over "
        f"{SLOW_MS} ms; not added here, as migrations belong with the models):",
        "",
        *wanted,
    ]


def _dedupe(nodes: list[str]) -> list[str]:
    seen, out = {}, []
    for node in nodes:
        seen[node] = seen.get(node, 0) + 1
    for node, count in seen.items():
        out.append(node if count == 1 else f"{node} ×{count}")
    return out
