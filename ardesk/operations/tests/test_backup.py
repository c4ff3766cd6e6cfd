"""ardesk backup and ardesk restore in this process: what the archive holds, and each refusal.

Transactional tests: pg_dump reads from its own connection and sees only committed rows.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from ardesk.config import scheduler
from ardesk.core import crypto
from ardesk.customers.models import Customer, CustomerAttachment
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.operations import backup, restore, tasks
from ardesk.operations.errors import RestoreRefused
from ardesk.operations.models import Heartbeat

pytestmark = pytest.mark.django_db(transaction=True)

SCAN = b"\x89PNG\r\n\x1a\nthe business licence of customer C1"
BANK_ACCOUNT = "6222 0210 0000 0001"


@pytest.fixture(autouse=True)
def _key_cache_cleared():
    yield
    crypto._fernet.cache_clear()  # a test that changed the key leaves the configured one in force


@pytest.fixture
def customer(company):
    customer = CustomerFactory(company=company, code="C1", bank_account=BANK_ACCOUNT)
    attachment = CustomerAttachment(
        customer=customer,
        original_name="licence.png",
        content_type="image/png",
        size=len(SCAN),
        sha256=hashlib.sha256(SCAN).hexdigest(),
    )
    attachment.file.save("licence.png", ContentFile(SCAN), save=True)
    return customer


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {member.name: tar.extractfile(member).read() for member in tar}


def rewritten(archive: Path, target: Path, *, manifest=None, replace: dict[str, bytes] | None = None) -> Path:
    """A copy of the archive with its manifest changed by ``manifest(dict)`` or members' contents replaced."""
    contents = members(archive)
    found = json.loads(contents["manifest.json"])
    if manifest:
        manifest(found)
    contents["manifest.json"] = json.dumps(found).encode()
    contents.update(replace or {})
    with tarfile.open(target, "w:gz") as tar:
        for name, data in contents.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def test_backup_holds_the_database_the_stored_files_and_a_manifest_that_describes_them(customer, settings, tmp_path):
    written = backup.backup_write(output=tmp_path / "out" / "b.tar.gz")

    contents = members(written.path)
    manifest = json.loads(contents.pop("manifest.json"))
    attachment = CustomerAttachment.objects.get()
    database_member = "database/ardesk.sqlite3" if connection.vendor == "sqlite" else "database/ardesk.pgdump"
    assert sorted(contents) == sorted([database_member, f"media/{attachment.file.name}"])
    assert contents[f"media/{attachment.file.name}"] == SCAN
    for name, data in contents.items():
        assert manifest["members"][name] == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    assert manifest["database"] == {"vendor": connection.vendor, "member": database_member}
    assert manifest["row_counts"]["customers_customer"] == 1
    assert manifest["row_counts"]["customers_customerattachment"] == 1
    assert manifest["row_counts"]["companies_company"] == 1
    assert manifest["migrations"]["operations"] == ["0001_heartbeat"]
    [sample] = manifest["encrypted_samples"]  # the bank account, as stored: encrypted
    assert BANK_ACCOUNT not in sample and crypto.decrypt(sample) == BANK_ACCOUNT
    assert manifest["includes_keys"] is False
    assert settings.ARDESK_ENCRYPTION_KEY.encode() not in written.path.read_bytes()
    assert written.path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.tar.gz"]  # no partial archive, no copy left


def test_include_keys_puts_the_key_in_the_archive_with_a_warning(customer, settings, tmp_path):
    out, err = StringIO(), StringIO()
    call_command("backup", output=str(tmp_path / "k.tar.gz"), include_keys=True, stdout=out, stderr=err)

    assert members(tmp_path / "k.tar.gz")["keys/encryption_key"] == settings.ARDESK_ENCRYPTION_KEY.encode()
    assert "Warning: the archive holds the encryption key" in err.getvalue()
    assert "1 stored files" in out.getvalue()


