"""How a higher context re-ranks the worklist with what it knows (insights: predicted lateness).

Collections sits below insights and never imports it: insights registers, from its
``AppConfig.ready()``, a provider that returns, for the worklist's customers, the amount at risk
by predicted lateness (minor units, functional currency) and the predicted days late. Customers a
provider does not know keep the worklist's own amount at risk (overdue weighted by age).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Provider = Callable[[list[int], dt.date], dict[int, dict]]
_PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    """Add a ranking provider under ``name``; registering a name again keeps the first."""
    _PROVIDERS.setdefault(name, provider)


def has_providers() -> bool:
    return bool(_PROVIDERS)


def predicted_risk(customer_ids: list[int], as_of: dt.date) -> dict[int, dict]:
    """Each known customer's ``at_risk`` and ``days_late`` from the providers (the first one to know wins)."""
    found: dict[int, dict] = {}
    for provider in _PROVIDERS.values():
        for customer_id, figures in provider(customer_ids, as_of).items():
            found.setdefault(customer_id, figures)
    return found
