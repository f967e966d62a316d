"""One journey per role through the real pages, on the demo data, at desktop width.

Each journey does that role's work from its home page. Every page it lands on is checked
by `Journey`: no axe-core violations and no sideways scrolling, at desktop width and again
at phone width (the same page narrowed in place), and vnu reads its markup.
Each test ends by asserting the pages it went through, so the checks are seen to run.
"""

import csv
import io
import json
import re

import frictionless
import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.conftest import answer_open_criteria
from tests.browser.journeys import Journey

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SUBMITTED_REASONS = "The apology was the only condition and the course was not arranged."
DRAFT_REASONS = "The victim's views were asked for after the outcome was chosen."
COMMENT = "The officer can explain why the course was not arranged."
DECISION_REASONS = "The panel agreed the resolution was right but the conditions were thin."
NOTE = "Officers recorded the victim's views clearly in every case."
ACTION = "Remind officers to arrange courses before a Community Resolution is given."
ACTION_OWNER = "Force OoCR lead"
SECTION_TEXT = "Stalking is a pattern of **fixated and obsessive** behaviour."
PLANNED_THEME = "Youth cautions"
# Planted in an extract's facts: the privacy screen must find it before anything is stored.
PLANTED_EMAIL = "j.bloggs@example.org"


@pytest.fixture
def journey(page: Page, live_server) -> Journey:
    return Journey(page, live_server.url)


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"


# Set-up through the services, for what the demo does not hold ------------------------


def open_meeting():
    from panels.enums import MeetingStatus
    from panels.models import Meeting

    return Meeting.objects.select_related("panel__framework").get(status=MeetingStatus.RATING_OPEN)


def user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def rate(meeting, username: str, categories: dict[int, str]) -> None:
    """Declare no conflict and submit a rating per case position, as the rating page would."""
    from panels.models import ConflictDeclaration, Rating
    from panels.rating.services import RatingInput, conflict_declare, rating_save

    member = user(username)
    framework = meeting.panel.framework
    criteria = list(framework.criteria.values_list("code", flat=True))
    for position, code in categories.items():
        reviewed = meeting.reviewed_cases.get(position=position)
        category = framework.categories.get(code=code)
        declared = ConflictDeclaration.objects.filter(
            reviewed_case=reviewed, membership__user=member, superseded_at__isnull=True
        )
        if not declared.exists():
            conflict_declare(reviewed_case=reviewed, user=member, has_conflict=False)
        rating_save(
            reviewed_case=reviewed,
            user=member,
            data=RatingInput(
                category=category,
                reasons="Rated before the meeting." if category.requires_reasons else "",
                assessments={c: ("met", "") for c in criteria},
            ),
            submit=True,
            version=Rating.objects.filter(reviewed_case=reviewed, membership__user=member)
            .values_list("version", flat=True)
            .first()
            or 0,
        )


def decide(meeting, positions) -> None:
    from panels.meetings.services import DecisionInput, decision_record

    consistent = meeting.panel.framework.categories.get(code="consistent")
    for position in positions:
        decision_record(
            reviewed_case=meeting.reviewed_cases.get(position=position),
            by=user("chris"),
            data=DecisionInput(category=consistent),
            version=0,
        )


def task_status(page: Page, meeting, position: int) -> str:
    return page.locator(f"#task-{meeting.pk}-{position}-status").inner_text().strip()


def progress_text(page: Page, meeting) -> str:
    return page.locator(f"#progress-{meeting.pk}").inner_text().strip()


def case_link(page: Page, position: int):
    return page.locator("main").get_by_role("link", name=re.compile(rf"^Case {position}:"))


def declare_no_conflict(journey: Journey) -> None:
    journey.page.get_by_label("I have no conflict of interest").check()
    journey.follow(journey.page.get_by_role("button", name="Continue"))


