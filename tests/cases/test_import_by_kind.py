"""Importing an extract of a kind of record other than the out of court resolution: its
headings, each value checked against its field's type and stored JSON-native in the case's
values, free text screened, and every bad value refused whole, row and column named."""

import pytest
from django.core.management import CommandError, call_command

from cases import services
from cases.enums import BatchStatus, FindingStatus
from cases.models import Case, ExtractBatch
from tests.cases import stop_search
from tests.cases.conftest import csv_bytes, messages_of, upload, xlsx_bytes


@pytest.fixture
def kind(db):
    return stop_search.kind()


def imported(user, force, rows, kind, **options):
    batch = upload(user, force, csv_bytes(rows), kind=kind, **options)
    assert batch.status == BatchStatus.PREVIEWED, messages_of(batch)
    return services.batch_confirm(batch=batch, user=user)


def test_an_extract_of_a_new_kind_stores_each_value_by_its_type(alice, force, kind):
    batch = imported(alice, force, [stop_search.row("SS-1")], kind)

    case = Case.objects.get()
    assert (batch.status, batch.kind, batch.section) == (BatchStatus.COMMITTED, kind, None)
    assert (case.kind, case.reference, str(case.outcome_date)) == (kind, "SS-1", "2025-03-01")
    assert case.facts_at_decision == "Stopped on the high street in the afternoon."
    assert (case.offence, case.outcome_type) == ("", None)
    assert case.values == {
        "power": "mda-s23",  # by its label, whatever the capitals
        "searched_at": "2025-03-01T14:30",
        "grounds": stop_search.row()["Grounds"],
        "object": "drugs",
        "outcome": "nfa",  # by its code
        "found": ["cash", "knife"],  # in the dictionary's order
        "bwv": True,
        "officers": 2,
        "distance": "1.50",
        "footage": "https://evidence.example.police.uk/clip/123",
        "ethnicity": "black",
        "age_band": "18_plus",
    }


def test_empty_cells_leave_their_fields_out_and_headings_match_codes_and_labels(alice, force, kind):
    headings = ["reference", "Date of search", "POWER", "grounds", "What happened"]
    rows = [
        {
            "reference": "SS-2",
            "Date of search": "2025-03-02",
            "POWER": "cjpoa-s60",
            "grounds": "Section 60 authorisation in force after a stabbing.",
            "What happened": "Searched at the bus station.",
        }
    ]

    batch = upload(alice, force, csv_bytes(rows, headers=headings), kind=kind)
    services.batch_confirm(batch=batch, user=alice)

    case = Case.objects.get()
    assert case.values == {"power": "cjpoa-s60", "grounds": rows[0]["grounds"]}
    assert "Items found" in ExtractBatch.objects.get().missing_columns


def test_a_workbook_of_a_new_kind_reads_dates_times_and_numbers(alice, force, kind):
    row = stop_search.row(
        "SS-3",
        **{"Date": 45717, "Date and time": 45717.75, "Officers present": 3, "BWV": False},
    )
    batch = upload(alice, force, xlsx_bytes([row]), file_name="ss.xlsx", kind=kind)
    services.batch_confirm(batch=batch, user=alice)

    case = Case.objects.get()
    assert str(case.outcome_date) == "2025-03-01"
    assert (case.values["searched_at"], case.values["officers"]) == ("2025-03-01T18:00", 3)
    assert case.values["bwv"] is False


def test_free_text_is_screened_and_choices_are_not(alice, force, kind):
    personal = {
        "Grounds": "Stopped after Mr Smith called from 07700 900123.",
        "Self-defined ethnicity": "asian",
    }
    batch = upload(alice, force, csv_bytes([stop_search.row("SS-1", **personal)]), kind=kind)

    assert batch.status == BatchStatus.PREVIEWED
    assert sorted(batch.findings.values_list("row_number", "column", "kind", "status")) == [
        (2, "Grounds", "phone", FindingStatus.OPEN),
        (2, "Grounds", "titled_name", FindingStatus.OPEN),
    ]
    services.findings_redact_all(batch=batch, user=alice)
    services.batch_confirm(batch=batch, user=alice)
    grounds = Case.objects.get().values["grounds"]
    assert "07700" not in grounds and "Smith" not in grounds


def test_reimport_is_idempotent_and_a_changed_value_is_a_change(alice, force, kind):
    rows = [stop_search.row("SS-1"), stop_search.row("SS-2")]
    imported(alice, force, rows, kind)

    again = imported(alice, force, rows, kind)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)

    rows[1]["Outcome"] = "Arrest"
    changed = imported(alice, force, rows, kind)
    assert (changed.created_count, changed.updated_count, changed.unchanged_count) == (0, 1, 1)
    assert Case.objects.get(reference="SS-2").values["outcome"] == "arrest"


