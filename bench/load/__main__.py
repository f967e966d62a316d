"""`make bench-load`: build or reuse the national dataset, explain its queries, load-test it.

Usage: `make bench-load` (PostgreSQL at BENCH_LOAD_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/scrutiny_load; needs wrk). BENCH_ARGS passes options,
e.g. `make bench-load BENCH_ARGS="--cases 20000 --requests 500"` for a quick look;
`--rebuild` builds the dataset afresh, `--explain-only` skips gunicorn and wrk.
The "Load" and "Query plans" sections of docs/performance.md are rewritten; the other
sections are kept.
"""

import argparse
import os
import platform
import secrets
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/scrutiny_load"


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=1000, help="per page")
    parser.add_argument("--saves", type=int, default=1000, help="rating saves")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--explain-only", action="store_true")
    parser.add_argument("--no-report", action="store_true", help="print, do not write docs")
    parser.add_argument("--section-out", help="write the query plans section to this file")
    return parser.parse_args(argv)


def _reset_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    # The published reports' files, kept with the dataset (the database) they belong to.
    name = url.rsplit("/", 1)[1]
    os.environ["MEDIA_ROOT"] = str(ROOT / "var" / "bench-load" / name / "media")
    # A key of this run's own: gunicorn gets the same one, so the sessions made here hold.
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
    import django

    django.setup()


def _dataset(url: str, args) -> tuple[dict, dict]:
    """The dataset, built when missing or different; returns (build timings, counts)."""
    from django.core.management import call_command
    from django.db import connections

    from bench.load import cast, dataset

    parameters = dataset.Parameters(cases=args.cases)
    reuse = not args.rebuild and _exists(url) and dataset.built(parameters)
    timings = {}
    if not reuse:
        connections.close_all()
        _reset_database(url)
        shutil.rmtree(dataset.media_root(), ignore_errors=True)
        dataset.media_root().mkdir(parents=True)
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        timings["migrate"] = time.perf_counter() - started
        print(f"==> building {args.cases:,} cases and the panels' history", flush=True)
        timings.update(dataset.build(parameters))
    else:
        print("==> reusing the dataset built with the same parameters", flush=True)
    return timings, cast.counts()


def _exists(url: str) -> bool:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres") as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    url = os.environ.get("BENCH_LOAD_DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        raise SystemExit("BENCH_LOAD_DATABASE_URL must be a PostgreSQL URL.")
    if not args.explain_only and not shutil.which("wrk"):
        raise SystemExit("The load benchmark needs wrk: apt-get install wrk (Debian package).")
    if not _exists(url):
        _reset_database(url)
    _setup(url)
    from bench.load import cast as cast_module
    from bench.load import dataset, explain, report

    timings, counts = _dataset(url, args)
    cast = cast_module.cast()
    print("==> explaining the lists' queries", flush=True)
    plans_section = explain.report(explain.explain_all(cast), counts["cases"])
    sections = [plans_section]
    if args.section_out:
        Path(args.section_out).write_text(plans_section)
    if not args.explain_only:
        from bench.load import drive, server

        print("==> serving with gunicorn and driving each page with wrk", flush=True)
        with server.running(database_url=url, media_root=dataset.media_root()) as running:
            pages = drive.pages(
                cast,
                static_path=running.static_path("css/app.css"),
                requests=args.requests,
                saves=args.saves,
            )
            drive.drive(pages, running.base_url, requests=args.requests, saves=args.saves)
        sections.insert(
            0,
            report.load_section(
                pages, counts=counts, timings=timings, args=args, machine=_machine()
            ),
        )
    if args.no_report or args.section_out:
        print("\n".join(sections))
    else:
        from bench.__main__ import _write_report

        _write_report(sections, url)
    return 0


def _machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB memory"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{os.cpu_count()} cores ({model or platform.machine()}){memory}, "
        f"Python {platform.python_version()}, {postgres}; wrk, gunicorn "
        "and PostgreSQL on the same machine"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
