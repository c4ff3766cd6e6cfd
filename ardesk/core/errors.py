"""Errors that the application reports to users, shared by every context."""

from __future__ import annotations

from django.utils.translation import gettext as _


class ApplicationError(Exception):
    """A business rule refused an operation; the message is meant for the user.

    ``field`` names the input at fault (when there is one), ``code`` is stable for API clients.
    """

    code = "invalid"
    status = 400

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if code:
            self.code = code


class NotPermitted(ApplicationError):
    code = "forbidden"
    status = 403


class NotFound(ApplicationError):
    code = "not_found"
    status = 404


class Conflict(ApplicationError):
    """The operation conflicts with the state of the records (they are in use, already done, ...)."""

    code = "conflict"
    status = 409


class InvalidInput(ApplicationError):
    """One or more fields are invalid; ``errors`` maps each field to its messages."""

    code = "invalid_input"
    status = 422

    def __init__(self, errors: dict[str, list[str]], *, row: int | None = None):
        self.errors = {field: [str(m) for m in messages] for field, messages in errors.items()}
        self.row = row
        first_field, messages = next(iter(self.errors.items()))
        prefix = _("Row %(row)d: ") % {"row": row} if row is not None else ""
        super().__init__(f"{prefix}{first_field}: {messages[0]}", field=first_field)
