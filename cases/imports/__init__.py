"""The case-extract import engine, shared by the upload pages and `import_extract`.

base holds what the readers share; readers/xlsx open a file safely and stream
its rows (zip_check first checks a workbook as a plain zip); layout says which columns
a kind of record (or one of its sections) has and where each goes, columns holds the
case columns, and headings maps a file's heading row; values (the case columns) and
typed (a kind's fields kept in `values`) check each cell, rows each row; stored reads
what the force holds already; engine runs one pass (check or commit) and report holds
what it found; writers store whole records, writers_section one section of cases
held; storage keeps uploaded files private. Services in cases/services/ wrap these in transactions
and record each batch.
"""

from .base import CP1252, ENCODINGS, UTF8, ExtractError
from .engine import ExtractPass
from .report import Finding, Held, ImportOptions, Problem, Report

__all__ = [
    "CP1252",
    "ENCODINGS",
    "UTF8",
    "ExtractError",
    "ExtractPass",
    "Finding",
    "Held",
    "ImportOptions",
    "Problem",
    "Report",
]
