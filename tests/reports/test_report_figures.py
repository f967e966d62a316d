"""A report's figures as its editor chose them: shares of the cases decided, the decisions
counted by a field of the record, and the force's own figures with their source; frozen
when published."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import RecordField
from reports import disclosure, services
from reports.display.services import report_figures_save
from reports.models import ForceFigure
from tests import factories
from tests.reports.conftest import closed_meeting, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(panel, olu):
    """Ten cases: 2 consistent with observations, 8 inconsistent."""
    meeting = closed_meeting({"consistent-with-observations": 2, "inconsistent": 8}, panel=panel)
    return services.report_generate(meeting=meeting, by=olu)


@pytest.fixture
def figure(panel, olu):
    return ForceFigure.objects.create(
        force=panel.force,
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        measure="Community resolutions",
        number=Decimal("2452"),
        percentage=Decimal("2.65"),
        source="Home Office crime outcomes statistics, 2023",
        updated_by=olu,
    )


def _outcome_type(report):
    return RecordField.objects.get(kind=report.panel.framework.record_kind_id, code="outcome_type")


def _post(report, **changes):
    data = {"version": str(report.version), "show_percentages": "on"}
    data.update(changes)
    return data


def _url(report):
    return reverse("reports:report_figures", args=[report.pk])


def test_the_chosen_figures_appear_in_the_report(client, olu, report, figure):
    client.force_login(olu)

    response = client.post(
        _url(report),
        _post(report, count_by=_outcome_type(report).pk, force_figures=[figure.pk]),
    )
    page = client.get(reverse("reports:report_preview", args=[report.pk])).content.decode()

    assert response.status_code == 302
    assert "8 of 10 cases (80%)" in page and "2 of 10 cases (20%)" in page
    assert "Cases by outcome type" in page
    assert "Community Resolution</th>" in page
    assert "2,452" in page and "2.65%" in page
    assert "Home Office crime outcomes statistics, 2023" in page


def test_without_the_option_the_table_gives_counts_only(client, olu, report):
    client.force_login(olu)

    page = client.get(reverse("reports:report_preview", args=[report.pk])).content.decode()

    assert "of 10 cases" not in page
    assert "Cases by" not in page and "The force's own figures" not in page


def test_the_published_figures_freeze_the_shares_the_field_and_the_context(
    report, figure, olu, nia
):
    report_figures_save(
        report=report,
        by=olu,
        version=report.version,
        show_percentages=True,
        count_by=_outcome_type(report),
        force_figures=[figure],
    )
    version = publish(report, author=olu, approver=nia)
    figure.number = Decimal("9999")
    figure.save()

    frozen = version.figures
    assert [(c["cases"], c["percent"]) for c in frozen["categories"]] == [
        (0, 0),
        (2, 20),
        (8, 80),
        (0, 0),
    ]
    community = next(r for r in frozen["by_field"]["rows"] if r["value"] == "Community Resolution")
    assert (frozen["by_field"]["field"], community["cases"]) == ("Outcome type", [0, 2, 8, 0])
    assert frozen["force_context"] == [
        {
            "measure": "Community resolutions",
            "period": "1 January 2023 to 31 December 2023",
            "number": "2,452",
            "percentage": "2.65%",
            "source": "Home Office crime outcomes statistics, 2023",
            "link": "",
        }
    ]


@pytest.mark.parametrize(("who", "status"), [("eve", 404), ("chris", 403), ("pat", 403)])
def test_only_opcc_staff_choose_a_report_s_figures(client, request, report, who, status):
    client.force_login(request.getfixturevalue(who))

    assert client.get(_url(report)).status_code == status
    assert client.post(_url(report), _post(report)).status_code == status
    report.refresh_from_db()
    assert report.show_percentages is False


def test_a_field_of_another_kind_or_another_force_s_figure_is_refused(client, olu, report):
    other_kind = RecordField.objects.exclude(kind=report.panel.framework.record_kind_id).filter(
        filterable=True
    )[0]
    elsewhere = ForceFigure.objects.create(
        force=factories.ForceFactory(),
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        measure="Cautions",
        number=3,
        source="Elsewhere",
        updated_by=olu,
    )
    client.force_login(olu)

    response = client.post(
        _url(report), _post(report, count_by=other_kind.pk, force_figures=[elsewhere.pk])
    )

    assert response.status_code == 200
    assert response.context["form"].errors["count_by"] == ["Select a field from the list"]
    report.refresh_from_db()
    assert (report.show_percentages, report.count_by_id) == (False, None)


def test_a_choice_from_a_page_opened_before_another_save_is_refused(client, olu, report):
    client.force_login(olu)
    client.post(_url(report), _post(report))

    response = client.post(_url(report), _post(report, version=str(report.version)))

    assert response.status_code == 409


def test_the_disclosure_check_reads_the_force_figures_source(report, figure, olu):
    figure.source = "Figures sent by j.smith@example.police.uk"
    figure.save()
    report.force_figures.add(figure)

    (finding,) = [f for f in disclosure.check(report) if f.location.startswith("The force's")]

    assert (finding.location, finding.kind) == ("The force's figure 1", "email")


def test_the_figures_page_takes_a_fixed_number_of_queries(client, olu, report, figure):
    client.force_login(olu)
    client.get(_url(report))
    with CaptureQueriesContext(connection) as few:
        client.get(_url(report))
    for n in range(5):
        ForceFigure.objects.create(
            force=figure.force,
            period_start=figure.period_start,
            period_end=figure.period_end,
            measure=f"Measure {n}",
            number=n,
            source="Home Office",
            updated_by=olu,
        )

    with CaptureQueriesContext(connection) as many:
        client.get(_url(report))

    assert len(many) == len(few) <= 14


def test_a_version_published_in_welsh_freezes_the_fields_welsh_words_too(
    report, olu, nia, settings, welsh
):
    settings.PUBLISH_LANGUAGES = ("en", "cy")
    field = _outcome_type(report)
    report_figures_save(
        report=report, by=olu, version=report.version, count_by=field, show_percentages=False
    )

    frozen = publish(report, author=olu, approver=nia).figures["by_field"]

    community = next(r for r in frozen["rows"] if r["value"] == "Community Resolution")
    unrecorded = frozen["rows"][-1]
    assert (frozen["field"], frozen["field_cy"]) == ("Outcome type", field.label_cy)
    assert community["value_cy"] == "Datrysiad Cymunedol"
    assert (unrecorded["value"], unrecorded["value_cy"]) == ("Not recorded", "Heb ei gofnodi")
