"""The upload pages: who may use them, and the upload → preview → confirm journey."""

import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases import services
from cases.enums import BatchStatus, FindingStatus
from cases.imports.columns import FACT_FIELDS, canonical_headers
from cases.models import Case, ExtractBatch
from tests import factories
from tests.cases.conftest import csv_bytes, row, upload, xlsx_bytes

PERSONAL = {"Facts at decision": "Call Mr Smith on 07700 900123."}


@pytest.fixture
def previewed(alice, force):
    return upload(alice, force, csv_bytes([row("CR-1"), row("CR-2", **PERSONAL)]))


def pages(batch) -> list[tuple[str, str]]:
    finding = batch.findings.first()
    return [
        ("get", reverse("cases:upload")),
        ("get", reverse("cases:import_template")),
        ("get", reverse("cases:batch_detail", args=[batch.pk])),
        ("get", reverse("cases:finding_resolve", args=[batch.pk, finding.pk])),
        ("get", reverse("cases:batch_problems", args=[batch.pk])),
        ("post", reverse("cases:batch_confirm", args=[batch.pk])),
        ("post", reverse("cases:batch_abandon", args=[batch.pk])),
        ("post", reverse("cases:redact_all", args=[batch.pk])),
    ]


def test_import_pages_send_anonymous_visitors_to_sign_in(client, previewed):
    for method, url in pages(previewed):
        response = getattr(client, method)(url)

        assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


@pytest.mark.parametrize("name", ["olu", "mina", "eve", "chris", "pat"])
def test_import_pages_are_refused_to_everyone_but_data_admins(client, previewed, name, request):
    client.force_login(request.getfixturevalue(name))

    statuses = {getattr(client, method)(url).status_code for method, url in pages(previewed)}

    assert statuses == {403}
    previewed.refresh_from_db()
    assert previewed.status == BatchStatus.PREVIEWED


def test_upload_page_shows_the_form_and_recent_imports(client, alice, previewed):
    client.force_login(alice)

    page = client.get(reverse("cases:upload")).content.decode()

    assert "Import a case extract" in page
    assert 'class="govuk-file-upload' in page
    assert "extract.csv" in page


def test_upload_page_offers_a_template_with_exactly_the_headings_read_in_order(client, alice):
    client.force_login(alice)
    page = client.get(reverse("cases:upload")).content.decode()
    link = reverse("cases:import_template")

    response = client.get(link)

    assert f'href="{link}" download>Download a template CSV file</a>' in page
    assert response["Content-Disposition"] == 'attachment; filename="case-extract-template.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows == [list(canonical_headers().values())]
    assert rows[0][:3] == ["Reference", "Offence", "Crime code"]
    assert len(rows[0]) == len(FACT_FIELDS)


def test_template_file_uploads_as_an_extract_with_no_missing_columns(client, alice, force):
    client.force_login(alice)
    template = client.get(reverse("cases:import_template")).content.decode("utf-8")
    (headings,) = csv.reader(io.StringIO(template))

    batch = upload(alice, force, csv_bytes([row("CR-1")], headers=headings))

    assert (batch.status, batch.row_count) == (BatchStatus.PREVIEWED, 1)
    assert Case.objects.filter(reference="CR-1").exists() is False  # not until confirmed


def test_upload_without_force_or_file_shows_an_error_summary(client, alice):
    client.force_login(alice)

    page = client.post(reverse("cases:upload"), {"encoding": "auto"}).content.decode()

    assert "govuk-error-summary" in page
    assert "Select a force" in page
    assert "Choose a file to upload" in page
    assert "<title>Error: " in page


def test_upload_of_another_kind_of_file_is_refused(client, alice, force):
    client.force_login(alice)
    upload_file = SimpleUploadedFile("cases.pdf", b"%PDF-1.4")

    page = client.post(
        reverse("cases:upload"), {"force": force.pk, "encoding": "auto", "file": upload_file}
    ).content.decode()

    assert "The selected file must be a CSV or XLSX" in page


