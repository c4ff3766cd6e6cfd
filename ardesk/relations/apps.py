from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "ardesk.relations"
    label = "relations"
    verbose_name = _("Customer relations")

    def ready(self) -> None:
        from ardesk.customers import page_hooks

        page_hooks.register_panel(
            page_hooks.Panel(
                key="relations",
                label=_("Relations"),
                url_name="relations:customer_panel",
                permission="relations.view_interaction",
                loading=_("Loading the customer timeline…"),
            )
        )
        page_hooks.register_action(
            page_hooks.Action(
                key="log-interaction",
                label=_("Log interaction"),
                url_name="relations:log",
                permission="relations.add_interaction",
                places=("page", "worklist"),
            )
        )
        page_hooks.register_action(
            page_hooks.Action(
                key="timeline",
                label=_("Timeline"),
                url_name="relations:timeline",
                permission="relations.view_interaction",
            )
        )
        page_hooks.register_action(
            page_hooks.Action(
                key="relation-profile",
                label=_("Key account and owner"),
                url_name="relations:relation_profile",
                permission="relations.change_relationprofile",
            )
        )
