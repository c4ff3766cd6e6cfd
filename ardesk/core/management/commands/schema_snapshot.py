"""ardesk schema_snapshot: dump a freshly migrated database as the snapshot a new installation loads.

One snapshot per engine; run both after adding or changing a migration (a test says when a snapshot
no longer applies; ``ardesk init`` then replays the migrations, slower but correct)::

    createdb ardesk_snapshot
    DATABASE_URL=postgres://.../ardesk_snapshot ardesk migrate
    DATABASE_URL=postgres://.../ardesk_snapshot ardesk schema_snapshot   # needs pg_dump
    dropdb ardesk_snapshot

    ARDESK_DATA_DIR=$(mktemp -d) sh -c 'ardesk migrate && ardesk schema_snapshot'
"""

from __future__ import annotations

import json
import os
import re
import subprocess

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ardesk.core.schema import HEADER, SNAPSHOTS, migration_hash

# pg_dump's session settings become the load transaction's own (SET LOCAL), so they end with it.
_SESSION_SET = re.compile(r"^SET (\w+) = ", re.MULTILINE)
_SEARCH_PATH = "SELECT pg_catalog.set_config('search_path', '', false);"
# psql's own commands (pg_dump's \restrict guard) mean nothing to the server: dropped.
_PSQL_COMMAND = re.compile(r"^\\.*\n", re.MULTILINE)


class Command(BaseCommand):
    help = "Write ardesk/core/schema/<engine>.sql from this freshly migrated, empty database."

    def handle(self, *args, **options):
        if connection.vendor not in SNAPSHOTS:
            raise CommandError(f"No snapshot is kept for {connection.vendor}")
        if get_user_model().objects.exists():
            raise CommandError("This database has users: dump a freshly migrated one, before `ardesk init`")
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
            applied = cursor.fetchall()
        hashes = {f"{app}.{name}": migration_hash(app, name) for app, name in applied}
        missing = sorted(key for key, digest in hashes.items() if digest is None)
        if missing:
            raise CommandError(f"Applied migrations not on disk: {', '.join(missing)}")
        sql = _sqlite_dump() if connection.vendor == "sqlite" else _postgresql_dump()
        path = SNAPSHOTS[connection.vendor]
        path.parent.mkdir(exist_ok=True)
        path.write_text(HEADER + json.dumps(hashes, sort_keys=True) + "\n" + sql, encoding="utf-8")
        self.stdout.write(f"Wrote {path} ({len(applied)} migrations, {len(sql) // 1024:,} KB)")


def _sqlite_dump() -> str:
    """The whole database as one script between BEGIN TRANSACTION and COMMIT (tables, rows, indexes, triggers)."""
    connection.ensure_connection()
    return "\n".join(connection.connection.iterdump()) + "\n"


def _postgresql_dump() -> str:
    settings = connection.settings_dict
    environment = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    command = ["pg_dump", "--no-owner", "--no-privileges", "--no-comments", "--inserts", "--rows-per-insert=500"]
    command += ["-h", settings.get("HOST") or "localhost", "-p", str(settings.get("PORT") or 5432)]
    command += ["-U", settings.get("USER") or "postgres", settings["NAME"]]
    dump = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if dump.returncode:
        raise CommandError(dump.stderr)
    return _SESSION_SET.sub(r"SET LOCAL \1 = ", _PSQL_COMMAND.sub("", dump.stdout)).replace(
        _SEARCH_PATH, "SELECT pg_catalog.set_config('search_path', '', true);"
    )
