"""The public site's pages pass axe at desktop and phone widths, signed out."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "url", ["/", "/accessibility/", "/privacy/", "/cookies/", "/findings/", "/findings/data/"]
)
def test_public_page_is_accessible(page: Page, live_server, url):
    page.goto(f"{live_server.url}{url}")

    assert page.get_by_role("heading", level=1).count() == 1
    assert_accessible(page)
