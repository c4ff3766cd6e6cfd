from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "ardesk.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        # Collections and customers sit below insights and never import it: insights hands them its
        # figures through their hooks (the worklist's ranking, the customer page's panels).
        from ardesk.collections import ranking
        from ardesk.customers.page_hooks import Panel, register_panel
        from ardesk.insights import hooks

        ranking.register("insights", hooks.worklist_ranking)
        register_panel(
            Panel(
                key="insights",
                label=_("Expected payment dates"),
                url_name="insights:customer_panel",
                permission="insights.view_prediction",
                loading=_("Loading the expected payment dates…"),
            )
        )
