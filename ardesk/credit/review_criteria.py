"""Criteria of higher contexts that choose a customer's credit review interval (a budgets segment's).

A customer's scheduled review falls due on the date set by hand on its credit account, else after
the months a registered criterion gives it (counted from its last scoring), else by its grade's
schedule (the date set at scoring). A criterion is registered from its context's
``AppConfig.ready()`` as two views of the same rule: a SELECT of ``(customer_id, months)`` pairs that
the review schedule reads once for every customer, and a lookup for one customer (at scoring).
Credit does not import the contexts above it; it only runs what they register.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection


@dataclass(frozen=True)
class ReviewCriterion:
    name: str
    months_sql: Callable[[], str]  # SELECT customer_id, months ... (no parameters)
    months_for: Callable[[int], int | None]


_registered: dict[str, ReviewCriterion] = {}


def register(criterion: ReviewCriterion) -> None:
    _registered[criterion.name] = criterion


def months_by_customer() -> dict[int, int]:
    """Every customer a registered criterion gives an interval, with the months (the first criterion wins)."""
    if not _registered:
        return {}
    # The criteria's SQL is their contexts' fixed text, without values.
    sql = " UNION ALL ".join(
        f"SELECT customer_id, months, {n} AS rank FROM ({c.months_sql()}) AS c{n}"  # noqa: S608
        for n, c in enumerate(_registered.values())
    )
    found: dict[int, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT customer_id, months FROM ({sql}) AS criteria ORDER BY rank")  # noqa: S608
        for customer_id, months in cursor.fetchall():
            found.setdefault(customer_id, int(months))
    return found


def months_for(customer_id: int) -> int | None:
    """The review interval a registered criterion gives the customer, if any (the first that gives one)."""
    for criterion in _registered.values():
        found = criterion.months_for(customer_id)
        if found:
            return found
    return None
