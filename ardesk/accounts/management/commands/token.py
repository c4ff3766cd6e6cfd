"""ardesk token issue USERNAME | revoke PREFIX | list [USERNAME]"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ardesk.accounts import services
from ardesk.accounts.models import ApiToken
from ardesk.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Issue, revoke or list API tokens."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        issue = sub.add_parser("issue", help="Create a token for a user and print it (shown once).")
        issue.add_argument("username")
        issue.add_argument("--name", default="", help="What the token is for, e.g. 'ERP interface'.")
        issue.add_argument(
            "--days", type=int, default=None, help="Days until it expires (default ARDESK_TOKEN_DAYS, 90; 0: never)."
        )
        revoke = sub.add_parser("revoke", help="Revoke a token by its prefix.")
        revoke.add_argument("prefix")
        listing = sub.add_parser("list", help="List tokens (prefix, user, status).")
        listing.add_argument("username", nargs="?")

    def handle(self, *args, action, **options):
        if action == "issue":
            user = get_user_model().objects.filter(username=options["username"], is_active=True).first()
            if user is None:
                raise CommandError(f"No active user named {options['username']}")
            try:
                _token, raw = services.token_issue(user=user, name=options["name"], days=options["days"])
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(raw)
        elif action == "revoke":
            try:
                token = services.token_revoke(prefix=options["prefix"])
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(f"Revoked token {token.prefix} of {token.user}")
        else:
            tokens = ApiToken.objects.select_related("user")
            if options.get("username"):
                tokens = tokens.filter(user__username=options["username"])
            for token in tokens:
                state = "revoked" if token.revoked_at else "expired" if token.is_expired else "active"
                expires = f"expires {token.expires_at:%Y-%m-%d %H:%M}" if token.expires_at else "never expires"
                self.stdout.write(f"{token.prefix}\t{token.user}\t{state}\t{expires}\t{token.name}")
