"""A scrutiny meeting's notes from draft to the public site, in Chromium.

The demo's meeting of 24 September 2025 is closed, its notes not yet written. Olu drafts
them from the reports page and sends them for approval; Nia approves and publishes them; a
visitor who is not signed in finds the Commissioner's scrutiny from the footer, reads the
topic's history (partly assured in September 2024, then in September 2025) and opens the
notes. Every page visited is checked with axe at desktop and phone widths.
"""

import pytest
from playwright.sync_api import Page

from reports.demo import load_scrutiny
from tests.browser.conftest import assert_accessible, sign_in_as

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def follow(target) -> None:
    with target.page.expect_navigation():
        target.click()


def test_notes_are_drafted_approved_published_and_read(page: Page, live_server, demo):
    load_scrutiny(demo["users"], publish=False)
    base = live_server.url
    sign_in_as(page, base, "olu")
    follow(page.get_by_role("link", name="Reports", exact=True))
    assert_accessible(page)
    follow(
        page.get_by_role(
            "button", name="Write the notes of the scrutiny meeting of 24 September 2025"
        )
    )
    assert_accessible(page)
    assert "8 questions; decision: Partly assured" in page.locator("main").inner_text()
    follow(page.get_by_role("link", name="Preview the report as the public will see it"))
    assert_accessible(page)
    follow(page.get_by_role("link", name="Back to the report"))
    follow(page.get_by_role("button", name="Send for approval"))
    follow(page.get_by_role("button", name="Send for approval"))
    notes_url = page.url

    sign_in_as(page, base, "nia")
    page.goto(notes_url)
    follow(page.get_by_role("button", name="Approve the report"))
    follow(page.get_by_role("button", name="Approve the report"))
    follow(page.get_by_role("button", name="Publish the report"))
    # Publishing renders the page and the PDF before answering: slower on a busy machine.
    page.set_default_timeout(60_000)
    follow(page.get_by_role("button", name="Publish the report"))
    page.set_default_timeout(10_000)
    assert page.locator(".govuk-notification-banner").inner_text().find("published") >= 0

    page.context.clear_cookies()
    page.goto(f"{base}/en/findings/")
    follow(page.get_by_role("link", name="The Commissioner's scrutiny of the force").first)
    assert_accessible(page)
    text = page.locator("main").inner_text()
    assert "Current assurance level: Partly assured, decided on 24 September 2025" in text
    assert page.locator("svg[role=img] title").first.text_content() == (
        "Decisions over time: Use of out of court resolutions and Outcome 16"
    )
    rows = page.locator("table tbody tr").all_inner_texts()
    assert [" ".join(row.split()) for row in rows] == [
        "18 September 2024 Partly assured Named in later notes",
        "24 September 2025 Partly assured Notes of the meeting of 24 September 2025",
    ]
    follow(page.get_by_role("link", name="Notes of the meeting of 24 September 2025"))
    assert_accessible(page)
    assert "Other areas discussed" in page.locator("main").inner_text()
