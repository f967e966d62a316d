"""The demo's published reports are dated after their meetings, as the real ones were."""

import datetime

import pytest
from django.core.management import call_command

from reports.models import PublishedVersion, ReportStatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_reports_carry_their_publication_dates_not_the_day_of_loading(client, demo):
    versions = {
        v.report.panel.slug: v for v in PublishedVersion.objects.select_related("report__panel")
    }

    assert {slug: v.published_at.date() for slug, v in versions.items()} == {
        "adult-oocr": datetime.date(2025, 11, 12),
        "victims-code": datetime.date(2025, 10, 15),
        "stop-search": datetime.date(2025, 12, 17),
    }
    for version in versions.values():
        steps = ReportStatusChange.objects.filter(report=version.report)
        assert all(s.changed_at.date() >= version.meeting_date for s in steps)
    listing = client.get("/findings/").content.decode()
    assert "Published 12 November 2025" in listing and "Published 15 October 2025" in listing
    page = client.get(f"/findings/adult-oocr/{versions['adult-oocr'].report.slug}/")
    assert "12 November 2025" in page.content.decode()


def test_demo_stop_search_report_speaks_of_stop_and_search_only(client, demo):
    version = PublishedVersion.objects.get(report__panel__slug="stop-search")

    page = client.get(f"/findings/stop-search/{version.report.slug}/").content.decode()

    assert "What is stop and search?" in page
    assert "If you have been stopped and searched" in page
    assert "Out of Court" not in page and "OoCR" not in page
    assert "Concerns were found in three of the four searches of Black people" in page
