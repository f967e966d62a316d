"""A data admin reads the record kinds, creates one from a dictionary and updates it: each
page passes axe and vnu at desktop width and on a 375 px phone."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.cases.kind_dictionaries import STOP_SEARCH, lines, replaced

pytestmark = [
    pytest.mark.browser,
    # The demo is built once for the module; the kind created here goes when it ends.
    pytest.mark.shared_demo,
]


def _file(data: bytes, name: str = "dictionary.csv") -> dict:
    return {"name": name, "mimeType": "text/csv", "buffer": data}


def test_data_admin_reads_the_kinds_and_a_kinds_fields(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    with page.expect_navigation():
        page.get_by_role("link", name="Record kinds and their data dictionaries").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record kinds")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("region", name="Record kinds").get_by_role(
            "link", name="Out of court resolution", exact=True
        ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Out of court resolution")
    expect(page.get_by_role("heading", name="Outcome", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Download dictionary (CSV)")).to_be_visible()
    assert_accessible(page)


def test_a_bad_dictionary_shows_an_accessible_error_summary(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/kinds/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Create a kind from a dictionary")
    assert_accessible(page)

    page.get_by_label("Name", exact=True).fill("Hate crime")
    page.get_by_label("Code", exact=True).fill("hate-crime")
    page.get_by_label("Dictionary (CSV)").set_input_files(
        _file(lines("motive,Police,Motive,number,,no,no,", "motive,Police,Other,text,,maybe,no,"))
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Create the kind").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Line 2, column type: “number” is not a type.")
    expect(summary).to_contain_text("Line 3, column code: The code motive is also on line 2.")
    assert_accessible(page)


def test_data_admin_creates_a_kind_and_updates_it(page: Page, live_server, demo):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/kinds/new/")
    page.get_by_label("Name", exact=True).fill("Patrol search (browser)")
    page.get_by_label("Code", exact=True).fill("patrol-search-browser")
    page.get_by_label("What its date means (optional)").fill("Date of search")
    page.get_by_label("Dictionary (CSV)").set_input_files(_file(STOP_SEARCH.encode()))
    with page.expect_navigation():
        page.get_by_role("button", name="Create the kind").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Patrol search (browser)")
    expect(page.get_by_role("region", name="Person: fields")).to_contain_text("Age band")

    with page.expect_navigation():
        page.get_by_role("link", name="Update from a dictionary").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Update from a dictionary")
    assert_accessible(page)

    page.get_by_label("Dictionary (CSV)").set_input_files(
        _file(replaced(STOP_SEARCH, "Power used", "Power"))
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Check and update").click()
    expect(page.get_by_role("heading", name="What changed")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(
        "Reworded the label of power: “Power used” to “Power”"
    )
    assert_accessible(page)
