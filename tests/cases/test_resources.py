"""Admin exports are safe to open in a spreadsheet and re-import unchanged through the upload."""

import json

import pytest
import tablib
from import_export.formats.base_formats import CSV, JSON, XLSX

from cases import services
from cases.enums import BatchStatus
from cases.imports.columns import FACT_FIELDS, HEADERS
from cases.resources import CaseResource, ExtractBatchResource, neutralise
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


def test_case_export_headings_are_the_import_headings(db):
    headers = CaseResource().export().headers

    assert headers == ["Force", *(HEADERS[name] for name in FACT_FIELDS), "Status"]
