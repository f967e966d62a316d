"""The case-extract import engine, shared by the upload pages and `import_extract`.

base holds what the readers share; readers/xlsx open a file safely and stream
its rows (zip_check first checks a workbook as a plain zip); columns maps headings
to fields; values and rows check each cell and row; engine runs one pass (check or
commit) and report holds what it found; writers store rows; storage keeps
uploaded files private. Services in cases/services/ wrap these in transactions
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
