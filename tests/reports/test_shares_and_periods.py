"""Hand-worked figures: shares of cases, changes in percentage points, the threshold below
which periods are not compared, and the periods offered by name."""

import datetime

import pytest

from reports import periods, shares

D = datetime.date


@pytest.mark.parametrize(
    ("part", "whole", "words"),
    [
        (8, 10, "8 of 10 cases (80%)"),
        (1, 8, "1 of 8 cases (13%)"),  # 12.5% rounds half up, not to even
        (2, 3, "2 of 3 cases (67%)"),
        (0, 4, "0 of 4 cases (0%)"),
        (1, 1, "1 of 1 case (100%)"),
        (0, 0, "0 of 0 cases"),
    ],
)
def test_a_share_of_cases_reads_as_published(part, whole, words):
    assert shares.of_cases(part, whole) == words


def test_a_change_is_worked_from_the_exact_shares_in_percentage_points():
    # 8 of 12 (66.67%) against 3 of 10 (30%): up 36.67, said as 37 points.
    change = shares.change(8, 12, 3, 10, least=10)

    assert (change.now, change.before, change.points) == (67, 30, 37)
    assert change.words == "Up 37 percentage points"


def test_a_fall_and_no_change_are_said_in_words():
    assert shares.change(2, 10, 5, 10, least=10).words == "Down 30 percentage points"
    assert shares.change(5, 10, 6, 12, least=10).words == "No change"
    assert shares.change(11, 100, 1, 10, least=10).words == "Up 1 percentage point"


def test_fewer_cases_than_the_threshold_in_either_period_are_not_compared():
    assert shares.change(5, 9, 5, 10, least=10).words == "Too few cases to compare"
    assert shares.change(5, 10, 5, 9, least=10).too_few
    assert not shares.change(5, 10, 5, 10, least=10).too_few


def test_financial_quarters_and_years_are_named_as_the_uk_names_them():
    assert periods.financial_quarter(2025, 1) == periods.Period(
        "Q1 2025/26", D(2025, 4, 1), D(2025, 6, 30)
    )
    assert periods.financial_quarter(2025, 3).end == D(2025, 12, 31)
    assert periods.financial_quarter(2025, 4) == periods.Period(
        "Q4 2025/26", D(2026, 1, 1), D(2026, 3, 31)
    )
    assert periods.financial_year(2099) == periods.Period("2099/00", D(2099, 4, 1), D(2100, 3, 31))


def test_the_periods_offered_are_the_years_and_the_quarters_begun():
    offered = periods.named_periods(D(2025, 8, 15), years=2)

    assert [p.name for p in offered] == [
        "2025/26",
        "Q2 2025/26",
        "Q1 2025/26",
        "2024/25",
        "Q4 2024/25",
        "Q3 2024/25",
        "Q2 2024/25",
        "Q1 2024/25",
    ]


def test_the_period_before_is_of_equal_length_and_ends_the_day_before():
    assert periods.previous(D(2025, 4, 1), D(2025, 6, 30)) == (D(2024, 12, 31), D(2025, 3, 31))
    assert periods.previous(D(2026, 1, 1), D(2026, 12, 31)) == (D(2025, 1, 1), D(2025, 12, 31))
