"""A case's facets (the values of its kind's choice, yes or no and whole number fields) stay
equal to that part of its values whichever way the values are written, the migration fills
them for cases written before, and nothing wider than the pool index holds gets in."""

import importlib
import json
import random
import string

import pytest
from django.db import connection

from cases import services
from cases.enums import BatchStatus
from cases.kinds.dictionary import DictionaryError, dictionary_read
from cases.kinds.facets import FACETS_LIMIT
from cases.models import Case, RecordField
from tests.cases import stop_search
from tests.cases.conftest import csv_bytes, messages_of, upload

fill_facets = importlib.import_module("cases.migrations.0012_case_facets").fill_facets

# The test kind's fields of a filterable type, as stop_search.row() gives them.
ROW_FACETS = {
    "power": "mda-s23",
    "object": "drugs",
    "outcome": "nfa",
    "found": ["cash", "knife"],
    "bwv": True,
    "officers": 2,
    "ethnicity": "black",
    "age_band": "18_plus",
}


@pytest.fixture
def kind(db):
    return stop_search.kind()


def confirmed(user, force, rows, kind, **options):
    batch = upload(user, force, csv_bytes(rows), kind=kind, **options)
    assert batch.status == BatchStatus.PREVIEWED, messages_of(batch)
    return services.batch_confirm(batch=batch, user=user)


def facets_of(reference: str) -> dict:
    return Case.objects.get(reference=reference).facets


def test_an_import_keeps_the_filterable_values_as_facets_without_text(alice, force, kind):
    confirmed(alice, force, [stop_search.row("SS-1")], kind)

    case = Case.objects.get(reference="SS-1")
    assert case.facets == ROW_FACETS
    assert set(case.values) - set(case.facets) == {"searched_at", "grounds", "distance", "footage"}


def test_a_changed_row_imported_again_changes_its_facets(alice, force, kind):
    confirmed(alice, force, [stop_search.row("SS-1"), stop_search.row("SS-2")], kind)

    changed = stop_search.row("SS-2", **{"Self-defined ethnicity": "Asian", "Items found": ""})
    confirmed(alice, force, [stop_search.row("SS-1"), changed], kind)

    assert facets_of("SS-1") == ROW_FACETS
    expected = {k: v for k, v in ROW_FACETS.items() if k != "found"} | {"ethnicity": "asian"}
    assert facets_of("SS-2") == expected


def test_a_section_extract_updates_its_facets_and_keeps_the_others(alice, force, kind):
    confirmed(alice, force, [stop_search.row("SS-1"), stop_search.row("SS-2")], kind)
    review = kind.sections.get(name="Review")
    rows = [stop_search.review_row("SS-1"), stop_search.review_row("SS-2")]
    confirmed(alice, force, rows, kind, section=review)

    assert facets_of("SS-1") == {**ROW_FACETS, "reviewed": True}  # not its note: text

    rows[1]["Supervisor reviewed"] = ""
    confirmed(alice, force, rows, kind, section=review)

    assert (facets_of("SS-1"), facets_of("SS-2")) == ({**ROW_FACETS, "reviewed": True}, ROW_FACETS)


def test_a_whole_record_again_keeps_the_facets_of_a_section_it_does_not_carry(alice, force, kind):
    confirmed(alice, force, [stop_search.row("SS-1")], kind)
    review = kind.sections.get(name="Review")
    confirmed(alice, force, [stop_search.review_row("SS-1")], kind, section=review)

    confirmed(alice, force, [stop_search.row("SS-1", Outcome="arrest")], kind)

    assert facets_of("SS-1") == {**ROW_FACETS, "outcome": "arrest", "reviewed": True}


def test_the_migration_fills_the_facets_of_cases_written_without_them(alice, force, kind):
    confirmed(alice, force, [stop_search.row("SS-1"), stop_search.row("SS-2", BWV="N")], kind)
    oocr = Case.objects.create(force=force, reference="OC-1", outcome_date="2025-03-01")
    Case.objects.update(facets={})

    fill_facets(Case, RecordField, connection)

    assert facets_of("SS-1") == ROW_FACETS
    assert facets_of("SS-2") == {**ROW_FACETS, "bwv": False}
    assert Case.objects.get(pk=oocr.pk).facets == {}


def test_a_whole_number_past_18_digits_is_refused_with_row_and_column(alice, force, kind):
    rows = [stop_search.row("SS-1", **{"Officers present": "1" * 19})]

    batch = upload(alice, force, csv_bytes(rows), kind=kind)

    assert batch.status == BatchStatus.REJECTED
    assert messages_of(batch) == [
        (
            2,
            "Officers present",
            "Officers present is too large: a whole number has at most 18 digits.",
        )
    ]
    assert not Case.objects.exists()


def test_a_dictionary_whose_facets_could_pass_the_index_limit_is_refused():
    codes = "|".join(f"c{n:058d}=Choice {n}" for n in range(30))  # 30 codes of 59 letters
    data = (
        "code,section,label,type,choices,required,filterable,help\n"
        f"items,Police,Items,multi_choice,{codes},no,yes,\n"
    ).encode()

    with pytest.raises(DictionaryError) as caught:
        dictionary_read(data)

    assert [str(problem) for problem in caught.value.problems] == [
        "The choices, yes or no and whole number fields of one case could take 1905 "
        "characters, more than the 1500 a case's pool entry holds: use shorter codes or "
        "fewer choices."
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's B-tree row limit")
def test_facets_as_wide_as_a_dictionary_allows_fit_the_pool_index(force):
    # Random codes do not compress, and the other included columns are at their longest.
    rng = random.Random(15)  # noqa: S311 # nosec B311 # a fixed test value
    facets, width = {}, 2
    while width < FACETS_LIMIT - 70:
        code, value = f"f{len(facets):02d}", "".join(rng.choices(string.ascii_letters, k=58))
        facets[code] = value
        width += len(code) + 6 + len(value) + 2
    assert len(json.dumps(facets)) <= FACETS_LIMIT

    Case.objects.create(
        force=force,
        reference="R" * 60,
        offence_category="C" * 120,
        outcome_date="2025-03-01",
        facets=facets,
    )

    assert Case.objects.get(reference="R" * 60).facets == facets
