from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "ardesk.budgets"
    label = "budgets"
    verbose_name = _("Budgets and profitability")

    def ready(self) -> None:
        from ardesk.budgets import hooks

        hooks.register()
