"""Which columns an extract of one kind of record may carry, and where each one goes.

Every kind shares the core: Reference, Date, Facts and Later information (kept in the
case's own columns). The out of court resolution's fields are kept in columns too and
keep today's headings (`Outcome date` is its Date, `Facts at decision` its Facts); every
other kind's fields are kept in the case's `values`, under their codes.

A row is cleaned into one list of slots: the case columns in `FACT_FIELDS` order, then one
slot per field kept in `values`, in the kind's order. A section's own extract (an agency's
part of cases already held) carries Reference and that section's fields only.
"""

from cases.import_wording import Text
from cases.kind_data import OOCR_CODE
from cases.kind_data.oocr_headings import ALIASES, HEADERS
from cases.kinds.facets import facet_codes
from cases.kinds.selectors import kind_by_code, kind_fields
from cases.models import RecordField, RecordKind, RecordSection
from core.bilingual import english_of, welsh_of

from .base import ExtractError
from .columns import FACT_FIELDS, TEXT_FIELDS, normalise_header

# The core every kind shares, and the headings an extract gives it.
CORE = ("reference", "outcome_date", "facts_at_decision", "later_information")
CORE_HEADERS = {
    "reference": "Reference",
    "outcome_date": "Date",
    "facts_at_decision": "Facts",
    "later_information": "Later information",
}
# Where a field kept in `values` sits among the slots: "values.<code>".
VALUE_PREFIX = "values."
TEXT_LIMIT = 1000  # characters in a (short) text field


