"""The upload pages: who may use them, and the upload → preview → confirm journey."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases import services
from cases.enums import BatchStatus, FindingStatus
from cases.models import Case
from tests.cases.conftest import csv_bytes, row, upload

PERSONAL = {"Facts at decision": "Call Mr Smith on 07700 900123."}


@pytest.fixture
def previewed(alice, force):
    return upload(alice, force, csv_bytes([row("CR-1"), row("CR-2", **PERSONAL)]))


def pages(batch) -> list[tuple[str, str]]:
    finding = batch.findings.first()
    return [
        ("get", reverse("cases:upload")),
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

    assert "Imported: 2 rows: 2 new" in response.content.decode()
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
