"""Decisions counted by a field of their cases, worked by hand: the stop-and-search pool
(tests.record_kinds.STOP_SEARCH_POOL) with these decisions (SS-08 has none)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import RecordField
from panels.meetings.counts import decision_counts_by_field
from panels.models import Decision
from tests import factories

DECIDED = {
    "SS-01": "consistent",
    "SS-02": "inconsistent",
    "SS-03": "inconsistent",
    "SS-04": "consistent-with-observations",
    "SS-05": "consistent",
    "SS-06": "inconsistent",
    "SS-07": "inconsistent",
}
CATEGORIES = ["consistent", "consistent-with-observations", "inconsistent", "no-conclusion"]


@pytest.fixture
def decided(ss_meeting, ss_pool):
    framework = factories.framework()
    for position, case in enumerate(ss_pool, start=1):
        reviewed = factories.ReviewedCaseFactory(meeting=ss_meeting, case=case, position=position)
        if case.reference in DECIDED:
            factories.DecisionFactory(
                reviewed_case=reviewed,
                category=framework.categories.get(code=DECIDED[case.reference]),
            )
    return Decision.objects.filter(reviewed_case__meeting=ss_meeting)


def table(counts) -> list[tuple]:
    """(label, count per category in order, total) for each row."""
    return [(r.label, [r.count(c) for c in counts.categories], r.total) for r in counts.rows]


def field(stop_search, code: str) -> RecordField:
    return stop_search.fields.get(code=code)


def test_concerns_by_ethnicity(decided, stop_search):
    counts = decision_counts_by_field(decided, field(stop_search, "ethnicity"))

    assert [c.code for c in counts.categories] == CATEGORIES
    assert table(counts) == [
        ("White", [2, 0, 0, 0], 2),  # SS-01, SS-05
        ("Black", [0, 0, 3, 0], 3),  # SS-02, SS-03, SS-07
        ("Asian", [0, 1, 0, 0], 1),  # SS-04
        ("Mixed", [0, 0, 0, 0], 0),  # SS-08 has no decision
        ("Not recorded", [0, 0, 1, 0], 1),  # SS-06
    ]


def test_several_of_a_list_counts_each_choice(decided, stop_search):
    counts = decision_counts_by_field(decided, field(stop_search, "found"))

    assert table(counts) == [
        ("Drugs", [1, 0, 2, 0], 3),  # SS-01; SS-03, SS-06
        ("Weapon", [1, 0, 1, 0], 2),  # SS-05; SS-03 (with drugs: counted under both)
        ("Not recorded", [0, 1, 2, 0], 3),  # SS-04; SS-02, SS-07
    ]


def test_yes_or_no(decided, stop_search):
    counts = decision_counts_by_field(decided, field(stop_search, "bwv"))

    assert table(counts) == [
        ("Yes", [1, 0, 3, 0], 4),  # SS-01; SS-03, SS-06, SS-07
        ("No", [1, 0, 1, 0], 2),  # SS-05; SS-02
        ("Not recorded", [0, 1, 0, 0], 1),  # SS-04
    ]


def test_whole_numbers_in_numeric_order(decided, stop_search):
    counts = decision_counts_by_field(decided, field(stop_search, "age"))

    assert table(counts) == [
        ("12", [0, 0, 1, 0], 1),
        ("15", [1, 0, 0, 0], 1),
        ("17", [0, 0, 1, 0], 1),
        ("22", [0, 0, 1, 0], 1),
        ("30", [0, 1, 0, 0], 1),
        ("41", [0, 0, 1, 0], 1),
        ("Not recorded", [1, 0, 0, 0], 1),  # SS-05
    ]


def test_counting_takes_two_queries_however_many_decisions(decided, stop_search):
    ethnicity = field(stop_search, "ethnicity")

    with CaptureQueriesContext(connection) as queries:
        decision_counts_by_field(decided, ethnicity)

    assert len(queries) == 2


def test_an_out_of_court_field_kept_in_a_column(olu, meeting):
    framework = meeting.panel.framework
    rows = [
        ("under_18", "consistent"),
        ("under_18", "inconsistent"),
        ("not_recorded", "inconsistent"),
    ]
    for position, (band, code) in enumerate(rows, start=1):
        reviewed = factories.ReviewedCaseFactory(
            meeting=meeting, position=position, case__offender_age_band=band
        )
        factories.DecisionFactory(
            reviewed_case=reviewed, category=framework.categories.get(code=code)
        )
    oocr = framework.record_kind
    decisions = Decision.objects.filter(reviewed_case__meeting=meeting)

    by_age = decision_counts_by_field(decisions, oocr.fields.get(code="offender_age_band"))
    by_outcome = decision_counts_by_field(decisions, oocr.fields.get(code="outcome_type"))

    assert table(by_age) == [
        ("Under 18", [1, 0, 1, 0], 2),
        ("18 to 24", [0, 0, 0, 0], 0),
        ("25 to 34", [0, 0, 0, 0], 0),
        ("35 to 49", [0, 0, 0, 0], 0),
        ("50 to 64", [0, 0, 0, 0], 0),
        ("65 and over", [0, 0, 0, 0], 0),
        ("Not recorded", [0, 0, 1, 0], 1),  # the list's own choice: no second row
    ]
    community = next(r for r in by_outcome.rows if r.value == "community-resolution")
    assert (community.label, community.total) == ("Community Resolution", 3)
