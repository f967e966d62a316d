"""Axe checks on the page where OPCC staff add a case to an agenda by hand."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [1024, 375])
def test_agenda_add_page_has_no_accessibility_violations(page, live_server, demo, width):
    from cases.models import Case
    from panels.models import Meeting

    meeting = Meeting.objects.get(status="planned")
    pooled = Case.objects.filter(force=meeting.panel.force, status="in_pool").first()
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server.url, "olu")

    page.goto(f"{live_server.url}/panels/meetings/{meeting.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Add a case by reference").click()
    assert axe_violations(page) == []

    with page.expect_navigation():
        page.get_by_role("button", name="Add the case").click()
    expect(
        page.locator(".govuk-error-summary").get_by_text("Enter a case reference")
    ).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Case reference", exact=True).fill(pooled.reference)
    with page.expect_navigation():
        page.get_by_role("button", name="Add the case").click()
    # The next page is a redirect away: wait for its banner rather than look at once.
    page.get_by_text(f"Case {pooled.reference} added to the agenda").wait_for()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
