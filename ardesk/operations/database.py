"""The database side of a backup: a consistent copy while ARdesk serves, and putting it back.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies every page in one step under
a read lock, so what is still in the write-ahead log is included and a writer is never blocked for
long; copying the file instead would lose the WAL. PostgreSQL: ``pg_dump --format=custom`` run
on a snapshot exported from a REPEATABLE READ transaction, and the row counts and samples for the
manifest read in that same transaction, so they describe exactly what the dump holds.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from ardesk.core.crypto import EncryptedTextField
from ardesk.operations.errors import BackupError

SAMPLES_PER_FIELD = 5


@dataclass(frozen=True)
class Snapshot:
    """What the manifest says about the copied database, read from the copy itself."""

    migrations: dict[str, list[str]]
    row_counts: dict[str, int]
    encrypted_samples: list[str]


def vendor() -> str:
    return connection.vendor


def code_migrations() -> dict[str, list[str]]:
    """The migrations this version of ARdesk ships, per app."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    found: dict[str, list[str]] = {}
    for app, name in loader.disk_migrations:
        found.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in found.items()}


def encrypted_columns() -> Iterator[tuple[str, str, str]]:
    """(table, primary key column, column) of every encrypted field (bank accounts, ID numbers)."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model._meta.db_table, model._meta.pk.column, field.column


def sample_sql(table: str, pk: str, column: str, limit: int) -> str:
    # Names from the models, quoted the same way on SQLite and PostgreSQL; no value.
    return (
        f'SELECT "{pk}", "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL AND "{column}" <> \'\''  # noqa: S608
        f' ORDER BY "{pk}" LIMIT {int(limit)}'
    )


def _read_snapshot(cursor, tables: list[str]) -> Snapshot:
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (a table name the database listed)
        counts[table] = cursor.fetchone()[0]
    samples = []
    for table, pk, column in encrypted_columns():
        if table in tables:
            cursor.execute(sample_sql(table, pk, column, SAMPLES_PER_FIELD))
            samples.extend(value for _pk, value in cursor.fetchall())
    return Snapshot(migrations=migrations, row_counts=counts, encrypted_samples=samples)


def _sqlite_tables(cursor) -> list[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [row[0] for row in cursor.fetchall()]


def _postgres_tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return [row[0] for row in cursor.fetchall()]


def current_tables() -> list[str]:
    with connection.cursor() as cursor:
        return _sqlite_tables(cursor) if connection.vendor == "sqlite" else _postgres_tables(cursor)


def current_row_counts() -> dict[str, int]:
    """Rows per table of the configured database (checked against the manifest after a restore)."""
    with connection.cursor() as cursor:
        return _read_snapshot(cursor, current_tables()).row_counts


def snapshot_to(target: Path) -> Snapshot:
    """Copy the configured database to ``target`` as one consistent snapshot."""
    if connection.vendor == "sqlite":
        return _sqlite_snapshot(target)
    if connection.vendor == "postgresql":
        return _postgres_snapshot(target)
    raise BackupError(_("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": connection.vendor})


def _sqlite_snapshot(target: Path) -> Snapshot:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        # pages=-1: every page in one step, so the copy is one consistent state of the database.
        connection.connection.backup(copy, pages=-1)
        cursor = copy.cursor()
        return _read_snapshot(cursor, _sqlite_tables(cursor))
    finally:
        copy.close()


def pg_tool(name: str) -> str:
    """The PostgreSQL client program on the PATH, or a clear error."""
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            _(
                "%(tool)s is not on the PATH: install the PostgreSQL client tools of the server's version "
                "(Debian: postgresql-client-15)."
            )
            % {"tool": name}
        )
    return found


def pg_environment() -> dict[str, str]:
    """The environment that points the PostgreSQL client tools at the configured database."""
    settings_dict = connection.settings_dict
    env = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    env["PGDATABASE"] = settings_dict["NAME"]
    if (settings_dict.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = settings_dict["OPTIONS"]["sslmode"]
    return env


def _run_pg(arguments: list[str]) -> None:
    done = subprocess.run(arguments, env=pg_environment(), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(
            _("%(tool)s failed: %(error)s") % {"tool": Path(arguments[0]).name, "error": done.stderr.strip()}
        )


@contextmanager
def _snapshot_transaction():
    """A new connection in a REPEATABLE READ, read-only transaction (outside any transaction of the caller)."""
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield cursor
        raw.rollback()
    finally:
        raw.close()


def _postgres_snapshot(target: Path) -> Snapshot:
    pg_dump = pg_tool("pg_dump")
    with _snapshot_transaction() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot_id = cursor.fetchone()[0]
        _run_pg([pg_dump, "--format=custom", "--no-owner", f"--snapshot={snapshot_id}", f"--file={target}"])
        return _read_snapshot(cursor, _postgres_tables(cursor))


def restore_from(source: Path) -> None:
    """Replace the configured database with the copied one."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(source)
        try:
            copy.backup(connection.connection, pages=-1)
        finally:
            copy.close()
        return
    pg_restore = pg_tool("pg_restore")
    connection.close()  # holds no lock while pg_restore drops and creates the tables
    # One transaction: a failed restore leaves the database as it was, never half-written.
    _run_pg(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        ]
    )
