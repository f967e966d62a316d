"""A findings report from draft to the public site, in Chromium.

Olu drafts the October meeting's report, rewords its theme background and sends it for
approval; Nia approves and publishes it; a visitor who is not signed in finds it from
the home page, reads it, and downloads its PDF and its figures. Every page visited is
checked with axe at desktop and phone widths.
"""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_in_as

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BACKGROUND = "Stalking is a pattern of **fixated and obsessive** behaviour."


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def follow(target) -> None:
    with target.page.expect_navigation():
        target.click()


def test_a_report_is_drafted_approved_published_and_read(page: Page, live_server, demo):
    base = live_server.url
    sign_in_as(page, base, "olu")
    follow(page.get_by_role("link", name="Reports", exact=True))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Write the findings report for Adult Out of Court"))
    assert_accessible(page)
    assert "8 cases were inconsistent with Policy" in page.locator("main").inner_text()

    follow(page.get_by_role("link", name="Change Stalking or Harassment"))
    assert_accessible(page)
    page.get_by_label("Text", exact=True).fill(BACKGROUND)
    follow(page.get_by_role("button", name="Save"))
    follow(page.get_by_role("link", name="Merge or reword reasons: Inconsistent"))
    assert_accessible(page)
    follow(page.get_by_role("link", name="Back to the report"))
    follow(page.get_by_role("link", name="Preview the report as the public will see it"))
    assert page.locator("main strong", has_text="fixated and obsessive").count() == 1
    assert_accessible(page)
    follow(page.get_by_role("link", name="Back to the report"))
    follow(page.get_by_role("button", name="Send for approval"))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Send for approval"))
    report_url = page.url

    sign_in_as(page, base, "nia")
    page.goto(report_url)
    follow(page.get_by_role("button", name="Approve the report"))
    follow(page.get_by_role("button", name="Approve the report"))
    follow(page.get_by_role("button", name="Publish the report"))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Publish the report"))
    assert page.locator(".govuk-notification-banner").inner_text().find("published") >= 0

    page.context.clear_cookies()
    page.goto(f"{base}/")
    assert_accessible(page)
    follow(page.get_by_role("button", name="Read the published findings"))
    assert_accessible(page)
    follow(page.get_by_role("link", name="Adult Out of Court Resolutions Scrutiny Panel"))
    assert_accessible(page)
    text = page.locator("main").inner_text()
    assert "The panel was of the view that 8 cases were inconsistent with Policy" in text
    assert "fixated and obsessive" in text
    assert "PDF, " in page.locator("#pdf-metadata").inner_text()

    pdf_link = page.locator("#pdf-metadata").locator("xpath=..").get_by_role("link").first
    pdf = page.request.get(base + pdf_link.get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
    figures = page.request.get(
        base + page.get_by_role("link", name="Figures (CSV)").get_attribute("href")
    )
    rows = list(csv.DictReader(io.StringIO(figures.text())))
    assert [r["cases"] for r in rows if r["record"] == "category"] == ["0", "2", "8", "0"]
    follow(page.get_by_role("link", name="What the files contain"))
    assert_accessible(page)


def test_disclosure_findings_lead_to_the_text_and_the_author_gets_no_approve_button(
    page: Page, live_server, demo
):
    from panels.enums import MeetingStatus
    from panels.models import Meeting
    from reports import services
    from reports.enums import SectionKey

    olu = demo["users"]["olu"]
    meeting = Meeting.objects.filter(status=MeetingStatus.CLOSED, report__isnull=True).first()
    report = services.report_generate(meeting=meeting, by=olu)
    reference = meeting.reviewed_cases.first().case.reference
    services.section_save(
        report=report,
        key=SectionKey.WHY,
        heading="Why",
        body=f"As case {reference} showed.",
        by=olu,
        version=report.version,
    )
    sign_in_as(page, live_server.url, "olu")
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    assert_accessible(page)

    fix = page.locator("#disclosure ~ dl").get_by_role("link", name="Fix the text")
    follow(fix)

    assert page.url.endswith(f"/reports/{report.pk}/sections/why/#id_body")
    assert reference in page.get_by_label("Text", exact=True).input_value()
    assert_accessible(page)

    page.get_by_label("Text", exact=True).fill("As one case showed.")
    follow(page.get_by_role("button", name="Save"))
    follow(page.get_by_role("button", name="Send for approval"))
    follow(page.get_by_role("button", name="Send for approval"))
    main = page.locator("main")
    assert main.get_by_role("button", name="Approve the report").count() == 0
    assert "someone else must approve it" in main.inner_text()
    assert "sent it for approval" in main.inner_text()


def test_findings_per_right_read_well_and_editors_choose_them(page: Page, live_server, demo):
    from panels.models import Meeting
    from reports import services

    users = get_user_model().objects.in_bulk(["olu", "nia"], field_name="username")
    olu, nia = users["olu"], users["nia"]
    meeting = Meeting.objects.get(panel__slug="victims-code", status="closed")
    report = services.report_generate(meeting=meeting, by=olu)
    services.report_submit(report=report, by=olu)
    services.report_approve(report=report, by=nia)
    services.report_publish(report=report, by=olu)
    base = live_server.url
    page.goto(f"{base}/en/findings/victims-code/{report.slug}/")
    section = page.locator("#criteria")
    expect(
        section.get_by_role("heading", name="Findings on each of the victims' rights")
    ).to_be_visible()
    expect(
        section.get_by_text("was met in 4 of 4 cases where it applied (100%).").first
    ).to_be_visible()
    assert section.locator("svg[role=img] title").text_content().startswith("The panel's answers")
    assert_accessible(page)

    services.report_correct(report=report, by=olu)
    sign_in_as(page, base, "olu")
    page.goto(f"{base}/reports/{report.pk}/")
    follow(page.get_by_role("link", name="Change the findings on each of the victims' rights"))
    assert_accessible(page)
    page.get_by_label(
        "11. To be given information about the offender following a conviction"
    ).uncheck()
    page.get_by_label("Sentences only").check()
    follow(page.get_by_role("button", name="Save"))
    expect(page.get_by_text("11 of 12, as sentences only")).to_be_visible()
    follow(page.get_by_role("link", name="Preview the report as the public will see it"))
    assert page.locator("#criteria table").count() == 0
    assert "Right 11 " not in page.locator("#criteria").inner_text()
    assert_accessible(page)
