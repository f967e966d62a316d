"""A period report compares its shares of cases with the period before of equal length."""

import datetime

import pytest
from django.urls import reverse

from panels.models import Action
from reports import services
from reports.models import FindingsReport
from reports.presenters import period_report
from tests.reports.conftest import closed_meeting, publish

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def two_years(olu, nia):
    """2025: 10 cases, 3 inconsistent (30%). 2026: 12 cases, 8 inconsistent (67%)."""
    earlier = closed_meeting({"consistent": 7, "inconsistent": 3}, date=D(2025, 5, 6))
    later = closed_meeting(
        {"consistent": 4, "inconsistent": 8}, date=D(2026, 5, 6), panel=earlier.panel
    )
    Action.objects.create(
        meeting=later, description="Brief officers.", owner="Force lead", due_date=D(2026, 6, 1)
    )
    for meeting in (earlier, later):
        publish(services.report_generate(meeting=meeting, by=olu), author=olu, approver=nia)
    return earlier.panel


def _year(panel, olu):
    return services.report_generate_period(
        panel=panel, start=D(2026, 1, 1), end=D(2026, 12, 31), by=olu
    )


def test_a_period_shows_each_share_and_its_change_from_the_year_before(two_years, olu):
    presented = period_report(_year(two_years, olu))

    rows = [(row.words, before, change.words) for row, before, change in presented.comparison_rows]
    assert rows == [
        ("4 of 12 cases (33%)", "7 of 10 cases (70%)", "Down 37 percentage points"),
        ("0 of 12 cases (0%)", "0 of 10 cases (0%)", "No change"),
        ("8 of 12 cases (67%)", "3 of 10 cases (30%)", "Up 37 percentage points"),
        ("0 of 12 cases (0%)", "0 of 10 cases (0%)", "No change"),
    ]
    assert (presented.before.start, presented.before.end) == (D(2025, 1, 1), D(2025, 12, 31))
    assert [a.description for a in presented.actions_overdue] == ["Brief officers."]


def test_below_the_threshold_the_page_says_too_few_cases_to_compare(
    client, settings, two_years, olu
):
    settings.REPORT_COMPARE_MIN_CASES = 11  # the year before decided 10
    report = _year(two_years, olu)
    client.force_login(olu)

    page = client.get(reverse("reports:report_preview", args=[report.pk])).content.decode()

    assert page.count("Too few cases to compare") == 4
    assert "percentage points" not in page


def test_the_published_figures_freeze_the_comparison(two_years, olu, nia):
    report = _year(two_years, olu)
    version = publish(report, author=olu, approver=nia)

    inconsistent = version.figures["previous_period"]["categories"][2]
    assert inconsistent == {
        "position": 3,
        "cases": 3,
        "percent": 30,
        "change_points": 37,
        "too_few_to_compare": False,
    }
    assert version.figures["categories"][2]["percent"] == 67


def test_a_period_is_chosen_by_name(client, two_years, olu):
    client.force_login(olu)

    response = client.post(
        reverse("reports:period_new"),
        {"panel": two_years.pk, "period": "2026-04-01_2027-03-31"},
    )

    report = FindingsReport.objects.get(kind="period")
    assert response.status_code == 302
    assert report.title == f"{two_years.name}: findings for 2026/27"
    assert (report.period_start, report.period_end) == (D(2026, 4, 1), D(2027, 3, 31))


def test_a_period_with_no_published_meetings_says_so(client, two_years, olu):
    client.force_login(olu)

    response = client.post(
        reverse("reports:period_new"),
        {"panel": two_years.pk, "start": "2020-01-01", "end": "2020-03-31"},
    )

    assert response.status_code == 200
    assert "no published meeting reports in that period (1 January 2020 to 31 March 2020)" in (
        response.content.decode()
    )
    assert not FindingsReport.objects.filter(kind="period").exists()


def test_a_period_without_dates_or_a_name_names_the_fields(client, two_years, olu):
    client.force_login(olu)

    response = client.post(reverse("reports:period_new"), {"panel": two_years.pk})

    assert response.context["form"].errors == {
        "start": ["Enter the first day of the period, or choose a period"],
        "end": ["Enter the last day of the period, or choose a period"],
    }
