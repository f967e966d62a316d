"""An extract of one section (an agency's part) for cases already held: it fills or
updates that section only, records who imported it and when, and refuses references the
force does not hold, sections the kind does not have and columns of other sections."""

import pytest
from django.core.management import CommandError, call_command

from cases import services
from cases.enums import BatchStatus, CaseStatus
from cases.models import Case, CaseSectionSource, ExtractBatch
from tests.cases import stop_search
from tests.cases.conftest import csv_bytes, messages_of, upload


@pytest.fixture
def kind(db):
    return stop_search.kind()


@pytest.fixture
def review(kind):
    return kind.sections.get(name="Review")


@pytest.fixture
def held(alice, force, kind):
    """Two stop and search cases, imported whole without their Review section."""
    rows = [stop_search.row("SS-1"), stop_search.row("SS-2")]
    batch = upload(alice, force, csv_bytes(rows), kind=kind)
    return services.batch_confirm(batch=batch, user=alice)


def section_upload(user, force, rows, kind, section, **options):
    return upload(user, force, csv_bytes(rows), kind=kind, section=section, **options)


def test_a_section_extract_fills_that_section_and_leaves_the_rest(alice, force, kind, review, held):
    before = Case.objects.get(reference="SS-1").values

    batch = section_upload(alice, force, [stop_search.review_row("SS-1")], kind, review)
    batch = services.batch_confirm(batch=batch, user=alice)

    assert (batch.status, batch.kind, batch.section) == (BatchStatus.COMMITTED, kind, review)
    assert (batch.created_count, batch.updated_count) == (0, 1)
    case = Case.objects.get(reference="SS-1")
    assert case.values == {**before, "reviewed": True, "review_note": "Grounds recorded well."}
    assert case.batch == held  # the whole record still comes from its own extract
    assert Case.objects.get(reference="SS-2").values == before
    source = CaseSectionSource.objects.get()
    assert (source.case, source.section, source.batch, source.imported_by) == (
        case,
        review,
        batch,
        alice,
    )


def test_a_section_extract_again_changes_nothing_and_a_new_value_updates_it(
    alice, force, kind, review, held
):
    rows = [stop_search.review_row("SS-1"), stop_search.review_row("SS-2")]
    services.batch_confirm(batch=section_upload(alice, force, rows, kind, review), user=alice)

    again = section_upload(alice, force, rows, kind, review)
    assert (again.updated_count, again.unchanged_count) == (0, 2)

    rows[1]["Supervisor reviewed"] = "No"
    rows[1]["Review note"] = ""
    changed = services.batch_confirm(
        batch=section_upload(alice, force, rows, kind, review), user=alice
    )
    assert (changed.updated_count, changed.unchanged_count) == (1, 1)
    values = Case.objects.get(reference="SS-2").values
    assert (values["reviewed"], "review_note" in values) == (False, False)
    sources = CaseSectionSource.objects.filter(case__reference="SS-2")
    assert list(sources.values_list("batch", flat=True)) == [changed.pk]


def test_a_whole_record_again_leaves_a_section_it_does_not_carry(alice, force, kind, review, held):
    rows = [stop_search.review_row("SS-1")]
    services.batch_confirm(batch=section_upload(alice, force, rows, kind, review), user=alice)

    changed = stop_search.row("SS-1", Outcome="Arrest")
    batch = upload(alice, force, csv_bytes([changed]), kind=kind)
    services.batch_confirm(batch=batch, user=alice)

    values = Case.objects.get(reference="SS-1").values
    assert (values["outcome"], values["reviewed"]) == ("arrest", True)
    assert CaseSectionSource.objects.count() == 1


def test_references_not_held_are_each_listed_and_nothing_is_written(
    alice, force, kind, review, held
):
    rows = [
        stop_search.review_row("SS-1"),
        stop_search.review_row("SS-9"),
        stop_search.review_row("SS-10"),
    ]

    batch = section_upload(alice, force, rows, kind, review)

    assert batch.status == BatchStatus.REJECTED
    problems = messages_of(batch)
    assert [(row_number, column) for row_number, column, _ in problems] == [
        (3, "Reference"),
        (4, "Reference"),
    ]
    assert "is not a case this force holds" in problems[0][2]
    assert "reviewed" not in Case.objects.get(reference="SS-1").values
    assert CaseSectionSource.objects.count() == 0