def draw_sample(journey: Journey, *, size: int, limit: int = 8) -> int:
    """Answer the sample's questions page by page, keeping what each page suggests, until
    the sample is drawn; returns how many of its pages were seen."""
    page = journey.page
    for step in range(1, limit + 1):
        size_field = page.get_by_label("How many cases should be drawn?", exact=True)
        if size_field.count():
            size_field.fill(str(size))
        draw = page.get_by_role("button", name="Draw the sample")
        journey.follow(draw if draw.count() else page.get_by_role("button", name="Continue"))
        assert journey.errors() == [], f"step {step} of the draw: {journey.errors()}"
        if "/draw/" not in journey.path:
            return step
    raise AssertionError(f"the sample was not drawn after {limit} pages")


# The journeys ------------------------------------------------------------------------


def test_member_journey_rates_saves_a_draft_and_the_attendee_comments(journey, demo):
    from panels.models import CaseComment, Rating

    meeting = open_meeting()
    page = journey.page
    criteria = list(meeting.panel.framework.criteria.values_list("label", flat=True))

    journey.sign_in("mina")
    assert progress_text(page, meeting) == "1 of 6 cases rated"
    assert task_status(page, meeting, 4) == "Not started"

    # Case 4: the conflict gate, the papers, then a rating with reasons, submitted.
    journey.follow(case_link(page, 4))
    assert journey.heading() == "Case 4: conflict of interest"
    declare_no_conflict(journey)
    assert journey.heading().startswith("Case 4:")
    expect(page.get_by_role("heading", name="Facts at decision")).to_be_visible()
    for label in criteria:
        page.get_by_role("group", name=label, exact=True).get_by_label("Met", exact=True).check()
    outcome = page.get_by_role("group", name="Outcome category")
    outcome.get_by_label("2. Consistent with Police Policy (but with observations").check()
    page.get_by_label("Your reasons").fill(SUBMITTED_REASONS)
    journey.follow(page.get_by_role("button", name="Submit rating"))

    assert journey.path == "/"
    assert journey.banner() == "Your rating of case 4 has been submitted"
    assert progress_text(page, meeting) == "2 of 6 cases rated"
    assert task_status(page, meeting, 4) == "Completed"

    # Case 5: half done, saved as a draft to finish later.
    journey.follow(case_link(page, 5))
    declare_no_conflict(journey)
    outcome = page.get_by_role("group", name="Outcome category")
    outcome.get_by_label("3. Inconsistent with Police Policy").check()
    page.get_by_label("Your reasons").fill(DRAFT_REASONS)
    journey.follow(page.get_by_role("button", name="Save as draft"))
    assert journey.banner() == "Your rating of case 5 has been saved as a draft"
    expect(page.get_by_text("Draft saved")).to_be_visible()
    journey.follow(page.get_by_role("link", name="Back to your cases"))
    assert progress_text(page, meeting) == "2 of 6 cases rated"
    assert task_status(page, meeting, 5) == "In progress"

    # Pat attends without a vote: a comment on case 2, and no rating form.
    journey.sign_in("pat")
    journey.follow(case_link(page, 2))
    declare_no_conflict(journey)
    assert page.locator("#rating-form").count() == 0
    page.get_by_label("Your comment for the panel's discussion").fill(COMMENT)
    journey.follow(page.get_by_role("button", name="Save comment"))
    assert journey.banner() == "Your comment on case 2 has been saved"

    mina = Rating.objects.filter(reviewed_case__meeting=meeting, membership__user__username="mina")
    assert dict(mina.values_list("reviewed_case__position", "status")) == {
        1: "submitted",
        2: "draft",
        4: "submitted",
        5: "draft",
    }
    assert mina.get(reviewed_case__position=4).reasons == SUBMITTED_REASONS
    comment = CaseComment.objects.get(reviewed_case__meeting=meeting, reviewed_case__position=2)
    assert (comment.membership.user.username, comment.text) == ("pat", COMMENT)
    assert Rating.objects.filter(membership__user__username="pat").count() == 0

    case_pages = ["panels:conflict_declare", "panels:case_papers"]
    assert journey.view_names() == [
        "login",
        "home",
        *case_pages,
        "home",
        *case_pages,
        "panels:case_papers",
        "home",
        "login",
        "home",
        *case_pages,
        "panels:case_papers",
    ]
    journey.finish()


