"""Query plans of every list's queries on the national dataset (1,000,000 cases).

The plans come from `bench/load/explain.py`, run on the load benchmark's own database
(BENCH_LOAD_DATABASE_URL, built on first use and then reused) rather than this one, so
the other benchmarks keep an empty case table. `make bench-load` writes the same section.
"""

import subprocess  # nosec B404 # runs our own benchmark module
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run() -> str:
    with tempfile.TemporaryDirectory(prefix="bench-explain-") as folder:
        section = Path(folder) / "plans.md"
        subprocess.run(  # noqa: S603 # nosec B603 # fixed arguments
            [sys.executable, "-m", "bench.load", "--explain-only", "--section-out", str(section)],
            cwd=ROOT,
            check=True,
        )
        return section.read_text()
