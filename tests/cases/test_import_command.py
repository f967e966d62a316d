"""`manage.py import_extract`: exit code 0 when imported, non-zero with a summary."""

import pytest
from django.core.management import CommandError, call_command

from cases.enums import BatchStatus
from cases.models import Case, ExtractBatch
from tests.cases.conftest import csv_bytes, row

PERSONAL = {"Facts at decision": "Call Mr Smith on 07700 900123."}


@pytest.fixture
def extract(tmp_path):
    def write(rows):
        path = tmp_path / "extract.csv"
        path.write_bytes(csv_bytes(rows))
        return path

    return write


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_extract", *map(str, args), stdout=out)
    return out.getvalue()


def test_command_imports_a_clean_file(alice, force, extract):
    output = run(extract([row("CR-1"), row("CR-2")]), "--force", "test", "--user", "alice")

    assert "2 rows: 2 new, 0 changed, 0 unchanged imported." in output
    assert Case.objects.count() == 2
    assert ExtractBatch.objects.get().uploaded_by == alice


def test_command_dry_run_writes_nothing(alice, force, extract):
    output = run(extract([row("CR-1")]), "--force", "TEST", "--dry-run")

    assert "1 rows: 1 new" in output and "Nothing written" in output
    assert (Case.objects.count(), ExtractBatch.objects.count()) == (0, 0)


def test_command_fails_with_a_summary_of_the_problems(alice, force, extract):
    path = extract([row("CR-1", **{"Outcome date": "soon"})])

    with pytest.raises(CommandError, match="Nothing was imported: 1 problem"):
        run(path, "--force", "TEST", "--user", "alice")

    assert ExtractBatch.objects.get().status == BatchStatus.REJECTED


def test_command_dry_run_fails_on_problems(alice, force, extract):
    path = extract([row("CR-1", **{"Outcome date": "soon"})])

    with pytest.raises(CommandError, match="would not be imported"):
        run(path, "--force", "TEST", "--dry-run")


def test_command_stops_for_personal_data_unless_told_to_redact(alice, force, extract):
    path = extract([row("CR-1", **PERSONAL)])

    with pytest.raises(CommandError, match="2 cell\\(s\\) look like personal data"):
        run(path, "--force", "TEST", "--user", "alice")
    run(path, "--force", "TEST", "--user", "alice", "--redact-findings")

    assert Case.objects.get().facts_at_decision == "Call [name removed] on [phone number removed]."


def test_command_refuses_an_unknown_force(alice, force, extract):
    with pytest.raises(CommandError, match="no force with the code NOPE"):
        run(extract([row("CR-1")]), "--force", "NOPE", "--user", "alice")


def test_command_refuses_a_user_who_is_not_a_data_admin(olu, force, extract):
    with pytest.raises(CommandError, match="olu is not a data admin"):
        run(extract([row("CR-1")]), "--force", "TEST", "--user", "olu")


def test_command_refuses_a_missing_file(alice, force, tmp_path):
    with pytest.raises(CommandError, match="There is no file at"):
        run(tmp_path / "missing.csv", "--force", "TEST", "--user", "alice")
