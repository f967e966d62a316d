"""pip-audit over the installed dependencies, for `make lint`.

Fails the build on any known vulnerability. Skips, saying why, only when the
vulnerability service cannot be reached -- which is told apart from "no findings":

- pip-audit fails with a network error (no route, DNS, timeout, refused); or
- pip-audit "audits" every package yet the service answered none of them (PyPI's
  per-release JSON API answering 404 for all, as a mirror or proxy without it does:
  pip-audit then reports "No known vulnerabilities found" and exits 0, which would
  be a silent pass); or
- a canary, a Django release with published advisories, comes back with none.

Usage: .venv/bin/python scripts/pip_audit.py
"""

from __future__ import annotations

import json
import subprocess  # nosec B404 # runs pip-audit, a fixed program with fixed arguments
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

SERVICE = "https://pypi.org/pypi/{name}/{version}/json"
# A release PyPI's advisory feed lists vulnerabilities for (CVE-2023-31047 and others).
CANARY = ("django", "4.2")
TIMEOUT = 20
# A service that accepts connections and then stalls must not hold up the build.
OVERALL_TIMEOUT = 300
NETWORK_ERRORS = (
    "ConnectionError",
    "Could not connect",
    "Max retries exceeded",
    "Failed to establish a new connection",
    "Name or service not known",
    "Temporary failure in name resolution",
    "NameResolutionError",
    "ConnectTimeout",
    "ReadTimeout",
    "timed out",
    "Connection refused",
    "Network is unreachable",
    "No route to host",
)


def probe() -> str | None:
    """Why the service is no use right now, or None when it answers the canary properly."""
    url = SERVICE.format(name=CANARY[0], version=CANARY[1])
    try:
        # A constant https URL: nothing a user can point elsewhere.
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 # nosec B310
            data = json.load(response)
    except urllib.error.HTTPError as error:
        return f"{url} answered HTTP {error.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return f"cannot reach {url}: {getattr(error, 'reason', None) or error}"
    except ValueError:
        return f"{url} did not answer JSON"
    if not data.get("vulnerabilities"):
        return f"{url} lists no vulnerabilities for a release known to have them"
    return None


def skipped(reason: str) -> int:
    print(f"pip-audit skipped: vulnerability service unreachable ({reason})")
    return 0


def run_pip_audit(output: Path) -> subprocess.CompletedProcess:
    pip_audit = Path(sys.executable).with_name("pip-audit")
    command = [
        str(pip_audit),
        "--local",
        "--skip-editable",
        "--progress-spinner",
        "off",
        "--timeout",
        str(TIMEOUT),
        "--format",
        "json",
        "--output",
        str(output),
    ]
    # The program next to this Python and fixed arguments: no shell, no outside input.
    return subprocess.run(  # noqa: S603 # nosec B603
        command, capture_output=True, text=True, check=False, timeout=OVERALL_TIMEOUT
    )


def judge(returncode: int, report: dict | None, stderr: str, canary: str | None) -> int:
    """The exit code for one run, printing what it found."""
    if report is None:
        if any(marker in stderr for marker in NETWORK_ERRORS):
            last = stderr.strip().splitlines()[-1] if stderr.strip() else "network error"
            return skipped(last[:200])
        print(f"pip-audit failed (exit {returncode}) without a report:\n{stderr}", file=sys.stderr)
        return 1
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    if vulnerable:
        print("pip-audit found known vulnerabilities:", file=sys.stderr)
        for dependency in vulnerable:
            for vuln in dependency["vulns"]:
                fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
                print(
                    f"  {dependency['name']} {dependency['version']}: {vuln['id']} "
                    f"(fixed in {fixed})",
                    file=sys.stderr,
                )
        print("Raise the package's constraint in pyproject.toml past the fix.", file=sys.stderr)
        return 1
    audited = [d for d in dependencies if not d.get("skip_reason")]
    not_audited = [d for d in dependencies if d.get("skip_reason")]
    if dependencies and not audited:
        return skipped(
            f"PyPI answered none of the {len(not_audited)} packages' releases"
            + (f"; {canary}" if canary else "")
        )
    if canary:
        return skipped(canary)
    if returncode != 0:
        print(f"pip-audit failed (exit {returncode}):\n{stderr}", file=sys.stderr)
        return 1
    print(f"pip-audit: no known vulnerabilities in {len(audited)} installed packages.")
    for dependency in not_audited:
        print(f"  not audited: {dependency['skip_reason']}")
    return 0


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "pip-audit.json"
        try:
            result = run_pip_audit(output)
        except subprocess.TimeoutExpired:
            return skipped(f"no answer within {OVERALL_TIMEOUT} s")
        try:
            report = json.loads(output.read_text()) if output.exists() else None
        except ValueError:
            report = None
    canary = None if report and _has_findings(report) else probe()
    return judge(result.returncode, report, result.stderr, canary)


def _has_findings(report: dict) -> bool:
    return any(d.get("vulns") for d in report.get("dependencies", []))


if __name__ == "__main__":
    sys.exit(main())
