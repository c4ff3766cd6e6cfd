from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "ardesk.operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from ardesk.operations import integrity

        # The job metrics are connected by the processes that run jobs, the web application and the
        # Celery application (metrics.connect_job_signals): Celery's signals and Prometheus' client
        # would cost every command a tenth of a second at start-up.
        integrity.register()
