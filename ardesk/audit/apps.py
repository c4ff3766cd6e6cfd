from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "ardesk.audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from ardesk.audit import receivers  # noqa: F401  (connects the auth and permission signals)
