from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "ardesk.ledger"
    verbose_name = _("Receivables ledger")

    def ready(self) -> None:
        from ardesk.core import integrity
        from ardesk.ledger import integrity as ledger_integrity
        from ardesk.ledger.daily_totals import merge_after_import
        from ardesk.ledger.signals import ledger_imported

        integrity.register(ledger_integrity.CHECKS)
        ledger_imported.connect(merge_after_import, dispatch_uid="ledger.merge_after_import")