def test_a_reference_held_as_another_kind_is_refused(alice, force, kind):
    from tests.cases.conftest import row as oocr_row

    imported(alice, force, [oocr_row("CR-1")], None)

    batch = upload(alice, force, csv_bytes([stop_search.row("CR-1")]), kind=kind)

    assert batch.status == BatchStatus.REJECTED
    ((row_number, column, message),) = messages_of(batch)
    assert (row_number, column) == (2, "Reference")
    assert "already held as a case of another kind (Out of court resolution)" in message
    assert Case.objects.get().kind.code == "oocr"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (
            "Power used",
            "Terrorism Act s43",
            "Power used is not one of its choices; use one of: PACE s1, Misuse of Drugs Act "
            "s23, CJPOA s60.",
        ),
        ("Items found", "cash; phone", "Items found has a value (the 2nd) that is not one"),
        ("Date", "next Tuesday", "Date is not a date we recognise; use a date like 31/03/2025."),
        ("Date", "31/02/2025", "Date is not a real date; use a date like 31/03/2025."),
        ("Date and time", "01/03/2025", "Date and time needs a time as well as a date"),
        ("Date and time", "01/03/2025 25:10", "Date and time is not a date and time we"),
        ("Grounds", "", "Grounds is blank."),
        ("Power used", " ", "Power used is blank."),
        ("BWV", "maybe", "BWV must be Yes or No (or blank when not recorded)."),
        ("Officers present", "two", "Officers present must be a whole number."),
        ("Distance from home (miles)", "1.5.2", "Distance from home (miles) must be a number"),
        ("Footage", "http://example.com/1", "Footage must be a web address starting https://."),
        ("Facts", "", "Facts is blank."),
    ],
)
def test_each_bad_value_is_refused_whole_with_its_row_and_column(
    alice, force, kind, column, value, message
):
    rows = [stop_search.row("SS-1"), stop_search.row("SS-2", **{column: value})]

    batch = upload(alice, force, csv_bytes(rows), kind=kind)

    assert batch.status == BatchStatus.REJECTED
    ((row_number, named, text),) = messages_of(batch)
    assert (row_number, named) == (3, column)
    assert text.startswith(message)
    assert value.strip() == "" or value not in text  # a cell's value is never repeated
    assert Case.objects.count() == 0


def test_a_file_without_a_required_column_is_refused_naming_it(alice, force, kind):
    rows = [stop_search.row("SS-1")]
    headings = [heading for heading in rows[0] if heading != "Grounds"]

    batch = upload(alice, force, csv_bytes(rows, headers=headings), kind=kind)

    assert batch.status == BatchStatus.REJECTED
    assert messages_of(batch) == [
        (1, "", "The file has no grounds column. Add a column headed “Grounds”.")
    ]


def test_a_missing_column_labelled_in_title_case_is_named_as_written(alice, force):
    """Lower-casing only the first letter of "Hate Crime Strand" read as a typing slip."""
    from cases.kinds.services import kind_create
    from tests.cases.kind_dictionaries import lines

    strand = "strand,Police,Hate Crime Strand,choice,race=Race|religion=Religion,yes,yes,"
    kind = kind_create(code="hate", name="Hate crime", data=lines(strand), by=alice)
    rows = [{"Reference": "HC-1", "Date": "2025-01-15", "Facts": "Abuse."}]

    batch = upload(alice, force, csv_bytes(rows), kind=kind)

    assert messages_of(batch) == [
        (
            1,
            "",
            "The file has no Hate Crime Strand column. Add a column headed “Hate Crime Strand”.",
        )
    ]


def test_an_out_of_court_resolution_extract_is_refused_as_a_stop_and_search(alice, force, kind):
    from tests.cases.conftest import row as oocr_row

    batch = upload(alice, force, csv_bytes([oocr_row("CR-1")]), kind=kind)

    assert batch.status == BatchStatus.REJECTED
    assert (1, "", "The file has no date column. Add a column headed “Date”.") in messages_of(batch)
    assert Case.objects.count() == 0


def test_the_command_imports_a_kind_by_its_code(alice, force, kind, tmp_path):
    path = tmp_path / "ss.csv"
    path.write_bytes(csv_bytes([stop_search.row("SS-1")]))

    call_command(
        "import_extract", str(path), "--force", "TEST", "--kind", "ss-test", "--user", "alice"
    )

    batch = ExtractBatch.objects.get()
    assert (batch.status, batch.kind) == (BatchStatus.COMMITTED, kind)
    assert Case.objects.get().values["power"] == "mda-s23"


def test_the_command_refuses_an_unknown_kind_naming_the_kinds(alice, force, kind, tmp_path):
    path = tmp_path / "ss.csv"
    path.write_bytes(csv_bytes([stop_search.row("SS-1")]))

    with pytest.raises(CommandError, match="no kind of record with the code nope.*oocr"):
        call_command("import_extract", str(path), "--force", "TEST", "--kind", "nope")

    assert ExtractBatch.objects.count() == 0


def test_a_kind_given_a_field_after_the_check_is_not_imported_until_checked_again(
    alice, force, kind
):
    batch = upload(alice, force, csv_bytes([stop_search.row("SS-1")]), kind=kind)
    search = kind.sections.get(name="Search")
    kind.fields.create(section=search, position=99, code="vehicle", label="Vehicle", type="text")

    batch = services.batch_confirm(batch=batch, user=alice)

    assert batch.status == BatchStatus.REJECTED
    assert messages_of(batch) == [
        (
            None,
            "",
            "The kind of record's fields have changed since the file was checked. "
            "Upload the file again.",
        )
    ]
    assert Case.objects.count() == 0
