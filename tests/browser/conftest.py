"""Browser harness: Playwright driving the machine's Chromium, with axe-core injected.

Chromium comes from Debian (`make test` installs it when it can); no browser is
ever downloaded. Missing Chromium fails the run with instructions, never skips.
"""

import functools
import os
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, sync_playwright

from cases.reference_data import seed as seed_cases
from panels.demo.data import DEMO_PASSWORD
from panels.demo.loader import load_demo
from panels.reference_data import seed as seed_panels

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
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
def demo():
    """The demo data, committed so the live server thread can see it.

    Tests using it carry `django_db(transaction=True, serialized_rollback=True)`, so the
    seeded reference data is restored after each test's flush. Seeding again first is a
    no-op when it was, and repairs the data when a flush left the tables empty.
    """
    seed_cases(django_apps)
    seed_panels(django_apps)
    return load_demo()


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def axe_violations(page: Page) -> list[str]:
    """Runs axe-core on the current page; returns one readable line per violation."""
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
    assert page.url == f"{base_url}/"
