"""Restoring a backup into an empty installation, refusing what would not come back whole.

Everything that can refuse is checked before anything is written: the archive's version and
migrations against this code, the database vendor, that the installation is empty, that the key
in force reads the archive's encrypted samples, and every member's checksum. Then the stored
files, then the database (PostgreSQL in one transaction), then the row counts against the
manifest, the key against the restored data, and every integrity check.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from ardesk.core import crypto
from ardesk.core.integrity import Problem, run_all
from ardesk.operations import backup, database, domain
from ardesk.operations.errors import RestoreRefused


@dataclass(frozen=True)
class Restored:
    manifest: dict
    key_installed: bool
    count_differences: list[str]
    checks: list[str]
    problems: list[Problem]

    @property
    def is_whole(self) -> bool:
        return not self.count_differences and not self.problems


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        return json.loads(tar.extractfile(domain.MANIFEST).read())
    except (KeyError, AttributeError, ValueError) as exc:
        raise RestoreRefused(
            _("This is not an ARdesk backup (no %(format)s manifest).") % {"format": domain.ARCHIVE_FORMAT}
        ) from exc


def installation_contents() -> list[str]:
    """What makes this installation not empty (nothing for a new one: no users, companies or stored files)."""
    found = []
    if "django_migrations" in database.current_tables():
        if get_user_model().objects.exists():
            found.append(_("user accounts"))
        if apps.get_model("companies", "Company").objects.exists():
            found.append(_("companies"))
    if backup.stored_files(Path(settings.MEDIA_ROOT)):
        found.append(_("stored files in %(folder)s") % {"folder": settings.MEDIA_ROOT})
    return found


def unreadable_samples(samples: list[str], keys: str) -> int:
    """How many of the encrypted samples the key(s) cannot read (all of them when the key is malformed)."""
    try:
        fernet = MultiFernet([Fernet(key.strip().encode()) for key in keys.split(",") if key.strip()])
    except ValueError:
        return len(samples)
    unreadable = 0
    for token in samples:
        try:
            fernet.decrypt(token.encode())
        except InvalidToken:
            unreadable += 1
    return unreadable


def _safe_member_path(work: Path, name: str) -> Path:
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts:
        raise RestoreRefused(_("The archive holds a file outside its folders: %(name)s") % {"name": name})
    return work.joinpath(*parts)


def _extract(tar: tarfile.TarFile, work: Path) -> dict[str, str]:
    """Unpack every member but the manifest into ``work``, returning each member's SHA-256."""
    found = {}
    for member in tar:
        if member.name == domain.MANIFEST:
            continue
        if not member.isfile():
            raise RestoreRefused(_("The archive holds something other than a file: %(name)s") % {"name": member.name})
        target = _safe_member_path(work, member.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with tar.extractfile(member) as source, target.open("wb") as out:
            while chunk := source.read(1024 * 1024):
                digest.update(chunk)
                out.write(chunk)
        found[member.name] = digest.hexdigest()
    return found


def _key_to_use(tar: tarfile.TarFile, manifest: dict) -> tuple[str, bool]:
    """The key the restored installation will read with, and whether it comes from the archive.

    A key set in the environment (the secret store) always wins; an archive's key is installed
    into the data directory only when none is set there.
    """
    if domain.KEY_MEMBER in manifest["members"] and not os.environ.get("ARDESK_ENCRYPTION_KEY"):
        return tar.extractfile(domain.KEY_MEMBER).read().decode().strip(), True
    return settings.ARDESK_ENCRYPTION_KEY, False


def _install_key(key: str) -> None:
    path = Path(settings.DATA_DIR) / "encryption_key"
    path.write_text(key)
    path.chmod(0o600)
    settings.ARDESK_ENCRYPTION_KEY = key
    crypto._fernet.cache_clear()  # this process reads with the installed key from now on


def backup_restore(*, archive: Path, force: bool = False) -> Restored:
    """Restore ``archive`` into this installation, which must be empty unless ``force``."""
    archive = Path(archive)
    if not archive.is_file():
        raise RestoreRefused(_("%(path)s does not exist.") % {"path": archive})
    with tarfile.open(archive, "r:*") as tar:
        manifest = _read_manifest(tar)
        reasons = domain.manifest_problems(
            manifest,
            version=backup.ardesk_version(),
            vendor=database.vendor(),
            migrations=database.code_migrations(),
        )
        if reasons:
            raise RestoreRefused(_("The archive does not fit this installation."), reasons=reasons)
        contents = installation_contents()
        if contents and not force:
            raise RestoreRefused(
                _(
                    "This installation is not empty (%(contents)s): restore into a new one, "
                    "or pass --force to replace it."
                )
                % {"contents": ", ".join(contents)}
            )
        key, key_from_archive = _key_to_use(tar, manifest)
        unreadable = unreadable_samples(manifest["encrypted_samples"], key)
        if unreadable:
            raise RestoreRefused(
                _(
                    "The encryption key cannot read %(count)d of the archive's %(total)d encrypted samples: set "
                    "ARDESK_ENCRYPTION_KEY to the key of the installation that wrote the archive."
                )
                % {"count": unreadable, "total": len(manifest["encrypted_samples"])}
            )
        with tempfile.TemporaryDirectory(dir=settings.DATA_DIR, prefix=".ardesk-restore-") as folder:
            work = Path(folder)
            with tarfile.open(archive, "r:*") as members:  # read once more from the start, in order
                found = _extract(members, work)
            reasons = domain.member_problems(manifest["members"], found)
            if reasons:
                raise RestoreRefused(_("The archive is damaged."), reasons=reasons)
            if key_from_archive:
                _install_key(key)
            media = work / domain.MEDIA_PREFIX.rstrip("/")
            if media.is_dir():
                shutil.copytree(media, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
            database.restore_from(work.joinpath(*PurePosixPath(manifest["database"]["member"]).parts))
    differences = domain.count_differences(manifest["row_counts"], database.current_row_counts())
    checks, problems = run_all()
    return Restored(
        manifest=manifest,
        key_installed=key_from_archive,
        count_differences=differences,
        checks=checks,
        problems=problems,
    )
