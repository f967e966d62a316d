"""Each page driven by wrk: 10 connections, a fixed number of requests, latencies from wrk."""

import json
import os
import secrets
import shutil
import signal
import string
import subprocess  # nosec B404 # runs wrk
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import Sum
from django.urls import reverse

from core.auth_events import LAST_SEEN
from panels.enums import MeetingStatus
from panels.models import Framework, Rating
from panels.rating.forms import CRITERION_PREFIX
from reports.models import PublishedVersion

from .cast import Cast

LUA = Path(__file__).resolve().parent.parent / "load.lua"
CONNECTIONS = 10
THREADS = 1
WARM_UP = 40
ALONE = 50
P95_TARGET_MS = 50
RATIO_TARGET = 3
BASELINE = "Sign-in page (baseline)"


@dataclass
class Page:
    name: str
    lines: list[str]
    expected: int
    baseline: bool = False
    expect_location: str = ""
    result: dict = field(default_factory=dict)

    @property
    def p95_ms(self) -> float:
        return self.result["p95_us"] / 1000

    @property
    def unexpected(self) -> int:
        statuses = self.result["statuses"]
        return sum(n for s, n in statuses.items() if int(s) != self.expected)


def wrk_available() -> str:
    found = shutil.which("wrk")
    if not found:
        raise SystemExit(
            "The load benchmark needs wrk: apt-get install wrk (Debian package `wrk`)."
        )
    return found


def _line(method: str, path: str, cookie: str = "", body: str = "") -> str:
    return "\t".join([method, path, cookie, body])


def _session(user) -> str:
    """A signed-in session, as Django's sign-in leaves it (two-factor is off here)."""
    store = SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[LAST_SEEN] = int(time.time())
    store.create()
    return store.session_key


def _csrf_secret() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(32))


def pages(cast: Cast, *, static_path: str, requests: int, saves: int) -> list[Page]:
    cookies: dict[int, tuple[str, str]] = {}

    def signed_in(user) -> tuple[str, str]:
        if user.pk not in cookies:
            cookies[user.pk] = (_session(user), _csrf_secret())
        return cookies[user.pk]

    def cookie(user) -> str:
        session, csrf = signed_in(user)
        return f"sessionid={session}; csrftoken={csrf}"

    def case_path(meeting, position) -> str:
        return reverse("panels:case_papers", kwargs={"pk": meeting.pk, "position": position})

    def save_path(meeting, position) -> str:
        return reverse("panels:rating_save", kwargs={"pk": meeting.pk, "position": position})

    pairs = cast.open_pairs
    if len(pairs) < saves + CONNECTIONS:
        raise SystemExit(f"Only {len(pairs)} member/case pairs for {saves} saves.")
    # Saves take pairs from the start of the list (each pair once, with its rating's
    # current version); the case pages read the rest.
    to_save, to_read = pairs[: saves + CONNECTIONS], pairs[saves + CONNECTIONS :] or pairs
    body = _rating_body()
    versions = list(PublishedVersion.objects.select_related("report__panel").order_by("pk"))
    report_paths = [
        reverse("public:report", kwargs={"panel": v.report.panel.slug, "slug": v.report.slug})
        for v in versions
    ]
    return [
        Page(BASELINE, [_line("GET", reverse("login"))], 200, baseline=True),
        Page("Static file (baseline)", [_line("GET", static_path)], 200, baseline=True),
        Page("Member's home", [_line("GET", "/", cookie(u)) for u in cast.members], 200),
        Page(
            "Case page with the rating form",
            [_line("GET", case_path(m, p), cookie(u)) for u, m, p, _ in to_read],
            200,
        ),
        Page(
            "Saving a rating (each a different member and case)",
            [
                _line("POST", save_path(m, p), cookie(u), _form(body, v, signed_in(u)[1]))
                for u, m, p, v in to_save
            ],
            302,
            expect_location="/cases/",
        ),
        Page(
            f"Chair's meeting page ({cast.big_meeting.reviewed_cases.count()} cases, "
            f"{cast.big_meeting.panel.memberships.count()} members)",
            [_line("GET", _meeting_path(cast.big_meeting), cookie(cast.chair))],
            200,
        ),
        Page(
            f"Chair's meeting page ({cast.small_meeting.reviewed_cases.count()} cases)",
            [_line("GET", _meeting_path(cast.small_meeting), cookie(cast.chair))],
            200,
        ),
        Page("Public report list", [_line("GET", reverse("public:report_list"))], 200),
        Page("Public report page", [_line("GET", p) for p in report_paths], 200),
        Page("Published PDF", [_line("GET", p + "report.pdf") for p in report_paths], 200),
    ]


