"""Draws follow the panel's record kind: the pool holds the framework's kind only, the
kind's filterable fields filter it and spread the sample, the draw records them, and
verify_sample applies them again."""

import datetime
import importlib

import pytest
from django.db import connection, transaction
from django.db.models.fields.json import KeyTextTransform
from django.utils import translation

from cases.models import Case, RecordField
from core.models import CodePointOrder
from panels.models import SampleDraw
from panels.sample_filters import describe_filters
from panels.sampling import PoolFilters, SamplingError, eligible_cases, kind_draw, load_pool, verify
from panels.sampling import pool as pool_module
from panels.sampling.kind_fields import group_expression, stratum_field
from panels.sampling.methods import choose
from panels.sampling.services import sample_draw
from tests import factories
from tests.record_kinds import STOP_SEARCH_POOL as POOL

EVERY = [row[0] for row in POOL]
fill_facets = importlib.import_module("cases.migrations.0012_case_facets").fill_facets


def pool(olu, meeting, **filters) -> list[str]:
    chosen = PoolFilters(kind="stop-search-test", **filters)
    cases = eligible_cases(user=olu, meeting=meeting, filters=chosen)
    return sorted(cases.values_list("reference", flat=True))


def test_the_pool_holds_only_the_framework_s_record_kind(olu, ss_meeting, ss_pool):
    assert pool(olu, ss_meeting) == EVERY
    oocr = factories.MeetingFactory(panel=factories.PanelFactory(force=ss_meeting.panel.force))
    others = eligible_cases(user=olu, meeting=oocr, filters=PoolFilters())
    assert list(others.values_list("reference", flat=True)) == ["OC-1"]


@pytest.mark.parametrize(
    ("fields", "ranges", "expected"),
    [
        ({"ethnicity": ("b",)}, {}, ["SS-02", "SS-03", "SS-07"]),
        ({"ethnicity": ("a", "m")}, {}, ["SS-04", "SS-08"]),
        ({"bwv": (True,)}, {}, ["SS-01", "SS-03", "SS-06", "SS-07"]),
        ({"bwv": (False,)}, {}, ["SS-02", "SS-05", "SS-08"]),
        ({"found": ("drugs",)}, {}, ["SS-01", "SS-03", "SS-06"]),
        ({"found": ("weapon",)}, {}, ["SS-03", "SS-05"]),
        ({}, {"age": (10, 17)}, ["SS-01", "SS-02", "SS-06", "SS-08"]),
        ({}, {"age": (30, None)}, ["SS-04", "SS-07"]),
        ({"ethnicity": ("b",), "bwv": (True,)}, {}, ["SS-03", "SS-07"]),
        ({"power": ("mda23",)}, {"age": (None, 25)}, ["SS-03"]),
    ],
)
def test_the_kind_s_fields_filter_the_pool(olu, ss_meeting, ss_pool, fields, ranges, expected):
    assert pool(olu, ss_meeting, fields=fields, ranges=ranges) == expected


def test_a_field_the_kind_does_not_have_is_refused(olu, ss_meeting, ss_pool):
    with pytest.raises(SamplingError, match="has no field plea"):
        pool(olu, ss_meeting, fields={"plea": ("guilty",)})


def test_the_draw_records_the_kind_and_its_field_filters(olu, ss_meeting, ss_pool):
    filters = PoolFilters(fields={"ethnicity": ("w", "b")}, ranges={"age": (None, 40)})

    draw = sample_draw(meeting=ss_meeting, by=olu, filters=filters, size=2, seed="kinds")

    assert draw.pool_size == 3  # SS-01, SS-02, SS-03; SS-05 has no age; SS-07 is 41
    assert draw.filters["kind"] == "stop-search-test"
    assert draw.filters["fields"] == {"ethnicity": ["b", "w"]}
    assert draw.filters["ranges"] == {"age": {"from": None, "to": 40}}
    again = PoolFilters.from_json(draw.filters)
    assert (again.kind, dict(again.fields), dict(again.ranges)) == (
        "stop-search-test",
        {"ethnicity": ("b", "w")},
        {"age": (None, 40)},
    )


def test_the_pool_size_counts_the_range_by_hand(olu, ss_meeting, ss_pool):
    # The case without an age is outside any range, like a case without a date.
    assert pool(olu, ss_meeting, fields={"ethnicity": ("w", "b")}, ranges={"age": (None, 40)}) == [
        "SS-01",
        "SS-02",
        "SS-03",
    ]


def test_a_draw_made_on_a_welsh_page_records_its_groups_in_english(olu, ss_meeting, ss_pool, welsh):
    field = RecordField.objects.get(kind=ss_meeting.panel.framework.record_kind, code="ethnicity")
    field.label_cy = "Ethnigrwydd hunan-ddiffiniedig"
    field.choices = [{**c, "label_cy": f"{c['label']} (cy)"} for c in field.choices]
    field.save()

    with translation.override(welsh):
        draw = sample_draw(
            meeting=ss_meeting, by=olu, filters=PoolFilters(), size=4, strata_field="ethnicity"
        )

    # The record is kept, and published with the report, in the language of the record.
    assert draw.strata["label"] == "Self-defined ethnicity"
    assert {g["label"] for g in draw.strata["groups"]} == {
        "Not recorded",
        "Asian",
        "Black",
        "Mixed",
        "White",
    }


