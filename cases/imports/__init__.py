"""The case-extract import engine, shared by the upload pages and `import_extract`.

readers/xlsx open a file safely and stream its rows; columns maps headings to
fields; values and rows check each cell and row; engine runs one pass (check or
commit); writers store rows; storage keeps uploaded files private. Services in
cases/services.py wrap these in transactions and record each batch.
"""

from .engine import ExtractPass, Finding, Held, ImportOptions, Problem, Report
from .readers import CP1252, ENCODINGS, UTF8, ExtractError

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
