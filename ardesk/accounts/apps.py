from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ardesk.accounts"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        from ardesk.accounts import receivers  # noqa: F401  (refuses changes to one's own rights)
