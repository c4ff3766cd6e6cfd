"""Fast bulk inserts for imports: COPY on PostgreSQL, executemany on SQLite.

The ORM's bulk_create builds one statement per few dozen rows on SQLite and spends most of an
import's time compiling SQL; a million-row import needs the database's own bulk path. Values
are adapted by the backend's own operations, so they are stored exactly as the ORM would.
"""

from __future__ import annotations

import datetime as dt
import queue
import re
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import TypeVar

from django.db import DatabaseError, connection, models

T = TypeVar("T")

# Rows in COPY's text format (PostgreSQL), made by the caller: values written as PostgreSQL reads them
# back (integers and decimals as digits, dates and times in ISO form, NULL as ``\\N``, text with COPY's
# escapes). See ledger/imports/copy.py for why importers format their rows as they read them.
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]").search
_FORMATS = {
    int: str,
    str: lambda value: value.translate(_ESCAPES),
    dt.date: dt.date.isoformat,
    dt.datetime: dt.datetime.isoformat,
    Decimal: str,
    type(None): lambda value: "\\N",
}


def copy_line(values: Iterable) -> str:
    """The values as one line of COPY's text format, without the line's end."""
    # Text without a character to escape (nearly all of it) goes as it is, without a call.
    return "\t".join(
        [value if type(value) is str and not _NEEDS_ESCAPE(value) else _FORMATS[type(value)](value) for value in values]
    )


