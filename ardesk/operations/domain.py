"""Rules of backups, restores and readiness: pure functions over the manifest and plain values."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext as _

ARCHIVE_FORMAT = "ardesk-backup/1"
MANIFEST = "manifest.json"
KEY_MEMBER = "keys/encryption_key"
MEDIA_PREFIX = "media/"
DATABASE_PREFIX = "database/"
SCHEDULED_NAME = re.compile(r"^ardesk-backup-(\d{8})-(\d{6})\.tar\.gz$")


def scheduled_name(at: dt.datetime) -> str:
    """The file name of a backup written at a local time: names sort in the order they were written."""
    return f"ardesk-backup-{at:%Y%m%d-%H%M%S}.tar.gz"


def has_backup_of_day(names: list[str], day: dt.date) -> bool:
    """Whether one of the scheduled backups was written on that local day."""
    stamp = f"{day:%Y%m%d}"
    return any((m := SCHEDULED_NAME.match(name)) and m.group(1) == stamp for name in names)


def backups_to_remove(names: list[str], keep: int) -> list[str]:
    """The scheduled backups past the newest ``keep``, oldest first; other files are never touched."""
    scheduled = sorted(name for name in names if SCHEDULED_NAME.match(name))
    if keep < 1:
        raise ValueError(_("Keep at least 1 backup, not %(keep)s.") % {"keep": keep})
    return scheduled[: max(len(scheduled) - keep, 0)]


def migration_differences(archived: dict[str, list[str]], code: dict[str, list[str]]) -> list[str]:
    """What differs between the migrations applied in the archive and those this version of ARdesk has.

    A restore needs the same state on both sides: an older archive would need migrating forwards
    by the version that wrote it, a newer one has tables this version does not know.
    """
    differences = []
    for app in sorted(set(archived) | set(code)):
        missing = sorted(set(code.get(app, [])) - set(archived.get(app, [])))
        extra = sorted(set(archived.get(app, [])) - set(code.get(app, [])))
        if missing:
            differences.append(
                _("%(app)s: not applied in the archive: %(names)s") % {"app": app, "names": ", ".join(missing)}
            )
        if extra:
            differences.append(
                _("%(app)s: unknown to this version: %(names)s") % {"app": app, "names": ", ".join(extra)}
            )
    return differences


def manifest_problems(manifest: dict, *, version: str, vendor: str, migrations: dict[str, list[str]]) -> list[str]:
    """Why an archive cannot be restored into this installation (nothing when it can)."""
    if manifest.get("format") != ARCHIVE_FORMAT:
        return [_("This is not an ARdesk backup (no %(format)s manifest).") % {"format": ARCHIVE_FORMAT}]
    problems = []
    if manifest["ardesk_version"] != version:
        problems.append(
            _("The archive was written by ARdesk %(archived)s, this is ARdesk %(version)s.")
            % {"archived": manifest["ardesk_version"], "version": version}
        )
    if manifest["database"]["vendor"] != vendor:
        problems.append(
            _("The archive holds a %(archived)s database, this installation is configured for %(vendor)s.")
            % {"archived": manifest["database"]["vendor"], "vendor": vendor}
        )
    problems.extend(
        _("Migrations differ, %(difference)s.") % {"difference": difference}
        for difference in migration_differences(manifest["migrations"], migrations)
    )
    return problems


def member_problems(listed: dict[str, dict], found: dict[str, str]) -> list[str]:
    """Members whose SHA-256 differs from the manifest's, or that are missing from either side."""
    problems = []
    for name in sorted(set(listed) | set(found)):
        if name not in found:
            problems.append(_("%(member)s: listed in the manifest but missing from the archive") % {"member": name})
        elif name not in listed:
            problems.append(_("%(member)s: in the archive but not listed in the manifest") % {"member": name})
        elif listed[name]["sha256"] != found[name]:
            problems.append(
                _("%(member)s: its checksum differs from the manifest's (damaged or altered)") % {"member": name}
            )
    return problems


def count_differences(expected: dict[str, int], found: dict[str, int]) -> list[str]:
    """Tables whose restored row count differs from the count the backup recorded."""
    return [
        _("%(table)s: %(found)s rows restored, %(count)s backed up")
        % {"table": table, "found": found.get(table, 0), "count": count}
        for table, count in sorted(expected.items())
        if found.get(table, 0) != count
    ]


def heartbeat_problem(last: dt.datetime | None, *, now: dt.datetime, max_age: dt.timedelta) -> str | None:
    """Why the scheduler does not look alive (None when its last heartbeat is recent enough)."""
    if last is None:
        return _("The scheduler has not recorded a heartbeat yet.")
    age = now - last
    if age > max_age:
        return _("The scheduler's last heartbeat is %(age)d s old (at most %(max)d s).") % {
            "age": age.total_seconds(),
            "max": max_age.total_seconds(),
        }
    return None


REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def usable_request_id(value: str | None) -> str | None:
    """The caller's request id when it is short and plain enough to put in logs and headers."""
    if value and REQUEST_ID.match(value):
        return value
    return None
