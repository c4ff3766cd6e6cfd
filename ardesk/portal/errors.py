"""Refusals of the customer portal."""

from __future__ import annotations

from ardesk.core.errors import NotFound


class PortalLinkNotValid(NotFound):
    """A portal link that is altered, guessed, expired or revoked: the page shows nothing of any customer."""

    code = "portal_link_not_valid"

    def __init__(self, reason: str):
        super().__init__("This link is not valid.")
        self.reason = reason  # "bad", "expired" or "revoked": for the access log only, never shown
