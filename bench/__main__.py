"""Run every benchmark module and write the figures to docs/performance.md.

Usage: `make bench` (PostgreSQL at BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/scrutiny_bench). Each `bench/bench_*.py`
module exposes `run(**scale) -> str`, returning a Markdown section; the database is
migrated before the first module runs and each module cleans up after itself.
`make bench BENCH_ARGS=bench_reports` runs one module and keeps the other sections;
`BENCH_ARGS="--scale tiny --output -"` is a quick check that prints and writes no doc
(tests/test_bench_smoke.py runs the same tiny scale in the test suite).
"""

import argparse
import datetime
import importlib
import os
import pkgutil
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/scrutiny_bench"
REPORT = ROOT / "docs" / "performance.md"
# Each module's keyword arguments at a scale; "full" is the documented benchmark.
SCALES = {
    "full": {},
    "tiny": {
        "bench_import": {"sizes": [200]},
        "bench_kinds": {"pool_size": 1_000, "runs": 1, "sample_size": 1},
        "bench_sampling": {"pool_size": 1_000, "runs": 1, "sample_size": 1},
        "bench_reports": {"runs": 1, "meeting_cases": 2, "meetings": 1},
        "bench_explain": {"cases": 2_000},
    },
    # A tenth of the record kinds' benchmark, for comparing a change before and after.
    "small": {
        "bench_kinds": {"pool_size": 100_000, "runs": 5},
    },
}


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("modules", nargs="*", help="bench_* modules to run (default: all)")
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument(
        "--output", default=str(REPORT), help="the report to update, or - to print only"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if url.startswith("postgres"):
        _ensure_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    sections = run_modules(args.modules, scale=args.scale)
    if args.output == "-":
        print("\n".join(sections))
    else:
        _write_report(sections, url, Path(args.output))
    return 0


def module_names() -> list[str]:
    found = pkgutil.iter_modules([str(Path(__file__).parent)])
    return sorted(info.name for info in found if info.name.startswith("bench_"))


def run_modules(only: list[str], *, scale: str = "full") -> list[str]:
    """Each module's Markdown section, at the scale's sizes (all modules if none named)."""
    sections = []
    for name in module_names():
        if only and name not in only:
            continue
        print(f"==> {name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        sections.append(module.run(**SCALES[scale].get(name, {})))
    return sections


def _write_report(sections: list[str], url: str, path: Path = REPORT) -> None:
    engine = "PostgreSQL" if url.startswith("postgres") else url.split(":", 1)[0]
    header = [
        "# Performance",
        "",
        "Figures from `make bench` (see `bench/`); not part of the test suite.",
        "",
        f"- Run: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {engine}",
        f"- {_load_line()}",
        "- Reproduce: `make bench` (set `BENCH_DATABASE_URL` to use another database).",
        "",
    ]
    kept = _sections(path.read_text()) if path.exists() else {}
    kept.update(_sections("\n".join(sections)))
    text = "\n".join(header + [body.rstrip() + "\n" for body in kept.values()])
    path.write_text(text)
    print(text)


def _load_line() -> str:
    """The machine's load when the run ended: a shared machine's figures are slower than
    what it can do, and this says by how much it was shared."""
    one, five, fifteen = os.getloadavg()
    line = f"Load average at the end: {one:.1f} (1 min), {five:.1f} (5 min), {fifteen:.1f} (15 min)"
    if fifteen > (os.cpu_count() or 1):
        line += "; more work than cores, so the times here are slower than an idle machine's"
    return line


def _sections(text: str) -> dict[str, str]:
    """The `## ` sections of a report by heading, so a run of some modules keeps the rest."""
    found: dict[str, str] = {}
    heading = None
    for line in text.splitlines(keepends=True):
        if line.startswith("## "):
            heading = line.strip()
            found[heading] = ""
        if heading:
            found[heading] += line
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
