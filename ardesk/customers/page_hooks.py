"""Panels and actions that other contexts add to the customer page (and the worklist rows).

The customers context sits below the contexts that own a customer's relations, collections or
credit, and imports none of them: each registers, from its ``AppConfig.ready()``, a panel (a
section loaded with htmx from one of its URLs) or an action (a button linking to one of its
screens), each with the permission that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Panel:
    key: str  # the section's id on the page
    label: str  # a lazy translation
    url_name: str  # takes the customer's id
    permission: str
    loading: str = ""


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    url_name: str  # takes the customer's id
    permission: str
    places: tuple[str, ...] = ("page",)  # "page" (the customer page), "worklist" (a worklist row)


_PANELS: dict[str, Panel] = {}
_ACTIONS: dict[str, Action] = {}


def register_panel(panel: Panel) -> None:
    """Add a panel; registering a key again keeps the first."""
    _PANELS.setdefault(panel.key, panel)


def register_action(action: Action) -> None:
    """Add an action; registering a key again keeps the first."""
    _ACTIONS.setdefault(action.key, action)


def panels_for(user, customer_id: int) -> list[dict]:
    """The panels this user may see, with their URL for this customer."""
    return [
        {"key": p.key, "label": p.label, "url": reverse(p.url_name, args=[customer_id]), "loading": p.loading}
        for p in _PANELS.values()
        if user.has_perm(p.permission)
    ]


def actions_for(user, customer_id: int, place: str = "page") -> list[dict]:
    """The actions this user may take here, with their URL for this customer."""
    return [
        {"key": a.key, "label": a.label, "url": reverse(a.url_name, args=[customer_id])}
        for a in _ACTIONS.values()
        if place in a.places and user.has_perm(a.permission)
    ]
