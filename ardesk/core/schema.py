"""A new installation from a schema snapshot instead of replaying every migration.

Replaying the migrations of every app on an empty database spends most of its time rebuilding
Django's model state after each of them (about 10 s of the 12 s ``ardesk init`` took on PostgreSQL,
41 s on SQLite, where every altered table is rebuilt). There is one snapshot per database engine;
each is what those migrations leave in a new database (tables, indexes, triggers, functions,
the roles and defaults the data migrations write, and the list of applied migrations), dumped by
``ardesk schema_snapshot`` and loaded in one transaction. ``migrate`` then runs as usual and applies
only what is newer than the snapshot.

The snapshot names each migration it contains with a hash of its file. If one of them is missing
or its file has changed since (a migration renumbered or edited), the snapshot is not used and the
migrations are replayed: the snapshot only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
from importlib import import_module
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction

FOLDER = Path(__file__).resolve().parent / "schema"
SNAPSHOT = FOLDER / "postgresql.sql"
SNAPSHOTS = {"postgresql": SNAPSHOT, "sqlite": FOLDER / "sqlite.sql"}
HEADER = "-- ardesk schema snapshot; migrations: "


def migration_hash(app_label: str, name: str) -> str | None:
    """The SHA-256 of a migration's file, or None if the app has no such migration."""
    from django.apps import apps

    try:
        module = import_module(f"{apps.get_app_config(app_label).name}.migrations.{name}")
    except (LookupError, ImportError):
        return None
    return hashlib.sha256(Path(module.__file__).read_bytes()).hexdigest()


def snapshot_migrations(path: Path = SNAPSHOT) -> dict[str, str] | None:
    """The migrations a snapshot contains ("app.name": file hash), from its first line; None without one."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        first = handle.readline()
    if not first.startswith(HEADER):
        return None
    return json.loads(first[len(HEADER) :])


def snapshot_usable(path: Path = SNAPSHOT) -> bool:
    """Whether every migration in the snapshot is still on disk, ours unchanged.

    Django's own migrations (auth, admin, ...) must exist; their files may be reworded by a Django
    upgrade without changing what they do, so only ours are compared byte for byte.
    """
    recorded = snapshot_migrations(path)
    if not recorded:
        return False
    for key, digest in recorded.items():
        app_label, name = key.split(".", 1)
        current = migration_hash(app_label, name)
        if current is None or (_ours(app_label) and current != digest):
            return False
    return True


def _ours(app_label: str) -> bool:
    from django.apps import apps

    return apps.get_app_config(app_label).name.startswith("ardesk.")


def database_is_empty(database=connection) -> bool:
    with database.cursor() as cursor:
        return not database.introspection.table_names(cursor)


def load_snapshot(path: Path | None = None, database=connection) -> bool:
    """Load the engine's snapshot into an empty database in one transaction; False if it does not apply.

    ``database`` is a Django connection (the default one unless told): on SQLite it brings the SQL
    functions Django registers, which the snapshot's triggers call.
    """
    path = path or SNAPSHOTS.get(database.vendor)
    if path is None or not database_is_empty(database) or not snapshot_usable(path):
        return False
    sql = path.read_text(encoding="utf-8")
    if database.vendor == "sqlite":
        database.ensure_connection()
        raw = database.connection
        # The dump is one script between BEGIN TRANSACTION and COMMIT, its tables in the order of their
        # names: a row may come before the table its foreign key names, so the keys are checked after.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            raw.executescript(sql)
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
        if raw.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise RuntimeError(f"{path} breaks a foreign key")
        return True
    with transaction.atomic(using=database.alias), database.cursor() as cursor:
        cursor.execute(sql)  # a script of many statements, no parameters: PostgreSQL's simple protocol
    return True


def migrate_database() -> None:
    """Bring the database to the newest schema: a new one from the snapshot, then the newer migrations."""
    load_snapshot()
    call_command("migrate", interactive=False, verbosity=0)
