from ardesk.core.errors import ApplicationError


class BankingError(ApplicationError):
    """A cash application rule refused an operation; nothing was written."""

    code = "banking_rule"
    status = 422
