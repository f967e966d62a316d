"""The public side of the Commissioner's scrutiny: the published notes (page, tagged PDF,
figures), the accountability page with each topic's history, its feed and its open data, all
read from the frozen published notes."""

import csv
import datetime
import io
import json
from html import unescape

import frictionless
import pikepdf
import pytest
from defusedxml.ElementTree import fromstring
from django.conf import settings
from django.core.files.storage import default_storage

from accountability.enums import AssuranceLevel
from reports import services
from reports.accountability.services import notes_generate

from .conftest import publish
from .scrutiny import scrutiny_meeting, with_outcomes

pytestmark = pytest.mark.django_db
PAGE = "/en/findings/accountability/"


@pytest.fixture
def published(olu, nia):
    """September 2024's decision (partly assured), named by the published notes of 2025."""
    earlier = scrutiny_meeting(by=olu, date=datetime.date(2024, 9, 18))
    meeting = with_outcomes(
        scrutiny_meeting(by=olu, topic=earlier.topics.get(), previous=earlier.decisions.get()),
        by=olu,
    )
    notes = notes_generate(meeting=meeting, by=olu)
    return notes, publish(notes, author=olu, approver=nia)


def test_the_page_shows_each_topic_with_its_level_and_history(client, published):
    page = client.get(PAGE).content.decode()

    assert "Current assurance level: <strong>Partly assured</strong>" in page
    assert "Decisions over time: Use of out of court resolutions and Outcome 16" in page
    assert "September 2024: Partly assured. September 2025: Partly assured." in page
    assert page.count('<circle cx="') == 2
    assert 'href="/en/findings/accountability/2025-09-24-demo/"' in page
    assert "Named in later notes" in page


def test_the_welsh_page_marks_a_topic_published_in_english_only_inside_its_welsh_caption(
    client, published, welsh
):
    page = client.get("/cy/findings/accountability/").content.decode()

    assert (
        'Penderfyniadau dros amser: <span lang="en-GB">Use of out of court resolutions and '
        "Outcome 16</span></caption>"
    ) in page


def test_the_page_reads_the_frozen_notes_not_the_live_decision(client, published):
    notes, _version = published
    notes.scrutiny_meeting.decisions.update(level=AssuranceLevel.ASSURED)

    page = client.get(PAGE).content.decode()

    assert "Current assurance level: <strong>Partly assured</strong>" in page
    assert "Assured</strong>" not in page.replace("Partly assured</strong>", "")


def test_withdrawn_notes_leave_the_page(client, published, nia):
    notes, _version = published
    services.report_withdraw(report=notes, by=nia, reason="Published in error.")

    page = client.get(PAGE).content.decode()

    assert "No notes of the Commissioner's scrutiny meetings have been published yet." in page
    assert client.get("/en/findings/accountability/2025-09-24-demo/").status_code == 404


def test_draft_notes_are_not_public(client, olu):
    notes_generate(meeting=scrutiny_meeting(by=olu), by=olu)

    assert "have been published yet" in client.get(PAGE).content.decode()
    assert client.get("/en/findings/accountability/2025-09-24-demo/").status_code == 404


