"""A report published in Welsh and English: a visitor reads the Welsh version under /cy/,
follows its link to the English one under /en/ and back, and both pass axe at desktop and
phone widths."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("welsh"),
]


@pytest.fixture(autouse=True)
def stored_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUBLISH_LANGUAGES = ("en", "cy")


def test_the_welsh_and_english_versions_link_to_each_other(page: Page, live_server, demo):
    from panels.models import Meeting
    from reports import services
    from tests.reports.conftest import publish

    users = get_user_model().objects.in_bulk(["olu", "nia"], field_name="username")
    meeting = Meeting.objects.get(panel__slug="victims-code", status="closed")
    report = services.report_generate(meeting=meeting, by=users["olu"])
    publish(report, author=users["olu"], approver=users["nia"])
    english = f"{live_server.url}/en/findings/victims-code/{report.slug}/"
    welsh = f"{live_server.url}/cy/findings/victims-code/{report.slug}/"

    page.goto(welsh)
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("article.app-report[lang=cy]")).to_be_visible()
    expect(page.get_by_role("heading", name="Canfyddiadau cyfarfod y panel")).to_be_visible()
    # The title generated in Welsh, on the page and in its <title>.
    welsh_title = f"{meeting.panel.name_cy}: canfyddiadau'r cyfarfod ar 17 Medi 2025"
    expect(page.get_by_role("heading", level=1)).to_have_text(welsh_title)
    expect(page).to_have_title(re.compile(f"^{re.escape(welsh_title)} – "))
    assert_accessible(page, widths=(DESKTOP, PHONE))

    with page.expect_navigation():
        page.get_by_role("link", name="Read this report in English").click()
    assert page.url == english
    expect(page.locator("article.app-report[lang=en-GB]")).to_be_visible()
    assert_accessible(page, widths=(DESKTOP, PHONE))
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")

    with page.expect_navigation():
        page.get_by_role("link", name="Darllen yr adroddiad hwn yn Gymraeg").click()
    assert page.url == welsh


def test_a_report_published_in_english_only_says_so_on_its_welsh_address(
    page: Page, live_server, demo, settings
):
    from panels.models import Meeting
    from reports import services
    from tests.reports.conftest import publish

    settings.PUBLISH_LANGUAGES = ("en",)
    users = get_user_model().objects.in_bulk(["olu", "nia"], field_name="username")
    meeting = Meeting.objects.filter(status="closed").exclude(panel__slug="victims-code").first()
    report = services.report_generate(meeting=meeting, by=users["olu"])
    publish(report, author=users["olu"], approver=users["nia"])

    page.goto(f"{live_server.url}/cy/findings/{report.panel.slug}/{report.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("#english-only")).to_have_text(
        "Cyhoeddwyd yr adroddiad hwn yn Saesneg yn unig."
    )
    expect(page.locator("article.app-report[lang=en-GB]")).to_be_visible()
    assert_accessible(page, widths=(DESKTOP, PHONE))
