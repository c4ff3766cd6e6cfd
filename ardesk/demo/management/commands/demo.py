"""ardesk demo: prepare the demo database once and serve it."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from ardesk.accounts.roles import role_label
from ardesk.config.management.commands.serve import serve
from ardesk.core import clock
from ardesk.core.schema import migrate_database
from ardesk.demo import generator
from ardesk.demo.loader import demo_is_loaded, load_demo


def role_labels(role: str) -> str:
    """A role as people call it, in English and in Chinese: "AR accountant 应收会计"."""
    labels = []
    for language in ("en", "zh-hans"):
        with translation.override(language):
            labels.append(role_label(role))
    return " ".join(labels)


class Command(BaseCommand):
    help = "Create or reuse the demo database, load the demo company once, and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--no-serve", action="store_true", help="Only prepare the data.")

    def handle(self, *args, port, host, no_serve, **options):
        self.stdout.write(f"Data directory: {settings.DATA_DIR}")
        migrate_database()
        if demo_is_loaded():
            self.stdout.write("Demo data already loaded; reusing it.")
        else:
            counts = load_demo(anchor=clock.today())
            self.stdout.write(
                f"Demo data loaded: {counts['companies']} companies, {counts['customers']} customers, "
                f"{counts['contacts']} contacts, {counts['users']} users; 24 months of receivables: "
                f"{counts['invoices']} invoices, {counts['receipts']} receipts, {counts['credit_notes']} credit notes, "
                f"{counts['allocations']} allocations."
            )
        self.stdout.write(f"\nDemo logins (password for all: {generator.DEMO_PASSWORD}):")
        for username, role, _email in generator.USERS:
            self.stdout.write(f"  {username:<12} {role_labels(role)}")
        self.stdout.write(f"\nOpen http://{host}:{port}/ in your browser.")
        if not no_serve:
            serve(host=host, port=port, threads=8, stdout=self.stdout)
