"""Reports of higher contexts under ``ardesk report NAME``: each registers its subcommand here.

The ``report`` command lives in this context, below the contexts whose reports it also offers
(``ardesk report profitability`` is the budgets context's), so they register from their
``AppConfig.ready()`` and the command adds and runs what is registered without importing them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReportCommand:
    name: str
    help: str
    add_arguments: Callable  # (parser) -> None
    handle: Callable  # (options: dict, stdout) -> None


_registered: dict[str, ReportCommand] = {}


def register(command: ReportCommand) -> None:
    _registered[command.name] = command


def registered() -> dict[str, ReportCommand]:
    return dict(_registered)