def test_chair_journey_reveals_decides_and_closes_the_meeting(journey, demo):
    from django.utils import timezone

    from panels.enums import MeetingStatus
    from panels.models import Action, Decision, Meeting, Observation

    meeting = open_meeting()
    # The meeting's day has come (the demo dates it a week ahead) and rating has closed:
    # the discussion does not start before the meeting's date.
    today = timezone.localdate()
    Meeting.objects.filter(pk=meeting.pk).update(date=today, rating_deadline=None)
    meeting.refresh_from_db()
    # Every voting member's rating is in: Mina rated case 1 in the demo; case 3's
    # split is what the chair should see.
    rate(meeting, "mina", {p: "consistent" for p in (2, 3, 4, 5, 6)})
    rate(meeting, "sam", {1: "consistent", 4: "consistent", 5: "consistent", 6: "consistent"})
    rate(meeting, "chris", {p: "consistent" for p in (1, 2, 4, 5, 6)} | {3: "inconsistent"})
    page = journey.page
    meeting_path = f"/panels/meetings/{meeting.pk}/"

    journey.sign_in("chris")
    chaired = page.get_by_role("table", name="Meetings you chair")
    when = f"{meeting.date.day} {meeting.date:%B %Y}"
    journey.follow(chaired.get_by_role("link", name=f"{meeting.panel.name}, {when}"))
    assert journey.path == meeting_path

    # The reveal.
    journey.follow(page.get_by_role("button", name="Start the discussion"))
    assert journey.heading() == f"Start the discussion: {meeting}"
    journey.follow(page.get_by_role("button", name="Start the discussion"))
    assert journey.path == f"{meeting_path}discussion/"
    assert journey.banner() == "The meeting is now in discussion"
    case_3 = page.locator("section", has=page.locator("#case-3-title"))
    expect(
        case_3.get_by_text("Agreement: 50% of the 2 ratings chose the most common category.")
    ).to_be_visible()
    case_4 = page.locator("section", has=page.locator("#case-4-title"))
    expect(
        case_4.get_by_text("Agreement: 100% of the 3 ratings chose the most common category.")
    ).to_be_visible()

    # A decision with reasons and a theme.
    journey.follow(page.get_by_role("link", name="Record the decision on case 3"))
    assert journey.heading() == "Case 3: the panel's decision"
    decision = page.get_by_role("group", name="The panel's decision")
    decision.get_by_label("2. Consistent with Police Policy (but with observations").check()
    page.get_by_label("The panel's reasons").fill(DECISION_REASONS)
    page.get_by_role("group", name="Themes").get_by_label("Intervention not meaningful").check()
    answer_open_criteria(page)
    journey.follow(page.get_by_role("button", name="Save the decision"))
    assert journey.banner() == "The panel's decision on case 3 has been saved"
    case_3 = page.locator("section", has=page.locator("#case-3-title"))
    assert case_3.locator(".govuk-tag").inner_text() == "Decided: Consistent with observations"

    # The rest are agreed at the table.
    decide(meeting, [1, 2, 4, 5, 6])

    # An observation and an action, from the meeting page.
    journey.follow(page.get_by_role("link", name="Back to the meeting"))
    journey.follow(page.get_by_role("link", name="Add a note"))
    page.get_by_role("group", name="What kind of note is it?").get_by_label("Good practice").check()
    page.get_by_label("The note", exact=True).fill(NOTE)
    who = page.get_by_role("group", name="Who may read it?")
    who.get_by_label("Include it in the published findings").check()
    journey.follow(page.get_by_role("button", name="Save the note"))
    assert journey.path == meeting_path
    journey.follow(page.get_by_role("link", name="Add an action"))
    page.get_by_label("What needs to be done", exact=True).fill(ACTION)
    page.get_by_label("Owner", exact=True).fill(ACTION_OWNER)
    journey.follow(page.get_by_role("button", name="Save the action"))
    assert journey.banner() == "Action saved"

    # Closing.
    journey.follow(page.get_by_role("button", name="Close the meeting"))
    assert journey.heading() == f"Close the meeting: {meeting}"
    journey.follow(page.get_by_role("button", name="Close the meeting"))
    assert journey.banner() == "The meeting is now closed"

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CLOSED
    chosen = Decision.objects.get(reviewed_case__meeting=meeting, reviewed_case__position=3)
    assert (chosen.category.code, chosen.reasons) == (
        "consistent-with-observations",
        DECISION_REASONS,
    )
    assert list(chosen.themes.values_list("slug", flat=True)) == ["intervention-not-meaningful"]
    assert list(Observation.objects.filter(meeting=meeting).values_list("text", flat=True)) == [
        NOTE
    ]
    assert list(Action.objects.filter(meeting=meeting).values_list("owner", flat=True)) == [
        ACTION_OWNER
    ]
    assert journey.view_names() == [
        "login",
        "home",
        "panels:meeting_detail",
        "panels:meeting_move",
        "panels:discussion",
        "panels:decision",
        "panels:discussion",
        "panels:meeting_detail",
        "panels:observation_add",
        "panels:meeting_detail",
        "panels:action_add",
        "panels:meeting_detail",
        "panels:meeting_move",
        "panels:meeting_detail",
    ]
    journey.finish()


