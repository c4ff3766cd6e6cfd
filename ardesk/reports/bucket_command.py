"""ardesk report buckets list|export|import: the aging's bucket sets on the command line, as JSON.

ardesk report buckets list [--format text|json]
ardesk report buckets export [--code CODE ...] [--output FILE]   (every set by default; a list of sets)
ardesk report buckets import FILE [--user USERNAME]              (all the file's sets, or none)

The JSON is the API's (GET/POST /api/v1/reports/bucket-sets). Each bucket holds the ages above the
previous bucket's ``upper`` up to its own, inclusive; the last has ``upper`` null. On the due basis
an age is the days (or months) past the due date, negative while an item is not yet due, so a
negative ``upper`` splits the items not yet due by how far ahead they fall due: ``-31`` holds those
due 31 days or more after the report date. By document date no open item is dated after the
report date, so a negative ``upper`` is refused there.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

HELP = __doc__.split("\n\n", 2)[2]


def add_arguments(parser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="The bucket sets and their limits")
    listing.add_argument("--format", dest="file_format", choices=["text", "json"], default="text")
    export = actions.add_parser("export", help="Bucket sets as JSON (every set, or those named with --code)")
    export.add_argument("--code", action="append", help="A set's code (repeat for several)")
    export.add_argument("--output", help="File to write (standard output otherwise)")
    load = actions.add_parser("import", help="Create or replace the bucket sets of a JSON file (all or none)")
    load.add_argument("file")
    load.add_argument("--user", help="Who saves them (a finance manager); a superuser by default")


def handle(options, stdout) -> None:
    from ardesk.reports import selectors
    from ardesk.reports.models import BucketSet

    sets = BucketSet.objects.prefetch_related("buckets")
    if options["action"] == "list":
        data = [selectors.bucket_set_data(s) for s in sets]
        if options["file_format"] == "json":
            stdout.write(json.dumps(data, ensure_ascii=False))
            return
        for one in data:
            default = " (default)" if one["is_default"] else ""
            limits = ", ".join(
                f"{b['key']} ≤ {b['upper']}" if b["upper"] is not None else b["key"] for b in one["buckets"]
            )
            stdout.write(f"{one['code']:<16} {one['basis']:<9} {one['unit']:<7}{default}  {limits}")
        return
    if options["action"] == "export":
        codes = options.get("code") or []
        chosen = sets.filter(code__in=codes) if codes else sets
        missing = sorted(set(codes) - {s.code for s in chosen})
        if missing:
            raise CommandError(f"No bucket set {', '.join(missing)}")
        text = json.dumps([selectors.bucket_set_data(s) for s in chosen], ensure_ascii=False, indent=2)
        if options.get("output"):
            Path(options["output"]).write_text(text + "\n", encoding="utf-8")
            stdout.write(f"Wrote {options['output']}")
        else:
            stdout.write(text)
        return
    _import(options, stdout)


def _import(options, stdout) -> None:
    from ardesk.core.errors import InvalidInput
    from ardesk.reports import services

    users = get_user_model().objects.filter(is_active=True)
    user = (
        users.filter(username=options["user"]).first()
        if options.get("user")
        else users.filter(is_superuser=True).first()
    )
    if user is None:
        raise CommandError(f"No active user {options['user']}" if options.get("user") else "Name a user with --user")
    try:
        data = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(f"{options['file']}: {exc}") from exc
    try:
        saved = services.bucket_sets_import(by=user, data=data)
    except InvalidInput as exc:
        lines = [f"Set {where}: {message}" for where, messages in exc.errors.items() for message in messages]
        raise CommandError("Nothing was imported:\n" + "\n".join(lines)) from exc
    stdout.write(f"Saved {len(saved)} bucket set(s): {', '.join(s.code for s in saved)}")
