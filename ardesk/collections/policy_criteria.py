"""Criteria of higher contexts that choose a customer's dunning policy (a budgets segment's policy).

A customer's policy is its own, else one chosen by a registered criterion, else its credit grade's,
else the default. A criterion is registered from its context's ``AppConfig.ready()`` as two views
of the same rule: a SELECT of ``(customer_id, policy_id)`` pairs that the dunning run joins (one
statement for a million items), and a lookup for one customer (the customer's page). Collections
does not import the contexts above it; it only runs what they register.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PolicyCriterion:
    name: str
    pairs_sql: Callable[[], str]  # SELECT customer_id, policy_id ... (no parameters)
    policy_id_for: Callable[[int], int | None]


_registered: dict[str, PolicyCriterion] = {}


def register(criterion: PolicyCriterion) -> None:
    _registered[criterion.name] = criterion


def pairs_sql() -> str | None:
    """One SELECT of every registered criterion's (customer_id, policy_id) pairs, or None without any."""
    if not _registered:
        return None
    # The criteria's SQL is their contexts' fixed text, without values.
    return " UNION ALL ".join(
        f"SELECT customer_id, policy_id FROM ({c.pairs_sql()}) AS c{n}"  # noqa: S608
        for n, c in enumerate(_registered.values())
    )


def policy_id_for(customer_id: int) -> int | None:
    """The policy a registered criterion gives the customer, if any (the first that gives one)."""
    for criterion in _registered.values():
        found = criterion.policy_id_for(customer_id)
        if found:
            return found
    return None