def test_backup_on_postgresql_without_pg_dump_names_the_missing_tool(customer, monkeypatch, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump is used on PostgreSQL only (SQLite is copied with its online backup API)")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match="pg_dump is not on the PATH"):
        call_command("backup", output=str(tmp_path / "out" / "b.tar.gz"))
    assert list((tmp_path / "out").iterdir()) == []


def test_restore_into_an_installation_with_data_is_refused(customer, tmp_path):
    archive = backup.backup_write(output=tmp_path / "b.tar.gz").path
    with pytest.raises(RestoreRefused, match=r"This installation is not empty \(companies, stored files in .*--force"):
        restore.backup_restore(archive=archive)


def test_restore_with_another_key_is_refused_before_anything_is_written(customer, settings, tmp_path):
    archive = backup.backup_write(output=tmp_path / "b.tar.gz").path
    stored = Path(CustomerAttachment.objects.get().file.path)
    stored.unlink()
    settings.ARDESK_ENCRYPTION_KEY = Fernet.generate_key().decode()
    crypto._fernet.cache_clear()

    with pytest.raises(RestoreRefused, match="cannot read 1 of the archive's 1 encrypted samples"):
        restore.backup_restore(archive=archive, force=True)
    assert not stored.exists()


def test_restore_of_other_migrations_names_them(customer, tmp_path):
    archive = backup.backup_write(output=tmp_path / "b.tar.gz").path
    older = rewritten(archive, tmp_path / "older.tar.gz", manifest=lambda m: m["migrations"].pop("operations"))

    with pytest.raises(RestoreRefused) as refused:
        restore.backup_restore(archive=older, force=True)
    assert refused.value.reasons == ["Migrations differ, operations: not applied in the archive: 0001_heartbeat."]


def test_damaged_archive_is_refused_and_nothing_is_written(customer, tmp_path):
    archive = backup.backup_write(output=tmp_path / "b.tar.gz").path
    stored = CustomerAttachment.objects.get().file
    damaged = rewritten(archive, tmp_path / "damaged.tar.gz", replace={f"media/{stored.name}": b"\x89PNG altered"})
    Path(stored.path).unlink()

    with pytest.raises(RestoreRefused) as refused:
        restore.backup_restore(archive=damaged, force=True)
    assert refused.value.reasons == [
        f"media/{stored.name}: its checksum differs from the manifest's (damaged or altered)"
    ]
    assert not Path(stored.path).exists()


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    other = tmp_path / "other.tar.gz"
    with tarfile.open(other, "w:gz") as tar:
        tar.addfile(tarfile.TarInfo("notes.txt"), io.BytesIO(b""))
    with pytest.raises(RestoreRefused, match="This is not an ARdesk backup"):
        restore.backup_restore(archive=other)


def test_forced_restore_brings_back_the_backed_up_state_and_checks_it(customer, company, tmp_path):
    archive = backup.backup_write(output=tmp_path / "b.tar.gz").path
    CustomerFactory(company=company, code="C2")
    stored = Path(CustomerAttachment.objects.get().file.path)
    stored.unlink()

    restored = restore.backup_restore(archive=archive, force=True)

    assert restored.is_whole
    assert "operations.stored_files" in restored.checks and "operations.encryption_key" in restored.checks
    assert list(Customer.objects.values_list("code", flat=True)) == ["C1"]
    assert Customer.objects.get().bank_account == BANK_ACCOUNT
    assert stored.read_bytes() == SCAN


def test_restore_installs_the_archives_key_when_none_is_configured(customer, settings, monkeypatch, tmp_path):
    original = settings.ARDESK_ENCRYPTION_KEY
    archive = backup.backup_write(output=tmp_path / "b.tar.gz", include_keys=True).path
    monkeypatch.delenv("ARDESK_ENCRYPTION_KEY", raising=False)
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    settings.ARDESK_ENCRYPTION_KEY = Fernet.generate_key().decode()  # what a new data directory generates
    crypto._fernet.cache_clear()

    restored = restore.backup_restore(archive=archive, force=True)

    assert restored.key_installed and restored.is_whole
    assert (settings.DATA_DIR / "encryption_key").read_text() == original
    assert Customer.objects.get().bank_account == BANK_ACCOUNT


def test_daily_backup_writes_once_a_day_and_keeps_the_newest(db, settings, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    old = [f"ardesk-backup-2026110{day}-020000.tar.gz" for day in (1, 2, 3, 4)]
    for name in [*old, "before-the-upgrade.tar.gz"]:
        (folder / name).write_bytes(b"an older backup")
    settings.ARDESK_BACKUP_DIR = str(folder)
    settings.ARDESK_BACKUP_KEEP = 3

    first = Path(tasks.backup_daily.apply(throw=True).result)
    second = tasks.backup_daily.apply(throw=True).result

    assert first.parent == folder and second == ""
    assert sorted(p.name for p in folder.iterdir()) == sorted([first.name, *old[2:], "before-the-upgrade.tar.gz"])
    assert json.loads(members(first)["manifest.json"])["includes_keys"] is False


def test_without_a_backup_folder_the_daily_backup_is_off(db, settings, tmp_path):
    settings.ARDESK_BACKUP_DIR = ""
    assert tasks.backup_daily.apply(throw=True).result == ""


def test_in_process_scheduler_records_its_heartbeat_and_takes_the_daily_backup(db, settings, tmp_path):
    settings.ARDESK_BACKUP_DIR = str(tmp_path / "backups")

    scheduler.run_scheduled_once()

    assert Heartbeat.objects.filter(name="scheduler").exists()
    assert len(list((tmp_path / "backups").glob("ardesk-backup-*.tar.gz"))) == 1
