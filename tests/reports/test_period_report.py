"""A panel's period report: its published meetings combined, approved and published."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cases.models import Case
from panels.enums import ActionStatus
from panels.models import Action, ReviewedCase
from reports import disclosure, services
from reports.presenters import period_report
from tests import factories
from tests.reports.conftest import approve, closed_meeting, publish, write

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

    page = client.get(f"/en/findings/{two_published.slug}/{report.slug}/").content.decode()
    csv_text = client.get(f"/en/findings/{two_published.slug}/{report.slug}/figures.csv").content

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


def test_the_disclosure_check_searches_every_meeting_of_the_period(two_published, olu, nia):
    report = services.report_generate_period(
        panel=two_published, start=YEAR[0], end=YEAR[1], by=olu
    )
    later = ReviewedCase.objects.filter(meeting__date=datetime.date(2026, 9, 9)).first().case
    earlier = ReviewedCase.objects.filter(meeting__date=datetime.date(2026, 3, 4)).first().case
    narrative = (
        "The suspect sent eleven messages over four nights to the victim's work phone and "
        "then waited outside the office on two occasions."
    )
    Case.objects.filter(pk=earlier.pk).update(facts_at_decision=narrative)
    member = factories.MembershipFactory(
        panel=two_published, user__first_name="Chris", user__last_name="Carter"
    )
    copied = " ".join(narrative.split()[2:14])
    write(
        report,
        f"As case {later.reference} showed, {copied}. Chaired by {member.user.get_full_name()}.",
        by=olu,
    )

    assert sorted(f.kind for f in disclosure.check(report)) == [
        "case_reference",
        "member_name",
        "narrative",
    ]
    approve(report, author=olu, approver=nia)
    with pytest.raises(ValidationError, match="disclosure check found 3 things"):
        services.report_publish(report=report, by=olu)
