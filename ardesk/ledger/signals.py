"""Signals the ledger sends to the contexts that keep figures derived from it."""

from __future__ import annotations

from django.dispatch import Signal

# Sent after an import has written rows and committed; arguments: kind, company.
ledger_imported = Signal()
