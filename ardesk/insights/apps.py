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
        from ardesk.customers import panels
        from ardesk.insights import hooks

        ranking.register("insights", hooks.worklist_ranking)
        panels.register(
            "insights",
            url_name="insights:customer_panel",
            title=_("Expected payment dates"),
            permission="insights.view_prediction",
        )
