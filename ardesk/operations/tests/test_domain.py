"""The rules of backups and readiness, without a database."""

from __future__ import annotations

import datetime as dt

import pytest

from ardesk.operations import domain

CODE = {"ledger": ["0001_initial", "0002_terms"], "customers": ["0001_initial"]}


def manifest(**changes) -> dict:
    base = {
        "format": domain.ARCHIVE_FORMAT,
        "ardesk_version": "0.1.0",
        "database": {"vendor": "sqlite", "member": "database/ardesk.sqlite3"},
        "migrations": {"ledger": ["0001_initial", "0002_terms"], "customers": ["0001_initial"]},
    }
    return base | changes


def test_archive_of_the_same_version_and_migrations_fits():
    assert domain.manifest_problems(manifest(), version="0.1.0", vendor="sqlite", migrations=CODE) == []


def test_archive_of_another_version_is_refused():
    problems = domain.manifest_problems(
        manifest(ardesk_version="0.2.0"), version="0.1.0", vendor="sqlite", migrations=CODE
    )
    assert problems == ["The archive was written by ARdesk 0.2.0, this is ARdesk 0.1.0."]


def test_archive_missing_a_migration_or_with_an_unknown_one_names_both():
    archived = manifest(migrations={"ledger": ["0001_initial", "0003_future"], "customers": ["0001_initial"]})
    problems = domain.manifest_problems(archived, version="0.1.0", vendor="sqlite", migrations=CODE)
    assert problems == [
        "Migrations differ, ledger: not applied in the archive: 0002_terms.",
        "Migrations differ, ledger: unknown to this version: 0003_future.",
    ]


def test_archive_of_another_database_vendor_is_refused():
    archived = manifest(database={"vendor": "postgresql", "member": "database/ardesk.pgdump"})
    problems = domain.manifest_problems(archived, version="0.1.0", vendor="sqlite", migrations=CODE)
    assert problems == ["The archive holds a postgresql database, this installation is configured for sqlite."]


def test_a_file_without_the_backup_format_is_not_an_archive():
    problems = domain.manifest_problems({"format": "zip"}, version="0.1.0", vendor="sqlite", migrations=CODE)
    assert problems == ["This is not an ARdesk backup (no ardesk-backup/1 manifest)."]


def test_members_are_checked_both_ways_against_the_manifest():
    listed = {"database/a": {"sha256": "aa"}, "media/x.png": {"sha256": "bb"}, "media/gone.pdf": {"sha256": "cc"}}
    found = {"database/a": "aa", "media/x.png": "b0", "media/extra.pdf": "dd"}
    assert domain.member_problems(listed, found) == [
        "media/extra.pdf: in the archive but not listed in the manifest",
        "media/gone.pdf: listed in the manifest but missing from the archive",
        "media/x.png: its checksum differs from the manifest's (damaged or altered)",
    ]


def test_restored_counts_are_compared_table_by_table():
    assert domain.count_differences({"a": 3, "b": 0, "c": 5}, {"a": 3, "c": 4}) == ["c: 4 rows restored, 5 backed up"]


def test_retention_keeps_the_newest_scheduled_backups_and_no_other_file():
    names = [
        "ardesk-backup-20261201-020000.tar.gz",
        "ardesk-backup-20261203-020000.tar.gz",
        "ardesk-backup-20261202-020000.tar.gz",
        "ardesk-backup-20261204-020000.tar.gz",
        "ardesk-backup-20261204-020000.tar.gz.partial",
        "before-the-migration.tar.gz",
    ]
    assert domain.backups_to_remove(names, keep=2) == [
        "ardesk-backup-20261201-020000.tar.gz",
        "ardesk-backup-20261202-020000.tar.gz",
    ]
    assert domain.backups_to_remove(names, keep=7) == []
    with pytest.raises(ValueError, match="Keep at least 1 backup, not 0"):
        domain.backups_to_remove(names, keep=0)


def test_a_day_has_a_backup_once_one_is_named_with_its_date():
    names = ["ardesk-backup-20261204-235959.tar.gz", "ardesk-backup-20261205-000001.tar.gz.partial"]
    assert domain.has_backup_of_day(names, dt.date(2026, 12, 4))
    assert not domain.has_backup_of_day(names, dt.date(2026, 12, 5))  # a partial archive is no backup
    assert domain.scheduled_name(dt.datetime(2026, 12, 5, 2, 0, 7)) == "ardesk-backup-20261205-020007.tar.gz"


NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


def test_a_recent_heartbeat_is_alive_an_old_or_missing_one_is_not():
    max_age = dt.timedelta(seconds=7200)
    assert domain.heartbeat_problem(NOW - dt.timedelta(seconds=7200), now=NOW, max_age=max_age) is None
    assert domain.heartbeat_problem(NOW - dt.timedelta(seconds=7201), now=NOW, max_age=max_age) == (
        "The scheduler's last heartbeat is 7201 s old (at most 7200 s)."
    )
    assert domain.heartbeat_problem(None, now=NOW, max_age=max_age) == "The scheduler has not recorded a heartbeat yet."


def test_a_request_id_is_taken_only_when_short_and_plain():
    assert domain.usable_request_id("lb-7f3a.19:2") == "lb-7f3a.19:2"
    assert domain.usable_request_id("x" * 128) == "x" * 128
    assert domain.usable_request_id("x" * 129) is None
    assert domain.usable_request_id("id\nforged log line") is None
    assert domain.usable_request_id("") is None
