"""The upload page's kind of record and section, the template of each kind, and the
batch page saying which kind (and section) a file held."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases import services
from cases.enums import BatchStatus
from cases.models import ExtractBatch
from tests.cases import stop_search
from tests.cases.conftest import csv_bytes, upload


@pytest.fixture
def kind(db):
    return stop_search.kind()


def post(client, force, data: bytes, **fields):
    return client.post(
        reverse("cases:upload"),
        {"force": force.pk, "encoding": "auto", "file": SimpleUploadedFile("ss.csv", data)}
        | fields,
        follow=True,
    )


def test_upload_page_offers_each_kind_with_the_out_of_court_resolution_chosen(client, alice, kind):
    client.force_login(alice)

    page = client.get(reverse("cases:upload")).content.decode()

    oocr = ExtractBatch._meta.get_field("kind").related_model.objects.get(code="oocr")
    assert '<label for="id_kind" class="govuk-label">' in page
    assert f'<option value="{oocr.pk}" selected>Out of court resolution</option>' in page
    assert f'<option value="{kind.pk}">Stop and search (test)</option>' in page
    assert '<option value="" selected>The whole record</option>' in page
    assert '<optgroup label="Stop and search (test)">' in page
    review = kind.sections.get(name="Review")
    assert f'<option value="{review.pk}">Review</option>' in page


def test_an_upload_of_a_kind_is_checked_by_its_fields(client, alice, force, kind):
    client.force_login(alice)

    page = post(client, force, csv_bytes([stop_search.row("SS-1")]), kind=kind.pk)

    batch = ExtractBatch.objects.get()
    assert (batch.status, batch.kind, batch.section) == (BatchStatus.PREVIEWED, kind, None)
    text = page.content.decode()
    assert "Stop and search (test)" in text
    assert "1 new, 0 changed, 0 unchanged" in text


def test_an_upload_of_one_section_says_so_on_its_page(client, alice, force, kind):
    services.batch_confirm(
        batch=upload(alice, force, csv_bytes([stop_search.row("SS-1")]), kind=kind), user=alice
    )
    review = kind.sections.get(name="Review")
    client.force_login(alice)

    page = post(
        client, force, csv_bytes([stop_search.review_row("SS-1")]), kind=kind.pk, section=review.pk
    ).content.decode()

    batch = ExtractBatch.objects.latest("pk")
    assert (batch.kind, batch.section) == (kind, review)
    assert "Stop and search (test): the Review section only, for cases already held" in page


def test_a_section_of_another_kind_is_refused_on_the_form(client, alice, force, kind):
    client.force_login(alice)
    review = kind.sections.get(name="Review")

    page = post(client, force, csv_bytes([stop_search.row("SS-1")]), section=review.pk)

    text = page.content.decode()
    assert "govuk-error-summary" in text
    assert "Select a section of Out of court resolution, or “The whole record”" in text
    assert ExtractBatch.objects.count() == 0


def test_a_file_with_none_of_the_kinds_headings_is_refused_on_the_form(client, alice, force, kind):
    client.force_login(alice)

    page = post(client, force, b"Colour,Shape\nred,round\n", kind=kind.pk).content.decode()

    assert "must have a first row of column headings that the kind of record" in page
    assert ExtractBatch.objects.count() == 0


def test_each_kind_has_a_template_of_its_headings(client, alice, kind):
    client.force_login(alice)
    page = client.get(reverse("cases:upload")).content.decode()
    link = reverse("cases:import_template") + "?kind=ss-test"

    response = client.get(link)

    assert f'href="{link}" download>Stop and search (test) template (CSV)</a>' in page
    assert response["Content-Disposition"] == 'attachment; filename="ss-test-extract-template.csv"'
    (headings,) = csv.reader(io.StringIO(response.content.decode("utf-8")))
    assert headings[:3] == ["Reference", "Date", "Power used"]
    assert headings[-3:] == ["Review note", "Facts", "Later information"]
    assert client.get(reverse("cases:import_template") + "?kind=nope").status_code == 404


def test_the_batch_page_lists_columns_of_sections_the_file_left_alone(client, alice, force, kind):
    rows = [stop_search.row("SS-1")]
    batch = upload(alice, force, csv_bytes(rows), kind=kind)
    client.force_login(alice)

    page = client.get(reverse("cases:batch_detail", args=[batch.pk])).content.decode()

    assert "Sections not in the file" in page
    assert "Supervisor reviewed, Review note. The file has no column of their sections" in page
    assert "Later information. These are left blank on new cases" in page
