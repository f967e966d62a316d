"""The open data: every published meeting's figures per category and per criterion, as
CSV and JSON, described by a Frictionless Data Package that the files validate against.
Only frozen published versions count: no draft, no withdrawn report, a correction as its
latest version, and never a decision changed after publication."""

import csv
import datetime
import io
import json

import frictionless
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from panels.models import Decision
from reports import services
from reports.models import PublishedVersion
from reports.open_data.schema import CATEGORIES, CRITERIA
from tests import factories
from tests.reports.conftest import closed_meeting, publish
from tests.reports.test_criteria_findings import VCOP, answer

pytestmark = pytest.mark.django_db

PACKAGE = "/en/findings/open-data/datapackage.json"
BY_CATEGORY = "/en/findings/open-data/findings-by-category"
BY_CRITERION = "/en/findings/open-data/findings-by-criterion"
SITE = "http://127.0.0.1:8000"


def report_url(report) -> str:
    return f"{SITE}/en/findings/{report.panel.slug}/{report.slug}/"


def csv_rows(client, url) -> list[dict]:
    return list(csv.DictReader(io.StringIO(client.get(url).content.decode())))


@pytest.fixture
def published(settings, olu, nia):
    """Published: an OoCR meeting (2 with observations, 3 inconsistent) later corrected to
    1 and 4; a Victims' Code meeting with the panel's answers on three rights, and a period
    report over it. Withdrawn: a meeting of 7 cases. Never published: a draft of 9."""
    settings.SITE_URL = SITE
    oocr = services.report_generate(
        meeting=closed_meeting({"consistent-with-observations": 2, "inconsistent": 3}), by=olu
    )
    publish(oocr, author=olu, approver=nia)
    moved = Decision.objects.filter(
        reviewed_case__meeting=oocr.meeting, category__code="consistent-with-observations"
    ).first()
    Decision.objects.filter(pk=moved.pk).update(category=factories.category("inconsistent"))
    services.report_correct(report=oocr, by=olu)
    publish(oocr, author=olu, approver=nia, note="One case was inconsistent, not consistent.")

    meeting = closed_meeting(
        {"fully-compliant": 4, "partially-compliant": 2},
        framework_slug=VCOP,
        date=datetime.date(2026, 3, 4),
    )
    answer(meeting, "referral-to-support", ["met"] * 3 + ["not_met"] + ["not_applicable"] * 2)
    answer(meeting, "investigation-information", ["met"] * 4 + ["partly_met", "not_recorded"])
    answer(meeting, "offender-information", ["not_applicable"] * 6)
    vcop = services.report_generate(meeting=meeting, by=olu)
    publish(vcop, author=olu, approver=nia)
    period = services.report_generate_period(
        panel=meeting.panel,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 6, 30),
        by=olu,
    )
    publish(period, author=olu, approver=nia)

    withdrawn = services.report_generate(meeting=closed_meeting({"inconsistent": 7}), by=olu)
    publish(withdrawn, author=olu, approver=nia)
    services.report_withdraw(report=withdrawn, by=olu, reason="Published in error.")
    draft = services.report_generate(meeting=closed_meeting({"inconsistent": 9}), by=olu)
    return {"oocr": oocr, "vcop": vcop, "period": period, "withdrawn": withdrawn, "draft": draft}


def test_the_package_and_its_files_validate_with_frictionless(client, published, tmp_path):
    package = client.get(PACKAGE).json()
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    for resource in package["resources"]:
        (tmp_path / resource["path"]).write_bytes(
            client.get(f"/en/findings/open-data/{resource['path']}").content
        )

    report = frictionless.validate(tmp_path / "datapackage.json")

    assert report.flatten(["type", "note"]) == []
    assert report.valid
    described = frictionless.Package(package)
    for name, count in (("findings-by-category", 4 + 7), ("findings-by-criterion", 9 + 12)):
        # The JSON files: the same rows and keys under "rows", checked against the schema.
        rows = client.get(f"/en/findings/open-data/{name}.json").json()["rows"]
        table = frictionless.resources.TableResource(
            data=rows, schema=described.get_resource(name).schema
        )
        checked = frictionless.validate(table)
        assert checked.flatten(["type", "note"]) == [], name
        assert (checked.tasks[0].stats["rows"], len(rows)) == (count, count), name
        assert {tuple(row) for row in rows} == {
            tuple(described.get_resource(name).schema.field_names)
        }
    assert (package["version"], package["licenses"][0]["title"]) == (
        "1.2.0",
        "Open Government Licence v3.0",
    )
    assert [r["name"] for r in package["resources"]] == [
        "findings-by-category",
        "findings-by-criterion",
    ]


