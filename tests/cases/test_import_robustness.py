"""Bad input never crashes the import: whatever the bytes, the batch is recorded as
rejected or previewed, and nothing is written to the cases."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.enums import BatchStatus
from cases.imports import ExtractError
from cases.models import Case
from tests.cases.conftest import csv_bytes, row, upload, xlsx_bytes

ROUNDS = 60
FINISHED = {BatchStatus.REJECTED, BatchStatus.PREVIEWED}
RELAXED = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def outcome(user, force, data: bytes, file_name: str):
    try:
        batch = upload(user, force, data, file_name)
    except ExtractError as error:  # empty files are refused before a batch exists
        return error.message
    return batch.status


@RELAXED
@given(data=st.binary(min_size=1, max_size=3000))
def test_any_bytes_as_csv_are_rejected_or_previewed(alice, force, data):
    assert outcome(alice, force, data, "extract.csv") in FINISHED
    assert Case.objects.count() == 0


@RELAXED
@given(text=st.text(min_size=1, max_size=2000))
def test_any_text_after_a_heading_row_is_rejected_or_previewed(alice, force, text):
    data = csv_bytes([row("CR-1")]) + text.encode("utf-8", "surrogatepass")

    assert outcome(alice, force, data, "extract.csv") in FINISHED


def test_workbooks_with_damaged_bytes_are_rejected_or_previewed(alice, force):
    original = xlsx_bytes([row(f"CR-{n}") for n in range(20)])
    rng = random.Random(3)
    outcomes = set()
    for _ in range(ROUNDS):
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)

        outcomes.add(outcome(alice, force, bytes(damaged), "extract.xlsx"))

    assert outcomes <= FINISHED
    assert Case.objects.count() == 0


def test_workbook_cut_short_is_rejected(alice, force):
    data = xlsx_bytes([row("CR-1")])

    assert outcome(alice, force, data[: len(data) // 2], "extract.xlsx") == BatchStatus.REJECTED
