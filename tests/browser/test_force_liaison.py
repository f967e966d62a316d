"""The force liaison's journey on the demo: Lee answers his force's overdue action with
evidence, OPCC staff approve the answer, the evidence file is erased past its
retention period, OPCC staff withdraw the approval, and Lee reads the panels'
decisions on the force's cases; the panel's chair finds the action in their list, and
a member sees no withdrawn response on the meeting's page. Every page landed on passes
axe and fits the
window, at desktop width and at 375 px (tests/browser/journeys.py)."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from tests.browser.journeys import Journey
from tests.cases.pdfs import text_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OVERDUE = "Brief supervisors on recording stalking rather than harassment"
ANSWER = "Supervisors were briefed at the December crime standards meeting."


@pytest.fixture
def journey(page: Page, live_server) -> Journey:
    return Journey(page, live_server.url)


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


def test_liaison_answers_an_action_and_opcc_staff_approve_it(journey, demo, tmp_path):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction

    from core.roles import StaffRole
    from panels.enums import ActionStatus, ResponseState
    from panels.models import ActionResponse, ResponseEvidence
    from panels.retention import erase_response_evidence

    page = journey.page
    evidence = tmp_path / "briefing-note.pdf"
    evidence.write_bytes(text_pdf(["Briefing note for supervisors, December."]))

    # Lee sees the overdue action on his home page and answers it.
    journey.sign_in("lee")
    assert "Overdue: no response" in page.locator("main").inner_text()
    journey.follow(page.get_by_role("link", name=f"{OVERDUE}"[:60], exact=False).first)
    journey.follow(page.get_by_role("button", name="Respond to the action"))
    journey.follow(page.get_by_role("button", name="Send the response"))
    assert journey.errors() == [
        "Enter the force's response",
        "Select the status the force proposes",
    ]
    page.get_by_label("The force's response", exact=True).fill(ANSWER)
    page.get_by_label("Done").check()
    page.get_by_label("Evidence title (optional)").fill("Briefing note")
    page.get_by_label("Evidence (optional)").set_input_files(str(evidence))
    journey.follow(page.get_by_role("button", name="Send the response"))
    assert "sent to OPCC staff" in page.locator(".govuk-notification-banner").inner_text()
    assert "Awaiting review" in page.locator("main").inner_text()

    # Lee reads the panels' decisions on the force's cases.
    journey.goto("/")
    journey.follow(page.get_by_role("link", name="The panels' decisions on Demoshire Police"))
    assert "Case reference" in page.locator("main").inner_text()

    # Olu approves the answer from the list of the force's actions.
    journey.sign_in("olu")
    journey.follow(page.get_by_role("link", name="Actions for the force and its responses"))
    journey.follow(page.get_by_role("link", name=OVERDUE[:40], exact=False).first)
    journey.follow(page.get_by_role("link", name="Review"))
    journey.follow(page.get_by_role("button", name="Save the review"))
    assert journey.errors() == ["Select whether to approve or return the response"]
    page.get_by_label("Approve it").check()
    journey.follow(page.get_by_role("button", name="Save the review"))
    assert "approved" in page.locator(".govuk-notification-banner").inner_text()

    # Olu adds the response's Welsh, for the Welsh pages, on its own page.
    journey.follow(page.get_by_role("link", name="Add the response in Welsh"))
    page.get_by_label("The response in Welsh").fill("Canllawiau wedi'u rhannu.")
    journey.follow(page.get_by_role("button", name="Save the Welsh"))
    assert "Welsh of the force's response saved" in (
        page.locator(".govuk-notification-banner").inner_text()
    )
    assert "Canllawiau wedi'u rhannu." in page.locator("main").inner_text()

    # Past the retention period the evidence file is erased, and the page says so.
    with transaction.atomic():
        evidence = ResponseEvidence.objects.filter(response__text=ANSWER)
        erase_response_evidence(evidence_ids=list(evidence.values_list("pk", flat=True)))
    journey.goto(journey.path)
    assert (
        "Briefing note (PDF erased after the retention period)" in page.locator("main").inner_text()
    )

    # Olu withdraws the approval, so the force can send a corrected response.
    journey.follow(page.get_by_role("link", name="Withdraw the approval"))
    journey.follow(page.get_by_role("button", name="Withdraw the approval"))
    assert journey.errors() == ["Enter why the approval is withdrawn"]
    page.get_by_label("Why is the approval withdrawn?").fill("The meeting's date is wrong.")
    journey.follow(page.get_by_role("button", name="Withdraw the approval"))
    assert "withdrawn" in page.locator(".govuk-notification-banner").inner_text()
    assert "approval withdrawn on" in page.locator("main").inner_text()

    # And the liaisons' page: OPCC staff cannot be made a liaison, and the page says who.
    journey.goto("/panels/force/liaisons/")
    journey.follow(page.get_by_role("button", name="Invite a force liaison"))
    page.get_by_label("Full name").fill("Olu Okafor")
    page.get_by_label("Email address").fill(get_user_model().objects.get(username="olu").email)
    page.get_by_label("Force").select_option(label="Demoshire Police")
    journey.follow(page.get_by_role("button", name="Send the invitation"))
    assert journey.errors()[0].startswith("Olu Okafor is OPCC staff, so cannot be a force liaison")
    journey.follow(page.get_by_role("link", name="Back to force liaisons"))
    journey.follow(page.get_by_role("link", name="End the role of Lee Lewis"))

    # Lee, put in the OPCC staff group in the admin, cannot review his own response.
    lee = get_user_model().objects.get(username="lee")
    lee.groups.add(Group.objects.get(name=StaffRole.OPCC_STAFF.value))
    own = ActionResponse.objects.create(
        action=ActionResponse.objects.get(text=ANSWER).action,
        text="A second answer.",
        proposed_status=ActionStatus.COMPLETED,
        submitted_by=lee,
    )
    journey.sign_in("lee")
    journey.goto(f"/panels/force/responses/{own.pk}/review/")
    assert "You sent this response" in page.locator("main").inner_text()

    response = ActionResponse.objects.get(text=ANSWER)

    # The panel's chair lists the panel's actions for the force and opens this one; a member
    # sees no response on the meeting's page once its approval is withdrawn (only approved
    # responses reach the panel).
    journey.sign_in("chris")
    journey.follow(page.get_by_role("link", name="Your panels' actions for the force"))
    journey.follow(page.get_by_role("link", name=OVERDUE[:40], exact=False).first)
    journey.sign_in("mina")
    journey.goto(reverse("panels:meeting_detail", args=[response.action.meeting_id]))
    assert ANSWER not in page.locator("main").inner_text()

    assert (response.state, response.action.status, response.evidence.count()) == (
        ResponseState.RETURNED,
        response.status_before,
        1,
    )
    assert journey.view_names() == [
        "login",
        "home",
        "panels:force_action",
        "panels:force_action_answer",
        "panels:force_action_answer",
        "panels:force_action",
        "home",
        "panels:force_feedback",
        "login",
        "home",
        "panels:force_action_list",
        "panels:force_action",
        "panels:response_review",
        "panels:response_review",
        "panels:force_action",
        "panels:response_welsh",
        "panels:force_action",
        "panels:force_action",
        "panels:response_withdraw",
        "panels:response_withdraw",
        "panels:force_action",
        "panels:liaison_list",
        "panels:liaison_invite",
        "panels:liaison_invite",
        "panels:liaison_list",
        "panels:liaison_end",
        "login",
        "home",
        "panels:response_review",
        "login",
        "home",
        "panels:force_action_list",
        "panels:force_action",
        "login",
        "home",
        "panels:meeting_detail",
    ]
    journey.finish()
