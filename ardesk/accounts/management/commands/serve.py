"""ardesk serve: run the configured installation with a production-grade WSGI server (waitress)."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve ARdesk with waitress (applies pending migrations first unless --no-migrate)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-migrate", action="store_true")

    def handle(self, *args, host, port, threads, no_migrate, **options):
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        call_command("check", deploy=False)
        serve(host=host, port=port, threads=threads, stdout=self.stdout)


def serve(*, host: str, port: int, threads: int, stdout) -> None:
    from waitress import serve as waitress_serve

    from ardesk.config.wsgi import application
    from ardesk.core import scheduler

    if not settings.CELERY_BROKER_URL:
        scheduler.start_in_process()
    stdout.write(f"ARdesk is running on http://{host}:{port}/ (Ctrl+C to stop)")
    stdout.flush()
    waitress_serve(application, host=host, port=port, threads=threads, ident="ARdesk")
