"""Opening an extract file and reading it row by row, without holding it in memory.

`open_extract` looks at the bytes, not the name, to tell CSV from XLSX, applies
the file-level safety checks and returns a reader whose `rows()` yields
(row number, cells, problem) one at a time. Row numbers count the header as
row 1, as a spreadsheet shows them. A problem that stops the whole file raises
`ExtractError` with a message for the admin; a problem with one row (an invalid
byte, a NUL) is yielded alongside that row so the rest can still be checked.

The pieces both readers share live in base.py; this module holds the CSV reader
and the dispatcher, and imports the XLSX reader, which never imports back.
"""

import csv
from collections.abc import Iterator
from pathlib import Path

from cases.import_wording import Text

from . import values
from .base import CP1252, CSV, UTF8, XLSX, ExtractError, Row
from .report import ImportOptions
from .xlsx import XlsxReader

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or a password-protected workbook
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MAX_LINE_BYTES = 1024 * 1024


def sniff_format(path: Path, file_name: str) -> str:
    with open(path, "rb") as handle:
        head = handle.read(8)
    if not head:
        raise ExtractError(Text("empty"))
    if head.startswith(ZIP_MAGIC):
        return XLSX
    if head.startswith(OLE_MAGIC):
        raise ExtractError(Text("old_excel"))
    if file_name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise ExtractError(Text("named_as_workbook"))
    if head.startswith(UTF16_BOMS):
        raise ExtractError(Text("utf16"))
    return CSV


def open_extract(path: Path, *, file_name: str, encoding: str = "auto", sheet_name: str = ""):
    if sniff_format(path, file_name) == XLSX:
        return XlsxReader(path, sheet_name=sheet_name)
    if sheet_name:
        raise ExtractError(Text("sheet_name_for_csv"))
    return CsvReader(path, encoding=encoding)


class _Lines:
    """Decoded lines of a CSV file, noting any bad bytes against the row being read.

    With encoding "auto" the file is read as UTF-8 and switches to Windows-1252 at
    the first byte that is not valid UTF-8, provided nothing before it was
    UTF-8 beyond plain ASCII (which both encodings share).
    """

    def __init__(self, handle, encoding: str):
        self.handle = handle
        self.auto = encoding == "auto"
        self.encoding = CP1252 if encoding == "cp1252" else UTF8
        self.saw_utf8 = False
        self.problem = ""
        self.lines_read = 0

    def take_problem(self) -> "Text | str":
        problem, self.problem = self.problem, ""
        return problem

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.handle.readline(MAX_LINE_BYTES)
        if not line:
            raise StopIteration
        self.lines_read += 1
        if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
            raise ExtractError(Text("line_too_long"))
        if self.lines_read == 1 and line.startswith(UTF8_BOM):
            line = line[3:]
        if b"\x00" in line:
            self.problem = Text("row_nul")
            line = line.replace(b"\x00", b"")
        if line.isascii():
            return line.decode("ascii")
        return self._decode(line)

    def _decode(self, line: bytes) -> str:
        try:
            text = line.decode(self.encoding)
        except UnicodeDecodeError:
            if self.auto and self.encoding == UTF8 and not self.saw_utf8:
                self.encoding = CP1252
                return self._decode(line)
            self.problem = self._bad_bytes_message()
            return line.decode(self.encoding, errors="replace")
        if self.encoding == UTF8:
            self.saw_utf8 = True
        return text

    def _bad_bytes_message(self) -> Text:
        return Text("row_not_utf8" if self.encoding == UTF8 else "row_not_cp1252")


class CsvReader:
    format = CSV
    date1904 = False

    def __init__(self, path: Path, *, encoding: str = "auto"):
        self.path = path
        self.requested_encoding = encoding
        self.headers: list[str] = []
        self.delimiter = ","
        self._handle = None
        self._lines: _Lines | None = None

    @property
    def encoding(self) -> str:
        return self._lines.encoding if self._lines else ""

    def __enter__(self):
        self._handle = open(self.path, "rb")  # noqa: SIM115 — closed by __exit__
        self._lines = _Lines(self._handle, self.requested_encoding)
        first = next(self._lines, None)
        if first is None or not first.strip():
            raise ExtractError(Text("no_heading_row"))
        self.delimiter = max((",", ";", "\t"), key=first.count)
        self._reader = csv.reader(_chain(first, self._lines), delimiter=self.delimiter)
        self.headers = self._next_record()
        if self._lines.take_problem():
            raise ExtractError(Text("heading_unreadable"), 1)
        return self

    def __exit__(self, *exc):
        if self._handle:
            self._handle.close()

    def estimated_rows(self) -> int:
        """Lines after the heading: the row count, unless cells hold line breaks."""
        lines, last = 0, b""
        with open(self.path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk
        return max(0, lines - 1 + (not last.endswith(b"\n")))

    def _next_record(self):
        try:
            return next(self._reader)
        except csv.Error as error:
            code = "csv_cell_too_long" if "field limit" in str(error) else "csv_invalid"
            line = self._reader.line_num
            raise ExtractError(Text(code, {"row": line}), line) from None

    def rows(self) -> Iterator[Row]:
        number = 1
        lines = self._lines
        while True:
            try:
                cells = self._next_record()
            except StopIteration:
                return
            number += 1
            yield Row(number, cells, lines.take_problem())


def _chain(first: str, rest):
    yield first
    yield from rest


def read_cell(path: Path, options: ImportOptions, *, row_number: int, column: str) -> str | None:
    """One cell's text as uploaded, for the admin deciding about a finding; None if gone."""
    try:
        with open_extract(
            path,
            file_name=options.file_name,
            encoding=options.encoding,
            sheet_name=options.sheet_name,
        ) as reader:
            headings = [values.clean_text(heading) for heading in reader.headers]
            if column not in headings:
                return None
            index = headings.index(column)
            for row in reader.rows():
                if row.number == row_number:
                    return values.clean_text(row.cells[index]) if index < len(row.cells) else ""
                if row.number > row_number:
                    break
    except (ExtractError, OSError, ValueError):
        return None
    return None
