from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ardesk.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from ardesk.core import integrity
        from ardesk.reports import integrity as reports_integrity

        integrity.register(reports_integrity.CHECKS)
