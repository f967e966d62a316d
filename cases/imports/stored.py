"""What an import needs to know of the cases a force already holds: each case's
fingerprint, which ones a panel has on an agenda or has reviewed, which references are
held as another kind of record, and, for reviewed cases the file would change, which of
their fields differ.

A whole record's fingerprint is the `content_hash` stored with it. A section's own
extract is compared with the section as stored: its fields are read back and
fingerprinted the way the file's rows are (rows.content_hash over Reference and the
section's slots), so importing the same section again changes nothing.
"""

from dataclasses import dataclass, field

from cases.enums import CaseStatus
from cases.kind_data.oocr_headings import HEADERS
from cases.models import Case, RecordKind

from .columns import FACT_FIELDS
from .layout import VALUE_PREFIX, KindLayout
from .report import Held
from .rows import content_hash

PROTECTED_STATUSES = (CaseStatus.ON_AGENDA.value, CaseStatus.REVIEWED.value)
# Case fields whose stored column is the related row's id.
STORED = {"crime_code": "crime_code_id", "outcome_type": "outcome_type_id"}


@dataclass
class Existing:
    fingerprints: dict[str, str] = field(default_factory=dict)  # reference → fingerprint
    protected: set[str] = field(default_factory=set)  # on an agenda or reviewed
    others: dict[str, str] = field(default_factory=dict)  # reference → its kind's name
    outcome_dates: dict = field(default_factory=dict)  # reference → date, when needed


def existing(force_id: int, layout: KindLayout) -> Existing:
    """The force's cases, read before any row is written: COPY then holds the connection."""
    found = Existing()
    kind_id = layout.kind.pk
    names = dict(RecordKind.objects.values_list("pk", "name_en"))
    cases = Case.objects.filter(force_id=force_id)
    if layout.section is None:
        rows = cases.values_list("reference", "status", "kind_id", "content_hash")
        for reference, status, kind, fingerprint in rows.iterator(chunk_size=5000):
            if kind != kind_id:
                found.others[reference] = names.get(kind, "")
                continue
            found.fingerprints[reference] = fingerprint
            if status in PROTECTED_STATUSES:
                found.protected.add(reference)
        return found
    slots = layout.section_slots({layout.section.pk})
    dates = "offence_date" in slots
    rows = cases.values_list("reference", "status", "kind_id", "outcome_date", *_columns(slots))
    for reference, status, kind, outcome_date, *stored in rows.iterator(chunk_size=5000):
        if kind != kind_id:
            found.others[reference] = names.get(kind, "")
            continue
        found.fingerprints[reference] = content_hash([reference, *_slots(slots, stored)], None)
        if status in PROTECTED_STATUSES:
            found.protected.add(reference)
        if dates:
            found.outcome_dates[reference] = outcome_date
    return found


def _columns(slots: list[str]) -> list[str]:
    """The columns to read for these slots: each case column, then `values` if needed."""
    columns = [STORED.get(s, s) for s in slots if not s.startswith(VALUE_PREFIX)]
    if any(s.startswith(VALUE_PREFIX) for s in slots):
        columns.append("values")
    return columns


def _slots(slots: list[str], stored: list) -> list:
    """Stored columns (and `values` last) as the slots a cleaned row holds."""
    record = stored[-1] if any(s.startswith(VALUE_PREFIX) for s in slots) else {}
    found, position = [], 0
    for slot in slots:
        if slot.startswith(VALUE_PREFIX):
            value = record.get(slot[len(VALUE_PREFIX) :])
            found.append(None if value in ("", []) else value)
        else:
            found.append(stored[position])
            position += 1
    return found


def describe_held(force_id: int, layout: KindLayout, sections: set[int], held: list[Held]):
    """Name the fields that differ for each held case (names only: values may be
    personal). Returns the items that do differ; the others match the file already."""
    if layout.section is None:
        slots = [*FACT_FIELDS, *layout.section_slots(sections)]
        slots = list(dict.fromkeys(slots))
    else:
        slots = ["reference", *layout.section_slots({layout.section.pk})]
    by_reference = {item.reference: item for item in held}
    stored = Case.objects.filter(force_id=force_id, reference__in=by_reference)
    headings = {**HEADERS, **layout.headers}
    for current in stored.values_list(*_columns(slots)):
        item = by_reference[current[0]]
        item.fields = [
            headings.get(slot, slot)
            for slot, old in zip(slots, _slots(slots, current), strict=True)
            if old != item.values[layout.index[slot]]
        ]
    return [item for item in held if item.fields]
