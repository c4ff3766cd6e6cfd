"""``{% export_links %}``: the CSV and Excel links of a list, keeping the list's current filters."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("partials/export_links.html", takes_context=True)
def export_links(context, url: str = "") -> dict:
    """Links to ``url`` (the list itself by default) with the current query, less paging, plus ``export``."""
    query = context["request"].GET.copy()
    for name in ("page", "export", "format"):
        query.pop(name, None)
    prefix = f"{query.urlencode()}&" if query else ""
    return {"csv": f"{url}?{prefix}export=csv", "xlsx": f"{url}?{prefix}export=xlsx"}