def test_upload_keeps_unknown_columns_only_when_asked(client, alice, force):
    client.force_login(alice)
    data = csv_bytes([row("CR-1", Notes="x")])

    for keep in ([], ["keep"]):
        client.post(
            reverse("cases:upload"),
            {
                "force": force.pk,
                "encoding": "auto",
                "keep_extra": keep,
                "file": SimpleUploadedFile("Q1.csv", data),
            },
        )

    assert list(ExtractBatch.objects.order_by("pk").values_list("keep_extra", flat=True)) == [
        False,
        True,
    ]


def test_upload_checks_the_file_and_shows_its_preview(client, alice, force):
    client.force_login(alice)
    upload_file = SimpleUploadedFile("Q1.csv", csv_bytes([row("CR-1"), row("CR-2")]))

    response = client.post(
        reverse("cases:upload"),
        {"force": force.pk, "encoding": "auto", "file": upload_file},
        follow=True,
    )

    page = response.content.decode()
    assert "Import of Q1.csv" in page
    assert "2 new, 0 changed, 0 unchanged" in page
    assert "Import 2 cases" in page
    assert Case.objects.count() == 0


def test_preview_lists_problems_by_row_and_column(client, alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1", **{"Gravity score": "9"})]))
    client.force_login(alice)

    page = client.get(reverse("cases:batch_detail", args=[batch.pk])).content.decode()

    assert "Gravity score must be a whole number from 1 to 4." in page
    assert "Nothing was imported" in page
    assert "Import 1 case" not in page


def test_preview_lists_findings_without_showing_the_value(client, alice, previewed):
    client.force_login(alice)

    page = client.get(reverse("cases:batch_detail", args=[previewed.pk])).content.decode()

    assert "Phone number" in page and "Title followed by a name" in page
    assert "07700" not in page
    assert "Import 2 cases" not in page


def test_finding_page_shows_the_cell_with_the_data_highlighted(client, alice, previewed):
    client.force_login(alice)
    finding = previewed.findings.get(kind="phone")

    page = client.get(
        reverse("cases:finding_resolve", args=[previewed.pk, finding.pk])
    ).content.decode()

    assert '<mark title="Phone number">07700 900123</mark>' in page


def test_keeping_a_finding_without_a_reason_shows_an_error(client, alice, previewed):
    client.force_login(alice)
    finding = previewed.findings.first()

    page = client.post(
        reverse("cases:finding_resolve", args=[previewed.pk, finding.pk]), {"decision": "accept"}
    ).content.decode()

    assert "govuk-error-summary" in page
    assert "Enter why this cell can be kept as it is" in page


def test_redacting_a_finding_returns_to_the_preview(client, alice, previewed):
    client.force_login(alice)
    finding = previewed.findings.first()

    response = client.post(
        reverse("cases:finding_resolve", args=[previewed.pk, finding.pk]), {"decision": "redact"}
    )

    finding.refresh_from_db()
    assert (response.url, finding.status) == (
        reverse("cases:batch_detail", args=[previewed.pk]),
        FindingStatus.REDACTED,
    )


def test_confirming_after_redacting_everything_imports_the_cases(client, alice, previewed):
    client.force_login(alice)
    client.post(reverse("cases:redact_all", args=[previewed.pk]))

    response = client.post(reverse("cases:batch_confirm", args=[previewed.pk]), follow=True)

    page = response.content.decode()
    assert "govuk-notification-banner--success" in page
    assert "You imported 2 cases from extract.csv: 2 new and 0 changed." in page
    assert Case.objects.count() == 2


def test_confirming_with_open_findings_is_refused_with_a_message(client, alice, previewed):
    client.force_login(alice)

    response = client.post(reverse("cases:batch_confirm", args=[previewed.pk]), follow=True)

    assert "Decide what to do with the 2 possible personal data findings first." in (
        response.content.decode()
    )
    assert Case.objects.count() == 0


def test_abandoning_returns_to_the_upload_page(client, alice, previewed):
    client.force_login(alice)

    response = client.post(reverse("cases:batch_abandon", args=[previewed.pk]), follow=True)

    assert "You abandoned the import of extract.csv" in response.content.decode()
    previewed.refresh_from_db()
    assert previewed.status == BatchStatus.ABANDONED


def test_confirm_only_accepts_posts(client, alice, previewed):
    client.force_login(alice)

    response = client.get(reverse("cases:batch_confirm", args=[previewed.pk]))

    assert response.status_code == 405


def test_finding_of_another_batch_is_not_found(client, alice, force, previewed):
    other = upload(alice, force, csv_bytes([row("CR-9", **PERSONAL)]))
    client.force_login(alice)
    finding = other.findings.first()

    response = client.get(reverse("cases:finding_resolve", args=[previewed.pk, finding.pk]))

    assert response.status_code == 404


def test_committed_batch_page_offers_no_actions(client, alice, force):
    batch = services.batch_confirm(batch=upload(alice, force, csv_bytes([row("CR-1")])), user=alice)
    client.force_login(alice)

    page = client.get(reverse("cases:batch_detail", args=[batch.pk])).content.decode()

    assert "Imported" in page
    assert "Abandon this import" not in page


def test_long_problem_list_can_be_downloaded_as_csv(client, alice, force):
    rows = [row(f"CR-{n}", **{"Gravity score": "=9"}) for n in range(120)]
    batch = upload(alice, force, csv_bytes(rows))
    client.force_login(alice)

    page = client.get(reverse("cases:batch_detail", args=[batch.pk])).content.decode()
    response = client.get(reverse("cases:batch_problems", args=[batch.pk]))

    assert "Showing the first 100 of 120 problems." in page
    lines = response.content.decode().splitlines()
    assert (len(lines), lines[0], lines[1]) == (
        121,
        "Row,Column,Problem",
        "2,Gravity score,"
        "Gravity score holds a formula (it starts with “=”); save the file with values only.",
    )


def test_finding_page_for_a_batch_left_by_the_command_reads_the_upload(
    client, alice, force, tmp_path
):
    path = tmp_path / "extract.csv"
    path.write_bytes(csv_bytes([row("CR-1", **PERSONAL)]))
    batch = services.batch_import(force=force, user=alice, path=path)
    finding = batch.findings.get(kind="titled_name")
    client.force_login(alice)

    page = client.get(
        reverse("cases:finding_resolve", args=[batch.pk, finding.pk])
    ).content.decode()

    assert '<mark title="Title followed by a name">Mr Smith</mark>' in page


def _post_upload(client, force, name: str, data: bytes):
    return client.post(
        reverse("cases:upload"),
        {"force": force.pk, "encoding": "auto", "file": SimpleUploadedFile(name, data)},
    )


NOT_EXTRACT = "The selected file must be a CSV or XLSX"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cases.txt", b"Reference,Offence\nCR-1,Theft\n", NOT_EXTRACT),
        ("cases.csv", PDF, NOT_EXTRACT),
        ("cases.csv", PNG, NOT_EXTRACT),
        ("cases.csv", b"PK\x03\x04" + b"\x00" * 40, NOT_EXTRACT),
        ("cases.xlsx", b"Reference,Offence\nCR-1,Theft\n", NOT_EXTRACT),
        (
            "cases.csv",
            b"Dear colleague, the file follows\nThanks\n",
            "first row of column headings",
        ),
        ("cases.csv", b"ref\x01\x02erence,Offence\n", NOT_EXTRACT),
    ],
    ids=["txt", "pdf-as-csv", "png-as-csv", "zip-as-csv", "csv-as-xlsx", "no-headings", "binary"],
)
def test_upload_of_a_file_that_is_not_an_extract_is_refused_and_nothing_is_stored(
    client, alice, force, name, data, message
):
    client.force_login(alice)

    page = _post_upload(client, force, name, data).content.decode()

    assert "govuk-error-summary" in page
    assert message in page
    assert ExtractBatch.objects.count() == 0


