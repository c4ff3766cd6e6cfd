from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "ardesk.ledger"
    verbose_name = _("Receivables ledger")

    def ready(self) -> None:
        from ardesk.core import integrity
        from ardesk.ledger import integrity as ledger_integrity

        integrity.register(ledger_integrity.CHECKS)
