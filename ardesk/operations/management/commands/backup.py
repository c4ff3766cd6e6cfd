"""ardesk backup: one consistent archive of the database, the stored files and a manifest, while serving."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.core import clock
from ardesk.operations import domain
from ardesk.operations.backup import backup_write
from ardesk.operations.errors import BackupError


class Command(BaseCommand):
    help = _(
        "Write a backup archive (database, stored files, manifest with counts and checksums) while ARdesk "
        "serves. The encryption key is left out unless --include-keys."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help=_("archive to write (default: ardesk-backup-<date>-<time>.tar.gz here)"))
        parser.add_argument(
            "--include-keys", action="store_true", help=_("put the encryption key in the archive (keep it secret)")
        )

    def handle(self, *args, output, include_keys, **options):
        target = Path(output) if output else Path.cwd() / domain.scheduled_name(timezone.localtime(clock.now()))
        if include_keys:
            self.stderr.write(
                _(
                    "Warning: the archive holds the encryption key. Anyone who has it can read the bank accounts "
                    "and ID numbers in it: keep it as safe as the key itself, or keep the key in a secret store "
                    "and back up without --include-keys."
                )
            )
        try:
            written = backup_write(output=target, include_keys=include_keys)
        except BackupError as exc:
            raise CommandError(exc.message) from exc
        manifest = written.manifest
        self.stdout.write(
            _(
                "Backup written to %(path)s: %(vendor)s database, %(rows)d rows in %(tables)d tables, "
                "%(files)d stored files."
            )
            % {
                "path": written.path,
                "vendor": manifest["database"]["vendor"],
                "rows": sum(manifest["row_counts"].values()),
                "tables": len(manifest["row_counts"]),
                "files": sum(1 for name in manifest["members"] if name.startswith(domain.MEDIA_PREFIX)),
            }
        )
