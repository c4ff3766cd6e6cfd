"""ardesk credit scorecard export|import, ardesk credit reviews

ardesk credit scorecard export [--code DEMO] [--version N] [--output FILE]   (the active version by default)
ardesk credit scorecard import FILE [--user USERNAME]                         (saved as the code's next version)
ardesk credit reviews [--as-of YYYY-MM-DD]                                    (open the reviews that fell due)
ardesk credit limits list [--format json]                          (credit-limit imports and their state)
ardesk credit limits approve|reject BATCH --user MANAGER [--note TEXT]  (maker-checker: not the preparer)

Credit limits are imported with ``ardesk import credit-limits FILE --user PREPARER``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.money import from_minor
from ardesk.credit import selectors, services
from ardesk.credit.models import CreditLimitBatch, Scorecard


class Command(BaseCommand):
    help = "Credit management: scorecards as JSON, credit reviews."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="what", required=True)
        scorecard = commands.add_parser("scorecard", help="Export or import a scorecard as JSON")
        actions = scorecard.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export")
        export.add_argument("--code", default="")
        export.add_argument("--version", type=int)
        export.add_argument("--output")
        load = actions.add_parser("import")
        load.add_argument("file")
        load.add_argument(
            "--user", help="Who saves the version (a user allowed to edit scorecards); a superuser by default"
        )
        reviews = commands.add_parser("reviews", help="Open the credit reviews that fell due")
        reviews.add_argument("--as-of")
        limits = commands.add_parser(
            "limits", help="Credit limits imported with 'ardesk import credit-limits': list, approve or reject a batch"
        )
        limit_actions = limits.add_subparsers(dest="action", required=True)
        listing = limit_actions.add_parser("list")
        listing.add_argument("--format", choices=["text", "json"], default="text")
        for action in ("approve", "reject"):
            decide = limit_actions.add_parser(action)
            decide.add_argument("batch", type=int)
            decide.add_argument("--user", required=True, help="The approving manager (not the user who imported)")
            decide.add_argument("--note", default="")

    def handle(self, *args, **options):
        if options["what"] == "reviews":
            as_of = dt.date.fromisoformat(options["as_of"]) if options.get("as_of") else clock.today()
            opened = services.reviews_schedule(as_of=as_of)
            self.stdout.write(f"Opened {opened} credit reviews due by {as_of.isoformat()}")
            return
        if options["what"] == "limits":
            self._limits(options)
            return
        if options["action"] == "export":
            self._export(options)
        else:
            self._import(options)

    def _export(self, options) -> None:
        if options.get("version"):
            scorecard = Scorecard.objects.filter(code=options["code"] or "DEMO", version=options["version"]).first()
            if scorecard is None:
                raise CommandError(f"No scorecard {options['code'] or 'DEMO'} version {options['version']}")
        else:
            try:
                scorecard = selectors.active_scorecard(options["code"] or None)
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
        text = json.dumps(services.scorecard_export(scorecard), ensure_ascii=False, indent=2)
        if options.get("output"):
            Path(options["output"]).write_text(text + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text)

    def _import(self, options) -> None:
        users = get_user_model().objects
        user = (
            users.filter(username=options["user"]).first()
            if options.get("user")
            else users.filter(is_superuser=True).first()
        )
        if user is None:
            raise CommandError("Name a user with --user (no superuser exists)")
        try:
            data = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        try:
            scorecard = services.scorecard_import(by=user, data=data)
        except InvalidInput as exc:
            problems = "; ".join(f"{field}: {m}" for field, messages in exc.errors.items() for m in messages)
            raise CommandError(problems) from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Imported {scorecard.code} as version {scorecard.version}")

    def _limits(self, options) -> None:
        if options["action"] == "list":
            batches = CreditLimitBatch.objects.select_related("prepared_by", "decided_by")[:100]
            rows = [
                {
                    "batch": b.pk,
                    "file": b.file_name,
                    "status": b.status,
                    "limits": b.line_count,
                    "largest": str(from_minor(b.largest, b.currency)),
                    "currency": b.currency,
                    "prepared_by": b.prepared_by.get_username(),
                    "decided_by": b.decided_by.get_username() if b.decided_by else None,
                }
                for b in batches
            ]
            if options["format"] == "json":
                self.stdout.write(json.dumps(rows, ensure_ascii=False))
                return
            for row in rows:
                self.stdout.write(
                    f"{row['batch']:>6}  {row['status']:<9} {row['limits']:>7} limits  largest {row['largest']} "
                    f"{row['currency']}  {row['file']}  prepared by {row['prepared_by']}"
                )
            return
        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {options['user']}")
        batch = CreditLimitBatch.objects.filter(pk=options["batch"]).first()
        if batch is None:
            raise CommandError(f"No credit-limit import {options['batch']}")
        try:
            services.limit_batch_decide(
                by=user, batch=batch, approve=options["action"] == "approve", note=options["note"]
            )
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        verb = "approved and applied" if options["action"] == "approve" else "rejected"
        self.stdout.write(f"Credit-limit import {batch.pk} ({batch.line_count:,} limits) {verb}.")
