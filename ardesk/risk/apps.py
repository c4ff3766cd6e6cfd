from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskAppConfig(AppConfig):
    name = "ardesk.risk"
    label = "risk"
    verbose_name = _("Risk management")

    def ready(self) -> None:
        from ardesk.customers.page_hooks import Panel, register_panel

        register_panel(
            Panel(
                key="risk",
                label=_("Risk"),
                url_name="risk:customer_panel",
                permission="risk.view_risksignal",
                loading=_("Loading the risk signals…"),
            )
        )