def test_upload_of_a_real_zip_that_is_not_a_workbook_is_refused(client, alice, force):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Reference,Offence")
    client.force_login(alice)

    page = _post_upload(client, force, "cases.xlsx", buffer.getvalue()).content.decode()

    assert "The selected file must be a CSV or XLSX" in page
    assert ExtractBatch.objects.count() == 0


def test_upload_of_a_workbook_and_a_windows_1252_csv_is_accepted(client, alice, force):
    client.force_login(alice)
    windows = csv_bytes([row("CR-1", Offence="Theft of £5")], encoding="cp1252")

    responses = [
        _post_upload(client, force, "cases.xlsx", xlsx_bytes([row("CR-1")])),
        _post_upload(client, force, "cases.csv", windows),
    ]

    assert [r.status_code for r in responses] == [302, 302]
    assert ExtractBatch.objects.count() == 2


def test_upload_form_chooses_the_only_force(client, alice, force):
    client.force_login(alice)

    page = client.get(reverse("cases:upload")).content.decode()

    assert f'<option value="{force.pk}" selected>' in page


def test_upload_form_leaves_the_force_to_choose_when_there_are_several(client, alice, force):
    factories.ForceFactory()
    client.force_login(alice)

    page = client.get(reverse("cases:upload")).content.decode()

    assert "selected>" not in page.split('name="force"')[1].split("</select>")[0].replace(
        '<option value="" selected>', ""
    )


