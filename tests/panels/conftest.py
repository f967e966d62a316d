"""Fixtures shared by the panels tests."""

import datetime

import pytest

from cases.models import Case
from tests import factories
from tests.record_kinds import STOP_SEARCH, STOP_SEARCH_POOL, framework_for, kind, kind_case

# Outcome types, offence categories and flags spread over a pool so filters and strata bite.
POOL_OUTCOMES = ["community-resolution", "community-resolution", "simple-caution"]
POOL_CODES = ["8L", "8Q", "105A", "46"]


@pytest.fixture
def case_pool(meeting) -> list[Case]:
    """Thirty in-pool cases of the meeting's force, references SP-01 … SP-30."""
    force = meeting.panel.force
    return [
        factories.CaseFactory(
            force=force,
            reference=f"SP-{n:02d}",
            outcome_type=factories.outcome_type(POOL_OUTCOMES[n % 3]),
            crime_code=factories.crime_code(POOL_CODES[n % 4]),
            offence_category=factories.crime_code(POOL_CODES[n % 4]).offence_category,
            is_domestic_abuse=n % 5 == 0,
            outcome_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=10 * n),
        )
        for n in range(1, 31)
    ]


@pytest.fixture
def stop_search(db):
    return kind(STOP_SEARCH)


@pytest.fixture
def ss_meeting(stop_search):
    framework = framework_for(stop_search, "oocr-three-way")
    panel = factories.PanelFactory(name="Stop and search panel", framework=framework)
    return factories.MeetingFactory(panel=panel, theme="Searches of young people")


@pytest.fixture
def ss_pool(ss_meeting, stop_search):
    force = ss_meeting.panel.force
    cases = []
    for reference, ethnicity, bwv, age, power, found in STOP_SEARCH_POOL:
        values = {"ethnicity": ethnicity, "bwv": bwv, "age": age, "power": power, "found": found}
        values = {code: value for code, value in values.items() if value is not None}
        cases.append(kind_case(stop_search, values, force=force, reference=reference))
    # Neither is drawn: an out of court resolution of the same force, and a search elsewhere.
    factories.CaseFactory(force=force, reference="OC-1")
    kind_case(stop_search, {"ethnicity": "b"}, reference="ELSEWHERE-1")
    return cases
