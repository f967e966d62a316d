"""A data admin browses cases and batches and manages a framework: each page passes axe
and fits a phone screen."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    # It only reads: the demo is built once for the module (tests/browser/conftest.py).
    pytest.mark.shared_demo,
]


def test_data_admin_filters_cases_and_opens_one(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cases")
    assert_accessible(page)

    page.get_by_label("Status", exact=True).select_option(label="In the pool")
    with page.expect_navigation():
        page.get_by_role("button", name="Show cases").click()
    assert "status=in_pool" in page.url
    assert_accessible(page)

    table = page.get_by_role("region", name="Cases")
    with page.expect_navigation():
        table.get_by_role("link", name="Reference", exact=True).click()
    assert ("status=in_pool" in page.url, "sort=reference" in page.url) == (True, True)
    reference = page.get_by_role("columnheader", name="Reference")
    expect(reference).to_have_attribute("aria-sort", "ascending")
    assert_accessible(page)

    with page.expect_navigation():
        table.locator("tbody").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Facts known at the decision")).to_be_visible()
    assert_accessible(page)


def test_a_bad_case_filter_shows_an_accessible_error(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/?from=2025-03-01&to=2025-01-01&page=x")

    expect(page.get_by_role("alert")).to_contain_text("must be the same as or after")
    expect(page).to_have_title(re.compile("^Error:\\ "))
    assert_accessible(page)


def test_data_admin_lists_batches_with_findings_to_decide(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/batches/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Extract batches")
    assert_accessible(page)

    page.get_by_label("Only batches with privacy findings to decide").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Show batches").click()
    assert "findings=open" in page.url
    assert_accessible(page)


def test_data_admin_opens_a_framework_and_a_category(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/panels/frameworks/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Frameworks")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("region", name="Frameworks").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Outcome categories")).to_be_visible()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("region", name="Outcome categories").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the outcome category")
    assert_accessible(page)

    page.get_by_label("Label", exact=True).fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the category").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the category's label")
    assert_accessible(page)


def test_framework_create_page_is_accessible(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/panels/frameworks/new/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Create a framework")
    assert_accessible(page)


def test_framework_themes_page_is_accessible_and_keeps_a_used_theme(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/panels/frameworks/")
    with page.expect_navigation():
        page.get_by_role("link", name="Out of Court Resolutions (four categories)").click()
    expect(page.get_by_role("heading", name="Themes", exact=True)).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Choose the themes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose the framework’s themes")
    assert_accessible(page)

    # The demo's October decisions use this theme, so it stays with the framework.
    page.get_by_label("Crime misclassified").uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Save the themes").click()
    expect(page.get_by_role("alert")).to_contain_text("“Crime misclassified” is used by ratings")
    assert_accessible(page)
