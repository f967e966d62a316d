"""A report published in Welsh and English: a visitor reads the Welsh version, follows its
link to the English one and back, and both pass axe at desktop and phone widths."""

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

    users = get_user_model().objects.in_bulk(["olu", "nia"], field_name="username")
    meeting = Meeting.objects.get(panel__slug="victims-code", status="closed")
    report = services.report_generate(meeting=meeting, by=users["olu"])
    services.report_submit(report=report, by=users["olu"])
    services.report_approve(report=report, by=users["nia"])
    services.report_publish(report=report, by=users["olu"])
    english = f"{live_server.url}/findings/victims-code/{report.slug}/"

    page.goto(f"{english}cy/")
    expect(page.locator("article.app-report[lang=cy]")).to_be_visible()
    expect(page.get_by_role("heading", name="Canfyddiadau cyfarfod y panel")).to_be_visible()
    assert_accessible(page, widths=(DESKTOP, PHONE))

    with page.expect_navigation():
        page.get_by_role("link", name="Read this report in English").click()
    assert page.url == english
    expect(page.locator("article.app-report[lang=en-GB]")).to_be_visible()
    assert_accessible(page, widths=(DESKTOP, PHONE))
    expect(page.get_by_role("link", name="Darllen yr adroddiad hwn yn Gymraeg")).to_be_visible()
