"""OPCC staff record the force's own figures, one by one or as a small CSV, refused with
the field (or the row and column) named; no one else sees them."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditEntry
from reports.models import ForceFigure
from tests import factories

pytestmark = pytest.mark.django_db

HEADINGS = "force,period_start,period_end,measure,number,percentage,source,link"


@pytest.fixture
def force(db):
    return factories.ForceFactory(code="DEMO", name="Demoshire Police")


def _post(force, **changes) -> dict:
    data = {
        "version": "0",
        "force": force.code,
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
        "measure": "Community resolutions",
        "number": "2,452",
        "percentage": "2.65",
        "source": "Home Office crime outcomes statistics, 2023",
        "link": "https://www.gov.uk/",
    }
    data.update(changes)
    return data


def _figure(force, **changes):
    values = {
        "force": force,
        "period_start": datetime.date(2023, 1, 1),
        "period_end": datetime.date(2023, 12, 31),
        "measure": "Community resolutions",
        "number": Decimal("2452"),
        "percentage": Decimal("2.65"),
        "source": "Home Office crime outcomes statistics, 2023",
        "updated_by": factories.UserFactory(),
    }
    values.update(changes)
    return ForceFigure.objects.create(**values)


def test_signed_out_is_sent_to_sign_in(client):
    response = client.get(reverse("reports:force_figure_list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", ["alice", "eve", "chris", "pat"])
@pytest.mark.parametrize("page", ["force_figure_list", "force_figure_add", "force_figure_import"])
def test_only_opcc_staff_may_see_or_change_the_figures(client, request, force, who, page):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse(f"reports:{page}")).status_code == 403
    assert client.post(reverse("reports:force_figure_add"), _post(force)).status_code == 403
    assert not ForceFigure.objects.exists()


def test_a_figure_is_added_as_typed(client, olu, force):
    client.force_login(olu)

    response = client.post(reverse("reports:force_figure_add"), _post(force))

    assert response.status_code == 302
    figure = ForceFigure.objects.get()
    assert (figure.number, figure.percentage) == (Decimal("2452"), Decimal("2.65"))
    listed = client.get(reverse("reports:force_figure_list")).content.decode()
    assert "2,452" in listed and "2.65%" in listed


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("number", "about two thousand", "Enter the number as a number, for example 2452"),
        ("number", "-3", "Enter a number of 0 or more"),
        ("percentage", "100.5", "Enter a percentage of 100 or less"),
        ("percentage", "lots", "Enter the percentage as a number, for example 2.65"),
        ("period_end", "2022-12-31", "Enter an end of the period on or after its start"),
        (
            "period_start",
            "2023-02-30",
            "Enter the first day of the period as a real date, for example 2023-01-01",
        ),
        ("link", "http://example.org/", "Enter a link starting https://"),
        ("source", "", "Enter where the figure comes from"),
    ],
)
def test_a_bad_figure_is_refused_naming_the_field(client, olu, force, field, value, message):
    client.force_login(olu)

    response = client.post(reverse("reports:force_figure_add"), _post(force, **{field: value}))

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assert not ForceFigure.objects.exists()


def test_an_edit_from_a_page_opened_before_another_save_is_refused(client, olu, force):
    figure = _figure(force)
    client.force_login(olu)
    url = reverse("reports:force_figure_edit", args=[figure.pk])
    client.post(url, _post(force, version="1", number="2500"))

    response = client.post(url, _post(force, version="1", number="2600"))

    assert response.status_code == 409
    figure.refresh_from_db()
    assert (figure.number, figure.version) == (Decimal("2500"), 2)


def _csv(*rows: str):
    text = "\n".join([HEADINGS, *rows]) + "\n"
    return SimpleUploadedFile("figures.csv", text.encode(), content_type="text/csv")


def test_a_csv_of_figures_is_imported_whole(client, olu, force):
    client.force_login(olu)

    response = client.post(
        reverse("reports:force_figure_import"),
        {
            "file": _csv(
                'DEMO,2023-01-01,2023-12-31,Community resolutions,"2,452",2.65%,Home Office,',
                "DEMO,2023-01-01,2023-12-31,Simple cautions,1210,,Home Office,https://www.gov.uk/",
            )
        },
    )

    assert response.status_code == 302
    assert sorted(ForceFigure.objects.values_list("measure", "number")) == [
        ("Community resolutions", Decimal("2452")),
        ("Simple cautions", Decimal("1210")),
    ]


def test_a_csv_with_one_bad_row_imports_nothing_and_names_row_and_column(client, olu, force):
    client.force_login(olu)

    response = client.post(
        reverse("reports:force_figure_import"),
        {
            "file": _csv(
                "DEMO,2023-01-01,2023-12-31,Community resolutions,2452,2.65,Home Office,",
                "DEMO,2023-01-01,2023-12-31,Simple cautions,many,120,Home Office,",
                "NOPE,2023-12-31,2023-01-01,Cautions,3,,Home Office,",
            )
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Row 3, number: Enter the number as a number, for example 2452",
        "Row 3, percentage: Enter a percentage of 100 or less",
        "Row 4, force: Select a force",
        "Row 4, period_end: Enter an end of the period on or after its start",
    ]
    assert not ForceFigure.objects.exists()


def test_a_csv_without_a_column_is_refused_naming_it(client, olu, force):
    client.force_login(olu)
    upload = SimpleUploadedFile("f.csv", b"force,measure\nDEMO,Cautions\n")

    response = client.post(reverse("reports:force_figure_import"), {"file": upload})

    (problem,) = response.context["form"].errors["file"]
    assert problem.startswith("The file has no column period_start, period_end, number")
    assert not ForceFigure.objects.exists()


def test_the_list_takes_a_fixed_number_of_queries(client, olu, force):
    client.force_login(olu)
    for n in range(3):
        _figure(force, measure=f"Measure {n}")
    client.get(reverse("reports:force_figure_list"))  # warm the session

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("reports:force_figure_list"))
    for n in range(3, 9):
        _figure(force, measure=f"Measure {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("reports:force_figure_list"))

    assert len(many) == len(few) <= 8


def test_a_change_and_an_import_are_in_the_audit_trail(client, olu, force):
    client.force_login(olu)
    client.post(reverse("reports:force_figure_add"), _post(force))
    client.post(
        reverse("reports:force_figure_import"),
        {"file": _csv("DEMO,2023-01-01,2023-12-31,Simple cautions,1210,,Home Office,")},
    )

    summaries = list(
        AuditEntry.objects.filter(content_type__model="forcefigure")
        .order_by("pk")
        .values_list("action", "summary")
    )
    assert [summary for _, summary in summaries][-1] == "1 force figure imported"
    assert len(summaries) == 2
