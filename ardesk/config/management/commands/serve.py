"""ardesk serve: run the configured installation with a production-grade WSGI server.

One process with threads (waitress) by default, on every platform. ``--workers N`` runs N processes
(gunicorn, threads in each) so that N cores execute Python at the same time; gunicorn needs a POSIX
system (Linux, macOS), elsewhere or without it ARdesk falls back to waitress in one process.
"""

from __future__ import annotations

import importlib.util
import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ardesk.core.schema import migrate_database


class Command(BaseCommand):
    help = "Serve ARdesk with waitress, or with --workers N processes under gunicorn (applies migrations first)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8, help="threads per process")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="server processes (gunicorn, Linux/macOS); one per core is a good start",
        )
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args, host, port, threads, workers, no_migrate, **options):
        if not no_migrate:
            migrate_database()
        call_command("check", deploy=False)
        serve(host=host, port=port, threads=threads, workers=workers, stdout=self.stdout)


def multiprocess_available() -> bool:
    """Whether --workers can run several processes here (gunicorn installed on a POSIX system)."""
    return os.name == "posix" and importlib.util.find_spec("gunicorn") is not None


def serve(*, host: str, port: int, threads: int, stdout, workers: int = 1) -> None:
    from ardesk.config.wsgi import application

    if workers > 1 and multiprocess_available():
        stdout.write(f"ARdesk is running on http://{host}:{port}/ with {workers} processes (Ctrl+C to stop)")
        stdout.flush()
        _serve_gunicorn(application, host=host, port=port, threads=threads, workers=workers)
        return
    if workers > 1:
        stdout.write("gunicorn is not available on this system: serving with waitress in one process.")
    from waitress import serve as waitress_serve

    from ardesk.config import scheduler

    if not settings.CELERY_BROKER_URL:
        scheduler.start_in_process()
    stdout.write(f"ARdesk is running on http://{host}:{port}/ (Ctrl+C to stop)")
    stdout.flush()
    waitress_serve(application, host=host, port=port, threads=threads, ident="ARdesk")


def _serve_gunicorn(application, *, host: str, port: int, threads: int, workers: int) -> None:
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    from ardesk.config import scheduler

    # Migrations and checks ran in this process: the workers are forked from it and must not share
    # its database connections.
    connections.close_all()

    def when_ready(_server) -> None:
        # Scheduled jobs run once, in the main process, not in every worker.
        if not settings.CELERY_BROKER_URL:
            scheduler.start_in_process()

    class Server(BaseApplication):
        def load_config(self) -> None:
            options = {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "proc_name": "ardesk",
                "loglevel": "warning",
                "when_ready": when_ready,
            }
            for name, value in options.items():
                self.cfg.set(name, value)

        def load(self):
            return application

    Server().run()