class KindLayout:
    """The slots, headings and rules of one kind's extract (or one section's)."""

    def __init__(
        self, kind: RecordKind, fields: list[RecordField], section: RecordSection | None = None
    ):
        self.kind = kind
        self.section = section
        self.is_oocr = kind.code == OOCR_CODE
        self.fields = fields
        self.value_fields = [f for f in fields if not f.column]
        self.facet_codes = facet_codes(fields)
        self.slots = [*FACT_FIELDS, *(VALUE_PREFIX + f.code for f in self.value_fields)]
        self.index = {slot: position for position, slot in enumerate(self.slots)}
        self.field_of: dict[str, RecordField] = {}
        for field in fields:
            self.field_of[field.column or VALUE_PREFIX + field.code] = field
        core = HEADERS if self.is_oocr else CORE_HEADERS
        self.headers = {slot: core[slot] for slot in CORE}
        self.headers.update(
            {slot: english_of(field, "label") for slot, field in self.field_of.items()}
        )
        self.lookup = self._lookup()
        if section is None:
            self.writable = set(self.headers)
            required = [*CORE[:3], *(s for s, f in self.field_of.items() if f.required)]
        else:
            own = [s for s, f in self.field_of.items() if f.section_id == section.pk]
            self.writable = {"reference", *own}
            required = ["reference", *(s for s in own if self.field_of[s].required)]
        self.required = sorted(required, key=self.index.__getitem__)

    # --- headings -----------------------------------------------------------------------

    def ordered(self) -> list[str]:
        """The slots an extract may carry, in the order a template lists them."""
        if self.is_oocr:
            return [slot for slot in FACT_FIELDS if slot in self.headers]
        fields = list(self.field_of)
        return ["reference", "outcome_date", *fields, "facts_at_decision", "later_information"]

    def template_headings(self) -> list[str]:
        return [self.headers[slot] for slot in self.ordered() if slot in self.writable]

    def _lookup(self) -> dict[str, str]:
        """Normalised heading → slot. Headings, codes and labels come first; aliases only
        where no heading, code or label has taken the spelling already."""
        first: list[tuple[str, str]] = []
        aliases: list[tuple[str, str]] = []
        kind = self.kind
        for slot in CORE:
            first += [(self.headers[slot], slot), (CORE_HEADERS[slot], slot)]
            if self.is_oocr or slot not in ("outcome_date", "facts_at_decision"):
                first.append((slot, slot))  # a column's own name, as the admin export writes
        first += [
            (english_of(kind, "date_label"), "outcome_date"),
            (english_of(kind, "facts_label"), "facts_at_decision"),
        ]
        # A kind's Welsh words are headings too, where no English one spells the same.
        aliases += [
            (welsh_of(kind, "date_label"), "outcome_date"),
            (welsh_of(kind, "facts_label"), "facts_at_decision"),
        ]
        for slot in ("reference", "facts_at_decision", "later_information"):
            aliases += [(alias, slot) for alias in ALIASES[slot]]
        if self.is_oocr:
            aliases += [(alias, "outcome_date") for alias in ALIASES["outcome_date"]]
        for slot, field in self.field_of.items():
            label = english_of(field, "label")
            first += [(label, slot), (field.code, slot)]
            aliases.append((welsh_of(field, "label"), slot))
            if field.column:
                first.append((HEADERS.get(field.column, label), slot))
                aliases += [(alias, slot) for alias in ALIASES.get(field.column, ())]
            aliases += [(alias, slot) for alias in field.aliases]
        lookup: dict[str, str] = {}
        for text, slot in first + aliases:
            key = normalise_header(text)
            if key:
                lookup.setdefault(key, slot)
        return lookup

    def owner(self, slot: str) -> str:
        """Where a slot belongs, in words: the core, or its section's name."""
        field = self.field_of.get(slot)
        return english_of(field.section, "name") if field else ""

    # --- rows ---------------------------------------------------------------------------

    def text_slots(self) -> list[str]:
        """Free-text slots, screened for personal data: today's columns, then the kind's
        text and long text fields."""
        columns = [slot for slot in TEXT_FIELDS if slot in self.headers]
        values = [VALUE_PREFIX + f.code for f in self.value_fields if f.is_free_text]
        return columns + values

    def value_slots(self) -> list[tuple[int, str]]:
        """(slot index, code) of each field kept in `values`."""
        start = len(FACT_FIELDS)
        return [(start + n, field.code) for n, field in enumerate(self.value_fields)]

    def record(self, row: list) -> dict:
        """The row's `values`, JSON-native: empty fields are left out."""
        return {
            code: row[index]
            for index, code in self.value_slots()
            if row[index] is not None and row[index] != ""
        }

    def facet_slots(self) -> list[tuple[int, str]]:
        """(slot index, code) of each field kept in `values` that is also a facet."""
        return [(index, code) for index, code in self.value_slots() if code in self.facet_codes]

    def facets(self, row: list, slots: list[tuple[int, str]]) -> dict:
        """The row's facets (`slots` from facet_slots(), worked out once an import)."""
        return {
            code: row[index] for index, code in slots if row[index] is not None and row[index] != ""
        }

    def section_slots(self, sections: set[int]) -> list[str]:
        """The slots of the fields in these sections, in slot order."""
        found = [s for s, f in self.field_of.items() if f.section_id in sections]
        return sorted(found, key=self.index.__getitem__)

    def value_codes(self, sections: set[int]) -> list[str]:
        return [f.code for f in self.value_fields if f.section_id in sections]

    def all_sections(self) -> set[int]:
        return {field.section_id for field in self.fields}

    def signature(self) -> list[str]:
        return list(self.slots)


def layout_for(kind: RecordKind | None = None, section: RecordSection | None = None) -> KindLayout:
    """The layout of a kind's extract (the out of court resolution's if none is named)."""
    kind = kind or kind_by_code(OOCR_CODE)
    return KindLayout(kind, kind_fields(kind), section)


def section_named(kind: RecordKind, name: str) -> RecordSection:
    """The kind's section called `name` (ignoring capitals), or ExtractError naming it."""
    sections = list(kind.sections.order_by("position", "pk"))
    wanted = name.strip().casefold()
    for section in sections:
        if wanted in (english_of(section, "name").casefold(), welsh_of(section, "name").casefold()):
            return section
    names = ", ".join(english_of(section, "name") for section in sections) or "none"
    raise ExtractError(
        Text(
            "no_such_section",
            {"kind": english_of(kind, "name"), "name": name.strip(), "names": names},
        )
    )
