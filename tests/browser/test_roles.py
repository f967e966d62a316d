"""Each demo role signs in, lands on a page made for it, and every page passes axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    # It only reads: the demo is built once for the module (tests/browser/conftest.py).
    pytest.mark.shared_demo,
]

# username → text only that role's home page shows
HOME_PAGES = {
    "alice": "privacy findings to resolve",
    "olu": "Meetings to prepare and follow up",
    "chris": "Meetings you chair",
    "mina": "Your cases",
    "pat": "You attend this panel without a vote",
    "lee": "Your force's actions",
}


@pytest.mark.parametrize("username", HOME_PAGES)
def test_demo_role_lands_on_its_own_home_page_with_no_accessibility_violations(
    page, live_server, demo, username
):
    sign_in(page, live_server.url, username)

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_text(HOME_PAGES[username]).first).to_be_visible()
    assert axe_violations(page) == []


def test_sign_in_page_has_no_accessibility_violations(page, live_server, demo):
    page.goto(f"{live_server.url}/sign-in/")

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert axe_violations(page) == []


def test_sign_in_errors_are_summarised_accessibly(page, live_server, demo):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter your username")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error:\\ "))
    assert axe_violations(page) == []


def test_password_reset_pages_have_no_accessibility_violations(page, live_server, demo):
    page.goto(f"{live_server.url}/password-reset/")
    assert axe_violations(page) == []

    page.get_by_label("Email").fill("mina@example.org")
    page.get_by_role("button", name="Send reset link").click()

    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("username", "meeting_date", "path_suffix", "heading"),
    [
        ("olu", "2025-10-15", "", "15 October 2025: Stalking or Harassment"),
        ("chris", "2025-09-17", "", "17 September 2025: Stalking or Harassment"),
        ("mina", "open", "", "{date}: Domestic abuse: Community Resolutions"),
        ("mina", "open", "cases/1/", "Case 1: Assault without injury"),
        ("pat", "2025-10-15", "cases/9/", "Case 9: Malicious communications"),
    ],
)
def test_meeting_pages_have_no_accessibility_violations(
    page, live_server, demo, username, meeting_date, path_suffix, heading
):
    from panels.enums import MeetingStatus
    from panels.models import Meeting

    if meeting_date == "open":
        meeting = Meeting.objects.get(status=MeetingStatus.RATING_OPEN)
    else:
        meeting = Meeting.objects.get(date=meeting_date)
    sign_in(page, live_server.url, username)

    page.goto(f"{live_server.url}/panels/meetings/{meeting.pk}/{path_suffix}")

    expected = heading.format(date=f"{meeting.date:%-d %B %Y}")
    assert page.get_by_role("heading", level=1).inner_text() == expected
    assert axe_violations(page) == []


def test_meeting_list_and_error_pages_have_no_accessibility_violations(page, live_server, demo):
    sign_in(page, live_server.url, "sam")

    page.goto(f"{live_server.url}/panels/meetings/")
    expect(page.get_by_role("heading", name="Meetings")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/panels/meetings/999999/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert axe_violations(page) == []


def test_signing_out_returns_to_sign_in_saying_you_have_signed_out(page, live_server, demo):
    sign_in(page, live_server.url, "mina")

    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Sign out").click()

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    lines = [line for line in page.get_by_role("alert").inner_text().splitlines() if line]
    assert lines[-2:] == [
        "You have signed out",
        "To use the service again, sign in below.",
    ]
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/panels/meetings/")
    expect(page).to_have_url(re.compile("^" + re.escape(f"{live_server.url}/sign-in/")))
