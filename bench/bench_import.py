"""Case-extract import: rows per second and peak memory (targets in the issue).

Generates synthetic extracts (realistic free text, one row in 500 holding a phone
number so the redaction path runs), then times, against the benchmark database:

- the command line's one-pass import (`services.batch_import`: read, check,
  screen, redact, COPY and upsert, all or nothing);
- the upload page's two passes (`batch_upload` to check and preview, then
  `batch_confirm` to read the stored file again and commit);
- reference lines for the same rows: plain `bulk_create`, and `COPY FROM STDIN`;
- the same two paths for a stop-and-search extract (a kind whose fields are kept in
  each case's `values`, built here from its own spec: bench/stop_search.py).

Each measurement runs in a forked process so its peak resident memory (VmHWM,
reset before the work starts) is its own, and deletes the cases it made.
"""

import contextlib
import csv
import datetime
import json
import os
import tempfile
import time
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, connections, transaction

from cases import services
from cases.enums import CaseStatus
from cases.kind_data import seed_kinds
from cases.models import Case, CrimeCode, Force, OutcomeType, RecordField, RecordKind
from cases.models.kinds import default_kind
from core.roles import StaffRole

from . import extract_files, stop_search

FORCE_CODE = "BENCH-IMPORT"
SIZES = [10_000, 100_000]
SS = "Stop and search CSV"


def run(*, sizes: list[int] = SIZES) -> str:
    directory = Path(tempfile.mkdtemp(prefix="bench-import-"))
    force, user = _fixtures()
    results = []
    try:
        for size in sizes:
            csv_path = directory / f"extract-{size}.csv"
            xlsx_path = directory / f"extract-{size}.xlsx"
            _forked(lambda p=csv_path, s=size: extract_files.write_csv(p, s))
            _forked(lambda p=xlsx_path, s=size: extract_files.write_xlsx(p, s))
            for label, path in [("CSV", csv_path), ("XLSX", xlsx_path)]:
                results.append(
                    _measure(
                        f"{label}: one pass (`import_extract`)", size, force, user, _one_pass, path
                    )
                )
                results.append(
                    _measure(
                        f"{label}: upload, preview, confirm", size, force, user, _two_pass, path
                    )
                )
            results.append(
                _measure(
                    "Reference: plain `bulk_create`", size, force, user, _bulk_create, csv_path
                )
            )
            if connection.vendor == "postgresql":  # COPY is PostgreSQL's own
                results.append(
                    _measure("Reference: `COPY FROM STDIN`", size, force, user, _copy, csv_path)
                )
            ss_path = directory / f"stop-search-{size}.csv"
            _forked(lambda p=ss_path, s=size: stop_search.write_csv(p, s))
            for label, work in [
                (f"{SS}: one pass (`import_extract --kind`)", _one_pass_kind),
                (f"{SS}: upload, preview, confirm", _two_pass_kind),
            ]:
                results.append(_measure(label, size, force, user, work, ss_path))
    finally:
        _clean_up(force)
        RecordField.objects.filter(kind__code=stop_search.CODE).delete()
        RecordKind.objects.filter(code=stop_search.CODE).delete()
        for path in directory.iterdir():
            path.unlink()
        directory.rmdir()
    return _report(results, max(sizes))


# --- the paths being measured ---------------------------------------------------------


def _one_pass(path: Path, force: Force, user, kind=None) -> dict:
    batch = services.batch_import(
        force=force, user=user, path=path, redact_findings=True, kind=kind
    )
    if batch.status != "committed":  # a failed import must stop the run
        raise SystemExit(batch.summary)
    return {"rows": batch.row_count}


def _one_pass_kind(path: Path, force: Force, user) -> dict:
    return _one_pass(path, force, user, kind=RecordKind.objects.get(code=stop_search.CODE))


def _two_pass_kind(path: Path, force: Force, user) -> dict:
    return _two_pass(path, force, user, kind=RecordKind.objects.get(code=stop_search.CODE))


def _two_pass(path: Path, force: Force, user, kind=None) -> dict:
    with open(path, "rb") as handle:
        chunks = iter(lambda: handle.read(1 << 20), b"")
        batch = services.batch_upload(
            force=force, user=user, file_name=path.name, chunks=chunks, kind=kind
        )
    checked = time.perf_counter()
    services.findings_redact_all(batch=batch, user=user)
    batch = services.batch_confirm(batch=batch, user=user)
    if batch.status != "committed":  # a failed import must stop the run
        raise SystemExit(batch.summary)
    return {"rows": batch.row_count, "checked_at": checked}


