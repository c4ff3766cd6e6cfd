"""Rules about users' rights, free of the database and the request."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Actor:
    """Who is changing rights: a signed-in user (the command line and migrations have none)."""

    user_id: int
    is_superuser: bool


def rights_change_problem(*, actor: Actor | None, user_ids: set[int], makes_superuser: bool = False) -> str | None:
    """Why the actor may not make this change to these users' rights, or None if it may.

    Segregation of duties (内部控制): the administrator manages users, roles and company access,
    but never its own, or it could give itself the bank accounts it must not see; a change to an
    administrator's own rights is made by a second administrator (and audited). Only a superuser
    makes a superuser. The command line is the operator of the server itself and is not limited.
    """
    if actor is None or actor.is_superuser:
        return None
    if makes_superuser:
        return _("Only a superuser can make a user superuser.")
    if actor.user_id in user_ids:
        return _("Your own roles, permissions and company access are changed by another administrator.")
    return None