def test_a_draw_spread_across_a_choice_field_records_each_group(olu, ss_meeting, ss_pool):
    draw = sample_draw(
        meeting=ss_meeting, by=olu, filters=PoolFilters(), size=4, strata_field="ethnicity"
    )

    assert draw.strata["field"] == "ethnicity"
    assert draw.strata["label"] == "Self-defined ethnicity"
    # Quotas of 4 from 8: b 1.5, w 1, a, m and not recorded 0.5 each; the two seats left
    # go to the largest remainders, ties to the larger group (b), then by name ("").
    assert [(g["value"], g["label"], g["pool"], g["sample"]) for g in draw.strata["groups"]] == [
        ("", "Not recorded", 1, 1),
        ("a", "Asian", 1, 0),
        ("b", "Black", 3, 2),
        ("m", "Mixed", 1, 0),
        ("w", "White", 2, 1),
    ]
    assert "SS-06" in draw.selected_references
    assert verify(draw) == []


def test_a_draw_spread_across_several_of_a_list_groups_by_combination(olu, ss_meeting, ss_pool):
    draw = sample_draw(
        meeting=ss_meeting, by=olu, filters=PoolFilters(), size=8, strata_field="found"
    )

    assert [(g["value"], g["label"], g["pool"]) for g in draw.strata["groups"]] == [
        ("", "Not recorded", 4),
        ("drugs", "Drugs", 2),
        ("drugs+weapon", "Drugs and Weapon", 1),
        ("weapon", "Weapon", 1),
    ]


def test_a_draw_spread_across_yes_or_no_and_a_whole_number(olu, ss_meeting, ss_pool):
    by_video = sample_draw(
        meeting=ss_meeting, by=olu, filters=PoolFilters(), size=2, strata_field="bwv"
    )
    groups = [(g["value"], g["label"], g["pool"]) for g in by_video.strata["groups"]]
    assert groups == [("", "Not recorded", 1), ("no", "No", 3), ("yes", "Yes", 4)]

    by_age = sample_draw(
        meeting=ss_meeting, by=olu, filters=PoolFilters(), size=2, strata_field="age"
    )
    assert sorted(g["value"] for g in by_age.strata["groups"]) == sorted(
        ["", "12", "15", "16", "17", "22", "30", "41"]
    )


def test_a_draw_cannot_be_spread_across_a_field_that_is_not_filterable(olu, ss_meeting, ss_pool):
    with pytest.raises(SamplingError, match="cannot be spread across 'grounds'"):
        sample_draw(
            meeting=ss_meeting, by=olu, filters=PoolFilters(), size=2, strata_field="grounds"
        )


def test_the_draw_s_filters_read_in_words(olu, ss_meeting, ss_pool):
    filters = PoolFilters(
        fields={"ethnicity": ("b", "w"), "bwv": (True,), "found": ("drugs",)},
        ranges={"age": (10, 17)},
        outcome_date_from=datetime.date(2025, 1, 1),
    )
    draw = sample_draw(meeting=ss_meeting, by=olu, filters=filters, size=1)

    assert describe_filters(draw.filters)[1:] == [
        "Records of the kind Stop and search (test)",
        "Self-defined ethnicity: Black or White",
        "Body-worn video: Yes",
        "Age from 10 to 17",
        "Items found: Drugs",
        "Date of search on or after 1 January 2025",
    ]


def test_verify_applies_the_recorded_field_filters_again(olu, ss_meeting, ss_pool):
    filters = PoolFilters(fields={"ethnicity": ("b",)})
    draw = sample_draw(meeting=ss_meeting, by=olu, filters=filters, size=2, seed="again")
    assert verify(draw) == []

    changed = ss_meeting.reviewed_cases.order_by("position").first().case
    changed.values = {**changed.values, "ethnicity": "w"}
    changed.facets = {**changed.facets, "ethnicity": "w"}
    changed.save()

    assert verify(draw) == [f"Drawn cases the recorded filters do not select: {changed.reference}"]


def test_verify_still_verifies_a_draw_recorded_before_kinds(olu, meeting, case_pool):
    filters = PoolFilters(outcome_types=("simple-caution",))
    draw = sample_draw(meeting=meeting, by=olu, filters=filters, size=3, seed="old")
    before_kinds = {k: v for k, v in draw.filters.items() if k not in ("kind", "fields")}
    SampleDraw.objects.filter(pk=draw.pk).update(filters=before_kinds)
    draw.refresh_from_db()

    assert "kind" not in draw.filters
    assert verify(draw) == []


def test_verify_names_a_recorded_field_the_kind_no_longer_has(olu, ss_meeting, ss_pool):
    draw = sample_draw(meeting=ss_meeting, by=olu, filters=PoolFilters(), size=2)
    SampleDraw.objects.filter(pk=draw.pk).update(
        filters={**draw.filters, "fields": {"plea": ["guilty"]}}
    )
    draw.refresh_from_db()

    assert verify(draw) == [
        "The recorded filters cannot be applied again: The record kind stop-search-test "
        "has no field plea to filter by."
    ]


