"""Every benchmark runs at a tiny size, so a change that breaks one fails the suite.

`make bench` runs them full size against PostgreSQL and writes docs/performance.md; here
each module's `run()` gets the "tiny" scale of `bench.__main__.SCALES` (200 rows, a
1,000-case pool, one small report) and its Markdown section is checked, with nothing
written to the docs. They run on SQLite and PostgreSQL: on SQLite the import's
`COPY FROM STDIN` reference line and the sampling pool's COPY are PostgreSQL's own (the
pool is bulk-created instead), and the query plans are skipped (EXPLAIN ANALYZE).
"""

import hashlib

import pytest
from django.db import connection

from bench.__main__ import REPORT, SCALES, _write_report, module_names, run_modules
from bench.load import explain
from bench.load.cast import Cast
from cases.models import (
    Case,
    CaseStatusChange,
    ExtractBatch,
    ExtractBatchStatusChange,
    Force,
    RecordKind,
)
from core.roles import StaffRole
from panels.enums import MeetingStatus, MembershipRole
from reports.models import FindingsReport
from tests import factories

on_postgresql = connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def _docs_untouched():
    """The smoke runs return their sections; none rewrites docs/performance.md."""
    before = hashlib.sha256(REPORT.read_bytes()).hexdigest()
    yield
    assert hashlib.sha256(REPORT.read_bytes()).hexdigest() == before


def _table(section: str) -> list[list[str]]:
    """The rows of a section's Markdown table, as cells (the heading and rule left out)."""
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[1:]]


def test_every_benchmark_module_has_a_tiny_scale():
    assert sorted(SCALES["tiny"]) == module_names()


def test_bench_import_runs_tiny_and_cleans_up_its_batches(reference_data):
    batches, history = ExtractBatch.objects.count(), ExtractBatchStatusChange.objects.count()

    (section,) = run_modules(["bench_import"], scale="tiny")

    paths = [(row[0], row[1]) for row in _table(section)]
    expected = [
        ("CSV: one pass (`import_extract`)", "200"),
        ("CSV: upload, preview, confirm", "200"),
        ("XLSX: one pass (`import_extract`)", "200"),
        ("XLSX: upload, preview, confirm", "200"),
        ("Reference: plain `bulk_create`", "200"),
    ]
    if on_postgresql:
        expected.append(("Reference: `COPY FROM STDIN`", "200"))
    expected += [
        ("Stop and search CSV: one pass (`import_extract --kind`)", "200"),
        ("Stop and search CSV: upload, preview, confirm", "200"),
    ]
    assert paths == expected
    # The clean-up took the batches with their status history, and then the force.
    assert ExtractBatch.objects.count() == batches
    assert ExtractBatchStatusChange.objects.count() == history
    assert Force.objects.filter(code="BENCH-IMPORT").exists() is False
    assert RecordKind.objects.filter(code="bench-stop-search").exists() is False


def test_bench_sampling_runs_tiny_and_cleans_up_its_pool(reference_data):
    cases, history = Case.objects.count(), CaseStatusChange.objects.count()

    (section,) = run_modules(["bench_sampling"], scale="tiny")

    rows = _table(section)
    assert len(rows) == 22  # eleven lines for each row order
    assert [row[2] for row in rows[:2]] == ["1,000", "999"]  # whole pool; stratified
    assert (Case.objects.count(), CaseStatusChange.objects.count()) == (cases, history)


def test_bench_kinds_runs_tiny_and_cleans_up_its_kind_and_cases(reference_data):
    cases, history = Case.objects.count(), CaseStatusChange.objects.count()

    (section,) = run_modules(["bench_kinds"], scale="tiny")

    draws = [row for row in _table(section) if row[0].startswith("Draw: ")]
    assert [row[0] for row in draws] == [
        "Draw: whole pool, not stratified (reference)",
        "Draw: whole pool, stratified by ethnicity",
        "Draw: under 18 (15%), stratified by ethnicity",
        "Draw: power s60 (8%), stratified by ethnicity",
        "Draw: body-worn video used (80%), stratified by age band",
    ]
    assert draws[0][1] == "1,000"
    if on_postgresql:
        assert "Sequential scans of `cases_case` filtering by a kind's field: 0 of" in section
    assert (Case.objects.count(), CaseStatusChange.objects.count()) == (cases, history)
    assert not RecordKind.objects.filter(code="bench-stop-search").exists()


def test_bench_reports_runs_tiny_and_rolls_back(reference_data):
    (section,) = run_modules(["bench_reports"], scale="tiny")

    labels = [row[0] for row in _table(section)]
    assert labels == [
        "2-case meeting report",
        "2-case annual report",
        "Serving the published 2-case PDF",
    ]
    assert FindingsReport.objects.count() == 0


@pytest.mark.skipif(
    not on_postgresql, reason="query plans are PostgreSQL's EXPLAIN (ANALYZE, BUFFERS)"
)
def test_query_plans_explain_every_list_on_a_small_world(reference_data):
    """`bench_explain` runs `bench.load --explain-only` on the national dataset in a
    database of its own (building it publishes 150 reports, minutes of work), so the suite
    explains the same scenarios on a small world of its own instead."""
    cast = _small_cast()

    plans = explain.explain_all(cast)
    section = explain.report(plans, total_cases=Case.objects.count())

    scenarios = {plan.scenario for plan in plans}
    assert {name for name, _ in explain.scenarios(cast)} == scenarios
    assert section.startswith("## Query plans")


def _small_cast() -> Cast:
    admin = factories.UserFactory(username="bench-alice", roles=[StaffRole.DATA_ADMIN])
    opcc = factories.UserFactory(username="bench-olu", roles=[StaffRole.OPCC_STAFF])
    chair = factories.MembershipFactory(role=MembershipRole.CHAIR)
    panel = chair.panel
    member = factories.MembershipFactory(panel=panel)
    big = factories.MeetingFactory(panel=panel, status=MeetingStatus.IN_DISCUSSION)
    factories.MeetingFactory(panel=panel, status=MeetingStatus.PLANNED)
    for _ in range(3):
        factories.ReviewedCaseFactory(meeting=big)
    return Cast(
        opcc=opcc,
        approver=opcc,
        admin=admin,
        chair=chair.user,
        big_meeting=big,
        small_meeting=big,
        members=[member.user],
        open_pairs=[],
    )


def test_bench_report_is_written_where_asked_with_the_machines_load(tmp_path):
    output = tmp_path / "performance.md"
    section = "## Findings reports\n\nA figure.\n"

    _write_report([section], "postgres://example/scrutiny_bench", output)

    lines = output.read_text().splitlines()
    assert lines[0] == "# Performance"
    assert sum(line.startswith("- Load average at the end: ") for line in lines) == 1
    assert lines[-3:] == ["## Findings reports", "", "A figure."]
