from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ardesk.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from ardesk.core import lookups

        lookups.register()
        post_migrate.connect(_refresh_statistics, sender=self)


def _refresh_statistics(sender, **kwargs) -> None:
    from ardesk.core.bulk import refresh_statistics

    refresh_statistics()
