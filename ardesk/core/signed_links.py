"""Personal links for people without an account (a survey, later the customer portal).

A link carries a value signed with the server's secret and a salt naming its purpose, and the time
it was signed: ``link_token`` makes it, ``link_value`` reads it back and refuses a token that was
altered, made for another purpose, or is older than ``max_age``. The caller keeps, in its own table,
what makes a link single-use (a nonce in the value and a "used at" it sets in one conditional
UPDATE), so this module stays free of any model.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import signing


class LinkRefused(Exception):
    """The token is altered, for another purpose, or expired: the page shows nothing of the record."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "bad" or "expired", for the log and the page's wording only


def link_token(value: dict[str, Any], *, salt: str) -> str:
    """A URL-safe, compressed token for ``value``, signed for ``salt`` with the current time."""
    return signing.dumps(value, salt=salt, compress=True)


def link_value(token: str, *, salt: str, max_age: dt.timedelta) -> dict[str, Any]:
    """The value a token was made with, or ``LinkRefused``."""
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise LinkRefused("expired") from exc
    except signing.BadSignature as exc:
        raise LinkRefused("bad") from exc
    if not isinstance(value, dict):
        raise LinkRefused("bad")
    return value
