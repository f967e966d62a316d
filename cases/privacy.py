"""The privacy screen: spots personal data in free text before anything is stored.

Extracts should be anonymised already; this catches what slipped through. It is
tuned for recall (better to ask the admin about a false alarm than to store a
postcode), measured on a generated corpus under tests/cases/. It reports where
and what kind, never the value: callers get (kind, start, end) and must not log
the text.

Speed matters (hundreds of thousands of cells per import), so all patterns but
one are combined into a single compiled expression, and a row's text cells are
joined and searched once; only rows with a hit are scanned cell by cell.
Email addresses get their own pattern, run only when the text holds an "@".
"""

import bisect
import re
from collections.abc import Iterable, Sequence

from .enums import PrivacyKind

# UK postcode areas, so that outward codes on their own ("lives in LS6") can be
# told apart from other letter-digit tokens such as "A38" or "M6".
_POSTCODE_AREAS = [
    "AB",
    "AL",
    "B",
    "BA",
    "BB",
    "BD",
    "BF",
    "BH",
    "BL",
    "BN",
    "BR",
    "BS",
    "BT",
    "BX",
    "CA",
    "CB",
    "CF",
    "CH",
    "CM",
    "CO",
    "CR",
    "CT",
    "CV",
    "CW",
    "DA",
    "DD",
    "DE",
    "DG",
    "DH",
    "DL",
    "DN",
    "DT",
    "DY",
    "E",
    "EC",
    "EH",
    "EN",
    "EX",
    "FK",
    "FY",
    "G",
    "GL",
    "GU",
    "GY",
    "HA",
    "HD",
    "HG",
    "HP",
    "HR",
    "HS",
    "HU",
    "HX",
    "IG",
    "IM",
    "IP",
    "IV",
    "JE",
    "KA",
    "KT",
    "KW",
    "KY",
    "L",
    "LA",
    "LD",
    "LE",
    "LL",
    "LN",
    "LS",
    "LU",
    "M",
    "ME",
    "MK",
    "ML",
    "N",
    "NE",
    "NG",
    "NN",
    "NP",
    "NR",
    "NW",
    "OL",
    "OX",
    "PA",
    "PE",
    "PH",
    "PL",
    "PO",
    "PR",
    "RG",
    "RH",
    "RM",
    "S",
    "SA",
    "SE",
    "SG",
    "SK",
    "SL",
    "SM",
    "SN",
    "SO",
    "SP",
    "SR",
    "SS",
    "ST",
    "SW",
    "SY",
    "TA",
    "TD",
    "TF",
    "TN",
    "TQ",
    "TR",
    "TS",
    "TW",
    "UB",
    "W",
    "WA",
    "WC",
    "WD",
    "WF",
    "WN",
    "WR",
    "WS",
    "WV",
    "YO",
    "ZE",
]
_ONE_LETTER_AREAS = "".join(a for a in _POSTCODE_AREAS if len(a) == 1)
_TWO_LETTER_AREAS = "|".join(a for a in _POSTCODE_AREAS if len(a) == 2)
# The rest of an outward code once its first letter has been read: "S6", "LS6", "SW1A".
_OUTWARD_REST = rf"(?:(?<=[{_ONE_LETTER_AREAS}])|[A-Z](?<={_TWO_LETTER_AREAS}))\d[A-Z\d]?"
# Words before an outward code that make it a place ("lives in LS6", "near the M14 …").
_PLACE_CUES = ["in", "at", "near", "around", "from", "within", "postcode"]
_CUED = "|".join(
    rf"(?<=\b{cue[0]}(?i:{cue[1:]}){the} [A-Z])"
    for cue in [c.capitalize() for c in _PLACE_CUES] + _PLACE_CUES
    for the in ("", " the")
)
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"\d{1,2}(?:st|nd|rd|th)?[/.\- ]+(?:\d{1,2}|" + _MONTH + r")[/.\-, ]+\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}"
)
_STREET_SUFFIX = (
    r"(?i:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Way|Court|Ct|Crescent|Cres"
    r"|Place|Pl|Gardens|Gdns|Grove|Terrace|Hill|Park|Square|Sq|Mews|Row|Walk|View"
    r"|Parade|Rise|Green|Vale|Boulevard|Approach|Wharf)"
)
# Offence shorthand that looks like an old "prefix" number plate (S18 GBH, S47 ABH).
_NOT_PLATE = r"(?!(?:ABH|GBH|POA|CJA|CPS|PNC|ASB|DVA|OAP|MOJ|SOA|PND|NFA)\b)"

