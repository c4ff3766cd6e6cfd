from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "ardesk.ledger"
    verbose_name = _("Receivables ledger")

    def ready(self) -> None:
        from ardesk.core import integrity
        from ardesk.customers import list_figures
        from ardesk.ledger import integrity as ledger_integrity
        from ardesk.ledger.daily_totals import merge_after_import
        from ardesk.ledger.signals import ledger_imported

        integrity.register(ledger_integrity.CHECKS)
        list_figures.register("ledger", _open_figures_today)
        ledger_imported.connect(merge_after_import, dispatch_uid="ledger.merge_after_import")


def _open_figures_today(customer_ids):
    from ardesk.core import clock
    from ardesk.ledger.selectors import open_figures_now

    return open_figures_now(customer_ids=customer_ids, as_of=clock.today())
