"""A record kind's data dictionary as CSV, in and out (docs/record-kinds.md).

One line per field under the headings `code,section,label,type,choices,required,filterable,
help`, the shape REDCap users know. Reading refuses the whole file when anything in it is
wrong, naming each line and column, so a kind is never built from half a dictionary.
Writing gives the same format back: a kind exported and imported again is unchanged.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.spreadsheets import FORMULA_TRIGGERS
from core.text_safety import hidden_character_message

from ..models import FieldType
from ..models.kinds import FILTERABLE_TYPES
from .dictionary_problems import DictionaryError, Problem
from .dictionary_welsh import WELSH_HEADINGS, WelshCells
from .facets import FACETS_LIMIT, widest_facets

HEADINGS = ("code", "section", "label", "type", "choices", "required", "filterable", "help")
CHOICE_TYPES = frozenset({FieldType.CHOICE, FieldType.MULTI_CHOICE})
# Filterable: what the draw, the case list and reports can filter and count by; text is
# allowed too, as the out of court resolution's offence category is filtered on.
FILTERABLE = FILTERABLE_TYPES | {FieldType.TEXT}
CODE = re.compile(r"[a-z][a-z0-9_]*\Z")
CHOICE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
# Every case has these whatever its kind; a field may not take their codes or headings.
CORE_CODES = frozenset(
    {"force", "reference", "date", "facts", "later_information", "outcome_date"}
    | {"facts_at_decision", "kind", "status", "values"}
)
CORE_HEADINGS = frozenset({"force", "reference", "date", "facts", "later information"})
MAX_BYTES = 1024 * 1024
MAX_FIELDS = 500
LIMITS = {"code": 60, "section": 120, "label": 200, "help": 2000}
LIMITS |= {f"{name}_cy": size for name, size in LIMITS.items() if name != "code"}
YES = {"yes": True, "no": False, "": False}


@dataclass(frozen=True)
class FieldSpec:
    """One line of a dictionary, read and checked."""

    line: int
    code: str
    section: str
    label: str
    type: str
    choices: tuple[tuple[str, str], ...]
    required: bool
    filterable: bool
    help: str
    # The Welsh, from the optional Welsh columns (cases.kinds.dictionary_welsh); None where
    # the file has no such column, so what the kind has is kept.
    section_cy: str | None = None
    label_cy: str | None = None
    help_cy: str | None = None
    choices_cy: tuple[tuple[str, str], ...] | None = None

    def choice_list(self, kept: list[dict] = ()) -> list[dict]:
        """The choices as a field keeps them; without a Welsh column, each keeps its Welsh
        from `kept` (the field's choices as they are)."""
        if self.choices_cy is None:
            welsh = {c["code"]: c["label_cy"] for c in kept if c.get("label_cy")}
        else:
            welsh = dict(self.choices_cy)
        return [
            {"code": code, "label": label, **({"label_cy": welsh[code]} if code in welsh else {})}
            for code, label in self.choices
        ]


def _refuse(message: str, line: int | None = None, column: str = ""):
    raise DictionaryError([Problem(line, column, message)])


# --- reading -------------------------------------------------------------------------


def dictionary_read(data: bytes) -> list[FieldSpec]:
    """The fields a dictionary file describes, in its order; DictionaryError otherwise."""
    if len(data) > MAX_BYTES:
        _refuse(
            _("The file is larger than %(size)s KB: a dictionary is far smaller.")
            % {"size": MAX_BYTES // 1024}
        )
    if not data.strip():
        _refuse(_("The file is empty. Add a line of headings and one line for each field."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        _refuse(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."), line=line)
    return _Reader(text).read()


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.problems: list[Problem] = []
        self.codes: dict[str, int] = {}
        self.labels: dict[str, int] = {}
        self.welsh = WelshCells(self)

    def problem(self, line: int | None, column: str, message: str) -> None:
        self.problems.append(Problem(line, column, message))

    def read(self) -> list[FieldSpec]:
        records = self._records()
        if self.problems:
            raise DictionaryError(self.problems)
        heading_line, headings = records[0]
        columns = self._columns(heading_line, headings)
        if self.problems:
            raise DictionaryError(self.problems)
        fields = []
        for line, cells in records[1:]:
            if not any(cell.strip() for cell in cells):
                continue  # a blank line
            spec = self._field(line, cells, columns)
            if spec is not None:
                fields.append(spec)
        if not fields and not self.problems:
            self.problem(heading_line, "", _("The dictionary has no fields: add a line for each."))
        if len(fields) > MAX_FIELDS:
            self.problem(
                None, "", _("A kind has at most %(count)s fields.") % {"count": MAX_FIELDS}
            )
        elif (widest := widest_facets(fields)) > FACETS_LIMIT:
            message = _(
                "The choices, yes or no and whole number fields of one case could take "
                "%(count)s characters, more than the %(limit)s a case's pool entry holds: "
                "use shorter codes or fewer choices."
            )
            self.problem(None, "", message % {"count": widest, "limit": FACETS_LIMIT})
        if self.problems:
            raise DictionaryError(self.problems)
        return fields

    def _records(self) -> list[tuple[int, list[str]]]:
        """(line, cells) of each record: a line number as a spreadsheet shows the row.

        Cells are split by commas, or, as an extract's are, by semicolons or tabs when the
        heading line holds more of those: what a spreadsheet set to another locale saves."""
        first = self.text.split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=first.count)
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=delimiter)
        records = []
        line = 0
        while True:
            line += 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                self.problem(
                    line, "", _("The line cannot be read as CSV (%(error)s).") % {"error": error}
                )
                break
            records.append((line, cells))
        return records

    def _columns(self, line: int, headings: list[str]) -> dict[str, int]:
        columns: dict[str, int] = {}
        for index, heading in enumerate(headings):
            name = heading.strip().lower()
            if not name:
                continue  # an empty column a spreadsheet left at the end
            if name not in HEADINGS and name not in WELSH_HEADINGS:
                self.problem(
                    line,
                    str(index + 1),
                    _(
                        "“%(heading)s” is not a heading of a dictionary. The headings are "
                        "exactly %(headings)s, and, for the Welsh, %(welsh)s."
                    )
                    % {
                        "heading": heading.strip(),
                        "headings": ",".join(HEADINGS),
                        "welsh": ",".join(WELSH_HEADINGS),
                    },
                )
            elif name in columns:
                self.problem(
                    line, name, _("The heading “%(name)s” is given twice.") % {"name": name}
                )
            else:
                columns[name] = index
        for name in HEADINGS:
            if name not in columns:
                self.problem(
                    line,
                    "",
                    _("The heading “%(name)s” is missing. The headings are exactly %(headings)s.")
                    % {"name": name, "headings": ",".join(HEADINGS)},
                )
        return columns

    def _field(self, line: int, cells: list[str], columns: dict[str, int]) -> FieldSpec | None:
        before = len(self.problems)
        extra = [c for i, c in enumerate(cells) if i not in columns.values() and c.strip()]
        if extra:
            self.problem(line, "", _("The line has cells under no heading: remove them."))
        raw = {name: _cell(cells, index) for name, index in columns.items()}
        for name, value in raw.items():
            hidden = hidden_character_message(value, _("The %(name)s") % {"name": name})
            if hidden:
                self.problem(line, name, hidden)
            if name in LIMITS and len(value) > LIMITS[name]:
                self.problem(
                    line, name, _("Write at most %(count)s characters.") % {"count": LIMITS[name]}
                )
        code = self._code(line, raw["code"])
        section = raw["section"]
        if not section:
            self.problem(line, "section", _("Enter the field's section."))
        label = self._label(line, raw["label"])
        type_ = self._type(line, raw["type"])
        choices = self._choices(line, raw["choices"], type_)
        required = self._yes_no(line, "required", raw["required"])
        filterable = self._yes_no(line, "filterable", raw["filterable"])
        if filterable and type_ and type_ not in FILTERABLE:
            self.problem(
                line,
                "filterable",
                _(
                    "A %(type)s field cannot be filterable: only text, "
                    "whole number, yes or no, and choice fields can."
                )
                % {"type": _(FieldType(type_).label).lower()},
            )
        welsh = self.welsh.read(line, raw, section, choices)
        if len(self.problems) > before:
            return None
        return FieldSpec(
            line, code, section, label, type_, choices, required, filterable, raw["help"], **welsh
        )

    def _code(self, line: int, code: str) -> str:
        if not code:
            self.problem(line, "code", _("Enter the field's code."))
        elif not CODE.match(code):
            self.problem(
                line,
                "code",
                _(
                    "“%(code)s” is not a code: use lower-case letters, digits and underscores, "
                    "starting with a letter, for example power_used."
                )
                % {"code": code},
            )
        elif code in CORE_CODES:
            self.problem(
                line,
                "code",
                _("“%(code)s” is kept by every case already: choose another code.")
                % {"code": code},
            )
        elif code in self.codes:
            self.problem(
                line,
                "code",
                _("The code %(code)s is also on line %(line)s.")
                % {"code": code, "line": self.codes[code]},
            )
        else:
            self.codes[code] = line
        return code

    def _label(self, line: int, label: str) -> str:
        key = label.casefold()
        if not label:
            self.problem(line, "label", _("Enter the field's label."))
        elif key in CORE_HEADINGS:
            self.problem(
                line,
                "label",
                _("“%(label)s” is the heading of what every case has: choose another label.")
                % {"label": label},
            )
        elif key in self.labels:
            self.problem(
                line,
                "label",
                _("The label “%(label)s” is also on line %(line)s.")
                % {"label": label, "line": self.labels[key]},
            )
        else:
            self.labels[key] = line
        return label

    def _type(self, line: int, value: str) -> str:
        type_ = value.lower()
        if type_ in FieldType.values:
            return type_
        if not value:
            self.problem(line, "type", _("Enter the field's type."))
        else:
            self.problem(
                line,
                "type",
                _("“%(value)s” is not a type. Use one of %(types)s.")
                % {"value": value, "types": ", ".join(FieldType.values)},
            )
        return ""

    def _choices(self, line: int, value: str, type_: str) -> tuple[tuple[str, str], ...]:
        if type_ and type_ not in CHOICE_TYPES:
            if value:
                self.problem(
                    line, "choices", _("Only choice and multi_choice fields have choices.")
                )
            return ()
        if not value:
            if type_:
                self.problem(
                    line,
                    "choices",
                    _("A choice field needs its choices, written code=Label|code=Label."),
                )
            return ()
        choices, seen_codes, seen_labels = [], set(), set()
        for number, item in enumerate(value.split("|"), start=1):
            code, equals, label = (part.strip() for part in item.partition("="))
            if not equals or not code or not label:
                self.problem(
                    line,
                    "choices",
                    _("Choice %(number)s (“%(item)s”) is not written code=Label.")
                    % {"number": number, "item": item.strip()},
                )
            elif not CHOICE_CODE.match(code) or len(code) > 60:
                self.problem(
                    line,
                    "choices",
                    _(
                        "Choice %(number)s: “%(code)s” is not a code: use letters, digits, "
                        "hyphens and underscores."
                    )
                    % {"number": number, "code": code},
                )
            elif code in seen_codes:
                self.problem(
                    line, "choices", _("The choice code %(code)s is used twice.") % {"code": code}
                )
            elif label.casefold() in seen_labels:
                self.problem(
                    line,
                    "choices",
                    _("The choice label “%(label)s” is used twice.") % {"label": label},
                )
            else:
                seen_codes.add(code)
                seen_labels.add(label.casefold())
                choices.append((code, label))
        return tuple(choices)

    def _yes_no(self, line: int, column: str, value: str) -> bool:
        answer = YES.get(value.lower())
        if answer is None:
            self.problem(line, column, _("Write yes or no, not “%(value)s”.") % {"value": value})
            return False
        return answer


def _cell(cells: list[str], index: int) -> str:
    value = cells[index] if index < len(cells) else ""
    return _unneutralised(value.strip())


def _unneutralised(value: str) -> str:
    """A cell as written before an export guarded it from spreadsheets (see `neutralise`)."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value
