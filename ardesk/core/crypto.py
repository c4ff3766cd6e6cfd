"""Encryption at rest for sensitive fields (bank accounts, personal ID numbers).

The key comes from ARDESK_ENCRYPTION_KEY (a Fernet key; several comma-separated keys allow
rotation: the first encrypts, all decrypt), or from a file generated in the data directory.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _fernet() -> MultiFernet:
    keys = [key.strip() for key in settings.ARDESK_ENCRYPTION_KEY.split(",") if key.strip()]
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encrypt(plain: str) -> str:
    return _fernet().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("encrypted value cannot be read with the configured key") from exc


@cache
def _index_key() -> bytes:
    # Derived from the first (encrypting) key, so a blind index needs no key of its own; a key
    # rotation that changes the first key needs the indexes rebuilt (`ardesk integrity` names them).
    first = next(key.strip() for key in settings.ARDESK_ENCRYPTION_KEY.split(",") if key.strip())
    return hmac.new(first.encode(), b"ardesk blind index", hashlib.sha256).digest()


def account_key(value: str) -> str:
    """A bank account number compared as banks print it: digits and letters only, upper case."""
    return "".join(ch for ch in value.upper() if ch.isalnum())


def blind_index(value: str) -> str:
    """A keyed hash of a sensitive value, stored beside it, so equal values are found without decrypting.

    The same account number written with spaces or dashes gives the same index; an empty value gives "".
    """
    key = account_key(value)
    if not key:
        return ""
    return hmac.new(_index_key(), key.encode(), hashlib.sha256).hexdigest()


def mask(value: str, visible: int = 4) -> str:
    """Show only the last characters of a sensitive value: '6222 0210 0112 3456' -> '•••• 3456'."""
    compact = "".join(value.split())
    if not compact:
        return ""
    if len(compact) <= visible:
        return "•" * len(compact)
    return "•••• " + compact[-visible:]


class EncryptedTextField(models.TextField):
    """A text column stored encrypted; Python code sees the plain text."""

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)
