"""The meetings list on a 375 px phone: each meeting's status is in view without scrolling
the table sideways."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PHONE, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_meeting_list_shows_every_status_at_phone_width(page: Page, live_server, demo):
    sign_in(page, live_server.url, "olu")
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(f"{live_server.url}/panels/meetings/")

    tags = page.locator("main table tbody .govuk-tag")
    boxes = [tags.nth(i).bounding_box() for i in range(tags.count())]

    assert len(boxes) == 4
    assert [box["x"] + box["width"] <= PHONE for box in boxes] == [True] * 4
