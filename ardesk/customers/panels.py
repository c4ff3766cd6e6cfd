"""Panels that other contexts add to the customer page (risk signals, …), loaded by htmx.

The customers context sits below the contexts that own these panels and imports none of them: each
registers, from its ``AppConfig.ready()``, a panel with the URL name of its fragment and the
permission needed to see it. The customer page shows, in registration order, the panels the user
may see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Panel:
    key: str
    label: object
    url_name: str
    permission: str
    loading: object


_PANELS: dict[str, Panel] = {}


def register_panel(*, key: str, label, url_name: str, permission: str, loading) -> None:
    """Add a context's panel to the customer page; registering a key again keeps the first."""
    _PANELS.setdefault(key, Panel(key, label, url_name, permission, loading))


def panels_for(user, customer_id: int) -> list[dict]:
    """The registered panels this user may see, with the URL of each one's fragment for the customer."""
    return [
        {"key": p.key, "label": p.label, "url": reverse(p.url_name, args=[customer_id]), "loading": p.loading}
        for p in _PANELS.values()
        if user.has_perm(p.permission)
    ]