def test_a_schema_that_the_files_break_fails_validation(client, build_meeting, olu, nia, tmp_path):
    """The check can fail: a package claiming at most 3 cases in a category rejects 4."""
    publish(
        services.report_generate(meeting=build_meeting({"inconsistent": 4}), by=olu),
        author=olu,
        approver=nia,
    )
    package = client.get(PACKAGE).json()
    cases = next(f for f in package["resources"][0]["schema"]["fields"] if f["name"] == "cases")
    cases["constraints"]["maximum"] = 3
    package["resources"] = package["resources"][:1]
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    (tmp_path / "findings-by-category.csv").write_bytes(client.get(f"{BY_CATEGORY}.csv").content)

    report = frictionless.validate(tmp_path / "datapackage.json")

    assert report.flatten(["type"]) == [["constraint-error"]]


def test_only_published_meeting_reports_count_and_a_correction_as_its_latest(client, published):
    rows = csv_rows(client, f"{BY_CATEGORY}.csv")
    oocr, vcop = published["oocr"], published["vcop"]

    assert {r["report_url"] for r in rows} == {report_url(oocr), report_url(vcop)}
    ours = [r for r in rows if r["report_url"] == report_url(oocr)]
    assert [
        (r["category_code"], r["cases"], r["cases_decided"], r["percentage"], r["version"])
        for r in ours
    ] == [
        ("consistent", "0", "5", "0", "2"),
        ("consistent-with-observations", "1", "5", "20", "2"),
        ("inconsistent", "4", "5", "80", "2"),
        ("no-conclusion", "0", "5", "0", "2"),
    ]
    assert [r["cases"] for r in rows if r["cases"] in {"7", "9"}] == []


def test_a_decision_changed_after_publication_does_not_change_the_files(
    client, build_meeting, olu, nia
):
    oocr = services.report_generate(meeting=build_meeting({"inconsistent": 3}), by=olu)
    publish(oocr, author=olu, approver=nia)
    Decision.objects.filter(reviewed_case__meeting=oocr.meeting).update(
        category=factories.category("consistent")
    )

    rows = csv_rows(client, f"{BY_CATEGORY}.csv")

    assert [r["cases"] for r in rows] == ["0", "0", "3", "0"]


def test_criterion_rows_are_counted_where_each_criterion_applied(client, published):
    vcop = published["vcop"]
    everything = csv_rows(client, f"{BY_CRITERION}.csv")
    rows = {r["criterion_code"]: r for r in everything if r["report_url"] == report_url(vcop)}
    data = client.get(f"{BY_CRITERION}.json").json()["rows"]

    referral = rows["referral-to-support"]
    assert {k: referral[k] for k in CRITERIA.names} == {
        "panel": vcop.panel.name,
        "meeting_date": "2026-03-04",
        "theme": vcop.meeting.theme,
        "framework": "Victims' Code of Practice (seven categories)",
        "position": "4",
        "criterion_code": "referral-to-support",
        "criterion": "To be referred to services that support victims",
        "criterion_group": "",
        "met": "3",
        "partly_met": "0",
        "not_met": "1",
        "not_recorded": "0",
        "not_applicable": "2",
        "cases": "6",
        "numerator": "3",
        "denominator": "4",
        "percentage": "75",
        "version": "1",
        "report_url": report_url(vcop),
        "force": vcop.panel.force.code,
        "framework_code": VCOP,
        "period_start": "2026-03-04",
        "period_end": "2026-03-04",
        "criterion_cy": "",  # published in English only
        "criterion_group_cy": "",
        "theme_cy": "",
    }
    never = rows["offender-information"]
    assert (never["denominator"], never["percentage"]) == ("0", "")
    assert len(rows) == 12  # every right, once: the period report adds none
    # The OoCR report's criteria are there too, with no answers recorded.
    assert {r["cases"] for r in everything if r["report_url"] != report_url(vcop)} == {"0"}
    in_json = next(r for r in data if r["criterion_code"] == "offender-information")
    assert (in_json["denominator"], in_json["percentage"]) == (0, None)
    assert list(in_json) == CRITERIA.names


def test_the_files_columns_are_the_packages_fields(client, published):
    package = client.get(PACKAGE).json()
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in package["resources"]}
    headers = {
        name: client.get(f"/en/findings/open-data/{name}.csv").content.decode().splitlines()[0]
        for name in fields
    }

    assert {name: header.split(",") for name, header in headers.items()} == fields
    assert fields == {CATEGORIES.name: CATEGORIES.names, CRITERIA.name: CRITERIA.names}
    old = client.get("/en/findings/published-findings.csv").content.decode()
    assert old == client.get(f"{BY_CATEGORY}.csv").content.decode()


