"""Browser harness: Playwright driving the machine's Chromium, with axe-core injected,
and the W3C Nu HTML Checker (vnu) reading every page axe was run on.

Chromium comes from Debian and vnu from the npm registry (`make test` installs both,
and Java, when it can); no browser is ever downloaded. Missing Chromium or vnu fails
the run with instructions, never skips.
"""

import functools
import hashlib
import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import Page, expect, sync_playwright

from cases.reference_data import seed as seed_cases
from panels.demo.data import DEMO_PASSWORD
from panels.demo.loader import load_demo
from panels.reference_data import seed as seed_panels
from tests.browser import structure
from tests.snapshot import Snapshot

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(
    os.environ.get(
        "VNU_JAR", ROOT / "var" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    )
)
JAVA = os.environ.get("JAVA", "java")
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
# Background networking off: this machine has no internet and must not try to reach it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium is needed for the browser tests but is not at {CHROMIUM}. "
            "Install it with `sudo apt-get install chromium` or set CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 800}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def demo(request):
    """The demo data, committed so the live server thread can see it.

    Tests using it carry `django_db(transaction=True, serialized_rollback=True)`, so the
    seeded reference data is restored after each test's flush. Seeding again first is a
    no-op when it was, and repairs the data when a flush left the tables empty.

    A module marked `shared_demo` (and not `django_db`) only reads: the demo is built
    once for the whole module, and the database is emptied and put back as the
    migrations left it when the module ends, so nothing it wrote reaches other tests.
    """
    if request.node.get_closest_marker("shared_demo"):
        return request.getfixturevalue("_shared_demo")
    return _demo_built()


# The demo as the first test on this worker built it, with the day it was built for (its
# meetings are dated from today): later tests get its rows put back, the same data that
# building it again would make, in a fraction of the time.
_demo_snapshot = None


def _demo_built() -> dict:
    """The demo in the database, built afresh or put back as this worker first built it."""
    global _demo_snapshot
    today = timezone.localdate()
    if _demo_snapshot is not None and _demo_snapshot[0] == today:
        _, snapshot, usernames, meetings_created = _demo_snapshot
        snapshot.restore()
        users = get_user_model().objects.in_bulk(usernames.values(), field_name="username")
        return {
            "users": {key: users[username] for key, username in usernames.items()},
            "meetings_created": list(meetings_created),
        }
    _reset_database()
    data = load_demo()
    usernames = {key: user.username for key, user in data["users"].items()}
    _demo_snapshot = (today, Snapshot.take(), usernames, list(data["meetings_created"]))
    return data


def _reset_database() -> None:
    """Empty every table and put back what the migrations stored (reference data,
    content types), as a transactional test does between two tests."""
    serialized = getattr(connection, "_test_serialized_contents", None)
    call_command(
        "flush", interactive=False, verbosity=0, inhibit_post_migrate=serialized is not None
    )
    if serialized is not None:
        connection.creation.deserialize_db_from_string(serialized)
    seed_cases(django_apps)
    seed_panels(django_apps)


