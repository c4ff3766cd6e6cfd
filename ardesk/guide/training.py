"""Training mode: a sandbox copy of the installation (or of the demo) that is marked as such in its data.

A training copy is a data directory of its own: the database (copied consistently with the
backup's snapshot, or a new demo), the stored files and the encryption key, so the bank accounts
and ID numbers stay readable. The copy's database holds a ``TrainingMark``; with it every page shows
the training banner and the e-mail backend (guide/mail.py) sends nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.core import clock
from ardesk.core.errors import ApplicationError
from ardesk.guide.models import SuppressedEmail, TrainingCopy, TrainingCopyStatus, TrainingMark
from ardesk.operations import database

# A PostgreSQL copy lives in a database of its own; this file in the copy's directory names it.
DATABASE_URL_FILE = "database_url"
SUPPRESSED_REASON = "training installation: no e-mail is sent"
# What a copy must not share with the installation it came from: its database, stored files and
# workers (a shared broker would run the copy's jobs, e-mails included, in production), its
# scheduled backups and its session key.
NOT_INHERITED = (
    "DATABASE_URL",
    "ARDESK_MEDIA_DIR",
    "ARDESK_INSIGHTS_DIR",
    "ARDESK_BACKUP_DIR",
    "CELERY_BROKER_URL",
    "SECRET_KEY",
)


class TrainingError(ApplicationError):
    """A training copy could not be made."""


def is_training() -> bool:
    """Whether this installation is a training copy (its data says so)."""
    return TrainingMark.objects.exists()


def training_mark(*, source: str) -> TrainingMark:
    """Mark this installation as a training copy; marking it again changes nothing."""
    return TrainingMark.objects.first() or TrainingMark.objects.create(source=source[:300])


def emails_suppress(messages) -> int:
    """Record the e-mails a training installation did not send, and why."""
    SuppressedEmail.objects.bulk_create(
        SuppressedEmail(
            subject=str(message.subject)[:300],
            recipients=", ".join(message.recipients()),
            reason=SUPPRESSED_REASON,
        )
        for message in messages
    )
    return len(messages)


def default_directory(now: dt.datetime | None = None) -> Path:
    """Where the training page puts a new copy: a dated folder next to the data."""
    now = timezone.localtime(now or clock.now())
    return Path(settings.DATA_DIR) / "training" / now.strftime("%Y%m%d-%H%M%S")


def _ardesk(arguments: list[str], env: dict[str, str]) -> None:
    """Run an ``ardesk`` command on another installation (the copy), in a process of its own."""
    done = subprocess.run(  # noqa: S603 (our own command, no user input in the arguments)
        [sys.executable, "-m", "ardesk.cli", *arguments], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise TrainingError((done.stderr or done.stdout).strip()[-2000:])


def serve_environment(directory: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment that runs ARdesk on the training copy in ``directory``."""
    env = {key: value for key, value in (os.environ if base is None else base).items() if key not in NOT_INHERITED}
    env["ARDESK_DATA_DIR"] = str(directory)
    url_file = directory / DATABASE_URL_FILE
    if url_file.exists():
        env["DATABASE_URL"] = url_file.read_text().strip()
    return env


def _check_target(directory: Path) -> Path:
    directory = Path(directory).expanduser().resolve()
    if directory == Path(settings.DATA_DIR).resolve():
        raise TrainingError(_("A training copy needs a directory of its own, not the installation's data directory."))
    if directory.exists() and any(directory.iterdir()):
        raise TrainingError(_("%(directory)s is not empty: choose a new directory.") % {"directory": directory})
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _copy_postgres(directory: Path) -> None:
    """A new PostgreSQL database with this one's content (the backup's dump, restored under a new name)."""
    name = f"{connection.settings_dict['NAME']}_training_{clock.now():%Y%m%d%H%M%S}"
    env = database.pg_environment()
    with tempfile.TemporaryDirectory(prefix=".ardesk-training-") as work:
        dump = Path(work) / "database"
        database.snapshot_to(dump)
        for arguments in (
            [database.pg_tool("createdb"), name],
            [
                database.pg_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={name}",
                str(dump),
            ],
        ):
            done = subprocess.run(arguments, env=env, capture_output=True, text=True, check=False)  # noqa: S603
            if done.returncode != 0:
                raise TrainingError(done.stderr.strip())
    params = connection.settings_dict
    user = quote(params.get("USER") or "", safe="")
    password = f":{quote(params['PASSWORD'], safe='')}" if params.get("PASSWORD") else ""
    host = params.get("HOST") or "localhost"
    port = f":{params['PORT']}" if params.get("PORT") else ""
    url_file = directory / DATABASE_URL_FILE
    url_file.write_text(f"postgres://{user}{password}@{host}{port}/{name}\n")
    url_file.chmod(0o600)


def training_copy_create(*, directory: Path, from_demo: bool = False) -> Path:
    """Make a training copy in ``directory`` (of this installation, or a new demo) and mark it; return the directory."""
    directory = _check_target(directory)
    env = serve_environment(directory)
    if from_demo:
        # The demo copy is a SQLite database in its directory. Its dunning runs and mailings are
        # made before the copy is marked: they go to no mail server at all.
        env.pop("DATABASE_URL", None)
        _ardesk(["demo", "--no-serve"], {**env, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"})
        source = "demo"
    else:
        if connection.vendor == "sqlite":
            database.snapshot_to(directory / "ardesk.sqlite3")
        else:
            _copy_postgres(directory)
            env = serve_environment(directory)
        key = directory / "encryption_key"
        key.write_text(settings.ARDESK_ENCRYPTION_KEY)
        key.chmod(0o600)
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            shutil.copytree(media, directory / "media", symlinks=False)
        source = str(settings.DATA_DIR)
    _ardesk(["training", "mark", "--source", source], env)
    return directory


def training_copy_run(copy: TrainingCopy) -> TrainingCopy:
    """Make the copy the training page asked for, and record how it went."""
    try:
        training_copy_create(directory=Path(copy.directory), from_demo=copy.from_demo)
    except (TrainingError, OSError) as exc:
        copy.status = TrainingCopyStatus.FAILED
        copy.error = getattr(exc, "message", str(exc))
    else:
        copy.status = TrainingCopyStatus.DONE
    copy.finished_at = clock.now()
    copy.save(update_fields=["status", "error", "finished_at"])
    return copy


def serve_command(directory: str) -> str:
    """The command that starts a training copy, as the training page and the CLI show it."""
    return f"ardesk training serve {directory} --port 8001"
