"""ardesk audit verify: check that the audit trail is intact."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from ardesk.audit.models import AuditEvent
from ardesk.audit.selectors import chain_break


class Command(BaseCommand):
    help = "Audit trail tools. 'verify' checks the hash chain and names the first broken event."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        broken = chain_break()
        if broken is not None:
            raise CommandError(f"Audit trail broken at event {broken.seq}: {broken.reason}")
        count = AuditEvent.objects.count()
        self.stdout.write(f"Audit trail intact: {count} events verified.")
