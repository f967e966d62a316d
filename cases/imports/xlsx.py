"""Reading an Excel workbook safely and quickly, one row at a time.

openpyxl's read-only mode parses about 4,000 rows a second here, which is too
slow for a national extract, so the worksheet is read directly. The workbook is
checked as a plain zip of XML first (sizes, compression ratio, no macros); its
small index parts are parsed with defusedxml; the shared strings and the sheet
are streamed through expat with handlers that refuse any DTD or entity
declaration (what defusedxml does) and keep only the cell values, building no
element tree.
"""

import re
import zipfile
from pathlib import Path, PurePosixPath
from xml.parsers import expat

from defusedxml.ElementTree import fromstring as safe_fromstring

from cases.import_wording import Text

from .base import XLSX, ExtractError, Row
from .zip_check import DAMAGED, check_zip, small_part

# Transitional (what Excel writes) and Strict Office Open XML namespaces.
NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# expat reports "namespace local-name"; each sheet element we read, by local name.
_TAGS = {
    f"{ns} {tag}": tag
    for ns in NAMESPACES
    for tag in ("row", "c", "v", "f", "is", "t", "si", "rPh")
}
CHUNK = 1 << 16
_COLUMN = re.compile(r"[A-Z]{1,3}")
LAST_COLUMN = 16383  # XFD, the last column Excel allows


class _Forbidden(Exception):
    """A DTD or entity declaration: the way into entity-expansion ("billion laughs")
    and external-entity attacks, and never needed by a real workbook."""


def _part(archive: zipfile.ZipFile, name: str):
    try:
        return safe_fromstring(small_part(archive, name), forbid_dtd=True)
    except KeyError:
        raise ExtractError(Text("part_missing")) from None
    except Exception:  # noqa: BLE001 — defusedxml and expat raise many types; all mean "unsafe"
        raise ExtractError(Text("xml_not_allowed")) from None


def _forbid(*args):
    raise _Forbidden


def _stream(archive: zipfile.ZipFile, name: str, handler):
    """Feed one XML part to `handler` (start, end, chars, and a `done` list it fills),
    yielding what it has finished after each chunk."""
    info = archive.getinfo(name)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.chars
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    seen = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                seen += len(chunk)
                if seen > info.file_size:
                    raise ExtractError(Text("part_larger_than_stated"))
                parser.Parse(chunk, False)
                yield from handler.done
                handler.done.clear()
            parser.Parse(b"", True)
            yield from handler.done
    except _Forbidden:
        raise ExtractError(Text("xml_declarations")) from None


class _SharedStrings:
    """Collects the shared-string table: each <si>'s text runs, skipping phonetic hints."""

    def __init__(self):
        self.done: list[str] = []
        self.parts: list[str] = []
        self.buffer: list[str] | None = None
        self.phonetic = 0

    def start(self, name, attrs):
        tag = _TAGS.get(name)
        if tag == "t" and not self.phonetic:
            self.buffer = []
        elif tag == "si":
            self.parts = []
        elif tag == "rPh":
            self.phonetic += 1

    def end(self, name):
        tag = _TAGS.get(name)
        if tag == "t" and self.buffer is not None:
            self.parts.append("".join(self.buffer))
            self.buffer = None
        elif tag == "si":
            self.done.append("".join(self.parts))
        elif tag == "rPh":
            self.phonetic -= 1

    def chars(self, data):
        if self.buffer is not None:
            self.buffer.append(data)


class _SheetRows:
    """Turns the sheet's XML events into Rows of cell values.

    Text comes back as str, numbers as int or float, booleans as bool; a formula
    comes back as its text with a leading "=", which the row checks refuse.
    """

    def __init__(self, shared: list[str]):
        self.shared = shared
        self.done: list[Row] = []
        self.columns: dict[str, int] = {}
        self.number = 0
        self.cells: list = []
        self.problem = ""
        self.buffer: list[str] | None = None
        self.ref = self.kind = self.value = self.formula = None
        self.inline: list[str] | None = None
        self.phonetic = 0

    def start(self, name, attrs):
        tag = _TAGS.get(name)
        if tag == "c":
            self.ref, self.kind = attrs.get("r"), attrs.get("t")
            self.value = self.formula = self.inline = None
        elif tag == "v" or tag == "f" or (tag == "t" and not self.phonetic):
            self.buffer = []
        elif tag == "is":
            self.inline = []
        elif tag == "row":
            self.number = int(attrs.get("r") or self.number + 1)
            self.cells, self.problem = [], ""
        elif tag == "rPh":
            self.phonetic += 1

    def end(self, name):
        tag = _TAGS.get(name)
        if tag == "v":
            self.value = "".join(self.buffer)
            self.buffer = None
        elif tag == "t" and self.buffer is not None:
            if self.inline is not None:
                self.inline.append("".join(self.buffer))
            self.buffer = None
        elif tag == "c":
            self._cell()
        elif tag == "f":
            self.formula = "=" + "".join(self.buffer)
            self.buffer = None
        elif tag == "row":
            self.done.append(Row(self.number, self.cells, self.problem))
        elif tag == "rPh":
            self.phonetic -= 1

    def chars(self, data):
        if self.buffer is not None:
            self.buffer.append(data)

    def _cell(self) -> None:
        cells = self.cells
        index = _column_index(self.ref, self.columns) if self.ref else len(cells)
        if index > LAST_COLUMN:
            self.problem = Text("row_beyond_last_column")
            return
        while len(cells) < index:
            cells.append(None)
        kind = self.kind
        if self.formula is not None:
            cells.append(self.formula)
        elif self.inline is not None:
            cells.append("".join(self.inline))
        elif self.value is None:
            cells.append(None)
        elif kind == "s":
            try:
                cells.append(self.shared[int(self.value)])
            except (ValueError, IndexError):
                cells.append(None)
                self.problem = Text("row_missing_text")
        elif kind is None or kind == "n":
            cells.append(_number(self.value))
        elif kind == "b":
            cells.append(self.value == "1")
        else:  # "str", "e" (an error such as #N/A) and "d" (an ISO date) are read as text
            cells.append(self.value)


