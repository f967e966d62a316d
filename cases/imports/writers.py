"""Writing checked rows: COPY and one upsert on PostgreSQL, bulk upserts elsewhere.

Both run inside the caller's transaction, so a failure anywhere leaves nothing
behind. On PostgreSQL new rows stream through COPY (several times faster than
bulk_create) and changed rows are applied in one UPDATE whose WHERE clause leaves
cases on an agenda or reviewed untouched, even if their status changed while the
file was being read. The caller holds a lock on the force, so no other import can
add the same references meanwhile.
"""

import json
import tempfile
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from cases.enums import CaseStatus
from cases.kinds.facets import facet_values
from cases.models import Case, CaseSectionSource

from .columns import FACT_FIELDS
from .layout import KindLayout
from .rows import CleanRow
from .stored import PROTECTED_STATUSES

SPOOL_IN_MEMORY = 8 * 1024 * 1024
# COPY is told each column's type so psycopg need not choose a dumper for every value.
_COPY_TYPES = {
    "ForeignKey": "int8",
    "CharField": "text",
    "SlugField": "text",
    "TextField": "text",
    "JSONField": "text",  # written as JSON text
    "BooleanField": "bool",
    "DateField": "date",
    "DateTimeField": "timestamptz",
    "PositiveSmallIntegerField": "int2",
}
_DB_COLUMNS = [Case._meta.get_field(name).column for name in FACT_FIELDS]
_FIELDS_UPDATED = [name for name in FACT_FIELDS if name != "reference"]


def write_rows(
    rows: Iterable[tuple[CleanRow, bool]],
    *,
    force_id: int,
    batch_id: int,
    keep_extra: bool,
    layout: KindLayout,
    sections: set[int],
) -> tuple[int, int]:
    """Store a whole record's rows; returns (created, updated).

    The file replaces the sections it carries a column of; a section it carries nothing
    of (an agency's part, filled by its own extract) is left as it is. A section's own
    extract is written by writers_section.py."""
    plan = _Plan(layout, sections)
    if connection.vendor == "postgresql":
        return _copy_upsert(
            rows, force_id=force_id, batch_id=batch_id, keep_extra=keep_extra, plan=plan
        )
    return _bulk_upsert(
        rows, force_id=force_id, batch_id=batch_id, keep_extra=keep_extra, plan=plan
    )


class _Plan:
    """What a whole record's extract writes besides the case columns: the kind, and the
    `values` of the sections it carries."""

    def __init__(self, layout: KindLayout, sections: set[int]):
        self.kind_id = layout.kind.pk
        self.layout = layout
        self.has_values = bool(layout.value_fields)
        self.facet_slots = layout.facet_slots()
        self.replaced = layout.value_codes(sections)
        self.merge = len(self.replaced) < len(layout.value_fields)
        self.sections = sorted(sections)

    def values_json(self, row: CleanRow) -> str:
        return json.dumps(self.layout.record(row.values)) if self.has_values else "{}"

    def facets(self, row: CleanRow) -> dict:
        return self.layout.facets(row.values, self.facet_slots) if self.facet_slots else {}

    def facets_json(self, row: CleanRow) -> str:
        return json.dumps(self.facets(row)) if self.facet_slots else "{}"

    def columns(self, row: CleanRow) -> list:
        return row.values[:_FACTS] if self.has_values else row.values


_FACTS = len(FACT_FIELDS)


def _copy_upsert(rows, *, force_id: int, batch_id: int, keep_extra: bool, plan: _Plan):
    """New cases stream straight into cases_case with COPY, so PostgreSQL indexes them
    while Python reads the next rows. Changed cases are spooled (to disk past a few MB)
    and applied afterwards with one UPDATE … FROM a temporary table."""
    now = timezone.now()
    facts = ["force_id", *_DB_COLUMNS, "values", "facets", "extra", "content_hash"]
    names = [*facts, "kind_id", "status", "batch_id", "created_at", "updated_at"]
    columns = ", ".join(f'"{name}"' for name in names)
    created = 0
    kind_id = plan.kind_id
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 — closed below
    with spooled as spool, connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY cases_case ({columns}) FROM STDIN") as copy:
            copy.set_types([_copy_type(name) for name in names])
            for row, is_new in rows:
                line = (
                    force_id,
                    *plan.columns(row),
                    plan.values_json(row),
                    plan.facets_json(row),
                    _extra(row),
                    row.content_hash,
                )
                if is_new:
                    copy.write_row((*line, kind_id, CaseStatus.IN_POOL.value, batch_id, now, now))
                    created += 1
                else:
                    spool.write(copy_line(line))
        changed = _apply_changes(cursor, spool, facts, batch_id, now, keep_extra, plan)
    return created, changed


