"""How one file's heading row lines up with the slots of its kind (layout.py).

Headings are matched ignoring capitals, spaces and punctuation, so "Crime Ref",
"crime_ref" and "CRIME REF" are the same. A section's own extract may carry Reference and
that section's fields only: a column of the core or of another section is reported.
"""

from dataclasses import dataclass, field

from cases.import_wording import Text
from core.bilingual import english_of

from .columns import normalise_header
from .layout import KindLayout


@dataclass
class HeaderMap:
    """How one file's header row lines up with case fields."""

    positions: dict[str, int] = field(default_factory=dict)  # slot → column index
    labels: dict[str, str] = field(default_factory=dict)  # slot → header as written
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (index, header) kept aside
    problems: list[Text] = field(default_factory=list)  # file-level
    width: int = 0  # how many columns the heading row has
    missing: list[str] = field(default_factory=list)  # optional headings not in the file
    sections: set[int] = field(default_factory=set)  # sections the file carries a column of

    @property
    def missing_optional(self) -> list[str]:
        return self.missing


def words(heading: str) -> str:
    """A heading inside a sentence: "Outcome date" → "outcome date"; "CPS advice" and a
    heading whose every word is capitalised ("Hate Crime Strand") kept as written."""
    if heading[:2].isupper() or _title_case(heading):
        return heading
    return heading[:1].lower() + heading[1:]


def _title_case(heading: str) -> bool:
    names = [name for name in heading.split() if name[:1].isalpha()]
    return len(names) > 1 and all(name[:1].isupper() for name in names)


def map_headers(headers: list, layout: KindLayout) -> HeaderMap:
    lookup = layout.lookup
    canonical = layout.headers
    result = HeaderMap(width=len(headers))
    for index, raw in enumerate(headers):
        text = "" if raw is None else str(raw).strip()
        if not text:
            continue
        slot = lookup.get(normalise_header(text))
        if slot is None:
            result.unknown.append((index, text))
        elif slot not in layout.writable:
            result.problems.append(_not_in_section(layout, slot, text))
        elif slot in result.positions:
            first, field_name = result.labels[slot], words(canonical[slot])
            result.problems.append(
                Text("both_columns", {"first": first, "second": text, "field": field_name})
            )
        else:
            result.positions[slot] = index
            result.labels[slot] = text
    for slot in layout.required:
        if slot not in result.positions:
            params = {"field": words(canonical[slot]), "heading": canonical[slot]}
            result.problems.append(Text("missing_column", params))
    result.missing = [
        canonical[slot]
        for slot in layout.ordered()
        if slot in layout.writable and slot not in result.positions
    ]
    if layout.section is None:
        result.sections = {
            layout.field_of[slot].section_id for slot in result.positions if slot in layout.field_of
        }
    else:
        result.sections = {layout.section.pk}
    return result


def _not_in_section(layout: KindLayout, slot: str, text: str) -> Text:
    section = english_of(layout.section, "name")
    owner = layout.owner(slot)
    if not owner:
        return Text("core_column", {"column": text, "section": section})
    return Text("other_section", {"column": text, "owner": owner, "section": section})