def test_opcc_journey_plans_samples_opens_and_publishes_findings(journey, demo):
    from panels.enums import MeetingStatus
    from panels.models import Meeting

    page = journey.page
    oocr = "Adult Out of Court Resolutions Scrutiny Panel"

    # Olu plans a meeting, draws its sample and opens it for rating.
    journey.sign_in("olu")
    journey.menu("Meetings")
    journey.follow(page.get_by_role("button", name="Plan a meeting"))
    page.get_by_label("Panel").select_option(label=oocr)
    date = page.get_by_role("group", name="Meeting date")
    date.get_by_label("Day").fill("14")
    date.get_by_label("Month").fill("7")
    date.get_by_label("Year").fill("2027")
    page.get_by_label("Theme", exact=True).fill(PLANNED_THEME)
    journey.follow(page.get_by_role("button", name="Save the meeting"))
    planned = Meeting.objects.get(theme=PLANNED_THEME)
    assert journey.path == f"/panels/meetings/{planned.pk}/"

    journey.follow(page.get_by_role("button", name="Draw the sample"))
    steps = draw_sample(journey, size=6)
    assert journey.path == f"/panels/meetings/{planned.pk}/"
    assert planned.reviewed_cases.count() == 6

    journey.follow(page.get_by_role("button", name="Open for rating"))
    journey.follow(page.get_by_role("button", name="Open for rating"))
    assert journey.banner() == "The meeting is now open for rating"
    planned.refresh_from_db()
    assert planned.status == MeetingStatus.RATING_OPEN

    # The closed October meeting's findings: drafted, a section reworded, sent on.
    journey.menu("Reports")
    journey.follow(page.get_by_role("button", name=f"Write the findings report for {oocr}"))
    assert "8 cases were inconsistent with Policy" in page.locator("main").inner_text()
    journey.follow(page.get_by_role("link", name="Change Stalking or Harassment"))
    page.get_by_label("Text", exact=True).fill(SECTION_TEXT)
    journey.follow(page.get_by_role("button", name="Save"))
    journey.follow(page.get_by_role("button", name="Send for approval"))
    journey.follow(page.get_by_role("button", name="Send for approval"))
    report_path = journey.path

    # Nia approves it; Olu publishes it.
    journey.sign_in("nia")
    journey.goto(report_path)
    journey.follow(page.get_by_role("button", name="Approve the report"))
    journey.follow(page.get_by_role("button", name="Approve the report"))
    journey.sign_in("olu")
    journey.goto(report_path)
    journey.follow(page.get_by_role("button", name="Publish the report"))
    journey.follow(page.get_by_role("button", name="Publish the report"))
    assert "published" in page.locator(".govuk-notification-banner").inner_text()

    # The public page shows it.
    journey.sign_out()
    journey.goto(reverse("public:report_list"))
    journey.follow(page.get_by_role("link", name=re.compile(rf"^{oocr}")))
    assert "fixated and obsessive" in page.locator("main").inner_text()

    assert journey.view_names() == [
        "login",
        "home",
        "panels:meeting_list",
        "panels:meeting_plan",
        "panels:meeting_detail",
        *["panels:sample_draw"] * steps,
        "panels:meeting_detail",
        "panels:meeting_move",
        "panels:meeting_detail",
        "reports:report_list",
        "reports:report_detail",
        "reports:section_edit",
        "reports:report_detail",
        "reports:report_move",
        "reports:report_detail",
        "login",
        "home",
        "reports:report_detail",
        "reports:report_move",
        "reports:report_detail",
        "login",
        "home",
        "reports:report_detail",
        "reports:report_move",
        "reports:report_detail",
        "public:report_list",
        "public:report",
    ]
    journey.finish()


