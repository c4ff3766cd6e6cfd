from __future__ import annotations

from ardesk.core.errors import ApplicationError


class BackupError(ApplicationError):
    """A backup could not be written; no archive was left behind."""

    code = "backup_failed"
    status = 500


class RestoreRefused(ApplicationError):
    """An archive was not restored: it does not fit this installation. Nothing was written."""

    code = "restore_refused"
    status = 409

    def __init__(self, message: str, *, reasons: list[str] | None = None):
        super().__init__(message)
        self.reasons = reasons or []
