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
from cases.models import Case

from .columns import FACT_FIELDS
from .rows import CleanRow

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
PROTECTED_STATUSES = (CaseStatus.ON_AGENDA.value, CaseStatus.REVIEWED.value)
_DB_COLUMNS = [Case._meta.get_field(name).column for name in FACT_FIELDS]
_FIELDS_UPDATED = [name for name in FACT_FIELDS if name != "reference"]


def write_rows(
    rows: Iterable[tuple[CleanRow, bool]], *, force_id: int, batch_id: int, keep_extra: bool
) -> tuple[int, int]:
    """Store the rows; returns (created, updated)."""
    if connection.vendor == "postgresql":
        return _copy_upsert(rows, force_id=force_id, batch_id=batch_id, keep_extra=keep_extra)
    return _bulk_upsert(rows, force_id=force_id, batch_id=batch_id, keep_extra=keep_extra)


def _copy_upsert(rows, *, force_id: int, batch_id: int, keep_extra: bool) -> tuple[int, int]:
    """New cases stream straight into cases_case with COPY, so PostgreSQL indexes them
    while Python reads the next rows. Changed cases are spooled (to disk past a few MB)
    and applied afterwards with one UPDATE … FROM a temporary table."""
    now = timezone.now()
    facts = ["force_id", *_DB_COLUMNS, "extra", "content_hash"]
    names = [*facts, "status", "batch_id", "created_at", "updated_at"]
    columns = ", ".join(names)
    created = 0
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 — closed below
    with spooled as spool, connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY cases_case ({columns}) FROM STDIN") as copy:
            copy.set_types([_copy_type(name) for name in names])
            for row, is_new in rows:
                line = (force_id, *row.values, _extra(row), row.content_hash)
                if is_new:
                    copy.write_row((*line, CaseStatus.IN_POOL.value, batch_id, now, now))
                    created += 1
                else:
                    spool.write(_copy_line(line))
        changed = _apply_changes(cursor, spool, facts, batch_id, now, keep_extra)
    return created, changed


def _apply_changes(cursor, spool, facts: list[str], batch_id: int, now, keep_extra: bool) -> int:
    if not spool.tell():
        return 0
    spool.seek(0)
    names = ", ".join(facts)
    cursor.execute("DROP TABLE IF EXISTS pg_temp.case_import")
    cursor.execute(
        f"CREATE TEMP TABLE case_import ON COMMIT DROP AS "  # noqa: S608 # nosec B608 # our names
        f"SELECT {names} FROM cases_case WITH NO DATA"
    )
    with cursor.cursor.copy(f"COPY case_import ({names}) FROM STDIN") as copy:
        while chunk := spool.read(1 << 20):
            copy.write(chunk)
    updated = [*_DB_COLUMNS[1:], "content_hash"] + (["extra"] if keep_extra else [])
    assignments = ", ".join(f"{column} = t.{column}" for column in updated)
    cursor.execute(
        f"UPDATE cases_case AS c SET {assignments}, batch_id = %s, updated_at = %s "  # noqa: S608 # nosec
        "FROM case_import AS t WHERE c.force_id = t.force_id AND c.reference = t.reference "
        "AND c.status NOT IN (%s, %s)",
        [batch_id, now, *PROTECTED_STATUSES],
    )
    changed = cursor.rowcount
    cursor.execute("DROP TABLE pg_temp.case_import")
    return changed


def _copy_type(column: str) -> str:
    field = next(f for f in Case._meta.concrete_fields if f.column == column)
    return _COPY_TYPES[field.get_internal_type()]


def _extra(row: CleanRow) -> str:
    return json.dumps(row.extra) if row.extra else "{}"


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_line(values) -> bytes:
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


def _bulk_upsert(rows, *, force_id: int, batch_id: int, keep_extra: bool) -> tuple[int, int]:
    created = changed = 0
    chunk: list[Case] = []
    update_fields = [*_FIELDS_UPDATED, "content_hash", "batch", "updated_at"]
    if keep_extra:
        update_fields.append("extra")
    for row, is_new in rows:
        chunk.append(_case(row, force_id=force_id, batch_id=batch_id))
        created += is_new
        changed += not is_new
        if len(chunk) == 1000:
            _flush(chunk, update_fields)
    _flush(chunk, update_fields)
    return created, changed


def _case(row: CleanRow, *, force_id: int, batch_id: int) -> Case:
    fields = dict(zip(FACT_FIELDS, row.values, strict=True))
    fields["crime_code_id"] = fields.pop("crime_code")
    fields["outcome_type_id"] = fields.pop("outcome_type")
    return Case(
        force_id=force_id,
        batch_id=batch_id,
        extra=row.extra,
        content_hash=row.content_hash,
        **fields,
    )


def _flush(chunk: list[Case], update_fields: list[str]) -> None:
    if chunk:
        Case.objects.bulk_create(
            chunk,
            update_conflicts=True,
            unique_fields=["force", "reference"],
            update_fields=update_fields,
        )
        chunk.clear()
