from __future__ import annotations

from django import template
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
}


@register.simple_tag
def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


@register.simple_tag
def event_changes(event) -> str:
    """Before and after values of an audit event, one line per field."""
    before, after = event.before or {}, event.after or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        return ""
    keys = [k for k in dict.fromkeys([*before, *after]) if not k.endswith("_id") or k in ("contact_id",)]
    if not keys:
        return ""
    rows = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        rows.append((key, "" if old in (None, "") else old, "" if new in (None, "") else new))
    lines = format_html_join("", '<div><span class="muted">{}</span>: <del>{}</del> → <ins>{}</ins></div>', rows)
    return format_html('<div class="diff">{}</div>', lines)
