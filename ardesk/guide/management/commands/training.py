"""ardesk training: make a training copy of this installation (or of the demo) and serve it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ardesk.guide import training


class Command(BaseCommand):
    help = _(
        "Training copies: `create DIR [--from-demo]` copies this installation (or makes a new demo) into DIR, "
        "marked as a training installation that sends no e-mail; `serve DIR [--port N]` starts it."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help=_("copy this installation into a new directory for training"))
        create.add_argument("directory")
        create.add_argument("--from-demo", action="store_true", help=_("a new demo company instead of this data"))
        serve = actions.add_parser("serve", help=_("serve the training copy in a directory"))
        serve.add_argument("directory")
        serve.add_argument("--port", type=int, default=8001)
        serve.add_argument("--host", default="127.0.0.1")
        mark = actions.add_parser("mark", help=_("mark this installation as a training copy (done by create)"))
        mark.add_argument("--source", default="")

    def handle(self, *args, action, **options):
        if action == "mark":
            training.training_mark(source=options["source"])
            return
        directory = Path(options["directory"]).expanduser().resolve()
        if action == "create":
            try:
                training.training_copy_create(directory=directory, from_demo=options["from_demo"])
            except training.TrainingError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(
                self.style.SUCCESS(
                    _("Training copy ready in %(directory)s. Start it with: %(command)s")
                    % {"directory": directory, "command": training.serve_command(str(directory))}
                )
            )
            return
        if not (directory / "ardesk.sqlite3").exists() and not (directory / training.DATABASE_URL_FILE).exists():
            raise CommandError(_("%(directory)s holds no training copy.") % {"directory": directory})
        env = training.serve_environment(directory)
        command = [
            sys.executable,
            "-m",
            "ardesk.cli",
            "serve",
            "--host",
            options["host"],
            "--port",
            str(options["port"]),
        ]
        raise SystemExit(subprocess.call(command, env=env))  # noqa: S603 (our own command)
