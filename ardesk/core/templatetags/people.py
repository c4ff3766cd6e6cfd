"""How a screen names a person: the name a colleague knows them by, not their sign-in name."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def person(user) -> str:
    """The user's full name, else their user name; "—" for nobody."""
    if user is None or user == "":
        return "—"
    return user.get_full_name().strip() or user.get_username()
