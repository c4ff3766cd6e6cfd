"""The schema snapshots `ardesk init` loads: used only while they match the migrations on disk."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

from ardesk.core.schema import (
    HEADER,
    SNAPSHOT,
    SNAPSHOTS,
    load_snapshot,
    migration_hash,
    snapshot_migrations,
    snapshot_usable,
)


def write(tmp_path, migrations: dict[str, str | None]):
    path = tmp_path / "postgresql.sql"
    path.write_text(HEADER + json.dumps(migrations) + "\nSELECT 1;\n", encoding="utf-8")
    return path


def test_the_shipped_snapshot_matches_the_migrations_on_disk():
    # If this fails, a migration was added, renumbered or edited after the snapshot: regenerate it
    # (see ardesk/core/management/commands/schema_snapshot.py). `ardesk init` still works meanwhile.
    assert snapshot_usable(SNAPSHOT)
    assert "credit.0001_initial" in snapshot_migrations(SNAPSHOT)


def test_a_snapshot_with_an_edited_migration_is_not_used(tmp_path):
    good = migration_hash("credit", "0001_initial")
    assert snapshot_usable(write(tmp_path, {"credit.0001_initial": good}))

    assert not snapshot_usable(write(tmp_path, {"credit.0001_initial": "0" * 64}))


def test_a_snapshot_naming_a_migration_no_longer_on_disk_is_not_used(tmp_path):
    assert not snapshot_usable(write(tmp_path, {"credit.0099_renumbered": "0" * 64}))


def test_django_migrations_need_only_exist(tmp_path):
    assert snapshot_usable(write(tmp_path, {"auth.0001_initial": "reworded by an upgrade"}))
    assert not snapshot_usable(write(tmp_path, {"auth.0999_gone": "x"}))


def test_a_file_without_the_header_is_no_snapshot(tmp_path):
    path = tmp_path / "postgresql.sql"
    path.write_text("CREATE TABLE x ();\n", encoding="utf-8")

    assert snapshot_migrations(path) is None and not snapshot_usable(path)


def test_the_shipped_sqlite_snapshot_matches_the_migrations_on_disk():
    # If this fails, regenerate it too (ardesk/core/management/commands/schema_snapshot.py).
    assert snapshot_usable(SNAPSHOTS["sqlite"])
    assert snapshot_migrations(SNAPSHOTS["sqlite"]) == snapshot_migrations(SNAPSHOTS["postgresql"])


@pytest.mark.django_db
def test_a_database_loaded_from_the_sqlite_snapshot_is_the_migrated_one(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the test database is built by the migrations on SQLite only in a SQLite run")
    new = DatabaseWrapper({**connection.settings_dict, "NAME": str(tmp_path / "new.sqlite3")}, alias="snapshot")
    assert load_snapshot(database=new)
    loaded = new.connection
    schema = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    with connection.cursor() as cursor:
        cursor.execute(schema)
        migrated = set(cursor.fetchall())
        cursor.execute("SELECT name FROM auth_group ORDER BY name")
        roles = cursor.fetchall()

    assert set(loaded.execute(schema).fetchall()) == migrated
    assert loaded.execute("SELECT name FROM auth_group ORDER BY name").fetchall() == roles
    assert loaded.execute("PRAGMA foreign_key_check").fetchall() == []
    new.close()
