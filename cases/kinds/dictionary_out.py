"""A record kind's data dictionary written as CSV (docs/record-kinds.md): the same format
cases.kinds.dictionary reads, so a kind exported and imported again is unchanged."""

import csv
import io

from core.bilingual import english_of
from core.spreadsheets import neutralise

from ..models import RecordField
from .dictionary import HEADINGS
from .dictionary_welsh import WELSH_HEADINGS, has_welsh, welsh_cells


def _yes_no_cell(value: bool) -> str:
    return "yes" if value else "no"


def dictionary_row(field: RecordField) -> list[str]:
    choices = "|".join(f"{c['code']}={c['label']}" for c in field.choices)
    return [
        field.code,
        english_of(field.section, "name"),
        english_of(field, "label"),
        field.type,
        choices,
        _yes_no_cell(field.required),
        _yes_no_cell(field.filterable),
        english_of(field, "help"),
    ]


def dictionary_write(fields: list[RecordField], out) -> None:
    """Write the fields (in order, sections selected) as a dictionary to a text stream, with
    the Welsh columns when any field has Welsh. Cells a spreadsheet would run as formulas
    are guarded; reading takes the guard off."""
    writer = csv.writer(out, lineterminator="\r\n")
    welsh = has_welsh(fields)
    writer.writerow(HEADINGS + (WELSH_HEADINGS if welsh else ()))
    for field in fields:
        row = dictionary_row(field) + (welsh_cells(field) if welsh else [])
        writer.writerow([neutralise(cell) for cell in row])


def dictionary_text(fields: list[RecordField]) -> str:
    out = io.StringIO()
    dictionary_write(fields, out)
    return out.getvalue()