def test_public_journey_reads_findings_pdf_and_open_data(journey, demo, tmp_path):
    from reports.demo import load_reports

    load_reports(demo["users"])
    page = journey.page

    journey.goto("/")
    journey.follow(page.get_by_role("button", name="Read the published findings"))
    journey.follow(
        page.get_by_role("link", name=re.compile(r"^Adult Out of Court Resolutions Scrutiny"))
    )
    assert journey.heading().startswith("Adult Out of Court Resolutions Scrutiny Panel")
    text = page.locator("main").inner_text()
    assert "The panel was of the view that 8 cases were inconsistent with Policy" in text

    pdf_link = page.locator("#pdf-metadata").locator("xpath=..").get_by_role("link").first
    pdf = page.request.get(journey.base_url + pdf_link.get_attribute("href"))
    assert (pdf.status, pdf.headers["content-type"]) == (200, "application/pdf")
    assert pdf.body().startswith(b"%PDF")

    journey.menu("Published findings")
    open_data = page.get_by_role("link", name="Cases per category, every published meeting (CSV)")
    data = page.request.get(journey.base_url + open_data.get_attribute("href"))
    assert data.status == 200
    assert data.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(data.text())))
    assert len(rows) > 0
    criteria = page.get_by_role(
        "link", name="Findings on each criterion, every published meeting (CSV)"
    )
    rights = page.request.get(journey.base_url + criteria.get_attribute("href")).text()
    assert "To make a Victim Personal Statement" in rights
    package = page.get_by_role("link", name=re.compile(r"^The data package describing them"))
    described = page.request.get(journey.base_url + package.get_attribute("href")).json()
    assert [r["path"] for r in described["resources"]] == [
        "findings-by-category.csv",
        "findings-by-criterion.csv",
    ]
    # The demo's published reports, as downloaded, validate against the package.
    (tmp_path / "datapackage.json").write_text(json.dumps(described))
    for resource in described["resources"]:
        url = f"{journey.base_url}/en/findings/open-data/{resource['path']}"
        (tmp_path / resource["path"]).write_bytes(page.request.get(url).body())
    assert frictionless.validate(tmp_path / "datapackage.json").flatten(["type", "note"]) == []
    journey.follow(page.get_by_role("link", name="What the files contain"))

    assert journey.view_names() == [
        "home",
        "public:report_list",
        "public:report",
        "public:report_list",
        "public:data_dictionary",
    ]
    journey.finish()


