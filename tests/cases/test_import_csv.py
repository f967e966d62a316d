"""CSV extracts: encodings, delimiters, quoting, headings, and broken files."""

import pytest

from cases.enums import BatchStatus
from cases.models import Case
from tests.cases.conftest import csv_bytes, messages_of, row, upload


def test_csv_upload_is_previewed_without_writing_any_case(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1"), row("CR-2")]))

    assert (batch.status, batch.row_count, batch.created_count) == (BatchStatus.PREVIEWED, 2, 2)
    assert Case.objects.count() == 0


def test_csv_with_utf8_byte_order_mark_reads_first_heading(alice, force):
    data = b"\xef\xbb\xbf" + csv_bytes([row("CR-1", Offence="Café damage")])

    batch = upload(alice, force, data)

    assert (batch.status, batch.encoding) == (BatchStatus.PREVIEWED, "utf-8")


def test_csv_in_windows_1252_is_detected(alice, force):
    data = csv_bytes([row("CR-1"), row("CR-2", Offence="Damage costing £50")], encoding="cp1252")

    batch = upload(alice, force, data)
    services_confirm(batch, alice)

    assert batch.encoding == "cp1252"
    assert Case.objects.get(reference="CR-2").offence == "Damage costing £50"


def test_csv_in_windows_1252_can_be_chosen(alice, force):
    data = csv_bytes([row("CR-1", Offence="Damage costing £50")], encoding="cp1252")

    batch = upload(alice, force, data, encoding="cp1252")

    assert (batch.status, batch.encoding) == (BatchStatus.PREVIEWED, "cp1252")


def test_csv_not_valid_utf8_when_utf8_chosen_is_reported_on_its_row(alice, force):
    data = csv_bytes([row("CR-1"), row("CR-2", Offence="Damage costing £50")], encoding="cp1252")

    batch = upload(alice, force, data, encoding="utf-8")

    assert batch.status == BatchStatus.REJECTED
    assert messages_of(batch) == [
        (
            3,
            "",
            "This row has characters that are not valid UTF-8; save the file as CSV UTF-8, "
            "or choose Windows-1252 when uploading.",
        )
    ]


def test_csv_with_semicolons_is_read(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1"), row("CR-2")], delimiter=";"))

    assert (batch.status, batch.created_count) == (BatchStatus.PREVIEWED, 2)


def test_csv_quoted_newlines_stay_in_one_cell(alice, force):
    facts = "First line of the facts.\nSecond line, with a comma."
    batch = upload(alice, force, csv_bytes([row("CR-1", **{"Facts at decision": facts})]))

    services_confirm(batch, alice)

    assert Case.objects.get().facts_at_decision == facts


def test_csv_nul_byte_is_reported_on_its_row(alice, force):
    data = csv_bytes([row("CR-1"), row("CR-2", Offence="Theft\x00")])

    batch = upload(alice, force, data)

    assert messages_of(batch) == [
        (
            3,
            "",
            "This row contains a NUL (zero) byte; the file may be damaged or not a CSV file.",
        )
    ]


def test_csv_headings_match_aliases_ignoring_case_and_spaces(alice, force):
    headers = ["CRIME REF", "offence description", "disposal", "Disposal Date", "  facts "]
    item = {
        "CRIME REF": "CR-1",
        "offence description": "Theft",
        "disposal": "Outcome 22",
        "Disposal Date": "1 March 2025",
        "  facts ": "Took a bottle of wine.",
    }

    batch = upload(alice, force, csv_bytes([item], headers=headers))
    services_confirm(batch, alice)

    case = Case.objects.get()
    assert (case.reference, case.outcome_type.code, str(case.outcome_date)) == (
        "CR-1",
        "outcome-22",
        "2025-03-01",
    )


def test_csv_unknown_columns_are_listed_and_ignored_by_default(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1", Station="Central", Team="B")]))
    services_confirm(batch, alice)

    assert batch.unknown_columns == ["Station", "Team"]
    assert Case.objects.get().extra == {}


def test_csv_unknown_columns_are_kept_in_extra_data_when_chosen(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1", Station="Central")]), keep_extra=True)
    services_confirm(batch, alice)

    assert Case.objects.get().extra == {"Station": "Central"}


def test_csv_unknown_columns_kept_are_screened_for_personal_data(alice, force):
    data = csv_bytes([row("CR-1", Notes="Call Mr Smith")])

    batch = upload(alice, force, data, keep_extra=True)

    assert list(batch.findings.values_list("row_number", "column", "kind")) == [
        (2, "Notes", "titled_name")
    ]


def test_csv_without_a_required_column_is_rejected(alice, force):
    item = row("CR-1")
    del item["Outcome date"]

    batch = upload(alice, force, csv_bytes([item]))

    assert (batch.status, messages_of(batch)) == (
        BatchStatus.REJECTED,
        [(1, "", "The file has no outcome date column. Add a column headed “Outcome date”.")],
    )


def test_csv_with_two_columns_for_one_field_is_rejected(alice, force):
    data = csv_bytes([row("CR-1", URN="CR-1")])

    batch = upload(alice, force, data)

    assert messages_of(batch) == [
        (1, "", "Columns “Reference” and “URN” both give the reference. Keep one of them.")
    ]


def test_csv_row_with_more_cells_than_headings_is_reported(alice, force):
    data = csv_bytes([row("CR-1")]) + b"CR-2,Theft,46,CR,1/1/2025,2/1/2025,1,Full,Facts,extra\r\n"

    batch = upload(alice, force, data)

    assert messages_of(batch) == [
        (3, "", "This row has more cells than the heading row has columns.")
    ]


def test_csv_blank_rows_are_skipped(alice, force):
    heading, first, second, _ = csv_bytes([row("CR-1"), row("CR-2")]).split(b"\r\n")
    data = b"\r\n".join([heading, first, b",,,,,,,,", b"", second, b""])

    batch = upload(alice, force, data)

    assert (batch.status, batch.row_count) == (BatchStatus.PREVIEWED, 2)


def test_csv_cell_holding_a_formula_is_rejected(alice, force):
    data = csv_bytes([row("CR-1", Offence='=HYPERLINK("http://example.org","x")')])

    batch = upload(alice, force, data)

    assert messages_of(batch) == [
        (
            2,
            "Offence",
            "Offence holds a formula (it starts with “=”); save the file with values only.",
        )
    ]


def test_csv_saved_as_utf16_is_refused(alice, force):
    data = "Reference,Offence\r\n".encode("utf-16")

    batch = upload(alice, force, data)

    assert messages_of(batch) == [
        (None, "", "The file is saved as UTF-16 text. Save it as CSV UTF-8 instead.")
    ]


def test_file_over_the_size_limit_is_refused_before_it_is_stored(alice, force, settings):
    settings.IMPORT_MAX_BYTES = 100

    with pytest.raises(Exception, match="The selected file must be smaller than 0 MB"):
        upload(alice, force, csv_bytes([row("CR-1")]))

    assert list(settings.PRIVATE_UPLOAD_ROOT.iterdir()) == []


def test_file_over_the_row_limit_is_refused_with_a_clear_message(alice, force, settings):
    settings.IMPORT_MAX_ROWS = 2

    batch = upload(alice, force, csv_bytes([row(f"CR-{n}") for n in range(3)]))

    assert messages_of(batch) == [
        (
            4,
            "",
            "The file has more than 2 rows. Split it into smaller files and import each one.",
        )
    ]


def test_empty_file_is_refused(alice, force):
    with pytest.raises(Exception, match="The selected file is empty"):
        upload(alice, force, b"")


def services_confirm(batch, user):
    from cases import services

    return services.batch_confirm(batch=batch, user=user)
