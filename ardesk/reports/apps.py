from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ardesk.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from ardesk.core import integrity
        from ardesk.ledger.signals import ledger_imported
        from ardesk.reports import integrity as reports_integrity
        from ardesk.reports.ledger_days import merge_after_import

        ledger_imported.connect(merge_after_import, dispatch_uid="reports.merge_after_import")
        integrity.register(reports_integrity.CHECKS)
