"""Fast bulk inserts for imports: COPY on PostgreSQL, executemany on SQLite.

The ORM's bulk_create builds one statement per few dozen rows on SQLite and spends most of an
import's time compiling SQL; a million-row import needs the database's own bulk path. Values
are adapted by the backend's own operations, so they are stored exactly as the ORM would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models


def _adapter(field: models.Field):
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda value: ops.adapt_decimalfield_value(value, field.max_digits, field.decimal_places)
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert rows (tuples in the order of ``fields``, attnames like ``customer_id``) and return the count."""
    meta = model._meta
    columns = [meta.get_field(name).column for name in fields]
    adapters = [_adapter(meta.get_field(name)) for name in fields]
    count = 0
    if connection.vendor == "postgresql":
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(meta.db_table)} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        return count
    placeholders = ", ".join(["%s"] * len(columns))
    # Table and column names come from the model's own metadata, never from input.
    table = connection.ops.quote_name(meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608
    batch: list[tuple] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(
                tuple(adapt(v) if adapt and v is not None else v for adapt, v in zip(adapters, row, strict=True))
            )
            if len(batch) >= 5000:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """Primary keys for rows about to be inserted, so children can point at them without reading back.

    PostgreSQL hands them out from the table's sequence. SQLite has one writer at a time and the
    caller holds the write lock inside its transaction, so the next ids are simply after the
    highest one ever given (AUTOINCREMENT's own counter included).
    """
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            column = model._meta.pk.column
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, column, count]
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT COALESCE(MAX({connection.ops.quote_name(model._meta.pk.column)}), 0) "  # noqa: S608
            f"FROM {connection.ops.quote_name(table)}"
        )
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        start = max(highest, row[0] if row else 0) + 1
    return list(range(start, start + count))


def refresh_statistics(*tables: type[models.Model]) -> None:
    """Give the query planner fresh table statistics after a bulk load.

    Without them the planner misjudges a table that just grew from nothing to a million rows:
    SQLite walks an index that does not fit the query, PostgreSQL (before autovacuum gets to it)
    hashes a whole table to find a few thousand rows. SQLite samples every index
    (``analysis_limit``); PostgreSQL samples the named tables, or all of them when none are named.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            names = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in tables)
            cursor.execute(f"ANALYZE {names}")  # noqa: S608  (table names from the models)
