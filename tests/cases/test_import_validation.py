"""Row checks: required fields, dates, reference data, scores and date order.
Every problem names its row and column in plain words and never repeats the cell."""

import datetime

import pytest

from cases import services
from cases.enums import BatchStatus
from cases.models import Case, OutcomeType
from tests.cases.conftest import csv_bytes, messages_of, row, upload


def import_one(user, force, **overrides):
    batch = upload(user, force, csv_bytes([row("CR-1", **overrides)]))
    if batch.status == BatchStatus.PREVIEWED:
        services.batch_confirm(batch=batch, user=user)
    return batch


@pytest.mark.parametrize(
    "spelling",
    [
        "01/03/2025",
        "1/3/2025",
        "1/3/25",
        "01-03-2025",
        "01.03.2025",
        "2025-03-01",
        "1 March 2025",
        "1 Mar 2025",
        "01-Mar-2025",
        "1-Mar-25",
        "1st March 2025",
        "01/03/2025 00:00",
        "45717",
    ],
)
def test_outcome_date_in_usual_uk_spellings_and_excel_serials_is_read(alice, force, spelling):
    import_one(alice, force, **{"Outcome date": spelling})

    assert Case.objects.get().outcome_date == datetime.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("spelling", "message"),
    [
        ("31/02/2025", "Outcome date is not a real date; use a date like 31/03/2025."),
        ("next Tuesday", "Outcome date is not a date we recognise; use a date like 31/03/2025."),
        ("3", "Outcome date is not a date we recognise; use a date like 31/03/2025."),
        (
            "99999",
            "Outcome date is a number that is not a date between 1950 and 2099; "
            "use a date like 31/03/2025.",
        ),
    ],
)
def test_outcome_date_that_is_not_a_date_is_reported(alice, force, spelling, message):
    batch = import_one(alice, force, **{"Outcome date": spelling})

    assert messages_of(batch) == [(2, "Outcome date", message)]


@pytest.mark.parametrize("field", ["Reference", "Offence", "Outcome type", "Facts at decision"])
def test_blank_required_field_is_reported(alice, force, field):
    batch = import_one(alice, force, **{field: "  "})

    assert messages_of(batch) == [(2, field, f"{field} is blank.")]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Community Resolution", "community-resolution"),
        ("community-resolution", "community-resolution"),
        ("CR", "community-resolution"),
        ("Outcome 22", "outcome-22"),
        ("YOUTH CAUTION", "youth-caution"),
    ],
)
def test_outcome_type_is_matched_by_name_code_or_shorthand(alice, force, written, code):
    import_one(alice, force, **{"Outcome type": written})

    assert Case.objects.get().outcome_type.code == code


def test_outcome_type_not_in_reference_data_is_reported_without_repeating_it(alice, force):
    batch = import_one(alice, force, **{"Outcome type": "Ask j.smith@example.org"})

    assert messages_of(batch) == [
        (
            2,
            "Outcome type",
            "Outcome type is not an outcome type we recognise; see the import guide.",
        )
    ]


def test_outcome_type_switched_off_is_reported(alice, force):
    OutcomeType.objects.filter(code="simple-caution").update(is_active=False)

    batch = import_one(alice, force, **{"Outcome type": "Simple Caution"})

    assert messages_of(batch) == [
        (2, "Outcome type", "Outcome type is an outcome type that is no longer in use.")
    ]


def test_crime_code_is_matched_ignoring_case_and_fills_offence_category(alice, force):
    import_one(alice, force, **{"Crime code": "105a"})

    case = Case.objects.get()
    assert (case.crime_code.code, case.offence_category) == ("105A", "Violence without injury")


def test_crime_code_not_in_reference_data_is_reported(alice, force):
    batch = import_one(alice, force, **{"Crime code": "999Z"})

    assert messages_of(batch) == [
        (
            2,
            "Crime code",
            "Crime code is not in the list of crime codes; check it, or ask an "
            "administrator to add it.",
        )
    ]


@pytest.mark.parametrize("score", ["0", "5", "2.5", "high"])
def test_gravity_score_outside_one_to_four_is_reported(alice, force, score):
    batch = import_one(alice, force, **{"Gravity score": score})

    assert messages_of(batch) == [
        (2, "Gravity score", "Gravity score must be a whole number from 1 to 4.")
    ]


def test_blank_gravity_score_is_stored_as_not_recorded(alice, force):
    import_one(alice, force, **{"Gravity score": ""})

    assert Case.objects.get().gravity_score is None


def test_outcome_date_before_offence_date_is_reported(alice, force):
    batch = import_one(alice, force, **{"Offence date": "02/03/2025", "Outcome date": "01/03/2025"})

    assert messages_of(batch) == [(2, "Outcome date", "Outcome date is before the offence date.")]


def test_outcome_date_in_the_future_is_reported(alice, force):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)

    batch = import_one(alice, force, **{"Outcome date": tomorrow.strftime("%d/%m/%Y")})

    assert messages_of(batch) == [(2, "Outcome date", "Outcome date is in the future.")]


def test_reference_appearing_twice_is_reported_on_the_second_row(alice, force):
    batch = upload(alice, force, csv_bytes([row("CR-1"), row("CR-2"), row("CR-1")]))

    assert messages_of(batch) == [
        (4, "Reference", "Reference is the same as on row 2; each case must appear once.")
    ]


def test_reference_with_other_characters_is_reported(alice, force):
    batch = import_one(alice, force, Reference="CR#1")

    assert messages_of(batch) == [
        (
            2,
            "Reference",
            "Reference can only contain letters, numbers, spaces, hyphens, slashes, "
            "underscores and full stops.",
        )
    ]


@pytest.mark.parametrize(
    ("written", "stored"),
    [("Yes", "full"), ("partial", "partial"), ("N", "none"), ("", "not_recorded")],
)
def test_admission_accepts_plain_answers(alice, force, written, stored):
    import_one(alice, force, Admission=written)

    assert Case.objects.get().admission == stored


def test_unrecognised_admission_is_reported(alice, force):
    batch = import_one(alice, force, Admission="maybe")

    assert messages_of(batch) == [
        (
            2,
            "Admission",
            "Admission is not one we recognise; use Full, Partial, None or Not recorded.",
        )
    ]


def test_offender_age_in_years_is_stored_as_its_band(alice, force):
    batch = upload(alice, force, csv_bytes([{**row("CR-1"), "Age": "17"}]))
    services.batch_confirm(batch=batch, user=alice)

    assert Case.objects.get().offender_age_band == "under_18"


def test_every_problem_in_a_file_is_listed_and_nothing_is_written(alice, force):
    rows = [row("CR-1", **{"Gravity score": "9"}), row("CR-2"), row("CR-3", Offence="")]

    batch = upload(alice, force, csv_bytes(rows))

    assert (batch.status, batch.error_count, Case.objects.count()) == (
        BatchStatus.REJECTED,
        2,
        0,
    )
    assert [(r, c) for r, c, _ in messages_of(batch)] == [(2, "Gravity score"), (4, "Offence")]
