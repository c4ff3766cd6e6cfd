"""Refusals of customer relations that a caller answers differently from a bad input."""

from __future__ import annotations

from ardesk.core.errors import Conflict, NotFound


class LinkNotValid(NotFound):
    """A survey link that is altered, made for something else, or expired: the page shows nothing."""

    code = "link_not_valid"

    def __init__(self, reason: str):
        super().__init__("This link is not valid.")
        self.reason = reason


class LinkAlreadyUsed(Conflict):
    """A survey link used a second time: an invitation is answered once."""

    code = "link_used"
