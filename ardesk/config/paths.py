"""Where an installation keeps its data, and secrets that fall back to files there."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def data_dir() -> Path:
    """Return the data directory: ARDESK_DATA_DIR, else ./var under the current directory."""
    path = Path(os.environ.get("ARDESK_DATA_DIR") or Path.cwd() / "var").expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _new_secret(kind: str) -> str:
    if kind == "fernet":
        from cryptography.fernet import Fernet

        return Fernet.generate_key().decode()
    return secrets.token_urlsafe(50)


def secret_from_env_or_file(name: str, path: Path, *, kind: str) -> str:
    """Return the secret from the environment, else from a file in the data directory.

    The file is created (readable by its owner only) on first use, so a demo or a first start
    works without configuration; production sets the variable instead.
    """
    value = os.environ.get(name)
    if value:
        return value
    if not path.exists():
        path.write_text(_new_secret(kind))
        path.chmod(0o600)
    return path.read_text().strip()
