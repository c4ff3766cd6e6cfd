"""A new PostgreSQL installation from a schema snapshot instead of replaying every migration.

Replaying the migrations of every app on an empty database spends most of its time rebuilding
Django's model state after each of them (about 10 s of the 12 s ``ardesk init`` took). The
snapshot is what those migrations leave in a new database (tables, indexes, triggers, functions,
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

from django.db import connection, transaction

SNAPSHOT = Path(__file__).resolve().parent / "schema" / "postgresql.sql"
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


def database_is_empty() -> bool:
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def load_snapshot(path: Path = SNAPSHOT) -> bool:
    """Load the snapshot into an empty PostgreSQL database in one transaction; False if it does not apply."""
    if connection.vendor != "postgresql" or not database_is_empty() or not snapshot_usable(path):
        return False
    sql = path.read_text(encoding="utf-8")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)  # a script of many statements, no parameters: PostgreSQL's simple protocol
    return True
