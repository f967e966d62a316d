"""A member sees what waits for them on the home page, follows the header to their email
settings and turns one kind off. Each page passes axe at desktop and phone widths."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from core.models import NotificationKind, NotificationPreference
from panels.enums import MeetingStatus
from panels.models import Action
from tests import factories
from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_member_sees_their_waiting_work_and_turns_an_email_off(
    page: Page, live_server, reference_data
):
    membership = factories.MembershipFactory(user__username="mina")
    meeting = factories.MeetingFactory(
        panel=membership.panel, status=MeetingStatus.CLOSED, date=datetime.date(2026, 11, 3)
    )
    Action.objects.create(
        meeting=meeting,
        description="Brief the officers.",
        owner=membership.user.email,
        due_date=datetime.date(2027, 1, 31),
    )
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("mina")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("link", name="An action is due on 31 January 2027")).to_be_visible()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Choose which emails you get").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Email settings")
    assert_accessible(page)

    page.get_by_label("A findings report is published").uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Save email settings").click()

    expect(page.get_by_text("Your email settings have been saved")).to_be_visible()
    expect(page.get_by_label("A findings report is published")).not_to_be_checked()
    assert_accessible(page)
    turned_off = NotificationPreference.objects.filter(enabled=False).values_list("kind", flat=True)
    assert list(turned_off) == [NotificationKind.REPORT_PUBLISHED]
