"""`import_record_kind` and `export_record_kind`: a kind from a dictionary file and back,
problems on stderr with their line numbers, a non-zero exit and nothing written."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cases.kinds.dictionary_out import dictionary_text
from cases.kinds.selectors import kind_by_code, kind_fields
from cases.models import RecordField, RecordKind
from core.models import AuditEntry
from tests import factories
from tests.cases.kind_dictionaries import STOP_SEARCH, lines, replaced

pytestmark = pytest.mark.django_db


def run(*args, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def refused(*args, **options) -> tuple[str, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(*args, stdout=io.StringIO(), stderr=err, **options)
    return str(caught.value), err.getvalue()


@pytest.fixture
def dictionary(tmp_path):
    path = tmp_path / "patrol-search.csv"
    path.write_bytes(STOP_SEARCH.encode())
    return path


def test_import_creates_the_kind_then_updates_it(dictionary):
    out, _ = run(
        "import_record_kind",
        "patrol-search",
        "Patrol search",
        str(dictionary),
        "--date-label",
        "Date of search",
    )

    assert out == "Created the record kind patrol-search (Patrol search) with 8 fields.\n"
    kind = kind_by_code("patrol-search")
    assert kind.date_label == "Date of search"
    entry = AuditEntry.objects.filter(object_pk=str(kind.pk), event="created").latest("pk")
    assert entry.summary.startswith(
        "Record kind created from a dictionary of 8 fields (command line, "
    )

    dictionary.write_bytes(replaced(STOP_SEARCH, "Power used", "Power"))
    out, _ = run("import_record_kind", "patrol-search", "Patrol search", str(dictionary))

    assert out.splitlines() == [
        "  Reworded the label of power: “Power used” to “Power”",
        "Updated the record kind patrol-search: 1 change(s).",
    ]
    out, _ = run("import_record_kind", "patrol-search", "Patrol search", str(dictionary))
    assert (
        out == "The record kind patrol-search already matches patrol-search.csv: nothing changed.\n"
    )


def test_a_bad_dictionary_writes_nothing_and_names_each_line_on_stderr(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(lines("a,Police,A,number,,no,no,", "a,Police,B,text,,no,no,"))

    message, err = refused("import_record_kind", "bad", "Bad", str(path))

    assert message == "Nothing was written: bad.csv was refused."
    assert err.splitlines() == [
        "  Line 2, column type: “number” is not a type. Use one of text, long_text, date, "
        "datetime, integer, decimal, yes_no, choice, multi_choice, link.",
        "  Line 3, column code: The code a is also on line 2.",
    ]
    assert not RecordKind.objects.filter(code="bad").exists()


def test_a_breaking_update_is_refused_with_the_reason(dictionary):
    run("import_record_kind", "patrol-search", "Patrol search", str(dictionary))
    kind = kind_by_code("patrol-search")
    factories.CaseFactory(kind=kind, outcome_type=None, values={"officers": 2})
    dictionary.write_bytes(
        replaced(STOP_SEARCH, "Officers present,integer,,no,yes", "Officers present,decimal,,no,no")
    )

    _, err = refused("import_record_kind", "patrol-search", "Patrol search", str(dictionary))

    assert err.strip().startswith(
        "Line 9, column type: “Officers present” (officers) is held by 1 case"
    )
    assert RecordField.objects.get(kind=kind, code="officers").type == "integer"


def test_a_missing_file_a_bad_code_and_a_stranger_are_refused(dictionary, eve):
    assert (
        refused("import_record_kind", "x", "X", "/nowhere.csv")[0]
        == "There is no file at /nowhere.csv."
    )
    _, err = refused("import_record_kind", "Bad code!", "X", str(dictionary))
    assert err == "  Code: Enter a code using only letters, numbers, hyphens or underscores\n"
    message, _ = refused("import_record_kind", "x", "X", str(dictionary), "--user", "eve")
    assert message == "eve is not a data admin here."


def test_import_records_the_data_admin_given(dictionary, alice):
    run("import_record_kind", "patrol-search", "Patrol search", str(dictionary), "--user", "alice")

    assert kind_by_code("patrol-search").updated_by == alice


def test_export_prints_the_dictionary_and_it_imports_again_unchanged(reference_data, tmp_path):
    out, _ = run("export_record_kind", "oocr")

    assert out == dictionary_text(kind_fields(kind_by_code("oocr")))
    assert (
        "gravity_score,Outcome,Gravity score,integer,,no,no,Gravity matrix score, 1 to 4."
        not in out
    )
    assert '"Gravity matrix score, 1 to 4."' in out
    path = tmp_path / "oocr.csv"
    path.write_text(out, encoding="utf-8")
    again, _ = run("import_record_kind", "oocr", "Out of court resolution", str(path))
    assert "nothing changed" in again


def test_export_of_an_unknown_kind_lists_the_kinds(reference_data):
    message, _ = refused("export_record_kind", "nope")

    assert message.startswith("There is no record kind nope. The kinds are: ")
    assert "oocr" in message