def test_the_page_costs_the_same_queries_however_many_notes(
    client, published, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert client.get(PAGE).status_code == 200


def test_the_published_notes_page_has_the_reference_layout(client, published):
    page = client.get("/en/findings/accountability/2025-09-24-demo/").content.decode()

    headers = ["Question", "Brief summary of evidence", "Decision of the PCC"]
    assert all(f'<th scope="col" class="govuk-table__header">{h}</th>' in page for h in headers)
    assert page.index("Other areas discussed") < page.index('id="actions"')
    assert "A further performance update in six months" in page


def test_the_notes_welsh_address_says_in_welsh_that_they_are_in_english(client, published, welsh):
    _notes, version = published

    page = client.get("/cy/findings/accountability/2025-09-24-demo/").content.decode()

    title = unescape(page.split("<title>", 1)[1].split(" – ", 1)[0])
    assert title == f"Nodiadau yn Saesneg: {version.title}"


def test_the_published_notes_pdf_is_tagged_and_in_english(client, published):
    _notes, version = published
    pdf = pikepdf.open(io.BytesIO(default_storage.open(version.pdf_file.name).read()))

    assert "/StructTreeRoot" in pdf.Root
    assert str(pdf.Root.Lang) == "en-GB"
    assert str(pdf.docinfo.Title) == version.title
    response = client.get("/en/findings/accountability/2025-09-24-demo/report.pdf")
    assert response["Content-Type"] == "application/pdf"


def test_the_notes_figures_csv_gives_each_topic_decision(client, published):
    response = client.get("/en/findings/accountability/2025-09-24-demo/figures.csv")

    assert list(csv.reader(io.StringIO(response.content.decode()))) == [
        ["topic", "meeting_date", "assurance_level", "questions"],
        ["Use of out of court resolutions and Outcome 16", "2025-09-24", "Partly assured", "2"],
    ]


def test_the_feed_has_an_entry_for_the_notes(client, published):
    feed = fromstring(client.get("/en/findings/accountability/feed.atom").content)
    atom = "{http://www.w3.org/2005/Atom}"

    entries = feed.findall(f"{atom}entry")
    assert [e.find(f"{atom}title").text for e in entries] == [published[1].title]
    assert entries[0].find(f"{atom}summary").text == (
        "Decisions: Use of out of court resolutions and Outcome 16: Partly assured."
    )


def test_the_open_data_validates_against_its_package(client, published, tmp_path):
    package = client.get("/en/findings/accountability/open-data/datapackage.json").json()
    body = client.get("/en/findings/accountability/open-data/assurance-decisions.csv").content
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    (tmp_path / "assurance-decisions.csv").write_bytes(body)

    report = frictionless.validate(tmp_path / "datapackage.json")

    assert report.flatten(["type", "note"]) == []
    assert report.valid
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    notes_url = f"{settings.SITE_URL}/en/findings/accountability/2025-09-24-demo/"
    assert [(r["decision_date"], r["assurance_level_code"], r["notes_url"]) for r in rows] == [
        ("2024-09-18", "partly_assured", ""),
        ("2025-09-24", "partly_assured", notes_url),
    ]


def test_an_unknown_open_data_format_is_a_404(client, db):
    assert (
        client.get("/en/findings/accountability/open-data/assurance-decisions.xml").status_code
        == 404
    )


def test_the_findings_list_and_its_open_data_leave_the_notes_out(client, published):
    listing = client.get("/en/findings/").content.decode()
    by_category = client.get("/en/findings/open-data/findings-by-category.json").json()

    assert published[1].title not in listing
    assert by_category["rows"] == []


@pytest.fixture
def both_published(olu, nia):
    """The notes of September 2024 and of September 2025, which name the 2024 decision."""
    earlier = with_outcomes(scrutiny_meeting(by=olu, date=datetime.date(2024, 9, 18)), by=olu)
    first = notes_generate(meeting=earlier, by=olu)
    publish(first, author=olu, approver=nia)
    meeting = with_outcomes(
        scrutiny_meeting(by=olu, topic=earlier.topics.get(), previous=earlier.decisions.get()),
        by=olu,
    )
    second = notes_generate(meeting=meeting, by=olu)
    publish(second, author=olu, approver=nia)
    return first, second


def history_rows(client) -> list[tuple[str, str]]:
    body = client.get("/en/findings/accountability/open-data/assurance-decisions.csv").content
    return [
        (r["decision_date"], r["notes_url"].removeprefix(settings.SITE_URL))
        for r in csv.DictReader(io.StringIO(body.decode()))
    ]


def test_a_decision_whose_notes_were_withdrawn_leaves_the_history(client, both_published, nia):
    first, _second = both_published
    assert history_rows(client) == [
        ("2024-09-18", "/en/findings/accountability/2024-09-18-demo/"),
        ("2025-09-24", "/en/findings/accountability/2025-09-24-demo/"),
    ]

    services.report_withdraw(report=first, by=nia, reason="Published in error.")

    page = client.get(PAGE).content.decode()
    assert history_rows(client) == [("2025-09-24", "/en/findings/accountability/2025-09-24-demo/")]
    assert "<desc" in page and "September 2025: Partly assured. The table" in page
    assert ("September 2024" in page, "Named in later notes" in page) == (False, False)
    assert page.count('<circle cx="') == 1


def test_later_notes_still_name_the_withdrawn_decision_in_their_own_text(
    client, both_published, nia
):
    first, _second = both_published
    services.report_withdraw(report=first, by=nia, reason="Published in error.")

    later = client.get("/en/findings/accountability/2025-09-24-demo/").content.decode()

    assert "September 2024" in later


def test_withdrawn_notes_stay_out_of_the_history_while_being_corrected(
    client, both_published, olu, nia
):
    first, _second = both_published
    services.report_withdraw(report=first, by=nia, reason="Published in error.")
    services.report_correct(report=first, by=olu)

    page = client.get(PAGE).content.decode()

    assert history_rows(client) == [("2025-09-24", "/en/findings/accountability/2025-09-24-demo/")]
    assert "2024-09-18-demo" not in page
    assert client.get("/en/findings/accountability/2024-09-18-demo/").status_code == 404
