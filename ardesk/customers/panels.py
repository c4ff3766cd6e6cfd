"""Panels that higher contexts add to the customer page, each loaded by htmx from its own URL.

The customers context sits below them and imports none: a context registers, from its
``AppConfig.ready()``, the name of its panel's URL (it takes the customer's id) and a title.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Panel:
    name: str
    url_name: str
    title: str
    permission: str


_PANELS: dict[str, Panel] = {}


def register(name: str, *, url_name: str, title: str, permission: str) -> None:
    """Add a panel under ``name``, shown to users with ``permission``; registering a name again keeps the first."""
    _PANELS.setdefault(name, Panel(name, url_name, title, permission))


def panels_for(user, customer_id: int) -> list[dict]:
    """The registered panels the user may see, with their URL for this customer, in the order registered."""
    return [
        {"name": p.name, "title": p.title, "url": reverse(p.url_name, args=[customer_id])}
        for p in _PANELS.values()
        if user.has_perm(p.permission)
    ]
