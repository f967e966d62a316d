"""Checking one row of an extract and turning it into the values of a case.

Lookups that every row needs (outcome types, crime codes) are read once per
file into dicts, so a row costs no queries. A row's `content_hash` summarises
everything an import would store, so a re-import can tell new, changed and
unchanged cases apart by comparing one string per case.
"""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass

from cases.import_wording import CellError, Text
from cases.models import CrimeCode, OutcomeType

from . import typed, values
from .columns import FACT_FIELDS, HEADERS
from .headings import HeaderMap
from .layout import TEXT_LIMIT, KindLayout

_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 /_.\-]*")
MAX_LENGTHS = {"reference": 60, "offence": 300, "offence_category": 120}
INDEX = {name: position for position, name in enumerate(FACT_FIELDS)}
_DATE_COLUMNS = ("offence_date", "reported_date", "outcome_date")


@dataclass(frozen=True)
class ReferenceData:
    outcome_types: dict[str, tuple[int, bool]]  # lookup key → (id, is_active)
    crime_codes: dict[str, tuple[int, str]]  # lookup key → (id, offence category)

    @classmethod
    def load(cls) -> "ReferenceData":
        from .columns import OUTCOME_ALIASES

        outcome_types = {}
        by_code = {}
        for pk, code, name, active in OutcomeType.objects.values_list(
            "pk", "code", "name", "is_active"
        ):
            by_code[code] = (pk, active)
            outcome_types[values.lookup_key(code)] = (pk, active)
            outcome_types[values.lookup_key(name)] = (pk, active)
        for alias, code in OUTCOME_ALIASES.items():
            if code in by_code:
                outcome_types.setdefault(values.lookup_key(alias), by_code[code])
        crime_codes = {
            values.lookup_key(code): (pk, category)
            for pk, code, category in CrimeCode.objects.values_list(
                "pk", "code", "offence_category"
            )
        }
        return cls(outcome_types=outcome_types, crime_codes=crime_codes)


class CleanRow:
    """A row that passed its checks: its slots (the case columns in FACT_FIELDS order,
    then the kind's fields kept in `values`), extras and hash."""

    __slots__ = ("values", "extra", "content_hash", "texts")

    def __init__(self, values: list, extra: dict, content_hash: str, texts: list):
        self.values = values
        self.extra = extra
        self.content_hash = content_hash
        # (label, text, where) of every free-text cell, for the privacy screen; `where` is
        # the index in `values`, or the heading of an unknown column kept in `extra`.
        self.texts = texts

    @property
    def reference(self) -> str:
        return self.values[0]


