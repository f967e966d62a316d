"""A data admin reads the audit trail: the list, a filter and one entry pass axe and fit a
phone screen."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    # It only reads: the demo is built once for the module (tests/browser/conftest.py).
    pytest.mark.shared_demo,
]


def test_data_admin_filters_the_trail_and_opens_an_entry(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")

    page.get_by_role("link", name="Audit trail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    assert_accessible(page)

    page.get_by_label("Event").select_option(label="Created")
    with page.expect_navigation():
        page.get_by_role("button", name="Show entries").click()
    assert "event=created" in page.url
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("region", name="Audit entries").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Created")
    expect(page.get_by_role("table", name="Changes")).to_be_visible()
    assert_accessible(page)


def test_a_bad_date_range_shows_an_accessible_error(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/audit/?since=2026-12-03&until=2026-12-01")

    expect(page.get_by_role("alert")).to_contain_text("must be the same as or after")
    expect(page).to_have_title(re.compile("^Error:\\ "))
    assert_accessible(page)