def _apply_changes(cursor, spool, facts, batch_id: int, now, keep_extra: bool, plan: _Plan) -> int:
    if not spool.tell():
        return 0
    spool.seek(0)
    names = ", ".join(f'"{name}"' for name in facts)
    cursor.execute("DROP TABLE IF EXISTS pg_temp.case_import")
    cursor.execute(
        f"CREATE TEMP TABLE case_import ON COMMIT DROP AS "  # noqa: S608 # nosec B608 # our names
        f"SELECT {names} FROM cases_case WITH NO DATA"
    )
    with cursor.cursor.copy(f"COPY case_import ({names}) FROM STDIN") as copy:
        while chunk := spool.read(1 << 20):
            copy.write(chunk)
    updated = [*_DB_COLUMNS[1:], "content_hash"] + (["extra"] if keep_extra else [])
    assignments = [f"{column} = t.{column}" for column in updated]
    parameters: list = []
    if plan.has_values and plan.merge:
        assignments.append('"values" = (c."values" - %s::text[]) || t."values"')
        assignments.append('"facets" = (c."facets" - %s::text[]) || t."facets"')
        parameters += [plan.replaced, plan.replaced]
    elif plan.has_values:
        assignments += ['"values" = t."values"', '"facets" = t."facets"']
    cursor.execute(
        f"UPDATE cases_case AS c SET {', '.join(assignments)}, batch_id = %s, updated_at = %s "  # noqa: S608 # nosec B608 # our names
        "FROM case_import AS t WHERE c.force_id = t.force_id AND c.reference = t.reference "
        "AND c.status NOT IN (%s, %s)",
        [*parameters, batch_id, now, *PROTECTED_STATUSES],
    )
    changed = cursor.rowcount
    if plan.sections:
        # The sections this file carries now come from it, not from a section's extract.
        cursor.execute(
            f"DELETE FROM {CaseSectionSource._meta.db_table} AS s "  # noqa: S608 # nosec B608 # our table name
            "USING cases_case AS c, case_import AS t WHERE s.case_id = c.id "
            "AND c.force_id = t.force_id AND c.reference = t.reference "
            "AND s.section_id = ANY(%s) AND c.status NOT IN (%s, %s)",
            [plan.sections, *PROTECTED_STATUSES],
        )
    cursor.execute("DROP TABLE pg_temp.case_import")
    return changed


def _copy_type(column: str) -> str:
    field = next(f for f in Case._meta.concrete_fields if f.column == column)
    return _COPY_TYPES[field.get_internal_type()]


def _extra(row: CleanRow) -> str:
    return json.dumps(row.extra) if row.extra else "{}"


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_line(values) -> bytes:
    """One row in COPY's text format."""
    fields = []
    for value in values:
        if value is None:
            fields.append("\\N")
        elif value is True or value is False:
            fields.append("t" if value else "f")
        elif isinstance(value, str):
            fields.append(value.translate(_ESCAPES))
        else:
            fields.append(str(value))
    return ("\t".join(fields) + "\n").encode()


def _bulk_upsert(rows, *, force_id: int, batch_id: int, keep_extra: bool, plan: _Plan):
    created = changed = 0
    chunk: list[tuple[Case, bool]] = []
    update_fields = [*_FIELDS_UPDATED, "content_hash", "batch", "updated_at"]
    if keep_extra:
        update_fields.append("extra")
    if plan.has_values:
        update_fields += ["values", "facets"]
    for row, is_new in rows:
        chunk.append((_case(row, force_id=force_id, batch_id=batch_id, plan=plan), is_new))
        created += is_new
        changed += not is_new
        if len(chunk) == 1000:
            _flush(chunk, update_fields, plan, force_id)
    _flush(chunk, update_fields, plan, force_id)
    return created, changed


def _case(row: CleanRow, *, force_id: int, batch_id: int, plan: _Plan) -> Case:
    fields = dict(zip(FACT_FIELDS, plan.columns(row), strict=True))
    fields["crime_code_id"] = fields.pop("crime_code")
    fields["outcome_type_id"] = fields.pop("outcome_type")
    return Case(
        force_id=force_id,
        kind_id=plan.kind_id,
        batch_id=batch_id,
        values=plan.layout.record(row.values) if plan.has_values else {},
        facets=plan.facets(row),
        extra=row.extra,
        content_hash=row.content_hash,
        **fields,
    )


def _flush(chunk: list[tuple[Case, bool]], update_fields: list[str], plan: _Plan, force_id):
    if not chunk:
        return
    changed = [case.reference for case, is_new in chunk if not is_new]
    if changed and plan.has_values and plan.merge:
        # Keep the values of the sections this file carries nothing of.
        held = dict(
            Case.objects.filter(force_id=force_id, reference__in=changed).values_list(
                "reference", "values"
            )
        )
        replaced = set(plan.replaced)
        for case, is_new in chunk:
            if not is_new:
                kept = {
                    code: value
                    for code, value in held.get(case.reference, {}).items()
                    if code not in replaced
                }
                case.values = kept | case.values
                case.facets = facet_values(case.values, plan.layout.facet_codes)
    Case.objects.bulk_create(
        [case for case, _ in chunk],
        update_conflicts=True,
        unique_fields=["force", "reference"],
        update_fields=update_fields,
    )
    if changed and plan.sections:
        CaseSectionSource.objects.filter(
            case__force_id=force_id, case__reference__in=changed, section_id__in=plan.sections
        ).delete()
    chunk.clear()
