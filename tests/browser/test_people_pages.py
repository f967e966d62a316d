"""OPCC staff run a panel and its people without the admin, and an invited person chooses
a password: every page passes axe and fits a phone screen."""

import re

import pytest
from django.apps import apps as django_apps
from django.core import mail
from playwright.sync_api import Page, expect

from cases.reference_data import seed as seed_cases
from core.roles import StaffRole
from panels.demo.data import DEMO_PASSWORD
from panels.reference_data import seed as seed_panels
from tests import factories
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def people():
    """OPCC staff, a data admin and one panel, committed for the live server."""
    seed_cases(django_apps)
    seed_panels(django_apps)
    for username, role in [("olu", StaffRole.OPCC_STAFF), ("alice", StaffRole.DATA_ADMIN)]:
        factories.UserFactory(username=username, roles=[role], password=DEMO_PASSWORD)
    force = factories.ForceFactory(code="DEMO", name="Demoshire Police")
    factories.PanelFactory(name="Adult OoCR Scrutiny Panel", slug="adult-oocr", force=force)


def submit(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def test_opcc_staff_create_a_panel_and_invite_a_member(page: Page, live_server, people):
    sign_in(page, live_server.url, "olu")
    page.goto(f"{live_server.url}/panels/manage/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Panels")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Create a panel").click()
    assert_accessible(page)
    submit(page, "Create the panel")
    expect(page.get_by_role("alert")).to_contain_text("Enter the panel's name")
    expect(page).to_have_title(re.compile("^Error:\\ "))
    assert_accessible(page)

    page.get_by_label("Panel name", exact=True).fill("Hate Crime Scrutiny Panel")
    page.get_by_label("Framework", exact=True).select_option(index=1)
    page.get_by_label("Police force", exact=True).select_option(label="Demoshire Police")
    page.get_by_label("Organisation", exact=True).fill("Demoshire Criminal Justice Board")
    page.get_by_label("Adult", exact=True).check()
    page.get_by_label("Yes", exact=True).check()
    submit(page, "Create the panel")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hate Crime Scrutiny Panel")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Invite someone").click()
    page.get_by_label("Full name", exact=True).fill("Rosa Reyes")
    page.get_by_label("Email address", exact=True).fill("rosa.reyes@example.org")
    page.get_by_label("Agency", exact=True).select_option(label="Victim services")
    page.get_by_label("Chair", exact=True).check()
    page.get_by_label("No", exact=True).check()
    submit(page, "Send the invitation")
    expect(page.get_by_role("alert")).to_contain_text("A chair must have a vote")
    assert_accessible(page)

    page.get_by_label("Yes", exact=True).check()
    submit(page, "Send the invitation")
    members = page.get_by_role("region", name="Members of Hate Crime Scrutiny Panel")
    expect(members).to_contain_text("Invited, not yet accepted")
    assert_accessible(page)

    with page.expect_navigation():
        members.get_by_role("link", name="Change Rosa Reyes's membership").click()
    assert_accessible(page)
    page.go_back()
    with page.expect_navigation():
        members.get_by_role("link", name="Pause Rosa Reyes's membership").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pause Rosa Reyes's membership")
    assert_accessible(page)


def test_the_invited_person_chooses_a_password(page: Page, live_server, people):
    sign_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/panels/manage/adult-oocr/invite/")
    page.get_by_label("Full name", exact=True).fill("Rosa Reyes")
    page.get_by_label("Email address", exact=True).fill("rosa.reyes@example.org")
    page.get_by_label("Agency", exact=True).select_option(label="Victim services")
    submit(page, "Send the invitation")
    link = re.search(r"http://\S+/panels/invitation/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("/panels/", 1)[1]
    page.context.clear_cookies()

    page.goto(f"{live_server.url}/panels/{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a password")
    assert_accessible(page)
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Confirm password", exact=True).fill("short")
    submit(page, "Set password")
    expect(page.get_by_role("alert")).to_contain_text("too short")
    assert_accessible(page)

    page.get_by_label("Password", exact=True).fill("purple-lantern-harbour")
    page.get_by_label("Confirm password", exact=True).fill("purple-lantern-harbour")
    submit(page, "Set password")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")

    page.goto(f"{live_server.url}/panels/{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This invitation link has expired or has been used"
    )
    assert_accessible(page)