@pytest.fixture(scope="module")
def _shared_demo(request, django_db_setup, django_db_blocker):
    marker = request.node.get_closest_marker("django_db")
    assert marker is None, "a shared_demo module must not also be marked django_db"
    # The cast's passwords are hashed as every test's are (tests/conftest.py).
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast:
        data = _demo_built()
        try:
            yield data
        finally:
            _reset_database()


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's own helper (a live server's test gets a transactional database,
    emptied after it), except in a `shared_demo` module, whose data lasts the module."""
    if "live_server" not in request.fixturenames:
        yield
        return
    if request.node.get_closest_marker("shared_demo"):
        request.getfixturevalue("_shared_demo")
    else:
        request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


# What axe said of each page structure at each width (tests/browser/structure.py).
_axe_verdicts: dict[str, list[str]] = {}


def axe_violations(page: Page) -> list[str]:
    """Runs axe-core on the current page; returns one readable line per violation.

    A page whose structure was checked already at this width (the same page again with
    other words and numbers) gets the verdict axe gave it then."""
    record_markup(page)
    key = structure.signature(page)
    if key not in _axe_verdicts:
        _axe_verdicts[key] = _axe_run(page)
    return _axe_verdicts[key]


def _axe_run(page: Page) -> list[str]:
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy
    # does not govern; a <script> tag would be refused, as it should be.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        # Violations only: passes and incomplete results would double the time taken.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
    ]


# The W3C Nu HTML Checker ---------------------------------------------------------------
# Each page axe runs on is kept (its URL and the markup in the browser at that moment),
# and vnu reads them all in one run of Java when the session ends: any error fails.

_markup: dict[str, tuple[str, str, str]] = {}  # digest → (test, URL, HTML)

# Errors in markup that is not ours, left as it is, each with the reason: (the start of
# the page's path, words in vnu's message).
NU_ACCEPTED = [
    # The Django admin's inlines.js puts autocomplete="off" on each inline formset's
    # hidden count fields once the page has loaded (so a browser cannot restore stale
    # counts); the page as served has none (templates/admin/edit_inline/tabular.html).
    ("/admin/", "“hidden” must not have an “autocomplete” attribute"),
    # django-import-export's export page: its own script finds the fields to export by
    # attributes HTML does not have, and its form posts back to the page with action="".
    ("/admin/cases/case/export/", "“resource-index” not allowed"),
    ("/admin/cases/case/export/", "“resource-id” not allowed"),
    ("/admin/cases/case/export/", "for attribute “action” on element “form”"),
]


_VARYING = re.compile(r'((?:name="csrfmiddlewaretoken" value|nonce)=")[^"]*')


def record_markup(page: Page) -> None:
    if getattr(page, "skip_markup_check", False):
        return  # a test that breaks the page on purpose
    html = page.content()
    # The same page again differs only in its CSRF token and CSP nonces: checked once.
    digest = hashlib.sha256(_VARYING.sub(r"\1", html).encode()).hexdigest()
    test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0]
    _markup.setdefault(digest, (test, page.url, html))


# One short run of Java: its quick compiler alone and the simplest collector take a third
# of the processor time the defaults do. Language detection only ever warns, and only
# errors are read.
VNU = [JAVA, "-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU_JAR)]


def nu_errors(pages: list[tuple[str, str, str]], folder: Path) -> list[str]:
    """vnu's errors on the given pages, one line each naming the page and the test."""
    if not pages:
        return []
    files = {}
    for n, (test, url, html) in enumerate(pages):
        path = (folder / f"page-{n:04d}.html").resolve()
        path.write_text(html, encoding="utf-8")
        files[str(path)] = (test, url)
    # File paths, not file: URLs, which vnu would skip without a word.
    result = subprocess.run(  # noqa: S603 (our own command)
        [*VNU, "--errors-only", "--no-langdetect", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"vnu did not run: {result.stderr[-2000:]}") from None
    problems = []
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        checked = unquote(urlsplit(message.get("url", "")).path)
        test, url = files.get(checked, ("", message.get("url", "")))
        path = urlsplit(url).path
        if any(
            path.startswith(where) and words in message["message"] for where, words in NU_ACCEPTED
        ):
            continue
        line = message.get("lastLine", "?")
        extract = " ".join(message.get("extract", "").split())
        problems.append(f"{url} (line {line}, in {test}): {message['message']} [{extract}]")
    return problems


@pytest.fixture(scope="session", autouse=True)
def nu_html_checker(tmp_path_factory):
    """After the session's browser tests, vnu reads every page they checked with axe."""
    if not VNU_JAR.exists():
        pytest.fail(
            f"The W3C Nu HTML Checker is needed for the browser tests but is not at {VNU_JAR}. "
            "Install it with `make vnu` (npm and Java) or set VNU_JAR=/path/to/vnu.jar.",
            pytrace=False,
        )
    yield
    pages = list(_markup.values())
    _markup.clear()
    problems = nu_errors(pages, tmp_path_factory.mktemp("vnu"))
    assert problems == [], f"vnu found {len(problems)} errors:\n" + "\n".join(problems)


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


DESKTOP, PHONE = 1024, 375


def overflow(page: Page) -> int:
    """How wide the page is: more than the viewport means it scrolls sideways."""
    return page.evaluate("document.documentElement.scrollWidth")


def too_wide(page: Page, width: int) -> list[str]:
    """The innermost elements reaching past the right edge, to say what overflows."""
    return page.evaluate(
        """width => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 0.5))
            .map(e => `${e.tagName}.${e.className}: ${e.textContent.trim().slice(0, 40)}`)
            .slice(0, 5)""",
        width,
    )


def assert_accessible(page: Page, widths=(DESKTOP, PHONE)) -> None:
    """axe finds nothing at each width, and the page never scrolls sideways."""
    original = page.viewport_size
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        where = f"{page.url} at {width}px"
        assert axe_violations(page) == [], where
        assert overflow(page) <= width, f"{where}: {too_wide(page, width)}"
    page.set_viewport_size(original)


def sign_in_as(page: Page, base_url: str, username: str) -> None:
    """Sign in afresh as someone else, landing on their home page."""
    page.context.clear_cookies()
    sign_in(page, base_url, username)
    expect(page).to_have_url(f"{base_url}/")


def answer_open_criteria(page: Page, label: str = "Met") -> None:
    """On the decision form, choose `label` for every criterion still without an answer
    (where the members' answers tied, or nobody answered)."""
    names = page.eval_on_selector_all(
        'input[name^="criterion-"]', "els => [...new Set(els.map(e => e.name))]"
    )
    for name in names:
        if page.locator(f'input[name="{name}"]:checked').count() == 0:
            page.locator(f'input[name="{name}"][value="{label.lower().replace(" ", "_")}"]').check()
