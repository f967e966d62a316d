"""The force's own figures and a report's figures, in Chromium: Olu records a figure (a
percentage over 100 refused first), opens the import page, chooses a draft's shares, a
field to count by and the figure, and previews the report; the period form offers
periods by name.
Every page visited is checked with axe at desktop and phone widths."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page

from panels.models import Meeting
from reports import services
from reports.enums import ReportStatus
from reports.models import FindingsReport
from reports.publishing import freeze
from tests.browser.conftest import assert_accessible, sign_in_as

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def follow(target) -> None:
    with target.page.expect_navigation():
        target.click()


def test_force_figures_are_recorded_and_shown_beside_the_findings(page: Page, live_server, demo):
    base = live_server.url
    sign_in_as(page, base, "olu")
    follow(page.get_by_role("link", name="Reports", exact=True))
    follow(page.get_by_role("link", name="The force's own figures"))
    assert_accessible(page)

    follow(page.get_by_role("link", name="Add a figure"))
    assert_accessible(page)
    page.get_by_label("Period from").fill("2023-01-01")
    page.get_by_label("Period to").fill("2023-12-31")
    page.get_by_label("What was counted", exact=True).fill("Community resolutions")
    page.get_by_label("What was counted (Welsh)").fill("Datrysiadau cymunedol")
    page.get_by_label("Number").fill("2,452")
    page.get_by_label("Percentage (optional)").fill("265")
    page.get_by_label("Source", exact=True).fill("Home Office crime outcomes statistics, 2023")
    page.get_by_label("Source (Welsh)").fill("Ystadegau canlyniadau troseddau'r Swyddfa Gartref")
    follow(page.get_by_role("button", name="Save the figure"))
    assert "Enter a percentage of 100 or less" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Percentage (optional)").fill("2.65")
    follow(page.get_by_role("button", name="Save the figure"))
    assert "2,452" in page.locator("main").inner_text()

    follow(page.get_by_role("link", name="Import figures from a CSV file"))
    assert_accessible(page)

    follow(page.get_by_role("link", name="The force's own figures"))
    follow(page.get_by_role("link", name="All findings reports"))
    follow(page.get_by_role("button", name="Write the findings report for Adult Out of Court"))
    follow(page.get_by_role("link", name="Change the figures shown"))
    assert_accessible(page)
    page.get_by_label("Show each category's share").check()
    page.get_by_label("Count the decisions by a field of the record").select_option(
        label="Outcome type"
    )
    page.get_by_label("Community resolutions, 1 January 2023").check()
    follow(page.get_by_role("button", name="Save"))
    follow(page.get_by_role("link", name="Preview the report as the public will see it"))
    main = page.locator("main").inner_text()
    assert "8 of 10 cases (80%)" in main
    assert "Home Office crime outcomes statistics, 2023" in main
    assert_accessible(page)


def test_the_period_form_offers_years_and_quarters_by_name(page: Page, live_server, demo):
    base = live_server.url
    sign_in_as(page, base, "olu")
    page.goto(f"{base}/reports/periods/new/")

    offered = page.get_by_label("Period", exact=True).locator("option").all_inner_texts()
    assert "Q1 2025/26 (1 Apr 2025 to 30 Jun 2025)" in offered
    assert_accessible(page)


def test_a_period_report_compares_with_the_period_before(page: Page, live_server, demo):
    """The demo's closed OoCR meeting (15 October 2025), frozen as published, makes a
    period report for Q3 2025/26 whose preview compares it with Q2."""
    olu, nia = (get_user_model().objects.get(username=name) for name in ("olu", "nia"))
    meeting = Meeting.objects.get(date=datetime.date(2025, 10, 15), status="closed")
    report = services.report_generate(meeting=meeting, by=olu)
    services.report_submit(report=report, by=olu)
    services.report_approve(report=report, by=nia)
    version = freeze(report=report, by=olu, change_note="")
    FindingsReport.objects.filter(pk=report.pk).update(
        current_version=version, status=ReportStatus.PUBLISHED
    )
    base = live_server.url
    sign_in_as(page, base, "olu")
    page.goto(f"{base}/reports/periods/new/")

    page.get_by_label("Period", exact=True).select_option(
        label="Q3 2025/26 (1 Oct 2025 to 31 Dec 2025)"
    )
    follow(page.get_by_role("button", name="Write the period report"))
    assert "findings for Q3 2025/26" in page.locator("h1").inner_text()
    follow(page.get_by_role("link", name="Preview the report as the public will see it"))

    main = page.locator("main").inner_text()
    assert "Compared with the period before" in main
    assert "nothing to compare with" in main
    assert "Too few cases to compare" in main
    assert_accessible(page)
