"""ardesk restore: put a backup archive back into an empty installation, then check it whole."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ardesk.operations.errors import RestoreRefused
from ardesk.operations.restore import backup_restore


class Command(BaseCommand):
    help = _(
        "Restore a backup archive into an empty installation: refuses another version, migration state or "
        "database, a damaged archive, or a key that cannot read its encrypted values; then checks integrity."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force", action="store_true", help=_("replace the data of an installation that is not empty")
        )

    def handle(self, *args, archive, force, **options):
        try:
            restored = backup_restore(archive=Path(archive), force=force)
        except RestoreRefused as exc:
            lines = [_("Not restored: %(reason)s") % {"reason": exc.message}, *(f"  - {r}" for r in exc.reasons)]
            raise CommandError("\n".join(lines)) from exc
        manifest = restored.manifest
        if restored.key_installed:
            self.stdout.write(
                _("The archive's encryption key was written to the data directory; move it to your secret store.")
            )
        for difference in restored.count_differences:
            self.stdout.write(_("Row count differs: %(difference)s") % {"difference": difference})
        for p in restored.problems:
            examples = ", ".join(str(e) for e in p.examples)
            self.stdout.write(f"{p.check}: {p.count} {p.description} (e.g. {examples})")
        if not restored.is_whole:
            raise CommandError(
                _("Restored from %(archive)s, but the installation is not whole: see above.") % {"archive": archive}
            )
        self.stdout.write(
            _(
                "Restored the backup of %(created)s: %(rows)d rows in %(tables)d tables, every count as backed up; "
                "integrity checks passed (%(checks)s)."
            )
            % {
                "created": manifest["created_at"],
                "rows": sum(manifest["row_counts"].values()),
                "tables": len(manifest["row_counts"]),
                "checks": ", ".join(restored.checks),
            }
        )
