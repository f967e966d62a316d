"""The chair runs a meeting: the reveal, the discussion, decisions, an action and closing.

Every page visited is checked with axe at desktop and phone widths, with no sideways
scrolling at either.
"""

import datetime
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import answer_open_criteria, assert_accessible, sign_in_as

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# The categories members chose on their own, by case position (Mina submitted case 1 as
# "consistent" in the demo; Sam declared a conflict in case 3).
CHRIS_RATES = {
    1: "consistent-with-observations",
    2: "consistent-with-observations",
    3: "consistent",
    4: "consistent",
    5: "inconsistent",
    6: "consistent",
}
SAM_RATES = {
    1: "inconsistent",
    4: "consistent",
    5: "inconsistent",
    6: "consistent-with-observations",
}
# Sam finds the admission missing in case 1, where Mina and Chris found it recorded.
SAM_NOT_MET = {1: {"offence-admitted"}}
# Decided through the services once the discussion has started: the journey records 1 and 2.
OTHER_DECISIONS = {3: "consistent", 4: "consistent", 5: "inconsistent", 6: "consistent"}

CASE_1_REASONS = "The offender did not admit the offence, so a caution was not available."
CASE_2_REASONS = "The papers do not say whether the victim was asked for their views."
CASE_2_INFORMATION = "The officer's record of the call with the victim."
ACTION = "Remind officers to record the victim's views before a Community Resolution."
ACTION_OWNER = "Force OoCR lead"


def follow(target: Locator) -> None:
    """Click a link or button and wait for the page it leads to."""
    with target.page.expect_navigation():
        target.click()


