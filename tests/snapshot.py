"""A copy of every table's rows, taken once and put back as often as needed: a database
built once (the demo, say) restored before each test that changes it, in a fraction of
the time building it again takes.

PostgreSQL copies each table with `COPY … (FORMAT binary)`, which brings back every
value exactly as it was; SQLite reads and inserts the rows as they are stored. Putting
back empties every table first as `flush` does (the audit trail's append-only trigger
allows that), then resets the sequences to the rows now there, so the next row made gets
the next id.
"""

from django.core.management.color import no_style
from django.db import connection, transaction


class Snapshot:
    def __init__(self, tables: dict[str, object]):
        self._tables = tables

    @classmethod
    def take(cls) -> "Snapshot":
        tables = {}
        with connection.cursor() as cursor:
            for table in _tables():
                tables[table] = _read(cursor, table)
        return cls(tables)

    def restore(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for sql in connection.ops.sql_flush(no_style(), list(self._tables)):
                cursor.execute(sql)
            for table, rows in self._tables.items():
                _write(cursor, table, rows)
            for sql in connection.ops.sequence_reset_sql(no_style(), _models()):
                cursor.execute(sql)


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _models() -> list:
    from django.apps import apps

    return [
        model
        for config in apps.get_app_configs()
        for model in config.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _read(cursor, table: str):
    name = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {name} TO STDOUT (FORMAT binary)") as copy:
            return b"".join(bytes(block) for block in copy)
    cursor.execute(f"SELECT * FROM {name}")  # noqa: S608 (a table name from introspection)
    columns = [column[0] for column in cursor.description]
    return columns, cursor.fetchall()


def _write(cursor, table: str, rows) -> None:
    name = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {name} FROM STDIN (FORMAT binary)") as copy:
            copy.write(rows)
        return
    columns, values = rows
    if values:
        names = ", ".join(connection.ops.quote_name(column) for column in columns)
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {name} ({names}) VALUES ({marks})", values)  # noqa: S608
