"""The theme section's page: a period report has no meeting, so no meeting theme; a
meeting report names its meeting's theme, as text."""

import datetime

import pytest

from reports import services
from reports.enums import SectionKey
from tests.reports.conftest import closed_meeting, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def period_report(olu, nia):
    meeting = closed_meeting({"consistent": 1}, date=datetime.date(2026, 3, 4))
    publish(services.report_generate(meeting=meeting, by=olu), author=olu, approver=nia)
    return services.report_generate_period(
        panel=meeting.panel,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 12, 31),
        by=olu,
    )


def test_a_period_reports_themes_section_opens_without_a_meeting_theme(client, olu, period_report):
    client.force_login(olu)
    url = f"/reports/{period_report.pk}/sections/theme_background/"

    page = client.get(url)

    assert page.status_code == 200
    body = page.content.decode()
    assert "The period&#x27;s themes" in body or "The period's themes" in body
    assert 'name="keep"' not in body


def test_a_period_reports_themes_section_saves(client, olu, period_report):
    client.force_login(olu)
    url = f"/reports/{period_report.pk}/sections/theme_background/"

    response = client.post(
        url,
        {
            "version": period_report.version,
            "heading": "The year's themes",
            "body": "Admissions were often not recorded.",
            "keep": "on",
        },
    )

    assert response.status_code == 302
    section = period_report.sections.get(key=SectionKey.THEME_BACKGROUND)
    assert section.body == "Admissions were often not recorded."


def test_a_meeting_theme_carrying_html_is_shown_as_text_on_its_section_page(client, olu):
    meeting = closed_meeting({"consistent": 1})
    meeting.theme = "<img src=x onerror=alert(1)>"
    meeting.save()
    report = services.report_generate(meeting=meeting, by=olu)
    client.force_login(olu)

    body = client.get(f"/reports/{report.pk}/sections/theme_background/").content.decode()

    assert "<img src=x" not in body
    assert "future meetings on “&lt;img src=x onerror=alert(1)&gt;”" in body
