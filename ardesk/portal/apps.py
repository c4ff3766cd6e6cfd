from django.apps import AppConfig
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


def _dunning_link_lines(recipients) -> list[list[str]]:
    from ardesk.portal.services import dunning_link_lines

    return dunning_link_lines(recipients)


def _revoke_links_of_removed_contact(sender, instance, **kwargs) -> None:
    from ardesk.portal.services import links_revoke_for_contact

    links_revoke_for_contact(instance)


def _audit_key_label(key: str) -> str:
    return str(_("Statements by e-mail")) if key == "statement_frequency" else ""


def _audit_value_label(key: str, value: str) -> str:
    """The words for a customer's statement frequency in the audit trail."""
    from ardesk.portal.models import StatementFrequency

    if key == "statement_frequency" and value in StatementFrequency.values:
        return str(StatementFrequency(value).label)
    return ""


class PortalConfig(AppConfig):
    name = "ardesk.portal"
    label = "portal"
    verbose_name = _("Customer portal")

    def ready(self) -> None:
        from ardesk.audit.labels import register_key_labeller, register_value_labeller
        from ardesk.collections import notice_links
        from ardesk.customers import page_hooks
        from ardesk.customers.models import Contact

        page_hooks.register_action(
            page_hooks.Action(
                key="portal-links",
                label=_("Portal links"),
                url_name="portal:customer_links",
                permission="portal.view_portallink",
            )
        )
        register_key_labeller(_audit_key_label)
        register_value_labeller(_audit_value_label)
        # Dunning e-mails carry the contact's personal link (a fresh one per e-mail).
        notice_links.register("portal", _dunning_link_lines)
        # A contact removed (by any screen, the API or the command line) leaves no usable link behind.
        pre_delete.connect(_revoke_links_of_removed_contact, sender=Contact, dispatch_uid="portal-revoke-links")
