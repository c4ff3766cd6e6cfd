"""ardesk user create|rename|grant|revoke|deactivate|activate|list: users, roles and company access.

The same as the "Users and roles" screen and the users API, from the command line.
"""

from __future__ import annotations

import getpass
import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ardesk.accounts import services
from ardesk.accounts.roles import ROLE_LABELS
from ardesk.accounts.selectors import users_overview
from ardesk.core.errors import ApplicationError

ROLES_HELP = "a role: " + ", ".join(ROLE_LABELS) + " (repeat the option for several)"


class Command(BaseCommand):
    help = "Create users, grant or revoke roles and company access, deactivate users. Every change is audited."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a user with roles and company access.")
        create.add_argument("username")
        create.add_argument("--name", default="", help="The person's name as screens show it (张伟).")
        create.add_argument("--email", default="")
        rename = sub.add_parser("rename", help="Change the name a user is shown by (not the user name).")
        rename.add_argument("username")
        rename.add_argument("name")
        create.add_argument("--password", help="The password (asked if omitted; checked against the policy).")
        for name, helptext in (("grant", "Add roles and company access."), ("revoke", "Take them away.")):
            action = sub.add_parser(name, help=helptext)
            action.add_argument("username")
        for action in sub.choices.values():
            if action.prog.split()[-1] in ("create", "grant", "revoke"):
                action.add_argument("--role", action="append", default=[], dest="roles", help=ROLES_HELP)
                action.add_argument(
                    "--company", action="append", default=[], dest="companies", help="a company code (repeatable)"
                )
        for name, helptext in (
            ("deactivate", "The user can no longer sign in; its API tokens stop working."),
            ("activate", "Let a deactivated user sign in again."),
        ):
            sub.add_parser(name, help=helptext).add_argument("username")
        listing = sub.add_parser("list", help="List users with their roles and companies.")
        listing.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, action, **options):
        if action == "list":
            return self.list(options["format"])
        try:
            if action == "create":
                password = options["password"] or getpass.getpass("Password: ")
                user = services.user_create(
                    username=options["username"],
                    password=password,
                    email=options["email"],
                    name=options["name"],
                    roles=options["roles"],
                    companies=options["companies"],
                )
                self.stdout.write(self.style.SUCCESS(f"User {user.username} created."))
                return
            user = self.user(options["username"])
            if action == "rename":
                services.user_rename(user=user, name=options["name"])
                self.stdout.write(self.style.SUCCESS(f"{user.username}: {user.get_full_name() or '-'}"))
            elif action in ("grant", "revoke"):
                if not options["roles"] and not options["companies"]:
                    raise CommandError("Name at least one --role or --company.")
                change = services.user_grant if action == "grant" else services.user_revoke
                change(user=user, roles=options["roles"], companies=options["companies"])
                self.stdout.write(self.style.SUCCESS(f"{user.username}: {self.describe(user)}"))
            else:
                services.user_set_active(user=user, active=action == "activate")
                self.stdout.write(self.style.SUCCESS(f"User {user.username} {action}d."))
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc

    def user(self, username: str):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username}.")
        return user

    def describe(self, user) -> str:
        row = users_overview().get(pk=user.pk)
        roles = ", ".join(group.name for group in row.groups.all()) or "no role"
        companies = ", ".join(grant.company.code for grant in row.company_grants.all()) or "no company"
        return f"roles {roles}; companies {companies}"

    def list(self, output: str) -> None:
        rows = [
            {
                "username": user.username,
                "name": user.get_full_name(),
                "email": user.email,
                "active": user.is_active,
                "superuser": user.is_superuser,
                "roles": [group.name for group in user.groups.all()],
                "companies": [grant.company.code for grant in user.company_grants.all()],
                "last_login": user.last_login.isoformat() if user.last_login else None,
            }
            for user in users_overview()
        ]
        if output == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            state = "active" if row["active"] else "deactivated"
            self.stdout.write(
                f"{row['username']:<20} {row['name'] or '-':<16} {state:<12} roles: {', '.join(row['roles']) or '-'}; "
                f"companies: {', '.join(row['companies']) or '-'}"
            )
