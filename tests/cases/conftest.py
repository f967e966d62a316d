"""Fixtures for the import tests: private storage in a temporary folder, a force,
and helpers that write extracts as CSV or Excel files."""

import csv
import datetime
import io

import openpyxl
import pytest

from cases import services
from tests import factories

HEADERS = [
    "Reference",
    "Offence",
    "Crime code",
    "Outcome type",
    "Offence date",
    "Outcome date",
    "Gravity score",
    "Admission",
    "Facts at decision",
]


def row(reference: str = "CR-0001", **overrides) -> dict:
    values = {
        "Reference": reference,
        "Offence": "Harassment without violence",
        "Crime code": "8L",
        "Outcome type": "Community Resolution",
        "Offence date": "10/01/2025",
        "Outcome date": "01/03/2025",
        "Gravity score": "2",
        "Admission": "Full",
        "Facts at decision": "The offender sent repeated messages after being asked to stop.",
    }
    values.update(overrides)
    return values


def csv_bytes(rows: list[dict], *, headers=None, delimiter=",", encoding="utf-8") -> bytes:
    headers = headers or list(rows[0]) if rows else HEADERS
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for item in rows:
        writer.writerow([item.get(h, "") for h in headers])
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[dict], *, headers=None, sheet="Cases", extra_sheets=()) -> bytes:
    headers = headers or list(rows[0]) if rows else HEADERS
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    for name in extra_sheets:
        workbook.create_sheet(name).append(["Nothing to see"])
    sheet_ = workbook.create_sheet(sheet, 0)
    sheet_.append(headers)
    for item in rows:
        sheet_.append([item.get(h) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"
    return settings.PRIVATE_UPLOAD_ROOT


@pytest.fixture
def force(db):
    return factories.ForceFactory(code="TEST", name="Testshire Police")


@pytest.fixture
def today():
    return datetime.date.today()


def upload(user, force, data: bytes, file_name: str = "extract.csv", **options):
    """Upload bytes through the same service the upload page uses."""
    return services.batch_upload(
        force=force, user=user, file_name=file_name, chunks=[data], **options
    )


def messages_of(batch) -> list[tuple]:
    return list(batch.problems.values_list("row_number", "column", "message"))