def test_upload_form_hint_names_the_columns_it_speaks_of_and_legends_match(client, alice, force):
    client.force_login(alice)

    page = client.get(reverse("cases:upload")).content.decode()

    assert "They are checked" not in page
    question = page.split("Columns this service does not recognise")[1]
    assert question.index("Columns you keep are checked for personal data") < question.index(
        "Keep them in each case&#x27;s extra data"
    )
    assert "govuk-fieldset__legend--s" not in page


def test_finding_page_asks_why_only_under_keep(client, alice, previewed):
    client.force_login(alice)
    finding = previewed.findings.first()

    page = client.get(
        reverse("cases:finding_resolve", args=[previewed.pk, finding.pk])
    ).content.decode()

    reveal = page.split('class="govuk-radios__conditional')[1]
    assert "Why can it be kept?" in reveal
    assert 'id="id_reason"' in reveal
    assert page.index("Keep it as it is") < page.index("Why can it be kept?")
    assert 'data-module="govuk-radios"' in page


def test_committed_batch_page_counts_the_findings_it_lists(client, alice, previewed):
    client.force_login(alice)
    client.post(reverse("cases:redact_all", args=[previewed.pk]))
    client.post(reverse("cases:batch_confirm", args=[previewed.pk]))

    page = client.get(reverse("cases:batch_detail", args=[previewed.pk])).content.decode()

    listed = page.split('id="findings"')[1].count('<tr class="govuk-table__row">') - 1
    assert listed == 2
    assert (
        'Possible personal data</dt><dd class="govuk-summary-list__value">2: 2 removed, 0 kept'
        in page
    )
    assert "held back" not in page and "Nothing is imported until" not in page
    assert "You imported 2 cases from extract.csv" in page


def test_rejected_batch_names_missing_required_columns_as_required(client, alice, force):
    batch = upload(alice, force, b"Reference,Notes\nCR-1,x\n")
    client.force_login(alice)

    page = client.get(reverse("cases:batch_detail", args=[batch.pk])).content.decode()

    required = page.split("Required columns not in the file")[1].split("</dd>")[0]
    optional = page.split("Optional columns not in the file")[1].split("</dd>")[0]
    assert "Offence, Outcome type, Outcome date, Facts at decision" in required
    assert "Offence," not in optional and "Crime code" in optional


def test_batch_page_takes_a_fixed_number_of_queries(
    client, alice, previewed, django_assert_max_num_queries
):
    client.force_login(alice)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("cases:batch_detail", args=[previewed.pk]))

    assert response.status_code == 200


def test_finding_posted_without_a_decision_shows_the_error_and_changes_nothing(
    client, alice, previewed
):
    client.force_login(alice)
    finding = previewed.findings.first()

    page = client.post(
        reverse("cases:finding_resolve", args=[previewed.pk, finding.pk]), {}
    ).content.decode()

    summary = page.split('class="govuk-error-summary"')[1].split("</ul>")[0]
    assert "Select whether to remove it or keep it" in summary
    assert page.startswith("<!DOCTYPE html>") and "<title>Error: " in page
    assert page.count("Select whether to remove it or keep it") == 2  # summary and field
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN


def test_upload_posted_empty_shows_every_error(client, alice):
    client.force_login(alice)

    page = client.post(reverse("cases:upload"), {}).content.decode()

    assert "govuk-error-summary" in page
    assert "Choose a file to upload" in page
    assert ExtractBatch.objects.count() == 0