def _reference_rows(path: Path):
    """The same rows, converted just enough for the database (no checks, no screen)."""
    outcome_ids = {name: pk for pk, name in OutcomeType.objects.values_list("pk", "name")}
    outcome_ids.update({"Outcome 22": OutcomeType.objects.get(code="outcome-22").pk})
    outcome_ids["PND"] = OutcomeType.objects.get(code="penalty-notice-for-disorder").pk
    crime_ids = dict(CrimeCode.objects.values_list("code", "pk"))
    parse = datetime.date.fromisoformat
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        for r in reader:
            yield {
                "reference": r[0],
                "offence": r[1],
                "offence_category": "",
                "is_violence": False,
                "is_sexual": False,
                "crime_code_id": crime_ids[r[2]],
                "outcome_type_id": outcome_ids[r[3]],
                "offence_date": parse(r[4]),
                "reported_date": parse(r[5]),
                "outcome_date": parse(r[6]),
                "is_domestic_abuse": r[7] == "Y",
                "is_hate_crime": r[8] == "Y",
                "offender_age_band": r[9],
                "gravity_score": int(r[10]),
                "admission": r[11],
                "victim_views": r[12],
                "authorising_rank": r[13],
                "previous_offending": r[14],
                "conditions": r[15],
                "facts_at_decision": r[16],
                "later_information": r[17],
            }


def _bulk_create(path: Path, force: Force, user) -> dict:
    count = 0
    with transaction.atomic():
        chunk = []
        for fields in _reference_rows(path):
            chunk.append(Case(force=force, **fields))
            if len(chunk) == 2000:
                Case.objects.bulk_create(chunk)
                count += len(chunk)
                chunk = []
        Case.objects.bulk_create(chunk)
    return {"rows": count + len(chunk)}


def _copy(path: Path, force: Force, user) -> dict:
    columns = None
    count = 0
    now = datetime.datetime.now(datetime.UTC)
    kind_id = default_kind()
    with transaction.atomic(), connection.cursor() as cursor:
        for fields in _reference_rows(path):
            if columns is None:
                columns = [*fields, "force_id", "kind_id", "status", "extra", '"values"', "facets"]
                columns += ["content_hash", "created_at", "updated_at"]
                copy_cm = cursor.cursor.copy(f"COPY cases_case ({', '.join(columns)}) FROM STDIN")
                copy = copy_cm.__enter__()
            copy.write_row(
                [
                    *fields.values(),
                    force.pk,
                    kind_id,
                    CaseStatus.IN_POOL,
                    "{}",
                    "{}",
                    "{}",
                    "",
                    now,
                    now,
                ]
            )
            count += 1
        copy_cm.__exit__(None, None, None)
    return {"rows": count}


# --- measuring --------------------------------------------------------------------------


def _measure(name: str, size: int, force: Force, user, work, path: Path) -> dict:
    def child() -> dict:
        _reset_peak_memory()
        started = time.perf_counter()
        outcome = work(path, force, user)
        seconds = time.perf_counter() - started
        peak = _peak_memory_mb()
        _clean_up(force, keep_force=True)
        return {**outcome, "seconds": seconds, "peak_mb": peak, "started": started}

    result = _forked(child)
    rows_per_second = result["rows"] / result["seconds"]
    line = {"name": name, "size": size, "rows_per_second": rows_per_second, **result}
    if "checked_at" in result:
        line["check_seconds"] = result["checked_at"] - result["started"]
    print(
        f"    {name}, {size:,} rows: {rows_per_second:,.0f} rows/s, {result['peak_mb']:.0f} MB",
        flush=True,
    )
    return line


def _forked(work):
    """Run `work` in a child process and return what it returns (as JSON).

    Inside an open transaction (the test suite's smoke run) a child could not see the
    rows made so far, so the work runs in this process and its memory peak is shared.
    """
    if connection.in_atomic_block:
        return json.loads(json.dumps(work() or {}))
    connections.close_all()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its own database connection and memory peak
        os.close(reader)
        status = 0
        try:
            payload = json.dumps(work() or {})
        except BaseException as error:  # noqa: BLE001 (report any failure to the parent)
            payload, status = json.dumps({"error": repr(error)}), 1
        with os.fdopen(writer, "w") as pipe:
            pipe.write(payload)
        connections.close_all()
        os._exit(status)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    result = json.loads(payload or "{}")
    if "error" in result:
        raise RuntimeError(f"benchmark step failed: {result['error']}")
    return result


def _reset_peak_memory() -> None:
    # On older kernels this fails and the peak then includes what the parent had.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_memory_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- data -------------------------------------------------------------------------------


def _fixtures():
    force, _ = Force.objects.get_or_create(code=FORCE_CODE, defaults={"name": "Benchmark Police"})
    user, _ = get_user_model().objects.get_or_create(username="bench-import-admin")
    user.groups.add(Group.objects.get_or_create(name=StaffRole.DATA_ADMIN.value)[0])
    _clean_up(force, keep_force=True)
    seed_kinds(apps, [stop_search.SPEC])
    return force, user