# Python's regex engine skips quickly to possible starting characters only when a
# pattern opens with a character class, so each pattern below reads one character
# (an upper-case letter, a digit, or the start of a date-of-birth cue) and checks
# what came before it with look-behinds. Each alternative is a named group holding
# the rest of the match; _GROUPS says which kind it is and how far its value starts
# before the match (for look-behind letters) or which inner group holds the value.
_AFTER_CAPITAL = (
    r"(?<![A-Za-z0-9][A-Z])(?:"
    # Everything but a title has a capital or a digit next: most words stop here.
    r"(?=[A-Z0-9])(?:"
    # National Insurance number: AB 12 34 56 C, spaces optional.
    r"(?P<ni>(?<=[A-CEGHJ-PR-TW-Z])[A-CEGHJ-NPR-TW-Z](?<!BG|GB|KN|NK|NT|TN|ZZ)"
    r"[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b)"
    r"|(?P<postcode>(?<=[A-PR-UWYZ])[A-HK-Y]?\d[A-HJKPSTUW\d]?[ ]?\d[ABD-HJLNP-UW-Z]{2}\b)"
    r"|(?P<plate>(?:[A-Z]\d{2}[ ]?[A-Z]{3}|\d{1,3}[ ]?" + _NOT_PLATE + r"[A-Z]{3}"
    r"|[A-Z]{2}[ ]?\d{1,3}[A-Z])\b)"
    r"|(?P<outward_cued>(?<= [A-Z])(?:" + _CUED + r")" + _OUTWARD_REST + r"\b(?![ ]?\d))"
    r"|(?P<outward_area>" + _OUTWARD_REST + r"(?=[ ]+(?i:area|district|postcode)\b))"
    r")"
    r"|(?P<titled>(?:(?<=M)(?:rs?|s|iss|x|RS?)|(?<=D)r|(?<=P)rof)\.?[ ]+"
    r"(?:[A-Z]\.?[ ]+){0,3}[A-Z][A-Za-z'’\-]+)"
    r")"
)
_AFTER_DIGIT = (
    # Only the first digit of a run can start anything below.
    r"(?<!\d\d)(?:"
    r"(?P<phone>(?<=[+(0])(?<![\w+]\+)(?<![\w(]\()(?<![\w+]0)"
    r"(?:(?<=\+)44[ ]?(?:\(0\)[ ]?)?|(?<=0)044[ ]?|(?<=\()0|(?<=0))"
    r"[1-9](?:[ \-]?\)?[ \-]?\d){8,9}(?!\d))"
    r"|(?<=\d)(?<![\w/]\d)(?:"
    r"(?P<pnc>(?:\d|\d{3})/\d{1,7}(?i:[A-HJ-NP-RT-Z])\b)"
    r"|(?P<address>\d{0,3}[A-Za-z]?,?[ ]+(?:(?:[A-Z][A-Za-z'’]+[ ]+){1,3}"
    + _STREET_SUFFIX
    + r"|(?:[a-z'’]+[ ]+){1,2}(?:street|road|avenue|lane|close|drive|crescent|gardens|terrace))\b)"
    r")"
    # Lower-case postcodes, NI numbers and number plates, read from their first digit.
    r"|(?:(?<=[a-z]\d)|(?<=[a-z] \d))(?:"
    r"(?P<plate_lower>(?<=(?<![A-Za-z0-9])[a-z]{2}\d)\d[ ]?[a-z]{3}\b)"
    r"|(?P<postcode_lower1>(?<=(?<![A-Za-z0-9])[a-z]\d)[a-z\d]?[ ]?\d[abd-hjlnp-uw-z]{2}\b)"
    r"|(?P<postcode_lower2>(?<=(?<![A-Za-z0-9])[a-z]{2}\d)[a-z\d]?[ ]?\d[abd-hjlnp-uw-z]{2}\b)"
    r"|(?P<ni_lower2>(?<=(?<![A-Za-z0-9])[a-z]{2}\d)\d[ -]?\d{2}[ -]?\d{2}[ -]?[a-d]\b)"
    r"|(?P<ni_lower3>(?<=(?<![A-Za-z0-9])[a-z]{2} \d)\d[ -]?\d{2}[ -]?\d{2}[ -]?[a-d]\b)"
    r")"
    r")"
)
_AFTER_BIRTH_CUE = (
    r"(?<![A-Za-z][DdBb])(?:(?<=[Dd])(?:\.?[Oo]\.?[Bb]\.?|ate[ ]+of[ ]+birth)"
    r"|(?<=[Bb])orn(?:[ ]+on)?)[ ]*[:\-]?[ ]*(?P<dob>" + _DATE + r")"
)
# One pattern, so the engine scans the text once.
_PATTERN = re.compile(
    r"[A-Z\d+(db](?:"
    r"(?<=[A-Z])"
    + _AFTER_CAPITAL
    + r"|(?<=[\d+(])"
    + _AFTER_DIGIT
    + r"|(?<=[DdBb])"
    + _AFTER_BIRTH_CUE
    + r")"
)
_EMAIL = re.compile(r"[\w.%+-](?<![\w.%+-][\w.%+-])[\w.%+-]*+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# Group → (kind, letters read by look-behind before the match, group holding the value).
_GROUPS = {
    "ni": (PrivacyKind.NI_NUMBER, 0, None),
    "postcode": (PrivacyKind.POSTCODE, 0, None),
    "plate": (PrivacyKind.VEHICLE_REG, 0, None),
    "titled": (PrivacyKind.TITLED_NAME, 0, None),
    "outward_cued": (PrivacyKind.POSTCODE, 0, None),
    "outward_area": (PrivacyKind.POSTCODE, 0, None),
    "pnc": (PrivacyKind.PNC_ID, 0, None),
    "phone": (PrivacyKind.PHONE, 0, None),
    "address": (PrivacyKind.STREET_ADDRESS, 0, None),
    "plate_lower": (PrivacyKind.VEHICLE_REG, 2, None),
    "postcode_lower1": (PrivacyKind.POSTCODE, 1, None),
    "postcode_lower2": (PrivacyKind.POSTCODE, 2, None),
    "ni_lower2": (PrivacyKind.NI_NUMBER, 2, None),
    "ni_lower3": (PrivacyKind.NI_NUMBER, 3, None),
    "dob": (PrivacyKind.DATE_OF_BIRTH, 0, "dob"),
}
_SEPARATOR = "\x00"  # cannot occur in a stored cell: NUL bytes are rejected on import

Hit = tuple[str, int, int]  # kind, start, end


def scan(text: str) -> list[Hit]:
    """Every piece of personal data in `text`, as (kind, start, end), in order."""
    hits: list[Hit] = []
    for match in _PATTERN.finditer(text):
        kind, back, group = _GROUPS[match.lastgroup]
        if group is None:
            hits.append((kind.value, match.start() - back, match.end()))
        else:
            hits.append((kind.value, match.start(group), match.end(group)))
    if "@" in text:
        hits.extend((PrivacyKind.EMAIL.value, m.start(), m.end()) for m in _EMAIL.finditer(text))
    hits.sort(key=lambda hit: hit[1])
    return hits


def _anything(text: str) -> bool:
    return _PATTERN.search(text) is not None or ("@" in text and _EMAIL.search(text) is not None)


def kinds(text: str) -> set[str]:
    return {kind for kind, _, _ in scan(text)}


def scan_cells(cells: Sequence[str]) -> list[tuple[int, str]]:
    """The distinct (cell index, kind) pairs found in a row's text cells.

    The cells are searched as one string first: most rows have nothing to find.
    """
    joined = _SEPARATOR.join(cells)
    if not _anything(joined):
        return []
    starts = []
    position = 0
    for cell in cells:
        starts.append(position)
        position += len(cell) + 1
    found: dict[tuple[int, str], None] = {}
    for kind, start, _ in scan(joined):
        found[(bisect.bisect_right(starts, start) - 1, kind)] = None
    return list(found)


_PLACEHOLDERS = {
    PrivacyKind.NI_NUMBER: "NI number",
    PrivacyKind.PNC_ID: "PNC ID",
    PrivacyKind.POSTCODE: "postcode",
    PrivacyKind.EMAIL: "email address",
    PrivacyKind.PHONE: "phone number",
    PrivacyKind.VEHICLE_REG: "vehicle registration",
    PrivacyKind.DATE_OF_BIRTH: "date of birth",
    PrivacyKind.TITLED_NAME: "name",
    PrivacyKind.STREET_ADDRESS: "address",
}


def placeholder(kind: str) -> str:
    """What replaces a redacted value: says what was there, never what it was."""
    return f"[{_PLACEHOLDERS[PrivacyKind(kind)]} removed]"


def redact(text: str, only: Iterable[str] | None = None) -> str:
    """`text` with each piece of personal data (of the kinds in `only`, if given) masked."""
    wanted = None if only is None else set(only)
    pieces = []
    position = 0
    for kind, start, end in scan(text):
        if (wanted is not None and kind not in wanted) or start < position:
            continue
        pieces.append(text[position:start])
        pieces.append(placeholder(kind))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
