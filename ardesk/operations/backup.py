"""Writing a backup: one archive with the database, the stored files and a manifest, while ARdesk serves.

The database is copied first: every file a row of that copy names was stored before the row was
committed (attachments, evidence, letters are saved, then their row), so it exists when the
stored files are copied next. Files added after the copy come along and are harmless.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from ardesk.core import clock
from ardesk.operations import database, domain


@dataclass(frozen=True)
class BackupWritten:
    path: Path
    manifest: dict


def ardesk_version() -> str:
    return version("ardesk")


class _Hashing(io.RawIOBase):
    """A file read through to the archive while its SHA-256 is computed, so each file is read once."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.digest.update(data)
        return data


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> dict | None:
    try:
        file = path.open("rb")
    except FileNotFoundError:  # deleted since it was listed: the database copy no longer names it
        return None
    with file:
        info = tarfile.TarInfo(name)
        stat = os.fstat(file.fileno())
        info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
        reader = _Hashing(file)
        tar.addfile(info, reader)
        return {"sha256": reader.digest.hexdigest(), "size": info.size}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> dict:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(clock.now().timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def stored_files(root: Path) -> list[Path]:
    """Every file under the media folder, in a stable order."""
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def backup_write(*, output: Path, include_keys: bool = False) -> BackupWritten:
    """Write one consistent archive of this installation to ``output``; nothing is left behind on failure.

    The encryption key goes in only with ``include_keys``: the key belongs in a secret store, and an
    archive that holds both the data and its key exposes the bank accounts and ID numbers to whoever
    holds the archive.
    """
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    vendor = database.vendor()
    database_member = domain.DATABASE_PREFIX + ("ardesk.sqlite3" if vendor == "sqlite" else "ardesk.pgdump")
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".ardesk-backup-") as work:
        copy = Path(work) / "database"
        snapshot = database.snapshot_to(copy)
        members: dict[str, dict] = {}
        try:
            with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
                members[database_member] = _add_file(tar, copy, database_member)
                media_root = Path(settings.MEDIA_ROOT)
                for path in stored_files(media_root):
                    name = domain.MEDIA_PREFIX + path.relative_to(media_root).as_posix()
                    added = _add_file(tar, path, name)
                    if added:
                        members[name] = added
                if include_keys:
                    members[domain.KEY_MEMBER] = _add_bytes(
                        tar, domain.KEY_MEMBER, settings.ARDESK_ENCRYPTION_KEY.encode()
                    )
                manifest = {
                    "format": domain.ARCHIVE_FORMAT,
                    "ardesk_version": ardesk_version(),
                    "created_at": clock.now().isoformat(),
                    "database": {"vendor": vendor, "member": database_member},
                    "migrations": snapshot.migrations,
                    "row_counts": snapshot.row_counts,
                    # Ciphertexts only: a restore checks its key reads them before writing anything.
                    "encrypted_samples": snapshot.encrypted_samples,
                    "includes_keys": include_keys,
                    "members": members,
                }
                _add_bytes(tar, domain.MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
            partial.chmod(0o600)  # customer data, and perhaps the key
            os.replace(partial, output)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupWritten(path=output, manifest=manifest)


def scheduled_backup() -> Path | None:
    """Today's backup into ARDESK_BACKUP_DIR if there is none yet, then keep the newest ARDESK_BACKUP_KEEP.

    Safe to run again (the schedulers run it every hour): a day gets one backup. Without
    ARDESK_BACKUP_DIR scheduled backups are off. Never with the key.
    """
    folder = settings.ARDESK_BACKUP_DIR
    if not folder:
        return None
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime(clock.now())
    names = [path.name for path in folder.iterdir()]
    written = None
    if not domain.has_backup_of_day(names, clock.today()):
        written = backup_write(output=folder / domain.scheduled_name(now)).path
        names.append(written.name)
    for name in domain.backups_to_remove(names, settings.ARDESK_BACKUP_KEEP):
        (folder / name).unlink(missing_ok=True)
    return written
