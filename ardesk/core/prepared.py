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
    names = _prepared.setdefault(connection.connection, set())
    if name not in names:
        numbers = iter(range(1, len(params) + 1))
        cursor.execute(f"PREPARE {name} AS " + re.sub("%s", lambda _m: f"${next(numbers)}", sql))
        names.add(name)
    cursor.execute(f"EXECUTE {name}({', '.join(['%s'] * len(params))})", params)
