"""The public site's pages pass axe and never scroll sideways, at desktop and phone widths,
for a visitor who has not signed in."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/en/accessibility/", "Accessibility statement"),
        ("/en/privacy/", "Privacy notice"),
        ("/en/cookies/", "Cookies"),
    ],
)
def test_information_page_has_no_accessibility_violations_at_desktop_and_phone_widths(
    page: Page, live_server, url, heading
):
    page.goto(f"{live_server.url}{url}")

    assert page.get_by_role("heading", level=1).all_inner_texts() == [heading]
    assert_accessible(page, widths=(DESKTOP, PHONE))


def test_cookies_table_fits_a_phone_screen(page: Page, live_server):
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(f"{live_server.url}/en/cookies/")

    table = page.get_by_role("table", name="Essential cookies this service sets")
    box = table.bounding_box()

    assert box["x"] + box["width"] <= PHONE


@pytest.mark.parametrize(
    "url", ["/", "/en/findings/", "/en/findings/data/", "/en/findings/accountability/"]
)
def test_public_page_is_accessible(page: Page, live_server, url):
    page.goto(f"{live_server.url}{url}")

    assert page.get_by_role("heading", level=1).count() == 1
    assert_accessible(page)


def test_switching_to_welsh_keeps_the_page_accessible(page: Page, live_server):
    page.goto(f"{live_server.url}/en/findings/")

    page.get_by_role("link", name="Cymraeg").click()

    assert page.url == f"{live_server.url}/cy/findings/"
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.get_by_role("link", name="English").get_attribute("hreflang") == "en"
    assert_accessible(page, widths=(DESKTOP, PHONE))
