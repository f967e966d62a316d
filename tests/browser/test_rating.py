"""Members rate their cases: the conflict gate, the rating form, progress, and privacy.

Every page visited is checked with axe at desktop and phone widths, with no sideways
scrolling at either.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from panels.demo.data import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible, overflow, sign_in_as

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = 320

# Distinctive words the first member writes; the second member must meet none of them.
FIRST_REASONS = "The caution lacked a recorded admission XYZZY"
SECOND_REASONS = "No end date was set for the no-contact condition FROBOZZ"
NOTE = "Victim asked for an apology PLUGH"
SECRETS = ["XYZZY", "FROBOZZ", "PLUGH"]


def open_meeting():
    from panels.enums import MeetingStatus
    from panels.models import Meeting

    return Meeting.objects.select_related("panel__framework").get(status=MeetingStatus.RATING_OPEN)


def criterion_labels(meeting) -> list[str]:
    return list(
        meeting.panel.framework.criteria.order_by("position").values_list("label", flat=True)
    )


def task_status(page: Page, meeting, position: int) -> str:
    return page.locator(f"#task-{meeting.pk}-{position}-status").inner_text().strip()


def progress_text(page: Page, meeting) -> str:
    return page.locator(f"#progress-{meeting.pk}").inner_text().strip()


def progress_value(page: Page, meeting) -> str:
    return page.locator(f"#meeting-{meeting.pk} progress").get_attribute("value")


def answer(page: Page, criterion: str, value: str) -> None:
    group = page.get_by_role("group", name=criterion, exact=True)
    group.get_by_label(value, exact=True).check()


def category(page: Page, label: str):
    return page.get_by_role("group", name="Outcome category").get_by_label(label)


def declare_no_conflict(page: Page, base_url: str, meeting, position: int) -> None:
    page.goto(f"{base_url}/panels/meetings/{meeting.pk}/cases/{position}/")
    expect(page).to_have_url(re.compile(re.escape(f"/cases/{position}/conflict/") + "$"))
    assert_accessible(page)
    page.get_by_label("I have no conflict of interest").check()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(re.escape(f"/cases/{position}/") + "$"))


def assert_blank_rating_form(page: Page) -> None:
    form = page.locator("#rating-form")
    expect(form).to_be_visible()
    assert form.locator("input[type=radio]").count() > 0
    assert form.locator("input:checked").count() == 0
    values = form.locator("textarea").evaluate_all("areas => areas.map(a => a.value)")
    assert set(values) == {""}
    assert page.get_by_text("Draft saved").count() == 0
    assert page.get_by_text("Versions of your rating").count() == 0


def assert_no_secrets(page: Page) -> None:
    html = page.content()
    for secret in SECRETS:
        assert secret not in html, f"{secret} shown at {page.url}"


def test_member_rates_two_cases_and_the_next_member_sees_no_trace(page, live_server, demo):
    meeting = open_meeting()
    criteria = criterion_labels(meeting)
    base = live_server.url
    sign_in_as(page, base, "sam")

    # Sam has declared a conflict in case 3 and rated nothing.
    assert progress_text(page, meeting) == "0 of 5 cases rated (1 conflict declared)"
    assert progress_value(page, meeting) == "0"
    assert task_status(page, meeting, 3) == "Conflict declared"
    assert task_status(page, meeting, 4) == "Not started"
    assert task_status(page, meeting, 5) == "Not started"
    assert_accessible(page)

    # The gate comes before any of case 4's papers; describing a conflict is offered.
    page.get_by_role("link", name=re.compile(r"^Case 4:")).click()
    expect(page).to_have_url(
        re.compile(re.escape(f"/panels/meetings/{meeting.pk}/cases/4/conflict/") + "$")
    )
    page.get_by_label("I have a conflict of interest").check()
    assert_accessible(page)

    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile("^Error:\\ "))
    assert page.locator(".govuk-error-summary a").all_inner_texts() == [
        "Describe your conflict of interest"
    ]
    expect(page.get_by_label("If you have a conflict, describe it")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("I have no conflict of interest").check()
    page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(re.compile(re.escape(f"/panels/meetings/{meeting.pk}/cases/4/") + "$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Case 4:")
    assert_blank_rating_form(page)
    assert_accessible(page)

    # First try: the admission is left unanswered and no reasons are given.
    for label in criteria[1:]:
        answer(page, label, "Met")
    page.locator("summary", has_text="Add a note on Victim's views").click()
    page.get_by_label("Note on 'Victim's views sought and recorded' (optional)").fill(NOTE)
    category(page, "3. Inconsistent with Police Policy").check()
    page.get_by_role("button", name="Submit rating").click()

    summary = page.locator(".govuk-error-summary")
    expect(page).to_have_title(re.compile("^Error:\\ "))
    assert summary.locator("a").all_inner_texts() == [
        "Select whether 'Offence admitted' was met",
        "Enter your reasons for 'Inconsistent with Police Policy'",
    ]
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    # What was entered survives the error.
    assert category(page, "3. Inconsistent with Police Policy").is_checked()
    note = page.get_by_label("Note on 'Victim's views sought and recorded' (optional)")
    assert note.input_value() == NOTE
    assert_accessible(page)

    summary.get_by_role("link", name="Select whether 'Offence admitted' was met").click()
    assert page.evaluate("document.activeElement.id") == "id_criterion-offence-admitted_0"
    answer(page, "Offence admitted", "Not met")
    page.get_by_label("Your reasons").fill(FIRST_REASONS)
    page.get_by_role("group", name="Themes").get_by_label("No clear admission").check()
    page.get_by_role("button", name="Submit rating").click()

    expect(page).to_have_url(re.compile("^" + re.escape(f"{base}/")))
    expect(page.get_by_text("Your rating of case 4 has been submitted")).to_be_visible()
    assert progress_text(page, meeting) == "1 of 5 cases rated (1 conflict declared)"
    assert task_status(page, meeting, 4) == "Completed"
    assert task_status(page, meeting, 5) == "Not started"
    assert_accessible(page)

    # Case 5, right first time.
    page.get_by_role("link", name=re.compile(r"^Case 5:")).click()
    expect(page).to_have_url(re.compile("/cases/5/conflict/$"))
    page.get_by_label("I have no conflict of interest").check()
    page.get_by_role("button", name="Continue").click()
    assert_blank_rating_form(page)
    for label in criteria:
        answer(page, label, "Met")
    answer(page, "Conditions proportionate and meaningful", "Partly met")
    category(page, "2. Consistent with Police Policy (but with observations").check()
    page.get_by_label("Your reasons").fill(SECOND_REASONS)
    page.get_by_role("button", name="Submit rating").click()

    expect(page.get_by_text("Your rating of case 5 has been submitted")).to_be_visible()
    assert progress_text(page, meeting) == "2 of 5 cases rated (1 conflict declared)"
    assert progress_value(page, meeting) == "2"
    assert task_status(page, meeting, 4) == "Completed"
    assert task_status(page, meeting, 5) == "Completed"
    assert_accessible(page)

    # The rating is Sam's alone: Mina, who rates the same cases, meets none of it.
    sign_in_as(page, base, "mina")
    assert progress_text(page, meeting) == "1 of 6 cases rated"
    assert task_status(page, meeting, 4) == "Not started"
    assert task_status(page, meeting, 5) == "Not started"
    assert_no_secrets(page)
    for position in (4, 5):
        declare_no_conflict(page, base, meeting, position)
        assert_blank_rating_form(page)
        expect(
            page.get_by_text("Nobody else on the panel, nor OPCC staff, can see")
        ).to_be_visible()
        assert_no_secrets(page)
        assert_accessible(page)
    page.goto(f"{base}/")
    assert_no_secrets(page)
    page.goto(f"{base}/panels/meetings/{meeting.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_secrets(page)
    assert_accessible(page)

    # The chair sees that Sam has submitted two, and nothing of what Sam said.
    sign_in_as(page, base, "chris")
    page.goto(f"{base}/panels/meetings/{meeting.pk}/")
    sam_row = page.get_by_role("row", name=re.compile(r"^Sam Singh"))
    assert sam_row.get_by_role("cell").first.inner_text() == "2"
    assert_no_secrets(page)
    assert_accessible(page)


def test_other_rating_pages_have_no_accessibility_violations(page, live_server, demo):
    from panels.models import ConflictDeclaration

    meeting = open_meeting()
    base = live_server.url
    case_url = f"{base}/panels/meetings/{meeting.pk}/cases"

    # A member in conflict is refused the papers.
    sign_in_as(page, base, "sam")
    response = page.goto(f"{case_url}/3/")
    assert response.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "You cannot open this case"
    assert_accessible(page)

    # A draft: the form holds what was saved, and says who can see it.
    sign_in_as(page, base, "mina")
    page.goto(f"{case_url}/2/")
    expect(page.get_by_text("Draft saved")).to_be_visible()
    assert page.get_by_role("group", name="Outcome category").locator("input:checked").count() == 1
    assert_accessible(page)

    # The non-voting attendee reads the papers and comments.
    sign_in_as(page, base, "pat")
    page.goto(f"{case_url}/1/")
    expect(page.get_by_role("heading", name="Your comment")).to_be_visible()
    assert page.locator("#rating-form").count() == 0
    assert_accessible(page)

    # The chair and OPCC staff see progress and the conflicts declared.
    for username in ("chris", "olu"):
        sign_in_as(page, base, username)
        page.goto(f"{base}/panels/meetings/{meeting.pk}/")
        expect(page.get_by_role("heading", name="Rating progress")).to_be_visible()
        expect(page.get_by_role("heading", name="Conflicts of interest declared")).to_be_visible()
        expect(
            page.get_by_text("I supervised the offender on an earlier community order.")
        ).to_be_visible()
        assert_accessible(page)

    # OPCC staff may withdraw Sam's conflict.
    declaration = ConflictDeclaration.objects.get(
        reviewed_case__meeting=meeting,
        reviewed_case__position=3,
        membership__user__username="sam",
        has_conflict=True,
        superseded_at__isnull=True,
    )
    withdraw = page.get_by_role("link", name="Withdraw the conflict of Sam Singh in case 3")
    withdraw_path = f"/panels/meetings/{meeting.pk}/conflicts/{declaration.pk}/withdraw/"
    assert withdraw.get_attribute("href") == withdraw_path
    page.goto(f"{base}{withdraw_path}")
    assert page.get_by_role("heading", level=1).inner_text() == "Withdraw a conflict of interest"
    assert_accessible(page)


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Presses Tab until the focused element matches the selector, which must then be
    within the width of the window, not cut off at its side."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            left, right, width = page.evaluate(
                "() => { const r = document.activeElement.getBoundingClientRect();"
                " return [r.left, r.right, window.innerWidth] }"
            )
            assert left >= 0 and right <= width, f"{selector} is off the side of {page.url}"
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def skip_to_main(page: Page) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('govuk-skip-link')")
    page.keyboard.press("Enter")


def test_member_rates_a_case_at_320_pixels_with_the_keyboard_alone(page, live_server, demo):
    meeting = open_meeting()
    codes = list(
        meeting.panel.framework.criteria.order_by("position").values_list("code", flat=True)
    )
    base = live_server.url
    page.set_viewport_size({"width": NARROW, "height": 640})
    page.goto(f"{base}/sign-in/")
    tab_to(page, "input[name=username]")
    page.keyboard.type("mina")
    tab_to(page, "input[name=password]")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/")
    assert overflow(page) <= NARROW
    assert task_status(page, meeting, 4) == "Not started"

    page.goto(f"{base}/panels/meetings/{meeting.pk}/cases/4/")
    expect(page).to_have_url(re.compile("/cases/4/conflict/$"))
    assert overflow(page) <= NARROW
    skip_to_main(page)
    tab_to(page, "input[name=has_conflict][value=no]")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/cases/4/(#.*)?$"))
    assert overflow(page) <= NARROW

    # Tabbing on from wherever focus starts on the new page reaches the first criterion.
    for code in codes:
        tab_to(page, f"input[name='criterion-{code}']")
        page.keyboard.press("Space")
    # Arrow keys move within a group: the last criterion becomes "Partly met".
    page.keyboard.press("ArrowRight")
    # A note, through its details: Enter opens it, Tab reaches the text box.
    tab_to(page, ".govuk-details__summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("Restorative justice was offered late")
    tab_to(page, "input[name=category]")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    tab_to(page, "textarea[name=reasons]")
    page.keyboard.type("The victim was not told of the outcome")
    tab_to(page, "input[name=themes]")
    page.keyboard.press("Space")
    tab_to(page, "button[value=submit]")
    assert overflow(page) <= NARROW
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(rf"^{base}/(#.*)?$"))
    expect(page.get_by_text("Your rating of case 4 has been submitted")).to_be_visible()
    assert task_status(page, meeting, 4) == "Completed"
    assert progress_text(page, meeting) == "2 of 6 cases rated"
    assert overflow(page) <= NARROW

    from panels.models import Rating

    rating = Rating.objects.get(
        reviewed_case__meeting=meeting, reviewed_case__position=4, membership__user__username="mina"
    )
    assert rating.status == "submitted"
    assert rating.category.code == "consistent-with-observations"
    assert rating.reasons == "The victim was not told of the outcome"
    assert rating.themes.count() == 1
    last = rating.assessments.get(criterion__code=codes[-1])
    assert (last.value, last.note) == ("partly_met", "Restorative justice was offered late")
    assert set(rating.assessments.exclude(pk=last.pk).values_list("value", flat=True)) == {"met"}


def test_printed_case_papers_name_the_member_and_the_day(page, live_server, demo):
    meeting = open_meeting()
    sign_in_as(page, live_server.url, "mina")
    page.goto(f"{live_server.url}/panels/meetings/{meeting.pk}/cases/2/")
    footer = page.locator(".app-print-footer")
    expect(page.locator("#rating-form")).to_be_visible()
    assert not footer.is_visible()

    page.emulate_media(media="print")

    today = timezone.localdate()
    expect(footer).to_be_visible()
    assert "Mina Malik" in footer.inner_text()
    assert f"{today.day} {today:%B %Y}" in footer.inner_text()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Facts at decision")).to_be_visible()
    for hidden in ("#rating-form", "header", "footer.govuk-footer", ".govuk-back-link"):
        assert not page.locator(hidden).is_visible(), hidden
