"""Exports are safe to open in a spreadsheet; the admin import applies the same checks."""

import hashlib
import json

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from import_export.formats.base_formats import CSV, JSON, XLSX

from cases import services
from cases.enums import BatchStatus, CaseStatus
from cases.models import Case, ExtractBatch
from cases.resources import CaseResource, ExtractBatchResource, neutralise
from core.roles import StaffRole
from tests import factories
from tests.cases.conftest import upload

DANGEROUS = ["=1+1", "+44 sum", "-2+3", "@SUM(A1)", "\tlead", "\rlead"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_neutralise_prefixes_cells_a_spreadsheet_would_run(text):
    assert neutralise(text) == "'" + text


def test_neutralise_leaves_ordinary_cells_and_numbers_alone():
    assert [neutralise("Theft"), neutralise(3), neutralise(None)] == ["Theft", 3, None]


@pytest.mark.parametrize("file_format", [CSV, XLSX, JSON])
def test_case_export_neutralises_formulas_in_every_format(db, file_format):
    factories.CaseFactory(reference="CR-1", offence='=HYPERLINK("http://x")', conditions="@SUM")

    dataset = CaseResource().export()
    exported = file_format().export_data(dataset)

    reread = tablib.Dataset().load(exported, format=file_format().get_title())
    row = dict(zip(reread.headers, reread[0], strict=True))
    assert (row["Offence"], row["Conditions"]) == ('\'=HYPERLINK("http://x")', "'@SUM")


def test_case_export_uses_codes_a_re_import_understands(db):
    factories.CaseFactory(reference="CR-1")

    row = json.loads(JSON().export_data(CaseResource().export()))[0]

    assert (row["Reference"], row["Outcome type"], row["Crime code"], row["Outcome date"]) == (
        "CR-1",
        "community-resolution",
        "8L",
        "2025-03-01",
    )


def test_exported_cases_re_imported_through_the_upload_are_unchanged(alice, force):
    data = "Reference,Offence,Outcome type,Outcome date,Facts at decision\r\n"
    data += "CR-1,Theft,Community Resolution,01/03/2025,Took a bottle of wine.\r\n"
    services.batch_confirm(batch=upload(alice, force, data.encode()), user=alice)
    exported = CSV().export_data(CaseResource().export()).encode()

    batch = upload(alice, force, exported)

    assert (batch.status, batch.unchanged_count, batch.unknown_columns) == (
        BatchStatus.PREVIEWED,
        1,
        ["Force", "Status"],
    )


def test_batch_export_lists_who_when_hash_and_outcome(alice, force):
    batch = upload(alice, force, b"Reference\r\nCR-1\r\n")

    row = json.loads(JSON().export_data(ExtractBatchResource().export()))[0]

    assert (row["Uploaded by"], row["SHA-256"], row["Status"], row["Force"]) == (
        "alice",
        batch.sha256,
        "rejected",
        "TEST",
    )


def _admin_dataset(*rows) -> tablib.Dataset:
    headers = ["Force", "Crime Ref", "Offence", "Disposal", "Outcome Date", "Facts"]
    return tablib.Dataset(*rows, headers=headers)


def test_admin_import_creates_checked_cases(force):
    dataset = _admin_dataset(["TEST", "CR-1", "Theft", "CR", "1/3/2025", "Took a bottle."])

    result = CaseResource().import_data(dataset)

    assert not result.has_errors() and not result.has_validation_errors()
    case = Case.objects.get()
    assert (case.reference, case.outcome_type.code, case.content_hash != "") == (
        "CR-1",
        "community-resolution",
        True,
    )


def test_admin_import_refuses_rows_with_problems_or_personal_data(force):
    dataset = _admin_dataset(
        ["TEST", "CR-1", "Theft", "CR", "soon", "Took a bottle."],
        ["TEST", "CR-2", "Theft", "CR", "1/3/2025", "Mr Smith took a bottle."],
    )

    result = CaseResource().import_data(dataset)

    errors = [[str(m) for m in row.error.messages] for row in result.invalid_rows]
    assert errors[0] == ["Outcome Date is not a date we recognise; use a date like 31/03/2025."]
    assert "looks like it holds a title followed by a name" in errors[1][0]
    assert Case.objects.count() == 0


def test_admin_import_does_not_change_a_reviewed_case(force):
    factories.CaseFactory(force=force, reference="CR-1", status=CaseStatus.REVIEWED)
    dataset = _admin_dataset(["TEST", "CR-1", "Theft", "CR", "1/3/2025", "New facts."])

    result = CaseResource().import_data(dataset)

    assert result.has_validation_errors()
    assert Case.objects.get().facts_at_decision == "Fictional facts for a test case."


def test_admin_import_pages_record_a_committed_batch_per_force(client, alice, force):
    factories.CaseFactory(force=force, reference="CR-2", facts_at_decision="Old facts.")
    content = (
        b"Force,Crime Ref,Offence,Disposal,Outcome Date,Facts\r\n"
        b"TEST,CR-1,Theft,CR,1/3/2025,Took a bottle.\r\n"
        b"TEST,CR-2,Theft,CR,1/3/2025,New facts.\r\n"
    )
    client.force_login(alice)

    checked = client.post(
        "/admin/cases/case/import/",
        {"import_file": SimpleUploadedFile("march.csv", content), "format": 0, "resource": 0},
    )
    assert not ExtractBatch.objects.exists()  # the check writes nothing
    client.post("/admin/cases/case/process_import/", checked.context["confirm_form"].initial)

    batch = ExtractBatch.objects.get()
    assert (batch.force, batch.uploaded_by, batch.finished_by, batch.status) == (
        force,
        alice,
        alice,
        BatchStatus.COMMITTED,
    )
    assert (batch.file_name, batch.sha256) == ("march.csv", hashlib.sha256(content).hexdigest())
    assert (batch.row_count, batch.created_count, batch.updated_count) == (2, 1, 1)
    assert set(Case.objects.values_list("reference", "batch")) == {
        ("CR-1", batch.pk),
        ("CR-2", batch.pk),
    }


def test_admin_import_with_a_refused_row_records_no_batch(client, alice, force):
    content = (
        b"Force,Crime Ref,Offence,Disposal,Outcome Date,Facts\r\nTEST,CR-1,Theft,CR,soon,x\r\n"
    )
    client.force_login(alice)

    checked = client.post(
        "/admin/cases/case/import/",
        {"import_file": SimpleUploadedFile("bad.csv", content), "format": 0, "resource": 0},
    )

    assert "confirm_form" not in checked.context
    assert not ExtractBatch.objects.exists() and not Case.objects.exists()


def test_admin_shows_import_and_export_to_data_admins(client, alice):
    client.force_login(alice)

    page = client.get("/admin/cases/case/").content.decode()

    assert "/admin/cases/case/import/" in page and "/admin/cases/case/export/" in page


def test_admin_import_is_refused_to_staff_who_are_not_data_admins(client, force):
    # OPCC staff with admin access may read cases there, but never import them.
    officer = factories.UserFactory(username="officer", roles=[StaffRole.OPCC_STAFF])
    officer.is_staff = True
    officer.save()
    client.force_login(officer)
    upload_file = SimpleUploadedFile(
        "march.csv",
        b"Force,Crime Ref,Offence,Disposal,Outcome Date,Facts\r\n"
        b"TEST,CR-1,Theft,CR,1/3/2025,Took a bottle.\r\n",
    )

    checked = client.post(
        "/admin/cases/case/import/", {"import_file": upload_file, "format": 0, "resource": 0}
    )
    confirmed = client.post(
        "/admin/cases/case/process_import/",
        {"import_file_name": "x", "original_file_name": "march.csv", "format": 0, "resource": 0},
    )

    assert (checked.status_code, confirmed.status_code) == (403, 403)
    assert not ExtractBatch.objects.exists() and not Case.objects.exists()
