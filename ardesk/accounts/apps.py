from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ardesk.accounts"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        from ardesk.accounts import receivers  # noqa: F401  (refuses changes to one's own rights)
        from ardesk.accounts.roles import role_label
        from ardesk.audit.labels import register_list_labeller

        register_list_labeller("groups", lambda names: ", ".join(role_label(name) for name in names))
