"""Query plans of every list's queries on the national dataset (1,000,000 cases).

The plans come from `bench/load/explain.py`, run on the load benchmark's own database
(BENCH_LOAD_DATABASE_URL, built on first use and then reused) rather than this one, so
the other benchmarks keep an empty case table. `make bench-load` writes the same section.
A smaller dataset (`cases`) is built in a database of its own, so the national one stays.
"""

import os
import subprocess  # nosec B404 # runs our own benchmark module
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = 1_000_000


def run(*, cases: int = NATIONAL) -> str:
    environment = dict(os.environ)
    if cases != NATIONAL:
        from bench.load.__main__ import DEFAULT_URL

        url = environment.get("BENCH_LOAD_DATABASE_URL", DEFAULT_URL)
        environment["BENCH_LOAD_DATABASE_URL"] = f"{url}_{cases}"
    with tempfile.TemporaryDirectory(prefix="bench-explain-") as folder:
        section = Path(folder) / "plans.md"
        arguments = ["--explain-only", "--cases", str(cases), "--section-out", str(section)]
        subprocess.run(  # noqa: S603 # nosec B603 # fixed arguments
            [sys.executable, "-m", "bench.load", *arguments],
            cwd=ROOT,
            check=True,
            env=environment,
        )
        return section.read_text()