def _clean_up(force: Force, keep_force: bool = False) -> None:
    """Delete what a run made with plain SQL: Django's cascade would load every case."""
    with connection.cursor() as cursor:
        batches = "SELECT id FROM cases_extractbatch WHERE force_id = %s"
        # Every table that points at a batch goes before the batches (their status
        # history included), and the cases' own history before the cases.
        for table in (
            "cases_privacyfinding",
            "cases_importproblem",
            "cases_heldchange",
            "cases_extractbatchstatuschange",
        ):
            # The table names are the literals above; the force goes as a parameter.
            sql = f"DELETE FROM {table} WHERE batch_id IN ({batches})"  # nosec B608
            cursor.execute(sql, [force.pk])
        for table in ("cases_casestatuschange", "cases_casesectionsource"):
            # The table names are the literals above; the force goes as a parameter.
            sql = (
                f"DELETE FROM {table} WHERE case_id IN"  # nosec B608
                " (SELECT id FROM cases_case WHERE force_id = %s)"
            )
            cursor.execute(sql, [force.pk])
        cursor.execute("DELETE FROM cases_case WHERE force_id = %s", [force.pk])
        cursor.execute("DELETE FROM cases_extractbatch WHERE force_id = %s", [force.pk])
    if not keep_force:
        # The benchmark's user stays: the audit trail names it, and audit entries are
        # append-only (a user they name cannot be deleted). The next run reuses it.
        force.delete()


# --- the report -------------------------------------------------------------------------


def _report(results: list[dict], biggest: int) -> str:
    lines = [
        "## Case-extract import",
        "",
        "Synthetic extracts with 18 columns (aliased headings, ~400 characters of facts per row,"
        " one row in 500 holding a phone number that is redacted). Each line runs in its own"
        " process against an empty force; peak memory is that process's resident peak."
        " The stop-and-search extracts have 17 columns (Reference, Date, Facts and Later"
        " information, and 13 of the kind's fields kept in each case's `values`: a date and"
        " time, choices by label or code, yes/no, free-text grounds), screened the same way.",
        "",
        "| Path | Rows | Seconds | Rows/s | Peak memory |",
        "|---|---:|---:|---:|---:|",
    ]
    for line in results:
        detail = ""
        if "check_seconds" in line:
            detail = f" (check {line['check_seconds']:.1f} s)"
        lines.append(
            f"| {line['name']} | {line['size']:,} | {line['seconds']:.1f}{detail} "
            f"| {line['rows_per_second']:,.0f} | {line['peak_mb']:.0f} MB |"
        )
    lines += ["", *_targets(results, biggest), ""]
    return "\n".join(lines)


def _targets(results: list[dict], biggest: int) -> list[str]:
    def rate(name_start: str, size: int) -> float:
        return next(
            r["rows_per_second"]
            for r in results
            if r["name"].startswith(name_start) and r["size"] == size
        )

    csv_rate = rate("CSV: one pass", biggest)
    csv_two = rate("CSV: upload", biggest)
    bulk = rate("Reference: plain", biggest)
    xlsx_rate = rate("XLSX: one pass", biggest)
    ss_rate = rate(f"{SS}: one pass", biggest)
    ss_two = rate(f"{SS}: upload", biggest)
    peak = max(
        r["peak_mb"]
        for r in results
        if r["size"] == biggest and not r["name"].startswith("Reference")
    )
    verdict = lambda ok: "met" if ok else "**missed**"  # noqa: E731
    return [
        f"Targets at {biggest:,} rows:",
        "",
        f"- CSV ≥ 10,000 rows/s: one pass {csv_rate:,.0f} ({verdict(csv_rate >= 10_000)}); "
        f"upload + confirm {csv_two:,.0f} ({verdict(csv_two >= 10_000)}).",
        f"- CSV ≥ 0.75 × plain `bulk_create` ({bulk:,.0f}): one pass {csv_rate / bulk:.2f}× "
        f"({verdict(csv_rate >= 0.75 * bulk)}); upload + confirm {csv_two / bulk:.2f}× "
        f"({verdict(csv_two >= 0.75 * bulk)}).",
        f"- XLSX ≥ 5,000 rows/s: one pass {xlsx_rate:,.0f} ({verdict(xlsx_rate >= 5_000)}).",
        f"- Stop and search CSV ≥ 10,000 rows/s: one pass {ss_rate:,.0f} "
        f"({verdict(ss_rate >= 10_000)}); upload + confirm {ss_two:,.0f} "
        f"({verdict(ss_two >= 10_000)}).",
        f"- Peak memory < 250 MB: highest {peak:.0f} MB ({verdict(peak < 250)}).",
    ]
