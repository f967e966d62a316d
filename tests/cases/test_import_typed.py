"""Each type of a kind's field reads the spellings extracts use and stores one form."""

import datetime

import pytest

from cases.imports import typed


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("31/03/2025 14:30", "2025-03-31T14:30"),
        ("2025-03-31T14:30:59", "2025-03-31T14:30"),
        ("31 March 2025 9:05", "2025-03-31T09:05"),
        ("31-Mar-25, 23.59", "2025-03-31T23:59"),
        (45747.5, "2025-03-31T12:00"),
        (datetime.datetime(2025, 3, 31, 0, 0), "2025-03-31T00:00"),
        ("", None),
    ],
)
def test_a_date_and_time_is_stored_to_the_minute(cell, stored):
    assert typed.parse_datetime(cell) == stored


@pytest.mark.parametrize("cell", ["31/03/2025", "14:30", "31/03/2025 24:00", "soon 10:00"])
def test_a_date_and_time_needs_both(cell):
    with pytest.raises(ValueError, match="31/03/2025 14:30"):
        typed.parse_datetime(cell)


@pytest.mark.parametrize(
    ("cell", "stored"),
    [("12", 12), ("-3", -3), ("1,200", 1200), (7.0, 7), ("4.0", 4), (9, 9), ("", None)],
)
def test_a_whole_number(cell, stored):
    assert typed.parse_integer(cell) == stored


@pytest.mark.parametrize("cell", ["1.5", 2.5, "ten", True])
def test_a_whole_number_refuses_anything_else(cell):
    with pytest.raises(ValueError, match="must be a whole number"):
        typed.parse_integer(cell)


@pytest.mark.parametrize(
    ("cell", "stored"),
    [("12.50", "12.50"), (".5", "0.5"), ("1,200.5", "1200.5"), (2.25, "2.25"), ("", None)],
)
def test_a_decimal_keeps_its_exact_text(cell, stored):
    assert typed.parse_decimal(cell) == stored


@pytest.mark.parametrize(
    ("cell", "stored"),
    [("Y", True), ("no", False), ("TRUE", True), ("0", False), ("", None), (False, False)],
)
def test_yes_or_no_takes_the_flags_spellings_and_blank_is_not_recorded(cell, stored):
    assert typed.parse_yes_no(cell) is stored


def test_a_link_must_be_https():
    assert typed.parse_link(" https://example.org/a ") == "https://example.org/a"
    for cell in ["http://example.org", "example.org", "javascript:alert(1)"]:
        with pytest.raises(ValueError, match="https://"):
            typed.parse_link(cell)
