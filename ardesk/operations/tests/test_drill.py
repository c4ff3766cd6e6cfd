"""The restore drill, as an operator runs it: write, back up while writing, restore elsewhere, check.

Every step is the real command in its own process, on SQLite and on PostgreSQL: ``ardesk init``,
a writer committing customers with an encrypted bank account, a licence scan and an invoice per
transaction, ``ardesk backup`` while it writes, ``ardesk restore`` into a new data directory (and
a new database), ``ardesk integrity``; then every document and attachment of the backup is read
back from the restored installation.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import uuid
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from ardesk.core.testing.engines import variant_in_its_pass

ARDESK = str(Path(sys.executable).with_name("ardesk"))
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
INSPECT = """
import hashlib, json
from ardesk.customers.models import Customer, CustomerAttachment
from ardesk.ledger.models import Document
print(json.dumps({
    "invoices": sorted(Document.objects.filter(doc_type="invoice").values_list("number", flat=True)),
    "bank_accounts": {c.code: c.bank_account for c in Customer.objects.all()},
    "attachments": {
        a.original_name: [a.sha256, hashlib.sha256(a.file.read()).hexdigest()]
        for a in CustomerAttachment.objects.all()
    },
}))
"""


def run(arguments: list[str], env: dict, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(arguments, env=env, capture_output=True, text=True, timeout=600, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(arguments[:3])} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def wait_for_count(count_file: Path, at_least: int, writer: subprocess.Popen) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert writer.poll() is None, f"the writer stopped: {writer.stderr.read()}"
        if count_file.exists() and count_file.read_text() and int(count_file.read_text()) >= at_least:
            return int(count_file.read_text())
        time.sleep(0.1)
    raise AssertionError(f"the writer did not reach {at_least} rounds in 120 s")


def environment(data_dir: Path, key: str, database_url: str | None) -> dict:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("ARDESK_", "DATABASE_URL"))}
    env.update(
        ARDESK_DATA_DIR=str(data_dir), ARDESK_ENCRYPTION_KEY=key, DJANGO_SETTINGS_MODULE="ardesk.config.settings"
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


@pytest.fixture(params=["sqlite", "postgresql"])
def installations(request, tmp_path):
    """(source env, destination env): new data directories, and new PostgreSQL databases for that vendor."""
    variant_in_its_pass(request.param)
    key = Fernet.generate_key().decode()
    if request.param == "sqlite":
        yield environment(tmp_path / "source", key, None), environment(tmp_path / "restored", key, None)
        return
    missing = [tool for tool in ("pg_dump", "pg_restore", "createdb", "dropdb") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"PostgreSQL client tools not on the PATH: {', '.join(missing)}")
    suffix = uuid.uuid4().hex[:8]
    names = [f"ardesk_ops_drill_src_{suffix}", f"ardesk_ops_drill_dst_{suffix}"]
    for name in names:
        made = subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], capture_output=True, text=True)
        if made.returncode != 0:
            pytest.skip(f"PostgreSQL at 127.0.0.1:5432 refused createdb: {made.stderr.strip()}")
    try:
        yield (
            environment(tmp_path / "source", key, POSTGRES + names[0]),
            environment(tmp_path / "restored", key, POSTGRES + names[1]),
        )
    finally:
        for name in names:
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", name], check=False)


def test_backup_taken_while_writing_restores_whole_into_a_new_installation(installations, tmp_path):
    source, restored = installations
    run([ARDESK, "init", "--no-input", "--company-code", "SH01", "--company-name", "演练公司", "--admin", "admin",
         "--password", "Drill-pass-2026"], source)  # fmt: skip
    stop, count = tmp_path / "stop", tmp_path / "count"
    writer = subprocess.Popen(
        [sys.executable, "-m", "ardesk.operations.tests.drill_writer", str(stop), str(count)],
        env=source,
        stderr=subprocess.PIPE,
        text=True,
    )
    archive = tmp_path / "drill.tar.gz"
    try:
        wait_for_count(count, 3, writer)
        run([ARDESK, "backup", "--output", str(archive)], source)
        after_backup = int(count.read_text())
        written = wait_for_count(count, after_backup + 2, writer)  # the writer went on during and after
    finally:
        stop.touch()
        writer.wait(timeout=60)

    manifest = json.loads(tarfile.open(archive).extractfile("manifest.json").read())
    backed_up = manifest["row_counts"]["customers_customer"]
    # One consistent moment: every round committed before it is whole, none after it is there.
    assert 3 <= backed_up < written
    assert manifest["row_counts"]["customers_customerattachment"] == backed_up
    assert manifest["row_counts"]["ledger_document"] == backed_up
    assert "keys/encryption_key" not in manifest["members"]

    run([ARDESK, "restore", str(archive)], restored)  # exits non-zero unless every count and check agrees
    run([ARDESK, "integrity"], restored)

    found = json.loads(run([ARDESK, "shell", "--no-imports", "-c", INSPECT], restored).stdout)
    assert found["invoices"] == [f"INV{n:05d}" for n in range(1, backed_up + 1)]
    assert found["bank_accounts"] == {f"D{n:05d}": f"6222 0210 {n:08d}" for n in range(1, backed_up + 1)}
    assert sorted(found["attachments"]) == sorted(f"licence-{n}.png" for n in range(1, backed_up + 1))
    for name, (recorded, read_back) in found["attachments"].items():
        assert read_back == recorded, f"{name} restored with other content"

    again = run([ARDESK, "restore", str(archive)], restored, check=False)
    assert again.returncode != 0
    assert "--force" in again.stderr  # refused: the installation is no longer empty
