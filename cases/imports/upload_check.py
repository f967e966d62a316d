"""A first look at an uploaded file, before anything is stored: is it a CSV or an
Excel workbook at all?

The name is checked by the form; this looks at the bytes, so a PDF, picture or zip
renamed ".csv" is refused on the upload page rather than becoming a rejected batch.
A workbook must be a zip holding the Office Open XML parts; a CSV must be text whose
first row holds at least one heading this service recognises.
"""

import csv
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.import_wording import NOT_A_WORKBOOK

from .base import ExtractError
from .columns import header_lookup, normalise_header
from .readers import OLE_MAGIC, UTF8_BOM, UTF16_BOMS, ZIP_MAGIC
from .zip_check import check_zip

NOT_AN_EXTRACT = gettext_lazy("The selected file must be a CSV or XLSX")
NO_HEADINGS = gettext_lazy(
    "The selected file must have a first row of column headings that the kind of record "
    "chosen reads, such as Reference and Date"
)
HEAD_BYTES = 64 * 1024
# Files that are plainly something else: PDF, PNG, GIF, JPEG, RTF.
OTHER_KINDS = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"{\\rtf")
# Control characters no CSV holds (tab, line feed and carriage return are fine).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def upload_problem(handle, *, file_name: str, known: set[str] | None = None) -> str | None:
    """Why the file cannot be an extract, in the words of an error message, or None.

    `handle` is a binary file positioned anywhere; it is left at its start. `known`: the
    normalised headings of the kind of record chosen (the out of court resolution's if
    None)."""
    handle.seek(0)
    head = handle.read(HEAD_BYTES)
    handle.seek(0)
    try:
        if head.startswith(ZIP_MAGIC):
            return _workbook_problem(handle)
        if file_name.lower().endswith(".xlsx"):
            return str(NOT_AN_EXTRACT)
        if head.startswith(OLE_MAGIC):
            return _(
                "The selected file is an old-style Excel (.xls) or password-protected "
                "workbook. Save it as an unprotected Excel workbook (.xlsx) or as CSV"
            )
        if head.startswith(UTF16_BOMS):
            return _("The selected file is saved as UTF-16 text. Save it as CSV UTF-8")
        return _csv_problem(head, known)
    finally:
        handle.seek(0)


def _workbook_problem(handle) -> str | None:
    try:
        archive = check_zip(handle)
    except ExtractError as error:
        if error.code in NOT_A_WORKBOOK:
            return str(NOT_AN_EXTRACT)
        return error.shown.rstrip(".")
    archive.close()
    return None


def _csv_problem(head: bytes, known: set[str] | None) -> str | None:
    if head.startswith(OTHER_KINDS):
        return str(NOT_AN_EXTRACT)
    text = _decoded(head.removeprefix(UTF8_BOM))
    if text is None or CONTROL.search(text):
        return str(NOT_AN_EXTRACT)
    first = text.split("\n", 1)[0].rstrip("\r")
    if not first.strip():
        return str(NO_HEADINGS)
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        headings = next(csv.reader([first], delimiter=delimiter), [])
    except csv.Error:
        return str(NOT_AN_EXTRACT)
    known = header_lookup() if known is None else known
    if not any(normalise_header(heading) in known for heading in headings):
        return str(NO_HEADINGS)
    return None


def _decoded(head: bytes) -> str | None:
    """The start of the file as text, in UTF-8 or else Windows-1252, or None if it is
    neither. A character cut off by the end of `head` is dropped, not counted against it."""
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return head[: error.start].decode("utf-8", errors="strict")
    try:
        return head.decode("cp1252")
    except UnicodeDecodeError:
        return None
