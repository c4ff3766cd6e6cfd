from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "ardesk.operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from ardesk.operations import integrity, metrics

        integrity.register()
        metrics.connect_job_signals()
