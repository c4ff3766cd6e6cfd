"""Statements prepared once per database connection, for the few paths that run hundreds of times a second.

Planning a short statement costs PostgreSQL more than running it. ``execute`` prepares a named
statement the first time a connection runs it (``PREPARE name AS ...``) and from then on only
executes it; a prepared statement outlives a rolled-back transaction and ends with its
connection. On other databases the statement simply runs.
"""

from __future__ import annotations

import re
import weakref

from django.db import connection

_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # database connection -> statement names


def execute(cursor, name: str, sql: str, params: list) -> None:
    """Run ``sql`` (``%s`` placeholders, every value a parameter) under ``name``, prepared on PostgreSQL.

    The name must be unique to the statement's text: the first text prepared under a name stays.
    """
    if connection.vendor != "postgresql":
        cursor.execute(sql, params)
        return
    _prepare(cursor, name, sql, len(params))
    cursor.execute(f"EXECUTE {name}({', '.join(['%s'] * len(params))})", params)


def _prepare(cursor, name: str, sql: str, count: int) -> None:
    names = _prepared.setdefault(connection.connection, set())
    if name not in names:
        numbers = iter(range(1, count + 1))
        cursor.execute(f"PREPARE {name} AS " + re.sub("%s", lambda _m: f"${next(numbers)}", sql))
        names.add(name)


def first_rows(cursor, statements: list[tuple[str, str, list]]) -> list[tuple | None]:
    """Run several ``(name, sql, params)`` statements in order and return each one's first row.

    On PostgreSQL they go in one round trip (``EXECUTE a(...); EXECUTE b(...)``), each still with
    its own snapshot, as if sent one after the other: a lock taken by the first is held when the
    second reads. Elsewhere they run one by one.
    """
    if connection.vendor != "postgresql":
        rows = []
        for name, sql, params in statements:
            execute(cursor, name, sql, params)
            rows.append(cursor.fetchone())
        return rows
    for name, sql, params in statements:
        _prepare(cursor, name, sql, len(params))
    text = "; ".join(f"EXECUTE {name}({', '.join(['%s'] * len(params))})" for name, _sql, params in statements)
    cursor.execute(text, [value for _name, _sql, params in statements for value in params])
    rows = [cursor.fetchone()]
    while cursor.nextset():
        rows.append(cursor.fetchone())
    return rows
