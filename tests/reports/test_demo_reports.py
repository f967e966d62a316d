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


def test_demo_victims_code_report_gives_findings_per_right(client, demo):
    version = PublishedVersion.objects.get(report__panel__slug="victims-code")
    rows = {row["code"]: row for row in version.figures["criteria"]}

    page = client.get(f"/findings/victims-code/{version.report.slug}/").content.decode()

    # Cases 5 and 6 did not record the information given when reporting: 4 of 6.
    assert (
        rows["information-when-reporting"]["numerator"],
        rows["information-when-reporting"]["denominator"],
    ) == (4, 6)
    # Cases 2 and 6 had no trial: the right applied in 4.
    assert (rows["trial-information"]["numerator"], rows["trial-information"]["denominator"]) == (
        4,
        4,
    )
    assert rows["trial-information"]["not_applicable"] == 2
    assert (
        "Right 3 (to be provided with information when reporting the crime) was met in 4 of 6 "
        "cases where it applied (67%)."
    ) in page
    assert "was met in 4 of 4 cases where it applied (100%)." in page
    assert (
        "Right 6 (to be provided with information about the investigation and prosecution) "
        "was met in 5 of 6 cases where it applied (83%)."
    ) in page
