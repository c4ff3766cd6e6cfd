"""ardesk init: a new, empty installation with its first company and administrator."""

from __future__ import annotations

import getpass

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ardesk.accounts import services as accounts
from ardesk.accounts.roles import ADMINISTRATOR
from ardesk.companies import services as companies
from ardesk.companies.models import Company
from ardesk.core.commands import CHECKS_BUT_URLS
from ardesk.core.errors import ApplicationError
from ardesk.core.schema import migrate_database


class Command(BaseCommand):
    help = "Set up a new installation: migrations, the first company and the first administrator."
    requires_system_checks = CHECKS_BUT_URLS

    def add_arguments(self, parser):
        parser.add_argument("--company-code")
        parser.add_argument("--company-name")
        parser.add_argument("--currency", help="Functional currency (ISO 4217), default CNY")
        parser.add_argument("--admin", help="User name of the first administrator")
        parser.add_argument("--password", help="Password of the first administrator (asked if omitted)")
        parser.add_argument("--no-input", action="store_true", help="Fail instead of asking for missing values")

    def ask(self, options, key: str, prompt: str, default: str | None = None, secret: bool = False) -> str:
        value = options.get(key)
        if value:
            return value
        if options["no_input"]:
            if default is not None:
                return default
            raise CommandError(f"--{key.replace('_', '-')} is required with --no-input")
        suffix = f" [{default}]" if default else ""
        while True:
            answer = (getpass.getpass if secret else input)(f"{prompt}{suffix}: ").strip()
            if answer or default:
                return answer or default

    def handle(self, *args, **options):
        # A new database starts from the schema snapshot (core/schema.py); migrate then applies only
        # what is newer, or every migration when there is no usable snapshot.
        migrate_database()
        if Company.objects.exists():
            self.stdout.write("This installation already has a company; nothing to set up.")
            return
        code = self.ask(options, "company_code", "Company code")
        name = self.ask(options, "company_name", "Company name")
        currency = self.ask(options, "currency", "Functional currency", default="CNY")
        admin = self.ask(options, "admin", "Administrator user name", default="admin")
        password = self.ask(options, "password", "Administrator password", secret=True)
        try:
            with transaction.atomic():
                company = companies.company_create(code=code, name=name, functional_currency=currency)
                user = accounts.user_create(username=admin, password=password, is_superuser=True, roles=[ADMINISTRATOR])
                companies.company_grant(user=user, company=company)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Installation ready: company {company}, administrator {user.get_username()}. "
                "Start it with `ardesk serve`."
            )
        )
