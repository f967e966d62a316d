"""Turning one cell into the value of a kind's field kept in `Case.values`.

Each parser returns the value as stored (JSON-native: a date as "YYYY-MM-DD", a date and
time as "YYYY-MM-DDTHH:MM", a decimal as its exact text, a choice as its code, several
choices as a list of codes in the dictionary's order) or None when the cell is empty, and
raises CellError (a ValueError) with the problem's code; it never repeats the cell. Free text
(text and long text) has no parser: it is read as text and screened for personal data.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from cases.import_wording import CellError
from cases.models import FieldType, RecordField

from . import values

_TIME = re.compile(r"(.*?)[\sT,]+(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?\s*$")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_SEPARATORS = re.compile(r"[|;]")
_HTTPS = URLValidator(schemes=["https"])
LINK_LIMIT = 2000
CHOICES_LISTED = 12
INTEGER_MAX = 10**18 - 1
INTEGER_MIN = -INTEGER_MAX


def parser_for(field: RecordField, *, date1904: bool = False):
    """The parser of the field's type, or None for free text."""
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.LONG_TEXT):
        return None
    if kind == FieldType.DATE:
        return lambda cell: _date(cell, date1904)
    if kind == FieldType.DATETIME:
        return lambda cell: parse_datetime(cell, date1904)
    if kind == FieldType.INTEGER:
        return parse_integer
    if kind == FieldType.DECIMAL:
        return parse_decimal
    if kind == FieldType.YES_NO:
        return parse_yes_no
    if kind == FieldType.CHOICE:
        return Choices(field).one
    if kind == FieldType.MULTI_CHOICE:
        return Choices(field).several
    if kind == FieldType.LINK:
        return parse_link
    raise CellError("type_unknown", type=kind)


def _date(cell, date1904: bool) -> str | None:
    day = values.parse_date(cell, date1904)
    return day.isoformat() if day else None


def parse_datetime(cell, date1904: bool = False) -> str | None:
    """A date and a time: 31/03/2025 14:30, 2025-03-31T14:30:00, or a workbook's date
    and time (a serial with a fraction of a day)."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime.datetime):
        return cell.isoformat(timespec="minutes")
    if isinstance(cell, bool | datetime.date):
        raise CellError("datetime_needs_time")
    if isinstance(cell, int | float):
        day = values.from_serial(cell, date1904)
        minutes = round((cell - int(cell)) * 24 * 60)
        moment = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(
            minutes=minutes
        )
        return moment.isoformat(timespec="minutes")
    text = str(cell).strip()
    if not text:
        return None
    match = _TIME.fullmatch(text)
    if match is None:
        raise CellError("datetime_needs_time")
    try:
        day = values.parse_date(match.group(1), date1904)
    except ValueError:
        raise CellError("datetime_unrecognised") from None
    hour, minute = int(match.group(2)), int(match.group(3))
    if day is None or hour > 23 or minute > 59:
        raise CellError("datetime_unrecognised")
    return datetime.datetime.combine(day, datetime.time(hour, minute)).isoformat(timespec="minutes")


def parse_integer(cell) -> int | None:
    """A whole number of at most 18 digits, which keeps a case's facets short
    (cases/kinds/facets.py)."""
    number = _whole_number(cell)
    if number is not None and not INTEGER_MIN <= number <= INTEGER_MAX:
        raise CellError("whole_number_range")
    return number


def _whole_number(cell) -> int | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise CellError("whole_number")
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        if cell.is_integer():
            return int(cell)
        raise CellError("whole_number")
    text = values.clean_text(cell).replace(",", "")
    if not text:
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text) and Decimal(text) == Decimal(text).to_integral_value():
        return int(Decimal(text))
    raise CellError("whole_number")


def parse_decimal(cell) -> str | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise CellError("number")
    text = repr(cell) if isinstance(cell, float) else values.clean_text(cell)
    text = text.replace(",", "")
    if not text:
        return None
    if not _DECIMAL.fullmatch(text):
        raise CellError("number")
    try:
        return str(Decimal(text))
    except InvalidOperation:
        raise CellError("number") from None


def parse_yes_no(cell) -> bool | None:
    """Yes or No in the spellings a flag takes (Y/N, True/False, 1/0); blank: not recorded."""
    if isinstance(cell, bool):
        return cell
    text = values.clean_text(cell)
    if not text:
        return None
    try:
        return values.parse_flag(text)
    except ValueError:
        raise CellError("yes_no") from None


def parse_link(cell) -> str | None:
    text = values.clean_text(cell)
    if not text:
        return None
    if len(text) > LINK_LIMIT:
        raise CellError("longer_than", n=LINK_LIMIT)
    try:
        _HTTPS(text)
    except ValidationError:
        raise CellError("link") from None
    return text


class Choices:
    """A choice field's codes and labels, matched ignoring capitals (and, where that
    leaves no doubt, spaces and punctuation too)."""

    def __init__(self, field: RecordField):
        self.codes = [choice["code"] for choice in field.choices]
        self.exact: dict[str, str] = {}
        loose: dict[str, set[str]] = {}
        for choice in field.choices:
            for spelling in (choice["code"], choice["label"]):
                self.exact.setdefault(str(spelling).strip().casefold(), choice["code"])
                loose.setdefault(values.lookup_key(str(spelling)), set()).add(choice["code"])
        # A Welsh label only where no code or English label spells it already.
        english = set(loose)
        for choice in field.choices:
            if welsh := choice.get("label_cy"):
                self.exact.setdefault(welsh.strip().casefold(), choice["code"])
                if (key := values.lookup_key(welsh)) not in english:
                    loose.setdefault(key, set()).add(choice["code"])
        self.loose = {key: next(iter(codes)) for key, codes in loose.items() if len(codes) == 1}
        labels = [choice["label"] for choice in field.choices]
        # The labels as the file spells them, then how many more there are, if any.
        self.hint = {"choices": ", ".join(labels[:CHOICES_LISTED])}
        if len(labels) > CHOICES_LISTED:
            self.hint["n"] = len(labels) - CHOICES_LISTED
        self.more = "_more" if len(labels) > CHOICES_LISTED else ""

    def _find(self, text: str) -> str | None:
        return self.exact.get(text.casefold()) or self.loose.get(values.lookup_key(text))

    def one(self, cell) -> str | None:
        text = values.clean_text(cell)
        if not text:
            return None
        code = self._find(text)
        if code is None:
            raise CellError("choice" + self.more, **self.hint)
        return code

    def several(self, cell) -> list[str] | None:
        text = values.clean_text(cell)
        parts = [part.strip() for part in _SEPARATORS.split(text)] if text else []
        chosen = set()
        for number, part in enumerate(parts, start=1):
            if not part:
                continue
            code = self._find(part)
            if code is None:
                raise CellError("choices" + self.more, position=number, **self.hint)
            chosen.add(code)
        return [code for code in self.codes if code in chosen] or None
