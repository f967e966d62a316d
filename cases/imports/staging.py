"""Rows the check has read and validated, kept for the confirm step.

The preview already parses every row of the uploaded file; writing the valid rows
here as it goes (one JSON line each) means confirming need not parse and check the
original again, which for a workbook is most of the work. The staged file sits next
to the upload in private storage, is protected by its SHA-256 on the batch, and is
deleted with it. Values are staged as read, before any redaction: the admin's
decisions are applied when the rows are committed.
"""

import datetime
import json
import os
from collections.abc import Iterator
from pathlib import Path

from .columns import FACT_FIELDS
from .rows import CleanRow, RowCleaner

VERSION = 1
DATE_SLOTS = [i for i, name in enumerate(FACT_FIELDS) if name.endswith("_date")]


class StageWriter:
    """Rows as the check cleaned them. The header names the slots of the kind as it was
    (a kind given a field since cannot take these rows) and the sections the file carries."""

    def __init__(self, path: Path, cleaner: RowCleaner, sections: set[int]):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.handle = os.fdopen(descriptor, "w", encoding="utf-8")
        header = {
            "version": VERSION,
            "texts": [[label, index] for index, label in cleaner.text_plan],
            "slots": cleaner.layout.signature(),
            "sections": sorted(sections),
        }
        self.handle.write(json.dumps(header) + "\n")

    def add(self, number: int, clean: CleanRow, *, screened: bool) -> None:
        values = list(clean.values)
        for slot in DATE_SLOTS:
            if values[slot] is not None:
                values[slot] = values[slot].toordinal()
        line = [number, int(screened), clean.content_hash, values, clean.extra or None]
        self.handle.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        self.handle.close()


def read_header(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        header = json.loads(next(handle))
    if header.get("version") != VERSION:
        raise ValueError("Staged rows from another version.")
    return header


def read(path: Path, *, keep_extra: bool) -> Iterator[tuple[int, CleanRow, bool]]:
    """Yield (row number, clean row, whether the check screened it)."""
    with open(path, encoding="utf-8") as handle:
        header = json.loads(next(handle))
        if header.get("version") != VERSION:
            raise ValueError("Staged rows from another version.")
        text_slots = header["texts"]
        for line in handle:
            number, screened, content_hash, values, extra = json.loads(line)
            for slot in DATE_SLOTS:
                if values[slot] is not None:
                    values[slot] = datetime.date.fromordinal(values[slot])
            texts = [(label, values[slot], slot) for label, slot in text_slots if values[slot]]
            extra = extra or {}
            if keep_extra:
                texts.extend((heading, text, heading) for heading, text in extra.items())
            yield number, CleanRow(values, extra, content_hash, texts), bool(screened)


def cell(path: Path, *, row_number: int, label: str) -> str | None:
    """One staged cell's text as read from the upload, or None if it is not there."""
    prefix = f"[{row_number},"
    with open(path, encoding="utf-8") as handle:
        header = json.loads(next(handle))
        slots = dict(header["texts"])
        for line in handle:
            if line.startswith(prefix):
                _, _, _, values, extra = json.loads(line)
                if label in slots:
                    return values[slots[label]]
                return (extra or {}).get(label)
    return None