def text_array(values: Iterable[str]) -> str:
    """The texts as a PostgreSQL array literal (a parameter for ``%s::text[]``).

    Made in one join: psycopg adapts a list element by element in Python, which an import's writer
    thread would do holding the interpreter while the database waits.
    """
    return "{" + ",".join(['"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values]) + "}"


def plain_array(values: Iterable) -> str:
    """Integers or dates as a PostgreSQL array literal (a parameter for ``%s::bigint[]`` or ``%s::date[]``)."""
    return "{" + ",".join(map(str, values)) + "}"


def copy_lines(cursor, model: type[models.Model], fields: tuple[str, ...], lines: Iterable[str]) -> None:
    """COPY lines (each ending with a newline, columns in the order of ``fields``) into the model's table."""
    copy_text(cursor, model, fields, "".join(lines))


def copy_text(cursor, model: type[models.Model], fields: tuple[str, ...], text: str) -> None:
    """COPY rows already in COPY's text format (lines ending with a newline, columns in the order of
    ``fields``) into the model's table."""
    if not text:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    with cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
        copy.write(text)


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


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence], *, cursor=None) -> int:
    """Insert rows (tuples in the order of ``fields``, attnames like ``customer_id``) and return the count.

    ``cursor`` is the one a ``Writer`` job gets; without it the connection's own cursor is used.
    """
    meta = model._meta
    columns = [meta.get_field(name).column for name in fields]
    count = 0
    if connection.vendor == "postgresql":
        from psycopg.types.json import Jsonb

        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        sql = f"COPY {connection.ops.quote_name(meta.db_table)} ({quoted}) FROM STDIN"
        if cursor is None:
            with connection.cursor() as wrapper:
                return insert_rows(model, fields, rows, cursor=wrapper.cursor)
        # JSON values go to COPY as JSON (a list of dicts would otherwise be read as an array).
        json_columns = [i for i, name in enumerate(fields) if isinstance(meta.get_field(name), models.JSONField)]
        with cursor.copy(sql) as copy:
            write = copy.write_row
            for row in rows:
                if json_columns:
                    row = list(row)
                    for i in json_columns:
                        row[i] = None if row[i] is None else Jsonb(row[i])
                write(row)
                count += 1
        return count
    adapters = [_adapter(meta.get_field(name)) for name in fields]
    placeholders = ", ".join(["%s"] * len(columns))
    # Table and column names come from the model's own metadata, never from input.
    table = connection.ops.quote_name(meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608
    batch: list[tuple] = []
    if cursor is None:
        with connection.cursor() as own:
            return insert_rows(model, fields, rows, cursor=own)
    for row in rows:
        batch.append(tuple(adapt(v) if adapt and v is not None else v for adapt, v in zip(adapters, row, strict=True)))
        if len(batch) >= 5000:
            cursor.executemany(sql, batch)
            count += len(batch)
            batch.clear()
    if batch:
        cursor.executemany(sql, batch)
        count += len(batch)
    return count


def reserve_ids(model: type[models.Model], count: int, *, cursor=None) -> list[int]:
    """Primary keys for rows about to be inserted, so children can point at them without reading back.

    PostgreSQL hands them out from the table's sequence. SQLite has one writer at a time and the
    caller holds the write lock inside its transaction, so the next ids are simply after the
    highest one ever given (AUTOINCREMENT's own counter included).
    """
    if count == 0:
        return []
    if cursor is None:
        with connection.cursor() as own:
            return reserve_ids(model, count, cursor=own)
    table = model._meta.db_table
    if connection.vendor == "postgresql":
        # The sequence is named once: looking it up for every id cost the database about 5 µs a row.
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, model._meta.pk.column])
        (sequence,) = cursor.fetchone()
        cursor.execute("SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [sequence, count])
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


class Writer:
    """Runs an import's write jobs in order, in the import's transaction.

    On PostgreSQL the jobs run in a thread of their own on the same connection, so the database
    inserts one chunk (and checks its foreign keys) while Python reads and checks the next: the
    two cores work at once. Psycopg serialises the connection's use between the threads; the
    caller calls ``wait()`` before reading anything the pending jobs may change. Only a couple
    of chunks wait in the queue, so memory stays flat. On SQLite the jobs run at once.

    A job is a function of a cursor (for ``insert_rows`` and ``reserve_ids``). The first error
    stops the writer and is raised again by the next ``submit`` or ``wait``. ``done`` counts the
    jobs written so far, so a caller that remembers what its pending jobs change can read the
    database without waiting for them.
    """

    def __init__(self, *, depth: int = 2):
        self.background = connection.vendor == "postgresql"
        self.error: BaseException | None = None
        self.done = 0
        self.thread: threading.Thread | None = None
        if self.background:
            connection.ensure_connection()
            self.jobs: queue.Queue = queue.Queue(maxsize=depth)
            self.thread = threading.Thread(target=self._work, args=(connection.connection,), daemon=True)
            # The writer mostly waits for the database; when it wakes it should get the interpreter
            # at once, not after the reading thread's default 5 ms slice.
            self.switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(0.0002)
            self.thread.start()

    def _work(self, raw) -> None:
        with raw.cursor() as cursor:
            while True:
                job = self.jobs.get()
                try:
                    if job is None:
                        return
                    if self.error is None:
                        job(cursor)
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                        self.done += 1
                except BaseException as exc:  # handed to the importing thread, which raises it
                    self.error = exc
                finally:
                    self.jobs.task_done()

    def _raise(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error

    def submit(self, job: Callable) -> None:
        self._raise()
        if not self.background:
            with connection.cursor() as cursor:
                job(cursor)
            self.done += 1
            return
        self.jobs.put(job)

    def beside(self, statement: Callable[[], T]) -> T:
        """Run the reading thread's own statement while jobs may be under way, and return its result.

        It waits for the writer's statement in progress (psycopg takes turns on the connection). When
        a job has failed, the transaction is aborted and this statement fails too: the job's error,
        the cause, is raised instead.
        """
        try:
            return statement()
        except (DatabaseError, connection.Database.Error):
            self.wait()
            raise

    def wait(self) -> None:
        """Block until every job submitted so far is written; raise the first error of any."""
        if self.background:
            self.jobs.join()
        self._raise()

    def close(self) -> None:
        """Stop the thread (after the jobs already queued). Call ``wait()`` first to see their errors."""
        if self.thread is not None and self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join()
            sys.setswitchinterval(self.switch_interval)

    def submit_from(self, job: Callable) -> None:
        """Queue a job from another thread (a ``Reader``'s): it runs after the jobs queued before it.

        Unlike ``submit`` it raises nothing: after a failed job it is skipped, and the importing
        thread's next ``submit`` or ``wait`` raises that job's error.
        """
        self.jobs.put(job)


class Reader:
    """Runs an import's read-only statements on a connection of its own, in a thread beside it (PostgreSQL).

    The import's own connection is busy with its writer's statements; a second connection lets the
    database read on the other core meanwhile. It sees what others have committed, not the import's
    own writes: only for reads those writes do not change, or whose caller adds them itself (see
    ledger.imports.credits), and only when the import is its own transaction (nothing it reads was
    written earlier in a transaction still open). A job is a function of a cursor, run in order.
    """

    def __init__(self):
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-reader")

    def submit(self, job: Callable, *, failed: Callable[[BaseException], None]) -> None:
        """Queue ``job``; ``failed`` gets any error it, or connecting, raises (in the reader's thread)."""
        self.pool.submit(self._run, job, failed)

    @staticmethod
    def _run(job: Callable, failed: Callable[[BaseException], None]) -> None:
        try:
            with connection.cursor() as cursor:  # this thread's own connection
                job(cursor)
        except BaseException as exc:  # for the caller to raise in its own thread
            failed(exc)

    @staticmethod
    def _close() -> None:
        connection.close()  # looked up in the reader's thread: its own connection

    def close(self) -> None:
        """Close the connection and stop the thread, after the jobs already queued."""
        self.pool.submit(self._close)
        self.pool.shutdown(wait=True)