def content_hash(row_values: list, extra: dict | None) -> str:
    # repr of a list of str, int, bool, date, None and lists of str is exact and fast.
    text = repr(row_values)
    if extra:
        text += "\x1e" + json.dumps(extra, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _labelled(label: str, code: str, **params) -> Text:
    return Text(code, {"column": label, **params})


class RowCleaner:
    """Checks rows against one file's headers; `clean` returns (CleanRow | None, problems),
    each problem (column, Text).

    A section's own extract is fingerprinted by its section's slots alone
    (`hash_slots`), so a re-import of it is seen to change nothing."""

    def __init__(
        self,
        header_map: HeaderMap,
        reference_data: ReferenceData,
        layout: KindLayout,
        *,
        date1904: bool = False,
        keep_extra: bool = False,
        today: datetime.date | None = None,
    ):
        self.map = header_map
        self.reference_data = reference_data
        self.layout = layout
        self.date1904 = date1904
        self.keep_extra = keep_extra
        self.today = today or datetime.date.today()
        index = layout.index
        # What a message calls a column: the file's own heading for it.
        headings = {**HEADERS, **layout.headers}
        self.labels = {slot: header_map.labels.get(slot, text) for slot, text in headings.items()}
        # (value index, cell index, parser or None for free text, label, cache of parsed
        # cells): coded cells repeat, so each distinct spelling is parsed once per file.
        self.plan = [
            (index[slot], position, self._parser(slot), self.labels[slot], {})
            for slot, position in header_map.positions.items()
        ]
        self.text_plan = [
            (index[slot], self.labels[slot])
            for slot in layout.text_slots()
            if slot in header_map.positions
        ]
        self.defaults = [_default(name) for name in FACT_FIELDS] + [None] * len(layout.value_fields)
        # Free-text fields kept in `values`: blank is "not recorded", and short text is short.
        self.value_texts = [
            (index[slot], self.labels[slot], field.type == "text")
            for slot, field in layout.field_of.items()
            if not field.column and field.is_free_text and slot in header_map.positions
        ]
        self.required = [(index[slot], self.labels[slot]) for slot in layout.required]
        self.hash_slots = (
            None
            if layout.section is None
            else [index[slot] for slot in ("reference", *layout.section_slots(header_map.sections))]
        )

    def _parser(self, slot: str):
        field = self.layout.field_of.get(slot)
        if field is not None and not field.column:
            return typed.parser_for(field, date1904=self.date1904)
        name = slot
        parsers = {
            "crime_code": self._crime_code,
            "outcome_type": self._outcome_type,
            "is_domestic_abuse": values.parse_flag,
            "is_hate_crime": values.parse_flag,
            "is_violence": values.parse_flag,
            "is_sexual": values.parse_flag,
            "offence_date": self._date,
            "reported_date": self._date,
            "outcome_date": self._date,
            "offender_age_band": values.parse_age_band,
            "gravity_score": values.parse_gravity,
            "admission": lambda v: values.parse_choice(v, values.ADMISSION, "admission"),
            "victim_views": lambda v: values.parse_choice(v, values.VICTIM_VIEWS, "victim_views"),
            "authorising_rank": lambda v: values.parse_choice(
                v, values.AUTHORISING_RANK, "authorising_rank"
            ),
        }
        return parsers.get(name)

    def _date(self, value):
        return values.parse_date(value, self.date1904)

    def _crime_code(self, value):
        text = values.clean_text(value)
        if not text:
            return None
        found = self.reference_data.crime_codes.get(values.lookup_key(text))
        if found is None:
            raise CellError("crime_code_unknown")
        return found

    def _outcome_type(self, value):
        text = values.clean_text(value)
        if not text:
            return None
        found = self.reference_data.outcome_types.get(values.lookup_key(text))
        if found is None:
            raise CellError("outcome_type_unknown")
        if not found[1]:
            raise CellError("outcome_type_retired")
        return found[0]

    def clean(self, cells: list) -> tuple[CleanRow | None, list[tuple[str, Text]]]:
        row = list(self.defaults)
        problems: list[tuple[str, Text]] = []
        width = len(cells)
        for index, position, parse, label, cache in self.plan:
            raw = cells[position] if position < width else None
            if parse is None:
                text = values.clean_text(raw)
                if text[:1] == "=":
                    problems.append((label, _labelled(label, "formula")))
                row[index] = text
                continue
            value = cache.get(raw, _UNSEEN) if raw.__class__ is str else _UNSEEN
            if value is _UNSEEN:
                value = _parse(parse, raw, label)
                if raw.__class__ is str and len(cache) < CACHE_LIMIT:
                    cache[raw] = value
            if value.__class__ is Text:
                problems.append((label, value))
            else:
                row[index] = value
        for index, label, short in self.value_texts:
            text = row[index]
            if text == "":
                row[index] = None
            elif short and len(text) > TEXT_LIMIT:
                problems.append((label, _labelled(label, "longer_than", n=TEXT_LIMIT)))
        self._check_row(row, problems)
        extra = self._extra(cells, problems) if self.map.unknown else {}
        if width > self.map.width and any(values.clean_text(c) for c in cells[self.map.width :]):
            problems.append(("", Text("row_wider_than_headings")))
        if problems:
            return None, problems
        crime = row[2]
        if crime is not None:
            row[2] = crime[0]
            if not row[3]:
                row[3] = crime[1]
        if self.hash_slots is None:
            hashed = content_hash(row, extra if self.keep_extra else None)
        else:
            hashed = content_hash([row[index] for index in self.hash_slots], None)
        texts = [(label, row[index], index) for index, label in self.text_plan if row[index]]
        if self.keep_extra:
            texts.extend((header, text, header) for header, text in extra.items())
        return CleanRow(row, extra if self.keep_extra else {}, hashed, texts), problems

    def _check_row(self, row: list, problems: list) -> None:
        labels = self.labels
        failed = {label for label, _ in problems}
        for index, label in self.required:
            if row[index] in (None, "") and label not in failed:
                problems.append((label, _labelled(label, "blank")))
        reference = row[0]
        if reference and not _REFERENCE.fullmatch(reference):
            problems.append(
                (labels["reference"], _labelled(labels["reference"], "reference_characters"))
            )
        for name, limit in MAX_LENGTHS.items():
            if len(row[INDEX[name]]) > limit:
                problems.append((labels[name], _labelled(labels[name], "longer_than", n=limit)))
        offence, outcome = row[INDEX["offence_date"]], row[INDEX["outcome_date"]]
        if offence and outcome and outcome < offence:
            problems.append(
                (
                    labels["outcome_date"],
                    _labelled(labels["outcome_date"], "outcome_before_offence"),
                )
            )
        for name in _DATE_COLUMNS:
            day = row[INDEX[name]]
            if day and day > self.today:
                problems.append((labels[name], _labelled(labels[name], "in_future")))

    def _extra(self, cells: list, problems: list) -> dict:
        extra = {}
        width = len(cells)
        for position, header in self.map.unknown:
            if position >= width:
                continue
            text = values.clean_text(cells[position])
            if text[:1] == "=":
                problems.append((header, _labelled(header, "formula")))
            elif text:
                extra[header] = text
        return extra


CACHE_LIMIT = 10_000
_UNSEEN = object()


def _parse(parse, raw, label: str):
    """The parsed value, or a Text saying what is wrong with it (never a parsed value)."""
    if raw.__class__ is str and raw.strip()[:1] == "=":
        return _labelled(label, "formula")
    try:
        return parse(raw)
    except CellError as error:
        return error.text.at(label)
    except ValueError:  # a parser's own checks come first; this is only a safety net
        return _labelled(label, "unreadable")


def _default(name: str):
    from cases.enums import Admission, AuthorisingRank, OffenderAgeBand, VictimViews

    return {
        "is_domestic_abuse": False,
        "is_hate_crime": False,
        "is_violence": False,
        "is_sexual": False,
        "offender_age_band": OffenderAgeBand.NOT_RECORDED.value,
        "admission": Admission.NOT_RECORDED.value,
        "victim_views": VictimViews.NOT_RECORDED.value,
        "authorising_rank": AuthorisingRank.NOT_RECORDED.value,
    }.get(name, None if name.endswith(("_date", "_score", "_type", "_code")) else "")
