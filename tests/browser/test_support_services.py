"""OPCC staff keep the support services reports point to, in Chromium: the list, the form
with its error summary, and the saved service, each checked with axe at desktop and phone
widths; the Welsh boxes beside the English."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import assert_accessible, sign_in_as

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def follow(target) -> None:
    with target.page.expect_navigation():
        target.click()


def test_a_support_service_is_added_for_a_panel_and_changed(page: Page, live_server, demo):
    sign_in_as(page, live_server.url, "olu")
    follow(page.get_by_role("link", name="Reports", exact=True))
    follow(page.get_by_role("link", name="Support services"))
    assert_accessible(page)
    follow(page.get_by_role("link", name="Add a support service"))
    assert_accessible(page)

    page.get_by_label("Name of the service", exact=True).fill("The National Stalking Helpline")
    page.get_by_label("Name of the service (Welsh)").fill("Y Llinell Gymorth Stelcio Genedlaethol")
    follow(page.get_by_role("button", name="Save the support service"))
    summary = page.locator(".govuk-error-summary")
    assert "Enter a phone number, email address or website for this service" in (
        summary.inner_text()
    )
    assert_accessible(page)

    page.get_by_label("Phone number (optional)").fill("0808 802 0300")
    page.get_by_label("With the further information").check()
    page.get_by_label("Adult Out of Court Resolutions Scrutiny Panel").check()
    follow(page.get_by_role("button", name="Save the support service"))
    table = page.locator("#support-services").inner_text()
    assert "The National Stalking Helpline" in table and "0808 802 0300" in table
    row = page.locator("#support-services tr", has_text="The National Stalking Helpline")
    assert "Given" in row.inner_text()
    assert_accessible(page)

    follow(page.get_by_role("link", name="The National Stalking Helpline (change)"))
    assert page.get_by_label("Phone number (optional)").input_value() == "0808 802 0300"
    welsh_name = page.get_by_label("Name of the service (Welsh)")
    assert welsh_name.input_value() == "Y Llinell Gymorth Stelcio Genedlaethol"
    assert_accessible(page)
    follow(page.get_by_role("link", name="Remove this support service"))
    assert_accessible(page)
