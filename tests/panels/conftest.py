"""Fixtures shared by the panels tests."""

import datetime

import pytest

from cases.models import Case
from tests import factories

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
