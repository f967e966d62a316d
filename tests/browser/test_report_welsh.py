"""A report published in Welsh too, in Chromium: Olu is shown which texts still need
their Welsh before sending it for approval; Nia reads English and Welsh side by side.
Every page is checked with axe."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_in_as
from tests.reports.conftest import give_bullets_welsh

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def give_welsh(report) -> None:
    """A Welsh version for every public text of the report, as an editor would add."""
    from panels.models import Action, Observation

    for section in report.sections.all():
        section.heading_cy, section.body_cy = f"Cymraeg: {section.heading}", "Testun Cymraeg."
        section.save()
    report.panel.public_description_cy = "Disgrifiad Cymraeg."
    report.panel.save()
    Observation.objects.filter(meeting=report.meeting).update(text_cy="Sylw Cymraeg.")
    Action.objects.filter(meeting=report.meeting).update(
        description_cy="Cam Cymraeg.", owner_cy="Perchennog Cymraeg."
    )
    give_bullets_welsh(report)


def test_welsh_is_asked_for_before_approval_and_read_beside_the_english(
    page: Page, live_server, demo, settings
):
    from panels.models import Meeting
    from reports import services

    settings.PUBLISH_LANGUAGES = ("en", "cy")
    users = get_user_model().objects.in_bulk(["olu", "nia"], field_name="username")
    meeting = Meeting.objects.get(panel__slug="victims-code", status="closed")
    report = services.report_generate(meeting=meeting, by=users["olu"])
    base = live_server.url

    sign_in_as(page, base, "olu")
    page.goto(f"{base}/reports/{report.pk}/move/submit/")
    expect(page.locator("#problems").get_by_text("has no Welsh version.").first).to_be_visible()
    assert_accessible(page)
    # The title's own page, where its Welsh is written beside the English.
    page.goto(f"{base}/reports/{report.pk}/title/")
    expect(page.get_by_label("Title (Welsh)", exact=True)).to_have_value(report.title_cy)
    assert_accessible(page)
    # The closed meeting's page still takes its theme's Welsh, and that alone.
    page.goto(f"{base}/panels/meetings/{meeting.pk}/edit/")
    expect(page.get_by_label("Theme (Welsh)", exact=True)).to_have_value("Stelcio neu Aflonyddu")
    expect(page.get_by_label("Theme", exact=True)).to_have_count(0)
    assert_accessible(page)

    give_welsh(report)
    services.report_submit(report=report, by=users["olu"])
    sign_in_as(page, base, "nia")
    page.goto(f"{base}/reports/{report.pk}/move/approve/")
    table = page.locator("#welsh-side-by-side")
    expect(table.get_by_role("columnheader", name="Cymraeg")).to_be_visible()
    expect(table.get_by_text("Testun Cymraeg.").first).to_be_visible()
    assert_accessible(page)
