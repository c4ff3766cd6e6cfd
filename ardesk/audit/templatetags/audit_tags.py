from __future__ import annotations

from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

register = template.Library()

ACTION_LABELS = {
    "customer.create": _("Customer created"),
    "customer.update": _("Customer changed"),
    "customer.status": _("Status changed"),
    "customer.delete": _("Customer deleted"),
    "contact.create": _("Contact added"),
    "contact.update": _("Contact changed"),
    "contact.delete": _("Contact removed"),
    "attachment.add": _("File attached"),
    "attachment.delete": _("Attachment removed"),
    "auth.login": _("Signed in"),
    "auth.logout": _("Signed out"),
    "auth.login_failed": _("Failed sign-in"),
    "auth.permission_change": _("Permissions changed"),
    "auth.user.create": _("User created"),
    "auth.user.permission_change": _("User rights changed"),
    "auth.group.create": _("Role created"),
    "company.create": _("Company created"),
    "company.grant": _("Company access granted"),
    "company.revoke": _("Company access revoked"),
    "api_token.issue": _("API token issued"),
    "api_token.revoke": _("API token revoked"),
    "document.post": _("Document posted"),
    "document.reverse": _("Document reversed"),
    "allocation.create": _("Allocation made"),
    "allocation.reverse": _("Allocation undone"),
    "exchange_rate.set": _("Exchange rate entered"),
    "payment_term.create": _("Payment term created"),
    "import.run": _("File imported"),
    "customer.payment_term": _("Default payment term changed"),
    "statements.run": _("Statements made"),
    "ledger.demo_load": _("Demo ledger loaded"),
}


@register.simple_tag
def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def _label(model, key: str) -> str:
    if model is not None:
        try:
            return str(model._meta.get_field(key.removesuffix("_id")).verbose_name)
        except FieldDoesNotExist:
            pass
    return key


def _shown(model, key: str, value):
    """A stored value as the user knows it: the label of a choice (正常, not 'active')."""
    if model is None or value in (None, ""):
        return value
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return value
    return dict(field.flatchoices).get(value, value) if field.choices else value


def _model(object_type: str, action: str):
    if action.startswith("contact."):
        object_type = "customers.contact"
    try:
        return apps.get_model(object_type) if "." in object_type else None
    except LookupError:
        return None


@register.simple_tag
def event_changes(event) -> str:
    """Before and after values of an audit event, one line per field, with the field's own label."""
    before, after = event.before or {}, event.after or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        return ""
    model = _model(event.object_type, event.action)
    rows = []
    for key in dict.fromkeys([*before, *after]):
        if key.endswith("_id") and key in ("contact_id", "attachment_id", "company_id"):
            continue
        old, new = before.get(key), after.get(key)
        if old in (None, "") and new in (None, ""):
            continue
        rows.append(
            (
                _label(model, key),
                "" if old in (None, "") else _shown(model, key, old),
                "" if new in (None, "") else _shown(model, key, new),
            )
        )
    if not before:
        lines = format_html_join("", '<div><span class="muted">{}</span>: {}</div>', ((k, n) for k, _o, n in rows))
    elif not after:
        lines = format_html_join(
            "", '<div><span class="muted">{}</span>: <del>{}</del></div>', ((k, o) for k, o, _n in rows)
        )
    else:
        lines = format_html_join("", '<div><span class="muted">{}</span>: <del>{}</del> → <ins>{}</ins></div>', rows)
    return format_html('<div class="diff">{}</div>', lines)
