"""A Victims' Code member reads case papers gathered from several agencies: the kind is
built in the test from a dictionary spec, its framework reviews it, and the papers show
the Police, CPS and Courts and witness care sections in order, on screen and in print.
Each page passes axe (and the markup check) at desktop and 375 px."""

import re

import pytest
from playwright.sync_api import Page, expect

from core.roles import StaffRole
from panels.enums import Agency, MeetingStatus
from panels.workflow import meeting_transition
from tests import factories
from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD
from tests.record_kinds import VICTIMS_CODE, framework_for, kind, kind_case

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VALUES = {
    "needs_assessed": True,
    "referred_to": ["vs"],
    "first_contact": "2025-02-03",
    "police_notes": "Victim asked for updates by email.\n\nThe officer called back in two days.",
    "plea": "guilty",
    "vps_read": True,
    "letter": "https://dems.example.police.uk/letters/42",
    "witness_care_updates": 3,
}


@pytest.fixture
def victims_code_meeting(reference_data, settings):
    settings.RECORD_LINK_HOSTS = ["dems.example.police.uk"]
    victims_code = kind(VICTIMS_CODE)
    panel = factories.PanelFactory(
        name="Victims' Code Scrutiny Panel", framework=framework_for(victims_code, "vcop-seven-way")
    )
    factories.MembershipFactory(panel=panel, user__username="vera", agency=Agency.INDEPENDENT)
    meeting = factories.MeetingFactory(panel=panel, theme="Updates to victims")
    alice = factories.UserFactory(username="alice", first_name="Alice", last_name="Adams")
    batch = factories.BatchFactory(force=panel.force, uploaded_by=alice, kind=victims_code)
    case = kind_case(
        victims_code,
        VALUES,
        force=panel.force,
        reference="VC-2025-0042",
        facts_at_decision="Burglary of a home; the victim is 82 and lives alone.",
        batch=batch,
    )
    factories.ReviewedCaseFactory(meeting=meeting, position=1, case=case)
    staff = factories.UserFactory(username="olu", roles=[StaffRole.OPCC_STAFF])
    meeting_transition(meeting=meeting, to=MeetingStatus.RATING_OPEN, by=staff)
    return meeting


def test_a_victims_code_member_reads_the_agencies_sections(
    page: Page, live_server, victims_code_meeting
):
    meeting = victims_code_meeting
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("vera")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    case_link = page.get_by_role("link", name="Case 1: Victims' Code case (test)")
    expect(case_link).to_be_visible()
    # The task list sums the case up by its kind's filterable list field.
    expect(page.locator(".govuk-task-list__hint")).to_have_text("Plea: Guilty")
    assert_accessible(page)

    with page.expect_navigation():
        case_link.click()
    expect(page).to_have_url(re.compile(r"/cases/1/conflict/$"))
    summary = page.locator(".govuk-summary-list .govuk-summary-list__key").all_inner_texts()
    assert summary == ["Record", "Date the case closed", "Plea"]
    assert_accessible(page)
    page.get_by_label("I have no conflict of interest").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(re.compile(rf"/panels/meetings/{meeting.pk}/cases/1/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Case 1: Victims' Code case (test)")
    sections = page.locator(".app-record-section h2").all_inner_texts()
    assert sections == ["Police", "CPS", "Courts and witness care"]
    police = page.locator(".app-record-section", has_text="Needs assessment done")
    expect(police.get_by_text("Imported by Alice Adams on")).to_be_visible()
    expect(police.get_by_text("Victim Support")).to_be_visible()
    expect(police.get_by_text("The officer called back in two days.")).to_be_visible()
    cps = page.locator(".app-record-section", has_text="Plea")
    expect(
        cps.get_by_role("link", name="https://dems.example.police.uk/letters/42")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    expect(page.get_by_text("Date the case closed")).to_be_visible()
    assert_accessible(page)

    # Printed, the papers keep every section; the rating form stays off the paper.
    page.emulate_media(media="print")
    for name in sections:
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.get_by_text("Updates given")).to_be_visible()
    assert not page.locator("#rating-form").is_visible()
