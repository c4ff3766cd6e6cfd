from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BankingConfig(AppConfig):
    name = "ardesk.banking"
    label = "banking"
    verbose_name = _("Cash application")