def test_a_version_published_before_the_new_columns_leaves_them_blank(client, olu, nia, tmp_path):
    report = services.report_generate(meeting=closed_meeting({"inconsistent": 2}), by=olu)
    version = publish(report, author=olu, approver=nia)
    figures = {
        "panel": report.panel.name,
        "meeting_date": version.meeting_date.isoformat(),
        "theme": version.theme,
        "framework": version.framework_name,
        "cases": 2,
        "categories": [
            {"position": c["position"], "category": c["category"], "cases": c["cases"]}
            for c in version.figures["categories"]
        ],
        "reasons": [],
        "themes": [],
    }
    fields = {
        f.name: getattr(version, f.name)
        for f in PublishedVersion._meta.concrete_fields
        if f.name not in {"id", "number", "figures", "published_at"}
    }
    older = PublishedVersion.objects.create(**fields, number=2, figures=figures)
    type(report).objects.filter(pk=report.pk).update(current_version=older)

    rows = csv_rows(client, f"{BY_CATEGORY}.csv")

    assert [(r["category_code"], r["force"], r["framework_code"]) for r in rows] == [
        ("", "", "")
    ] * 4
    assert [r["period_start"] for r in rows] == [version.meeting_date.isoformat()] * 4
    assert csv_rows(client, f"{BY_CRITERION}.csv") == []


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_files_are_public_cached_and_follow_each_publication(client, build_meeting, olu, nia):
    first, second = (
        services.report_generate(meeting=build_meeting({"inconsistent": n}), by=olu) for n in (1, 6)
    )
    publish(first, author=olu, approver=nia)

    assert queries(client, f"{BY_CATEGORY}.csv") == 2  # the stamp, then the versions
    assert queries(client, f"{BY_CATEGORY}.csv") == 1  # the stamp: the body is cached
    response = client.get(f"{BY_CATEGORY}.csv")
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert client.get(PACKAGE)["Cache-Control"] == "public, max-age=300"

    publish(second, author=olu, approver=nia)
    assert queries(client, f"{BY_CRITERION}.json") == 2  # as many with two reports
    assert sorted(int(r["cases"]) for r in csv_rows(client, f"{BY_CATEGORY}.csv"))[-2:] == [1, 6]
    services.report_withdraw(report=second, by=olu, reason="Published in error.")
    assert max(int(r["cases"]) for r in csv_rows(client, f"{BY_CATEGORY}.csv")) == 1


@pytest.mark.parametrize(
    "url",
    [
        "/en/findings/open-data/findings-by-theme.csv",
        "/en/findings/open-data/findings-by-category.xml",
        "/en/findings/open-data/datapackage.csv",
    ],
)
def test_an_unknown_file_or_format_is_a_404(client, db, url):
    assert client.get(url).status_code == 404


def test_the_findings_page_links_the_open_data_and_its_package(client, db):
    page = client.get("/en/findings/").content.decode()
    about = client.get("/en/findings/data/").content.decode()

    for url in (f"{BY_CATEGORY}.csv", f"{BY_CRITERION}.csv", f"{BY_CRITERION}.json", PACKAGE):
        assert f'href="{url}"' in page, url
    assert 'href="/en/findings/open-data/datapackage.json"' in about
    assert "version 1.2.0" in about and "Open Government Licence v3.0" in about
    assert "<code>cases_decided</code>" in about and "<code>denominator</code>" in about


def test_the_package_names_the_office_that_publishes_it(client, settings, db):
    settings.ORGANISATION_NAME = "Testshire Office of the Police and Crime Commissioner"
    settings.ORGANISATION_URL = "https://testshire.example/"

    package = client.get(PACKAGE).json()

    assert package["contributors"] == [
        {
            "title": "Testshire Office of the Police and Crime Commissioner",
            "role": "publisher",
            "path": "https://testshire.example/",
        }
    ]
    assert package["name"] == "scrutiny-panel-findings"


def test_the_docs_describe_every_column_and_the_version():
    from pathlib import Path

    from reports.open_data.schema import TABLES, VERSION

    docs = (Path(__file__).resolve().parents[2] / "docs" / "open-data.md").read_text()

    for table in TABLES.values():
        for column in table.columns:
            assert f"| `{column.name}` | {column.type} |" in docs, column.name
            assert str(column.description) in docs, column.name
    assert f"| {VERSION} |" in docs