def test_the_out_of_court_resolution_offers_its_other_fields_and_strata(db):
    oocr = factories.framework().record_kind

    draw = kind_draw(oocr)

    assert [f.code for f in draw.fields] == [
        "offender_age_band",
        "admission",
        "victim_views",
        "authorising_rank",
    ]
    assert [value for value, _ in draw.strata] == [
        "outcome_type",
        "offence_category",
        "offender_age_band",
        "is_domestic_abuse",
        "is_hate_crime",
        "is_violence",
        "is_sexual",
        "admission",
        "victim_views",
        "authorising_rank",
    ]


def test_an_out_of_court_draw_by_age_band_reads_as_before_with_the_band_added(
    olu, meeting, case_pool
):
    case_pool[9].offender_age_band = "under_18"
    case_pool[9].save()
    filters = PoolFilters(
        fields={"offender_age_band": ("under_18",)}, outcome_date_from=datetime.date(2025, 2, 1)
    )
    draw = sample_draw(meeting=meeting, by=olu, filters=filters, size=1)

    assert describe_filters(draw.filters)[1:] == [
        "Offender age band: Under 18",
        "Outcome dated on or after 1 February 2025",
    ]


def test_an_out_of_court_draw_filters_and_spreads_by_age_band(olu, meeting, case_pool):
    for case in case_pool[:6]:
        case.offender_age_band = "under_18"
        case.save()
    filters = PoolFilters(fields={"offender_age_band": ("under_18",)})

    draw = sample_draw(
        meeting=meeting, by=olu, filters=filters, size=3, strata_field="is_domestic_abuse"
    )

    assert draw.pool_size == 6
    assert set(draw.selected_references) <= {f"SP-{n:02d}" for n in range(1, 7)}
    assert [(g["value"], g["pool"]) for g in draw.strata["groups"]] == [("no", 5), ("yes", 1)]
    assert verify(draw) == []


def _pool_from_values(monkeypatch, cases, stratum, kind):
    """The pool as draws read it before facets: each case's group from its `values`."""
    monkeypatch.setattr(
        pool_module, "group_expression", lambda field: KeyTextTransform(field.code, "values")
    )
    pool = load_pool(cases, stratum, kind=kind)
    monkeypatch.undo()
    return pool


@pytest.mark.parametrize("stratum", ["ethnicity", "found", "bwv", "age"])
def test_a_pool_read_from_facets_records_what_reading_values_recorded(
    monkeypatch, olu, ss_meeting, ss_pool, stratum
):
    cases = eligible_cases(user=olu, meeting=ss_meeting, filters=PoolFilters())
    before = _pool_from_values(monkeypatch, cases, stratum, "stop-search-test")

    now = load_pool(cases, stratum, kind="stop-search-test")

    assert (now.text, now.strata_text) == (before.text, before.strata_text)
    assert now.fingerprint == before.fingerprint


def test_a_draw_spread_across_a_field_picks_what_the_draw_from_values_picked(
    monkeypatch, olu, ss_meeting, ss_pool
):
    cases = eligible_cases(user=olu, meeting=ss_meeting, filters=PoolFilters())
    before = _pool_from_values(monkeypatch, cases, "ethnicity", "stop-search-test")

    draw = sample_draw(
        meeting=ss_meeting, by=olu, filters=PoolFilters(), size=4, strata_field="ethnicity"
    )

    expected = choose(seed=draw.seed, pool=before, size=4, version=draw.algorithm_version)
    assert draw.selected_references == expected
    assert verify(draw) == []


def test_a_draw_recorded_before_facets_verifies_once_the_migration_fills_them(
    olu, ss_meeting, ss_pool
):
    filters = PoolFilters(fields={"ethnicity": ("b",)}, ranges={"age": (None, 40)})
    draw = sample_draw(
        meeting=ss_meeting, by=olu, filters=filters, size=2, strata_field="bwv", seed="old"
    )
    Case.objects.update(facets={})  # as every case was before the migration
    assert verify(draw) != []

    fill_facets(Case, RecordField, connection)

    assert verify(draw) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
def test_the_whole_kind_spread_across_a_field_is_read_from_the_pool_index_alone(
    olu, ss_meeting, ss_pool
):
    # As test_sampling's check for the out of court resolution's strata: with every other
    # way to read and order rows ruled out, the plan shows whether the index answers.
    field = stratum_field("ethnicity", "stop-search-test")
    cases = eligible_cases(user=olu, meeting=ss_meeting, filters=PoolFilters())
    grouped = cases.annotate(group=group_expression(field))
    ordered = grouped.order_by(CodePointOrder("reference")).values_list("reference", "group")
    sql, params = ordered.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        for plan_type in ["seqscan", "bitmapscan", "indexscan", "sort"]:
            cursor.execute(f"SET LOCAL enable_{plan_type} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Index Only Scan using case_pool_in_code_point_order on cases_case" in plan
    assert "Sort" not in plan
