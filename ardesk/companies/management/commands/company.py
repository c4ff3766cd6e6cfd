"""ardesk company create|list: legal entities from the command line."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from ardesk.companies import services
from ardesk.companies.models import Company
from ardesk.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Create a company (a legal entity with its own books) or list the companies."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a company; grant it to users with `ardesk user grant`.")
        create.add_argument("--code", required=True, help="Short code used in files and commands, e.g. SH01.")
        create.add_argument("--name", required=True, help="The legal name.")
        create.add_argument("--currency", default="CNY", help="Functional currency (ISO 4217), default CNY.")
        create.add_argument("--uscc", default="", help="Unified social credit code (统一社会信用代码).")
        create.add_argument("--address", default="")
        listing = sub.add_parser("list", help="List the companies.")
        listing.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, action, **options):
        if action == "create":
            try:
                company = services.company_create(
                    code=options["code"],
                    name=options["name"],
                    functional_currency=options["currency"],
                    uscc=options["uscc"],
                    address=options["address"],
                )
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(self.style.SUCCESS(f"Company {company.code} {company.name} created."))
            return
        rows = list(Company.objects.order_by("code").values("code", "name", "functional_currency", "is_active"))
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            state = "" if row["is_active"] else " (inactive)"
            self.stdout.write(f"{row['code']:<10} {row['functional_currency']}  {row['name']}{state}")