def _meeting_path(meeting) -> str:
    return reverse("panels:meeting_detail", kwargs={"pk": meeting.pk})


def _rating_body() -> str:
    """A full draft: a category and every criterion answered. The reasons name this run,
    so a pair saved by an earlier run is changed again rather than left as it was."""
    framework = Framework.objects.get(slug="oocr-four-way")
    category = framework.categories.get(code="consistent")
    fields = [("action", "draft"), ("category", str(category.pk))]
    fields += [(CRITERION_PREFIX + c.code, "met") for c in framework.criteria.all()]
    reasons = f"The outcome was right for a first offence with an admission ({time.time():.0f})."
    fields.append(("reasons", reasons))
    return urllib.parse.urlencode(fields)


def _form(body: str, version: int, csrf: str) -> str:
    extra = urllib.parse.urlencode({"version": version, "csrfmiddlewaretoken": csrf})
    return f"{body}&{extra}"


def saved_versions() -> int:
    """The sum of the versions of ratings on meetings open for rating: each save adds one."""
    total = Rating.objects.filter(
        reviewed_case__meeting__status=MeetingStatus.RATING_OPEN
    ).aggregate(total=Sum("version"))["total"]
    return total or 0


def run(page: Page, base_url: str, limit: int, connections: int = CONNECTIONS) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as handle:
        handle.write("\n".join(page.lines) + "\n")
    env = {
        **os.environ,
        "BENCH_REQUESTS": handle.name,
        "BENCH_LIMIT": str(limit),
        "BENCH_ORIGIN": base_url,
        "BENCH_EXPECT_LOCATION": page.expect_location,
    }
    command = [wrk_available(), f"-t{THREADS}", f"-c{connections}", "-d600s"]
    command += ["--timeout", "30s", "-s", str(LUA), base_url]
    try:
        output = _until_stopped(command, env)
    finally:
        os.unlink(handle.name)
    line = next(x for x in output if x.startswith("BENCH-RESULT "))
    return json.loads(line.removeprefix("BENCH-RESULT "))


def _until_stopped(command: list[str], env: dict) -> list[str]:
    """wrk's output; once its thread has its count, interrupt the rest of -d (as Ctrl+C)."""
    process = subprocess.Popen(  # noqa: S603 # nosec B603 # fixed arguments
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("BENCH-STOPPED"):
            process.send_signal(signal.SIGINT)
    errors = process.stderr.read()
    if process.wait() != 0:
        raise SystemExit(f"wrk failed: {errors}")
    if errors.strip():
        print(f"    wrk: {errors.strip()}", flush=True)
    return lines


def drive(all_pages: list[Page], base_url: str, *, requests: int, saves: int) -> None:
    for page in all_pages:
        saving = page.expected == 302
        alone = None
        if not saving:
            run(page, base_url, min(WARM_UP, requests))  # worker caches, connections
            # One client, one request at a time: the page's own time, without queueing.
            alone = run(page, base_url, min(ALONE, requests), connections=1)["p50_us"]
        before = saved_versions()
        page.result = run(page, base_url, saves if saving else requests)
        page.result["alone_p50_us"] = alone
        if saving:
            page.result["saved"] = saved_versions() - before
        r = page.result
        print(
            f"    {page.name}: {r['requests']} requests, "
            f"{r['requests'] / (r['duration_us'] / 1e6):,.0f}/s, p95 {page.p95_ms:.1f} ms, "
            f"responses {r['statuses']}",
            flush=True,
        )
