"""The meetings list on a 375 px phone (each meeting's status in view without scrolling the
table sideways), and the meeting's early-start and personal-data warnings, checked by axe."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PHONE, assert_accessible, sign_in

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

    assert len(boxes) == 5
    assert [box["x"] + box["width"] <= PHONE for box in boxes] == [True] * 5


def test_early_start_and_personal_data_warnings_are_accessible(page: Page, live_server, demo):
    from panels.enums import MeetingStatus
    from panels.meetings.services import observation_save
    from panels.models import Meeting

    meeting = Meeting.objects.get(status=MeetingStatus.RATING_OPEN)
    olu = demo["users"]["olu"]
    sign_in(page, live_server.url, "olu")
    page.goto(f"{live_server.url}/panels/meetings/{meeting.pk}/move/in_discussion/")
    page.get_by_label("Start the discussion before the meeting's date").check()
    page.get_by_label("Why the discussion starts early").fill("The chair is away that day.")
    assert_accessible(page)
    page.get_by_role("button", name="Start the discussion").click()
    page.wait_for_load_state()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_DISCUSSION

    observation_save(
        meeting=meeting, by=olu, kind="general", text="Call 07700 900123.", is_public=True
    )
    page.goto(f"{live_server.url}/panels/meetings/{meeting.pk}/")
    banner = page.get_by_role("region", name="Check for personal data")
    assert banner.get_by_role("link").all_inner_texts() == [
        "Observation 1 looks like it contains a phone number"
    ]
    assert_accessible(page)