class XlsxReader:
    format = XLSX
    encoding = ""

    def __init__(self, path: Path, *, sheet_name: str = ""):
        self.path = path
        self.sheet_name = sheet_name
        self.headers: list = []
        self.header_row = 1
        self.date1904 = False
        self._archive = None
        self._rows = None

    def __enter__(self):
        self._archive = check_zip(self.path)
        try:
            self._open()
        except DAMAGED:
            self._archive.close()
            raise ExtractError(Text("workbook_unreadable")) from None
        except BaseException:
            self._archive.close()
            raise
        return self

    def estimated_rows(self) -> None:
        """Unknown before reading: a workbook's stated dimensions are often wrong."""
        return None

    def __exit__(self, *exc):
        self._archive.close()

    def _open(self) -> None:
        workbook = _part(self._archive, "xl/workbook.xml")
        for element in workbook.iter():
            if element.tag.endswith("}workbookPr"):
                self.date1904 = element.get("date1904", "0").lower() in {"1", "true"}
        sheets = [
            (element.get("name"), _relationship_id(element))
            for element in workbook.iter()
            if element.tag.endswith("}sheet")
        ]
        if not sheets:
            raise ExtractError(Text("no_sheets"))
        target = self._sheet_target(sheets)
        self._rows = self._read_rows(target, self._shared_strings())
        for row in self._rows:
            if any(cell not in (None, "") for cell in row.cells):
                self.headers = row.cells
                self.header_row = row.number
                return
        raise ExtractError(Text("sheet_empty"))

    def _sheet_target(self, sheets: list[tuple[str, str]]) -> str:
        if self.sheet_name:
            wanted = self.sheet_name.strip().lower()
            matches = [rid for name, rid in sheets if (name or "").strip().lower() == wanted]
            if not matches:
                names = ", ".join(f"“{name}”" for name, _ in sheets)
                raise ExtractError(Text("no_such_sheet", {"names": names}))
            rid = matches[0]
        else:
            rid = sheets[0][1]
        rels = _part(self._archive, "xl/_rels/workbook.xml.rels")
        for rel in rels.iter(PKG_REL + "Relationship"):
            if rel.get("Id") == rid and rel.get("TargetMode") != "External":
                return _resolve("xl", rel.get("Target", ""))
        raise ExtractError(Text("sheet_not_found"))

    def _shared_strings(self) -> list[str]:
        name = "xl/sharedStrings.xml"
        if name not in self._archive.namelist():
            return []
        return list(_stream(self._archive, name, _SharedStrings()))

    def rows(self):
        return self._rows

    def _read_rows(self, target: str, shared: list[str]):
        if target not in self._archive.namelist():
            raise ExtractError(Text("sheet_not_found"))
        sheet = _SheetRows(shared)
        try:
            yield from _stream(self._archive, target, sheet)
        except DAMAGED:
            raise ExtractError(
                Text("unreadable_after_row", {"row": sheet.number}), sheet.number
            ) from None


def _relationship_id(element) -> str | None:
    return next((value for key, value in element.attrib.items() if key.endswith("}id")), None)


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in PurePosixPath(base, target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _column_index(reference: str, columns: dict[str, int]) -> int:
    letters = reference.rstrip("0123456789")
    index = columns.get(letters)
    if index is None:
        if not _COLUMN.fullmatch(letters):
            raise ValueError("not a cell reference")
        index = 0
        for letter in letters:
            index = index * 26 + ord(letter) - 64
        index -= 1
        columns[letters] = index
    return index


def _number(text: str):
    try:
        return int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text
