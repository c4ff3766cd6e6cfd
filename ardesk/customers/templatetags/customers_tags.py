from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join

from ardesk.customers import page_hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_link(context, key: str, label: str):
    """A column header that sorts by the column, and reverses the order on a second click."""
    request = context["request"]
    current = context.get("sort") or "code"
    target = f"-{key}" if current == key else key
    query = request.GET.copy()
    query["sort"] = target
    query.pop("page", None)
    arrow = " ▲" if current == key else (" ▼" if current == f"-{key}" else "")
    return format_html('<a href="?{}">{}{}</a>', query.urlencode(), label, arrow)


@register.simple_tag(takes_context=True)
def customer_actions(context, customer_id: int, place: str = "worklist"):
    """The buttons other contexts registered for a customer in this place (e.g. "log an interaction")."""
    actions = page_hooks.actions_for(context["request"].user, customer_id, place)
    return format_html_join(
        " ", '<a class="btn small secondary" href="{}">{}</a>', ((a["url"], a["label"]) for a in actions)
    )