def test_data_admin_journey_imports_an_extract_and_browses(journey, demo, tmp_path):
    from cases.models import Case, PrivacyFinding
    from tests.cases.conftest import csv_bytes, row

    extract = tmp_path / "journey-extract.csv"
    extract.write_bytes(
        csv_bytes(
            [
                row("JR-0001", **{"Facts at decision": f"Messages sent; reply to {PLANTED_EMAIL}"}),
                row("JR-0002", **{"Offence": "Shoplifting", "Crime code": "46"}),
            ]
        )
    )
    page = journey.page

    journey.sign_in("alice")
    journey.follow(page.get_by_role("link", name="Import a case extract"))
    page.get_by_label("Which force is this extract from?").select_option(label="Demoshire Police")
    page.get_by_label("Extract file").set_input_files(str(extract))
    journey.follow(page.get_by_role("button", name="Upload and check"))
    expect(page.get_by_text("Email address").first).to_be_visible()
    assert PLANTED_EMAIL not in page.locator("main").inner_text()

    journey.follow(page.get_by_role("link", name=re.compile(r"^Decide")).first)
    assert PLANTED_EMAIL in page.locator("mark").all_inner_texts()
    removal = page.get_by_role("group", name="What should happen to this cell?")
    removal.get_by_label("Remove it", exact=False).check()
    journey.follow(page.get_by_role("button", name="Save decision"))
    journey.follow(page.get_by_role("button", name="Import 2 cases"))
    expect(page.get_by_text("Imported", exact=True).first).to_be_visible()

    imported = Case.objects.get(reference="JR-0001")
    assert PLANTED_EMAIL not in imported.facts_at_decision
    assert list(PrivacyFinding.objects.values_list("status", flat=True)) == ["redacted"]

    # The case, batch, panel and framework pages for daily work.
    journey.goto(reverse("cases:case_list"))
    page.get_by_label("Reference starts with").fill("JR-")
    journey.follow(page.get_by_role("button", name="Show cases"))
    journey.follow(page.locator("main").get_by_role("link", name="JR-0001", exact=True))
    assert journey.heading() == "Case JR-0001"
    assert PLANTED_EMAIL not in page.locator("main").inner_text()
    journey.goto(reverse("cases:batch_list"))
    journey.goto(reverse("panels:panel_list"))
    journey.goto(reverse("panels:framework_list"))

    assert journey.view_names() == [
        "login",
        "home",
        "cases:upload",
        "cases:batch_detail",
        "cases:finding_resolve",
        "cases:batch_detail",
        "cases:batch_detail",
        "cases:case_list",
        "cases:case_list",
        "cases:case_detail",
        "cases:batch_list",
        "panels:panel_list",
        "panels:framework_list",
    ]
    journey.finish()


def test_journey_check_reports_overflow_and_pages_it_did_not_check(browser, live_server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="en-GB")
    page = context.new_page()
    page.skip_markup_check = True  # the image planted below is meant to be wrong
    journey = Journey(page, live_server.url)
    try:
        journey.goto("/")
        # A page wider than the phone, and an image without a text alternative.
        page.evaluate(
            """() => { const wide = document.createElement('div');
                wide.className = 'planted'; wide.textContent = 'wide';
                wide.style.width = '900px'; document.querySelector('main').append(wide);
                document.querySelector('main').append(document.createElement('img')); }"""
        )
        journey.check()
        axe, wide = journey.problems
        assert axe.startswith("/ at 375px: image-alt (critical)")
        assert "DIV.planted: wide" in wide
        # A navigation made around the journey is caught at the next step.
        page.goto(f"{live_server.url}/en/findings/")
        with pytest.raises(AssertionError, match="not checked.*/findings/"):
            journey.goto("/")
        assert journey.view_names() == ["home", "home"]
    finally:
        context.close()
