"""``watch_reason``: why a customer is on the watch list, in the active language."""

from __future__ import annotations

from django import template

from ardesk.risk.lists import watch_reason as reason_of

register = template.Library()


@register.filter
def watch_reason(entry) -> str:
    return reason_of(entry)
