"""Writing a section's own extract: one agency's part of cases already held.

Only the section's fields change: its columns, and its codes in `values` (the rest of
`values` is kept). Each case written records where the section came from
(`CaseSectionSource`: the batch, who imported it and when). Cases on an agenda or
reviewed are left untouched, as for a whole record. Runs inside the caller's
transaction, so a failure leaves nothing behind.
"""

import json
import tempfile
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from cases.kinds.facets import facet_values
from cases.models import Case, CaseSectionSource

from .layout import VALUE_PREFIX, KindLayout
from .rows import CleanRow
from .stored import PROTECTED_STATUSES, STORED
from .writers import copy_line

SPOOL_IN_MEMORY = 8 * 1024 * 1024
CHUNK = 1000


class _Section:
    def __init__(self, layout: KindLayout):
        section = layout.section
        self.section_id = section.pk
        self.kind_id = layout.kind.pk
        slots = layout.section_slots({section.pk})
        self.columns = [
            (layout.index[slot], slot) for slot in slots if not slot.startswith(VALUE_PREFIX)
        ]
        self.codes = layout.value_codes({section.pk})
        self.values = [(layout.index[VALUE_PREFIX + code], code) for code in self.codes]
        self.facet_codes = layout.facet_codes

    def facets(self, record: dict) -> dict:
        return facet_values(record, self.facet_codes) if self.facet_codes else {}

    def record(self, row: CleanRow) -> dict:
        found = {}
        for index, code in self.values:
            value = row.values[index]
            if value is not None and value != "":
                found[code] = value
        return found


def write(
    rows: Iterable[tuple[CleanRow, bool]],
    *,
    force_id: int,
    batch_id: int,
    layout: KindLayout,
    user_id: int | None,
) -> int:
    """Update the section of each case; returns how many cases were updated."""
    section = _Section(layout)
    if connection.vendor == "postgresql":
        return _update_from_copy(rows, force_id, batch_id, user_id, section)
    return _update_in_chunks(rows, force_id, batch_id, user_id, section)


def _update_from_copy(rows, force_id: int, batch_id: int, user_id, section: _Section) -> int:
    now = timezone.now()
    columns = [Case._meta.get_field(slot).column for _, slot in section.columns]
    names = ["force_id", "reference", *columns, "values", "facets"]
    quoted = ", ".join(f'"{name}"' for name in names)
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
        for row, _is_new in rows:
            line = [force_id, row.reference]
            line += [row.values[index] for index, _ in section.columns]
            record = section.record(row)
            line += [json.dumps(record), json.dumps(section.facets(record))]
            spool.write(copy_line(line))
        if not spool.tell():
            return 0
        spool.seek(0)
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS pg_temp.case_section_import")
            cursor.execute(
                "CREATE TEMP TABLE case_section_import ON COMMIT DROP AS "  # noqa: S608 # nosec B608 # our names
                f"SELECT {quoted} FROM cases_case WITH NO DATA"
            )
            with cursor.cursor.copy(f"COPY case_section_import ({quoted}) FROM STDIN") as copy:
                while chunk := spool.read(1 << 20):
                    copy.write(chunk)
            assignments = [f'"{column}" = t."{column}"' for column in columns]
            assignments.append('"values" = (c."values" - %s::text[]) || t."values"')
            assignments.append('"facets" = (c."facets" - %s::text[]) || t."facets"')
            sources = CaseSectionSource._meta.db_table
            cursor.execute(
                "WITH updated AS ("  # noqa: S608 # nosec B608 # our names; values as parameters
                f"UPDATE cases_case AS c SET {', '.join(assignments)}, updated_at = %s "
                "FROM case_section_import AS t WHERE c.force_id = t.force_id "
                "AND c.reference = t.reference AND c.kind_id = %s AND c.status NOT IN (%s, %s) "
                "RETURNING c.id) "
                f"INSERT INTO {sources} "
                "(case_id, section_id, batch_id, imported_by_id, imported_at) "
                "SELECT id, %s, %s, %s, %s FROM updated "
                "ON CONFLICT (case_id, section_id) DO UPDATE SET batch_id = EXCLUDED.batch_id, "
                "imported_by_id = EXCLUDED.imported_by_id, imported_at = EXCLUDED.imported_at",
                [
                    section.codes,
                    section.codes,
                    now,
                    section.kind_id,
                    *PROTECTED_STATUSES,
                    section.section_id,
                    batch_id,
                    user_id,
                    now,
                ],
            )
            changed = cursor.rowcount
            cursor.execute("DROP TABLE pg_temp.case_section_import")
    return changed


def _update_in_chunks(rows, force_id: int, batch_id: int, user_id, section: _Section) -> int:
    now = timezone.now()
    fields = [slot for _, slot in section.columns] + ["values", "facets", "updated_at"]
    changed = 0
    chunk: list[CleanRow] = []
    for row, _is_new in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            changed += _update_chunk(chunk, force_id, batch_id, user_id, section, fields, now)
            chunk = []
    if chunk:
        changed += _update_chunk(chunk, force_id, batch_id, user_id, section, fields, now)
    return changed


def _update_chunk(chunk, force_id, batch_id, user_id, section: _Section, fields, now) -> int:
    cases = {
        case.reference: case
        for case in Case.objects.filter(
            force_id=force_id, kind_id=section.kind_id, reference__in=[r.reference for r in chunk]
        ).exclude(status__in=PROTECTED_STATUSES)
    }
    updated = []
    for row in chunk:
        case = cases.get(row.reference)
        if case is None:
            continue
        for index, slot in section.columns:
            setattr(case, STORED.get(slot, slot), row.values[index])
        kept = {k: v for k, v in case.values.items() if k not in section.codes}
        case.values = kept | section.record(row)
        case.facets = facet_values(case.values, section.facet_codes)
        case.updated_at = now
        updated.append(case)
    Case.objects.bulk_update(updated, fields)
    CaseSectionSource.objects.bulk_create(
        [
            CaseSectionSource(
                case=case,
                section_id=section.section_id,
                batch_id=batch_id,
                imported_by_id=user_id,
                imported_at=now,
            )
            for case in updated
        ],
        update_conflicts=True,
        unique_fields=["case", "section"],
        update_fields=["batch", "imported_by", "imported_at"],
    )
    return len(updated)