def heading(page: Page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def banner(page: Page) -> str:
    return page.locator(".govuk-notification-banner__heading").inner_text()


def error_links(page: Page) -> list[str]:
    return page.locator(".govuk-error-summary a").all_inner_texts()


def open_meeting():
    from panels.enums import MeetingStatus
    from panels.models import Meeting

    return Meeting.objects.select_related("panel__framework").get(status=MeetingStatus.RATING_OPEN)


def rate(meeting, username: str, categories: dict, not_met: dict) -> None:
    """Declare no conflict and submit a rating, as the rating page would."""
    from django.contrib.auth import get_user_model

    from panels.rating.services import RatingInput, conflict_declare, rating_save

    user = get_user_model().objects.get(username=username)
    framework = meeting.panel.framework
    criteria = list(framework.criteria.values_list("code", flat=True))
    for position, code in categories.items():
        reviewed = meeting.reviewed_cases.get(position=position)
        category = framework.categories.get(code=code)
        failing = not_met.get(position, set())
        conflict_declare(reviewed_case=reviewed, user=user, has_conflict=False)
        rating_save(
            reviewed_case=reviewed,
            user=user,
            data=RatingInput(
                category=category,
                reasons="Rated before the meeting." if category.requires_reasons else "",
                assessments={c: ("not_met" if c in failing else "met", "") for c in criteria},
            ),
            submit=True,
            version=0,
        )


def decide(meeting, decisions: dict) -> None:
    from django.contrib.auth import get_user_model

    from panels.meetings.services import DecisionInput, decision_record

    chris = get_user_model().objects.get(username="chris")
    framework = meeting.panel.framework
    for position, code in decisions.items():
        category = framework.categories.get(code=code)
        decision_record(
            reviewed_case=meeting.reviewed_cases.get(position=position),
            by=chris,
            data=DecisionInput(
                category=category,
                reasons="Agreed at the meeting." if category.requires_reasons else "",
            ),
            version=0,
        )


def category_counts(page: Page, position: int) -> list[list[str]]:
    """Case N's table on the discussion page: [category, members] per row."""
    section = page.locator("section", has=page.locator(f"#case-{position}-title"))
    rows = section.locator("table tbody tr")
    return [
        [rows.nth(i).locator("th").inner_text(), rows.nth(i).locator("td").inner_text().strip()]
        for i in range(rows.count())
    ]


def discussion_order(page: Page) -> list[int]:
    titles = page.locator(".app-discussion-case h2").all_inner_texts()
    return [int(re.match(r"Case (\d+):", title).group(1)) for title in titles]


def decision_category(page: Page, label: str):
    return page.get_by_role("group", name="The panel's decision").get_by_label(label)


def test_chair_reveals_discusses_decides_and_closes_the_meeting(page, live_server, demo):
    from panels.enums import CaseSource, MeetingStatus
    from panels.models import Action, Decision, Meeting, ReviewedCase

    meeting = open_meeting()
    # The meeting's day has come (the demo dates it a week ahead) and rating has closed.
    from django.utils import timezone

    today = timezone.localdate()
    Meeting.objects.filter(pk=meeting.pk).update(
        date=today, rating_deadline=today - datetime.timedelta(days=1)
    )
    meeting.refresh_from_db()
    later = Meeting.objects.get(panel=meeting.panel, theme="Hate crime")
    rate(meeting, "chris", CHRIS_RATES, {})
    rate(meeting, "sam", SAM_RATES, SAM_NOT_MET)
    base = live_server.url
    meeting_url = f"{base}/panels/meetings/{meeting.pk}/"
    sign_in_as(page, base, "chris")

    # The meeting page offers the moves the workflow allows from "open for rating".
    page.goto(meeting_url)
    moves = page.locator(".govuk-button-group .govuk-button").all_inner_texts()
    assert moves == ["Start the discussion", "Move back to planned", "Cancel the meeting"]
    assert_accessible(page)

    # The confirmation says what the reveal does and who has not finished.
    follow(page.get_by_role("button", name="Start the discussion"))
    expect(page).to_have_url(f"{meeting_url}move/in_discussion/")
    assert heading(page) == f"Start the discussion: {meeting}"
    warning = page.locator(".govuk-warning-text__text").inner_text()
    assert "Members will see each other's ratings" in warning
    assert warning.endswith("This cannot be undone.")
    # Chris has rated every case; Mina has a draft and unrated cases, Sam has one left.
    assert page.locator("main .govuk-list--bullet").first.locator("li").all_inner_texts() == [
        "2 members have not submitted every rating: drafts will not count."
    ]
    still_to_rate = page.locator("#still-to-rate li").all_inner_texts()
    assert [text.split(" (")[0] for text in still_to_rate] == ["Mina Malik", "Sam Singh"]
    assert still_to_rate[1].endswith(": 1 case left")
    anonymous = page.get_by_label("Show members' ratings without their names (as Member A, B, C)")
    assert not anonymous.is_checked()
    assert_accessible(page)
    anonymous.check()
    follow(page.get_by_role("button", name="Start the discussion"))

    # The discussion: names hidden, case 1 split three ways, kappa over the rated cases.
    expect(page).to_have_url(f"{meeting_url}discussion/")
    assert banner(page) == "The meeting is now in discussion"
    assert heading(page) == f"Discussion: {meeting.theme}"
    expect(page.get_by_text("The ratings were revealed without names")).to_be_visible()
    matrix = page.get_by_role("region", name="Every member's rating")
    assert matrix.locator("thead th").all_inner_texts() == [
        "Case",
        "Member A",
        "Member B",
        "Member C",
    ]
    main = page.locator("main").inner_text()
    for name in ("Mina Malik", "Sam Singh", "Chris Carter"):
        assert name not in main
    assert category_counts(page, 1) == [
        ["Consistent", "1"],
        ["Consistent with observations", "1"],
        ["Inconsistent", "1"],
        ["No conclusion", "0"],
    ]
    case_1 = page.locator("section", has=page.locator("#case-1-title"))
    expect(
        case_1.get_by_text("Agreement: 33% of the 3 ratings chose the most common category.")
    ).to_be_visible()
    expect(case_1.get_by_text("Offence admitted: 2 met, 1 not met")).to_be_visible()
    assert case_1.locator(".govuk-tag").inner_text() == "Needs a decision"
    # Only cases 1, 4, 5 and 6 have two or more ratings: too few for kappa to mean much.
    expect(
        page.get_by_text(
            "Agreement cannot be judged yet: kappa needs at least 5 cases with two or more "
            "ratings, and there are 4."
        )
    ).to_be_visible()
    expect(
        page.get_by_text("2 cases are left out because they have fewer than two ratings.")
    ).to_be_visible()
    assert discussion_order(page) == [1, 2, 3, 4, 5, 6]
    assert_accessible(page)

    follow(page.get_by_role("link", name="discuss these first (lowest agreement first)"))
    expect(page).to_have_url(f"{meeting_url}discussion/?order=agreement")
    assert discussion_order(page)[:2] == [1, 6]
    assert_accessible(page)

    # Case 1: the reasons are forgotten the first time.
    follow(page.get_by_role("link", name="Record the decision on case 1"))
    expect(page).to_have_url(f"{meeting_url}cases/1/decision/")
    assert heading(page) == "Case 1: the panel's decision"
    expect(
        page.get_by_text("No category was chosen by a majority of the 3 members who rated it.")
    ).to_be_visible()
    # Each criterion starts from the members' most common answer; ties are left to choose.
    offence = page.get_by_role("group", name="Offence admitted", exact=True)
    assert offence.get_by_label("Met", exact=True).is_checked()
    assert_accessible(page)
    answer_open_criteria(page)
    decision_category(page, "3. Inconsistent with Police Policy").check()
    follow(page.get_by_role("button", name="Save the decision"))
    expect(page).to_have_title(re.compile("^Error:\\ "))
    assert error_links(page) == ["Enter the panel's reasons for 'Inconsistent with Police Policy'"]
    assert decision_category(page, "3. Inconsistent with Police Policy").is_checked()
    assert_accessible(page)
    page.get_by_label("The panel's reasons").fill(CASE_1_REASONS)
    page.get_by_role("group", name="Themes").get_by_label("No clear admission").check()
    follow(page.get_by_role("button", name="Save and go to the next case"))

    # Case 2: the panel cannot conclude, asks for more and carries it to March.
    expect(page).to_have_url(f"{meeting_url}cases/2/decision/")
    assert banner(page) == "The panel's decision on case 1 has been saved"
    carry = page.get_by_label("Carry the case over to (if it could not conclude)")
    options = carry.locator("option").all_inner_texts()
    later_label = f"{later.date.day} {later.date:%B %Y}: Hate crime"  # dated from the load
    assert options == ["Do not carry it over", later_label]
    assert_accessible(page)
    decision_category(page, "4. Panel fails to reach a conclusion").check()
    page.get_by_label("The panel's reasons").fill(CASE_2_REASONS)
    page.get_by_label("Information the panel needs (if it could not conclude)").fill(
        CASE_2_INFORMATION
    )
    carry.select_option(label=later_label)
    answer_open_criteria(page)
    follow(page.get_by_role("button", name="Save the decision"))

    expect(page).to_have_url(f"{meeting_url}discussion/")
    assert banner(page) == "The panel's decision on case 2 has been saved"
    case_2 = page.locator("section", has=page.locator("#case-2-title"))
    assert case_2.locator(".govuk-tag").inner_text() == "Decided: No conclusion"
    assert_accessible(page)

    first = Decision.objects.get(reviewed_case__meeting=meeting, reviewed_case__position=1)
    assert (first.category.code, first.reasons) == ("inconsistent", CASE_1_REASONS)
    assert first.majority_category is None
    second = Decision.objects.get(reviewed_case__meeting=meeting, reviewed_case__position=2)
    assert (second.category.code, second.information_requested) == (
        "no-conclusion",
        CASE_2_INFORMATION,
    )
    assert second.differs_from_majority is None  # one rating makes no majority
    carried = ReviewedCase.objects.get(meeting=later)
    assert (carried.source, carried.case_id, carried.carried_over_from_id) == (
        CaseSource.CARRIED_OVER,
        second.reviewed_case.case_id,
        second.reviewed_case_id,
    )

    # The rest of the agenda is decided at the table.
    decide(meeting, OTHER_DECISIONS)

    # An action, with an owner and a due date.
    follow(page.get_by_role("link", name="Back to the meeting"))
    expect(page).to_have_url(meeting_url)
    moves = page.locator(".govuk-button-group .govuk-button").all_inner_texts()
    assert moves == ["Close the meeting", "Go to the discussion"]
    assert_accessible(page)
    follow(page.get_by_role("link", name="Add an action"))
    expect(page).to_have_url(f"{meeting_url}actions/add/")
    assert heading(page) == "Add an action"
    assert_accessible(page)
    page.get_by_label("What needs to be done", exact=True).fill(ACTION)
    page.get_by_label("Owner", exact=True).fill(ACTION_OWNER)
    due = page.get_by_role("group", name="Due by (optional)")
    due.get_by_label("Day").fill("31")
    due.get_by_label("Month").fill("1")
    due.get_by_label("Year").fill("2027")
    follow(page.get_by_role("button", name="Save the action"))
    expect(page).to_have_url(meeting_url)
    assert banner(page) == "Action saved"

    # Closing: every case has a decision, so there is nothing to warn of.
    follow(page.get_by_role("button", name="Close the meeting"))
    expect(page).to_have_url(f"{meeting_url}move/closed/")
    assert heading(page) == f"Close the meeting: {meeting}"
    assert page.locator(".govuk-warning-text__text").inner_text().endswith("This cannot be undone.")
    assert page.locator("main .govuk-list--bullet").count() == 0
    assert_accessible(page)
    follow(page.get_by_role("button", name="Close the meeting"))

    expect(page).to_have_url(meeting_url)
    assert banner(page) == "The meeting is now closed"
    assert page.locator(".govuk-summary-list__value .govuk-tag").first.inner_text() == "Closed"
    assert page.locator(".govuk-button-group .govuk-button").all_inner_texts() == [
        "Go to the discussion"
    ]
    actions = page.get_by_role("region", name="Actions from this meeting")
    assert actions.locator("tbody tr td").all_inner_texts() == [
        ACTION,
        ACTION_OWNER,
        "31 Jan 2027",
        "Open",
    ]
    assert_accessible(page)

    # Case 2 waits on the March agenda.
    page.goto(f"{base}/panels/meetings/{later.pk}/")
    agenda = page.get_by_role("region", name="Agenda")
    assert agenda.locator("tbody tr td").first.inner_text() == "Case 1 Carried over"
    assert_accessible(page)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CLOSED
    assert Action.objects.filter(meeting=meeting).count() == 1
    assert Decision.objects.filter(reviewed_case__meeting=meeting).count() == 6


def closed_meeting():
    from panels.models import Meeting

    return Meeting.objects.get(date="2025-10-15")


def test_planning_follow_up_and_closed_meeting_pages_are_accessible(page, live_server, demo):
    from panels.models import Meeting

    base = live_server.url
    closed = closed_meeting()
    planned = Meeting.objects.get(theme="Hate crime")

    # OPCC staff: the meeting list, planning (with errors), changing a planned meeting.
    sign_in_as(page, base, "olu")
    page.goto(f"{base}/panels/meetings/")
    assert heading(page) == "Meetings"
    assert_accessible(page)
    follow(page.get_by_role("button", name="Plan a meeting"))
    expect(page).to_have_url(f"{base}/panels/meetings/new/")
    assert heading(page) == "Plan a meeting"
    assert_accessible(page)
    follow(page.get_by_role("button", name="Save the meeting"))
    expect(page).to_have_title(re.compile("^Error:\\ "))
    assert error_links(page) == ["Enter the meeting date", "Enter the meeting's theme"]
    assert_accessible(page)

    page.goto(f"{base}/panels/meetings/{planned.pk}/edit/")
    assert heading(page) == "Change the meeting"
    assert page.get_by_label("Theme", exact=True).input_value() == "Hate crime"
    assert_accessible(page)

    # The actions across panels, filtered to those still open.
    page.goto(f"{base}/panels/actions/")
    assert heading(page) == "Actions"
    assert_accessible(page)
    page.get_by_label("Status").select_option(label="Open")
    follow(page.get_by_role("button", name="Show actions"))
    expect(page).to_have_url(f"{base}/panels/actions/?status=open&state=")
    table = page.get_by_role("region", name="Actions")
    assert table.locator("caption").inner_text() == "2 actions"
    statuses = table.locator("tbody tr td:nth-child(4)").all_inner_texts()
    assert statuses == ["Open", "Open"]
    assert_accessible(page)
    page.get_by_label("Overdue", exact=True).check()
    follow(page.get_by_role("button", name="Show actions"))
    expect(page).to_have_url(f"{base}/panels/actions/?status=open&state=overdue")
    assert_accessible(page)

    follow(page.get_by_role("link", name=re.compile(r"^Brief supervisors")))
    assert heading(page) == "Change an action"
    assert page.get_by_label("Owner", exact=True).input_value() == "Force crime registrar"
    assert_accessible(page)

    # The closed meeting's record: who attended and a note (with its errors).
    page.goto(f"{base}/panels/meetings/{closed.pk}/attendance/")
    assert heading(page) == "Who attended"
    assert_accessible(page)
    page.goto(f"{base}/panels/meetings/{closed.pk}/notes/add/")
    assert heading(page) == "Add a note: observation, good practice or learning"
    assert_accessible(page)
    follow(page.get_by_role("button", name="Save the note"))
    assert error_links(page) == [
        "Select what kind of note it is",
        "Enter the note",
        "Select who may read it",
    ]
    assert_accessible(page)

    # The chair reads the closed meeting's discussion and a decision, no longer editable.
    sign_in_as(page, base, "chris")
    page.goto(f"{base}/panels/meetings/{closed.pk}/discussion/")
    assert heading(page) == f"Discussion: {closed.theme}"
    assert page.get_by_role("link", name=re.compile(r"^(Record|Change) the decision")).count() == 0
    assert_accessible(page)
    page.goto(f"{base}/panels/meetings/{closed.pk}/cases/1/decision/")
    assert heading(page) == "Case 1: the panel's decision"
    expect(
        page.get_by_text("The meeting is closed, so its decisions can no longer be changed.")
    ).to_be_visible()
    assert page.locator("main form").count() == 0
    assert_accessible(page)

    # A member may read the discussion once the ratings are revealed.
    sign_in_as(page, base, "mina")
    page.goto(f"{base}/panels/meetings/{closed.pk}/")
    follow(page.get_by_role("button", name="Go to the discussion"))
    expect(page).to_have_url(f"{base}/panels/meetings/{closed.pk}/discussion/")
    matrix = page.get_by_role("region", name="Every member's rating")
    assert matrix.locator("tbody tr").count() == 10
    assert page.get_by_role("link", name=re.compile(r"^(Record|Change) the decision")).count() == 0
    assert_accessible(page)
