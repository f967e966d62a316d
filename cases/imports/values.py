"""Turning one cell into one value: dates, yes/no flags, scores and coded answers.

Each parser takes the cell as read (text from CSV; text, number, date or bool from
a workbook) and returns the value or raises CellError (a ValueError) with the problem's
code. The problem never repeats the cell: it may hold personal data.
Parsers of text are cached, because extracts repeat the same few dates and codes.
"""

import datetime
import re
from functools import lru_cache

from cases.enums import Admission, AuthorisingRank, OffenderAgeBand, VictimViews
from cases.import_wording import CellError

EXCEL_EPOCH = datetime.date(1899, 12, 30)
EXCEL_1904_EPOCH = datetime.date(1904, 1, 1)
# Serials for 1 January 1950 to 31 December 2099: anything else is not a case date.
SERIAL_RANGE = (18264, 73050)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDY_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([a-z]+)[\s\-/,]+(\d{4}|\d{2})")
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*$")


def clean_text(value) -> str:
    """A cell as stripped text; numbers lose a trailing “.0” that a workbook adds."""
    if value.__class__ is str:
        text = value.strip()
        return text.replace("\r\n", "\n") if "\r" in text else text
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
        return text.replace("\r\n", "\n") if "\r" in text else text
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else str(value)
    return str(value)


def _two_digit_year(year: int) -> int:
    # 25 → 2025, 98 → 1998: cases are finalised within living memory of the extract.
    return 2000 + year if year < 70 else 1900 + year


@lru_cache(maxsize=8192)
def _parse_date_text(text: str, date1904: bool) -> datetime.date:
    text = _TIME_SUFFIX.sub("", text.strip())
    if match := _NUMERIC_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year = _two_digit_year(year)
        return _make_date(year, month, day)
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _make_date(year, month, day)
    if match := _WORDY_DATE.fullmatch(text.lower()):
        month = _MONTHS.get(match.group(2))
        if month is None:
            raise CellError("date_unrecognised")
        year = int(match.group(3))
        if len(match.group(3)) == 2:
            year = _two_digit_year(year)
        return _make_date(year, month, int(match.group(1)))
    if text.isdigit() and len(text) == 5:
        return from_serial(int(text), date1904)
    raise CellError("date_unrecognised")


def _make_date(year: int, month: int, day: int) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise CellError("date_not_real") from None


def from_serial(serial: float, date1904: bool = False) -> datetime.date:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise CellError("date_serial_range")
    epoch = EXCEL_1904_EPOCH if date1904 else EXCEL_EPOCH
    return epoch + datetime.timedelta(days=int(serial))


