"""A panel's period report: its published meetings combined, approved and published."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from panels.enums import ActionStatus
from panels.models import Action
from reports import services
from reports.presenters import period_report
from tests.reports.conftest import closed_meeting, publish

pytestmark = pytest.mark.django_db

YEAR = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


@pytest.fixture
def two_published(olu, nia):
    first = closed_meeting(
        {"consistent-with-observations": 2, "inconsistent": 3},
        date=datetime.date(2026, 3, 4),
        themes={1: ["no-clear-admission"], 3: ["no-clear-admission"], 4: ["gravity-score-missing"]},
    )
    second = closed_meeting(
        {"consistent": 1, "inconsistent": 1},
        date=datetime.date(2026, 9, 9),
        panel=first.panel,
        themes={2: ["no-clear-admission"]},
    )
    for meeting in (first, second):
        Action.objects.create(
            meeting=meeting,
            description="Brief officers.",
            owner="Force lead",
            status=ActionStatus.OPEN,
        )
        publish(services.report_generate(meeting=meeting, by=olu), author=olu, approver=nia)
    return first.panel


def test_a_period_combines_the_published_meetings(two_published, olu):
    report = services.report_generate_period(
        panel=two_published, start=YEAR[0], end=YEAR[1], by=olu
    )

    presented = period_report(report)

    assert [m.counts for m in presented.meetings] == [[0, 2, 3, 0], [1, 0, 1, 0]]
    assert presented.totals == [1, 2, 4, 0]
    assert presented.themes == [("No clear admission", 2, 3)]
    assert (len(presented.actions_opened), len(presented.actions_closed)) == (2, 0)


def test_a_period_report_is_published_like_a_meeting_report(client, two_published, olu, nia):
    report = services.report_generate_period(
        panel=two_published, start=YEAR[0], end=YEAR[1], by=olu
    )
    version = publish(report, author=olu, approver=nia)

    page = client.get(f"/findings/{two_published.slug}/{report.slug}/").content.decode()
    csv_text = client.get(f"/findings/{two_published.slug}/{report.slug}/figures.csv").content

    assert version.year == 2026 and version.meeting_date is None
    assert "covering 7 cases" in page
    assert b"category,3,Inconsistent with Police Policy,4," in csv_text


def test_a_period_without_published_meetings_is_refused(two_published, olu):
    with pytest.raises(ValidationError, match="no published meeting reports"):
        services.report_generate_period(
            panel=two_published,
            start=datetime.date(2020, 1, 1),
            end=datetime.date(2020, 12, 31),
            by=olu,
        )
    with pytest.raises(ValidationError):
        services.report_generate_period(panel=two_published, start=YEAR[1], end=YEAR[0], by=olu)


def test_the_period_form_page(client, two_published, olu):
    client.force_login(olu)

    response = client.post(
        "/reports/periods/new/",
        {"panel": two_published.pk, "start": "2026-01-01", "end": "nonsense"},
    )

    assert "Enter the last day as a real date" in response.content.decode()
    response = client.post(
        "/reports/periods/new/",
        {"panel": two_published.pk, "start": "2026-01-01", "end": "2026-12-31"},
    )
    assert response.status_code == 302