def test_a_column_of_another_section_or_of_the_core_is_reported(alice, force, kind, review, held):
    rows = [stop_search.review_row("SS-1", Outcome="Arrest", Date="01/03/2025")]

    batch = section_upload(alice, force, rows, kind, review)

    assert batch.status == BatchStatus.REJECTED
    assert [message for _, _, message in messages_of(batch)] == [
        "Column “Outcome” belongs to the Search section, not the Review section. Remove it, "
        "or import it with an extract of the Search section.",
        "Column “Date” is part of every record's core, which an extract of the Review "
        "section does not change. Remove it, or import the whole record.",
    ]


def test_a_bad_value_in_a_section_extract_is_refused_with_row_and_column(
    alice, force, kind, review, held
):
    rows = [
        stop_search.review_row("SS-1"),
        stop_search.review_row("SS-2", **{"Supervisor reviewed": "perhaps"}),
    ]

    batch = section_upload(alice, force, rows, kind, review)

    assert batch.status == BatchStatus.REJECTED
    assert messages_of(batch) == [
        (
            3,
            "Supervisor reviewed",
            "Supervisor reviewed must be Yes or No (or blank when not recorded).",
        )
    ]


def test_a_reviewed_case_keeps_its_section_and_the_change_is_listed(
    alice, force, kind, review, held
):
    Case.objects.filter(reference="SS-1").update(status=CaseStatus.REVIEWED)

    batch = section_upload(alice, force, [stop_search.review_row("SS-1")], kind, review)
    batch = services.batch_confirm(batch=batch, user=alice)

    assert (batch.held_count, batch.updated_count) == (1, 0)
    assert list(batch.held_changes.values_list("case__reference", "fields")) == [
        ("SS-1", ["Supervisor reviewed", "Review note"])
    ]
    assert "reviewed" not in Case.objects.get(reference="SS-1").values


def test_a_section_of_an_out_of_court_resolution_updates_its_columns(alice, force):
    from tests.cases.conftest import row as oocr_row

    services.batch_confirm(batch=upload(alice, force, csv_bytes([oocr_row("CR-1")])), user=alice)
    outcome = ExtractBatch.objects.get().kind.sections.get(name="Outcome")
    rows = [{"Reference": "CR-1", "Outcome type": "Simple Caution", "Gravity score": "3"}]

    batch = upload(alice, force, csv_bytes(rows), section=outcome)
    services.batch_confirm(batch=batch, user=alice)

    case = Case.objects.get()
    assert (case.outcome_type.code, case.gravity_score, case.offence) == (
        "simple-caution",
        3,
        "Harassment without violence",
    )
    assert case.admission == "not_recorded"  # the section is replaced whole


def test_the_command_imports_a_section_by_its_name(alice, force, kind, held, tmp_path):
    path = tmp_path / "review.csv"
    path.write_bytes(csv_bytes([stop_search.review_row("SS-1")]))

    call_command(
        "import_extract",
        str(path),
        "--force",
        "TEST",
        "--kind",
        "ss-test",
        "--section",
        "review",
        "--user",
        "alice",
    )

    assert Case.objects.get(reference="SS-1").values["reviewed"] is True
    assert CaseSectionSource.objects.get().imported_by == alice


def test_the_command_refuses_a_section_the_kind_does_not_have(alice, force, kind, held, tmp_path):
    path = tmp_path / "cps.csv"
    path.write_bytes(csv_bytes([stop_search.review_row("SS-1")]))
    batches = ExtractBatch.objects.count()

    with pytest.raises(
        CommandError,
        match="Stop and search \\(test\\) has no section called “CPS”. "
        "Its sections are: Search, Person, Review.",
    ):
        call_command(
            "import_extract", str(path), "--force", "TEST", "--kind", "ss-test", "--section", "CPS"
        )

    assert ExtractBatch.objects.count() == batches
    assert CaseSectionSource.objects.count() == 0


def test_a_section_extract_cannot_keep_unknown_columns(alice, force, kind, review, held):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="cannot keep columns"):
        section_upload(
            alice, force, [stop_search.review_row("SS-1")], kind, review, keep_extra=True
        )