def parse_date(value, date1904: bool = False) -> datetime.date | None:
    """A date from UK spellings (31/03/2025, 31-Mar-25, 31 March 2025), ISO or an Excel serial."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        raise CellError("date_not_a_date")
    if isinstance(value, int | float):
        return from_serial(value, date1904)
    text = str(value).strip()
    return _parse_date_text(text, date1904) if text else None


_TRUE = {"y", "yes", "true", "1", "x", "flagged", "t"}
_FALSE = {"", "n", "no", "false", "0", "f", "notflagged", "none"}


def parse_flag(value) -> bool:
    if isinstance(value, bool):
        return value
    key = _key(clean_text(value))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CellError("flag")


def parse_gravity(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError("gravity")
    if isinstance(value, int | float):
        number = value
    else:
        text = str(value).strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise CellError("gravity") from None
    if number != int(number) or not 1 <= number <= 4:
        raise CellError("gravity")
    return int(number)


_NOT_KEY = re.compile(r"[^a-z0-9+]")


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return _NOT_KEY.sub("", text.lower())


def _choice_lookup(choices, synonyms: dict[str, str]) -> dict[str, str]:
    lookup = {}
    for value, label in choices.choices:
        lookup[_key(value)] = value
        lookup[_key(label)] = value
    lookup.update({_key(word): str(value) for word, value in synonyms.items()})
    return lookup


ADMISSION = _choice_lookup(
    Admission,
    {
        "yes": Admission.FULL,
        "y": Admission.FULL,
        "admitted": Admission.FULL,
        "full admission": Admission.FULL,
        "partial admission": Admission.PARTIAL,
        "qualified": Admission.PARTIAL,
        "no": Admission.NONE,
        "n": Admission.NONE,
        "denied": Admission.NONE,
        "": Admission.NOT_RECORDED,
        "unknown": Admission.NOT_RECORDED,
    },
)
VICTIM_VIEWS = _choice_lookup(
    VictimViews,
    {
        "yes": VictimViews.SOUGHT_RECORDED,
        "sought": VictimViews.SOUGHT_RECORDED,
        "recorded": VictimViews.SOUGHT_RECORDED,
        "declined": VictimViews.SOUGHT_DECLINED,
        "no": VictimViews.NOT_SOUGHT,
        "no victim": VictimViews.NO_VICTIM,
        "victimless": VictimViews.NO_VICTIM,
        "n/a": VictimViews.NO_VICTIM,
        "": VictimViews.NOT_RECORDED,
        "unknown": VictimViews.NOT_RECORDED,
    },
)
AUTHORISING_RANK = _choice_lookup(
    AuthorisingRank,
    {
        "pc": AuthorisingRank.CONSTABLE,
        "dc": AuthorisingRank.CONSTABLE,
        "ps": AuthorisingRank.SERGEANT,
        "sgt": AuthorisingRank.SERGEANT,
        "ds": AuthorisingRank.SERGEANT,
        "insp": AuthorisingRank.INSPECTOR,
        "di": AuthorisingRank.INSPECTOR,
        "ci": AuthorisingRank.CHIEF_INSPECTOR,
        "ch insp": AuthorisingRank.CHIEF_INSPECTOR,
        "dci": AuthorisingRank.CHIEF_INSPECTOR,
        "supt": AuthorisingRank.SUPERINTENDENT,
        "dsupt": AuthorisingRank.SUPERINTENDENT,
        "crown prosecution service": AuthorisingRank.CPS,
        "": AuthorisingRank.NOT_RECORDED,
        "unknown": AuthorisingRank.NOT_RECORDED,
    },
)
AGE_BAND = _choice_lookup(
    OffenderAgeBand,
    {
        "under18": OffenderAgeBand.UNDER_18,
        "u18": OffenderAgeBand.UNDER_18,
        "youth": OffenderAgeBand.UNDER_18,
        "1824": OffenderAgeBand.AGE_18_24,
        "2534": OffenderAgeBand.AGE_25_34,
        "3549": OffenderAgeBand.AGE_35_49,
        "5064": OffenderAgeBand.AGE_50_64,
        "65+": OffenderAgeBand.AGE_65_PLUS,
        "65andover": OffenderAgeBand.AGE_65_PLUS,
        "": OffenderAgeBand.NOT_RECORDED,
        "unknown": OffenderAgeBand.NOT_RECORDED,
    },
)
_AGE_BANDS = [
    (18, OffenderAgeBand.UNDER_18),
    (25, OffenderAgeBand.AGE_18_24),
    (35, OffenderAgeBand.AGE_25_34),
    (50, OffenderAgeBand.AGE_35_49),
    (65, OffenderAgeBand.AGE_50_64),
    (200, OffenderAgeBand.AGE_65_PLUS),
]


def parse_choice(value, lookup: dict[str, str], code: str) -> str:
    """The choice's value, or CellError with `code`, whose wording lists the choices."""
    key = _key(clean_text(value))
    try:
        return lookup[key]
    except KeyError:
        raise CellError(code) from None


def parse_age_band(value) -> str:
    """An age band, or an age in years turned into its band."""
    text = clean_text(value)
    if text.isdigit():
        age = int(text)
        if not 10 <= age <= 120:
            raise CellError("age_range")
        return next(band for limit, band in _AGE_BANDS if age < limit)
    return parse_choice(text, AGE_BAND, "age_band")


def lookup_key(text: str) -> str:
    """How codes and names are compared: lower case, letters, digits and + only."""
    return _key(text)
