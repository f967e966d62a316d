"""Fleiss' kappa against worked examples."""

import pytest

from panels.rating.agreement import MIN_CASES, case_agreement, fleiss_kappa, majority
from panels.rating.presenters import kappa_reading, kappa_too_few

# Fleiss (1971), as reproduced in most textbooks: 10 subjects, 14 raters, 5 categories.
FLEISS_1971 = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_fleiss_worked_example():
    kappa = fleiss_kappa(FLEISS_1971)

    assert kappa.value == pytest.approx(0.210, abs=0.0005)
    assert (kappa.cases, kappa.raters, kappa.left_out) == (10, 14, 0)
    assert kappa_reading(kappa) == "fair agreement"


def test_unequal_raters_worked_by_hand():
    """Three cases, two categories; case 2 lost a rater to a conflict, case 4 has one
    rating only and is left out.

    Case agreement P_i = sum n(n-1) / (n_i (n_i - 1)):
      case 1 [3, 0]: 6/6 = 1;  case 2 [1, 1]: 0/2 = 0;  case 3 [2, 1]: 2/6 = 1/3.
    Mean P = (1 + 0 + 1/3) / 3 = 4/9.
    Shares over the 8 counted ratings: 6/8 and 2/8, so P_e = 36/64 + 4/64 = 5/8.
    Kappa = (4/9 - 5/8) / (1 - 5/8) = (-13/72) / (3/8) = -13/27.
    """
    kappa = fleiss_kappa([[3, 0], [1, 1], [2, 1], [0, 1]])

    assert kappa.value == pytest.approx(-13 / 27)
    assert (kappa.cases, kappa.raters, kappa.left_out) == (3, 3, 1)
    assert kappa_reading(kappa) == "poor agreement (worse than chance)"


def test_perfect_agreement_on_one_category_has_no_kappa():
    kappa = fleiss_kappa([[3, 0], [3, 0]])

    assert kappa.value is None
    assert kappa_reading(kappa) == "Not enough ratings to measure agreement."


def test_cases_with_fewer_than_two_ratings_leave_nothing_to_measure():
    kappa = fleiss_kappa([[1, 0], [0, 0]])

    assert (kappa.value, kappa.cases, kappa.left_out) == (None, 0, 2)


def test_unanimous_cases_across_categories_agree_perfectly():
    kappa = fleiss_kappa([[3, 0], [0, 3]])

    assert kappa.value == pytest.approx(1.0)
    assert kappa_reading(kappa) == "almost perfect agreement"


def test_case_agreement_is_the_share_of_the_most_common_category():
    assert case_agreement([3, 1, 0]) == 0.75
    assert case_agreement([1, 0]) is None  # one rating agrees with nobody
    assert case_agreement([0, 0]) is None


def test_a_majority_is_more_than_half_of_two_or_more_ratings():
    assert majority([2, 1, 0]) == 0
    assert majority([0, 3]) == 1
    assert majority([1, 1, 1]) is None
    assert majority([2, 2]) is None
    assert majority([1, 0]) is None


def test_kappa_over_fewer_than_the_minimum_cases_cannot_be_judged():
    kappa = fleiss_kappa([[1, 1, 0], [0, 1, 1]] + [[0, 0, 0]] * 3)

    assert kappa.cases == 2 < MIN_CASES
    assert kappa.judgeable is False
    assert kappa_too_few(kappa) == (
        "Agreement cannot be judged yet: kappa needs at least 5 cases with two or more "
        "ratings, and there are 2."
    )


def test_kappa_over_the_minimum_cases_is_judged():
    assert fleiss_kappa(FLEISS_1971[:MIN_CASES]).judgeable is True
