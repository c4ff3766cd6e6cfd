from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClosingConfig(AppConfig):
    name = "ardesk.closing"
    label = "closing"
    verbose_name = _("Month-end close")
