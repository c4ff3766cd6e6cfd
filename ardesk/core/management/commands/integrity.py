"""ardesk integrity: check what the database does not (unconstrained references) and what is kept derived."""

from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ardesk.core.integrity import run_all
from ardesk.core.progress import progress_bar


class Command(BaseCommand):
    help = _(
        "Check the stored data: references without a database constraint, each item's open amount against "
        "its allocations, the daily totals against the documents. Exits with an error when anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, **options):
        started = time.monotonic()
        with progress_bar(self.stderr, label=_("Checking"), enabled=options["format"] != "json") as bar:
            names, problems = run_all(lambda done, total, name: bar.update(done, total=total, note=name))
        seconds = time.monotonic() - started
        if options["format"] == "json":
            found = [
                {"check": p.check, "description": str(p.description), "count": p.count, "examples": p.examples}
                for p in problems
            ]
            self.stdout.write(json.dumps({"checks": names, "problems": found}, ensure_ascii=False, indent=2))
        else:
            for p in problems:
                examples = ", ".join(str(e) for e in p.examples)
                self.stdout.write(f"{p.check}: {p.count} {p.description} (e.g. {examples})")
        if problems:
            raise CommandError(
                _("%(count)d problems found by %(checks)d checks.") % {"count": len(problems), "checks": len(names)}
            )
        if options["format"] == "table":
            self.stdout.write(
                _("No problems: %(checks)s (%(seconds).1f s).") % {"checks": ", ".join(names), "seconds": seconds}
            )
