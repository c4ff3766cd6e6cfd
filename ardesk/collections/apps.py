from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectionsConfig(AppConfig):
    name = "ardesk.collections"
    label = "collections"
    verbose_name = _("Collections")

    def ready(self) -> None:
        from ardesk.collections import integrity as collections_integrity
        from ardesk.core import integrity

        integrity.register(collections_integrity.CHECKS)
