"""Errors of the collections context."""

from __future__ import annotations

from ardesk.core.errors import ApplicationError


class CollectionsError(ApplicationError):
    """A collections rule refused the operation (a closed dispute, a run already confirmed, ...)."""

    code = "collections"
    status = 409
