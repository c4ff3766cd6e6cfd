from ardesk.core.errors import ApplicationError


class LedgerError(ApplicationError):
    """A ledger rule refused a posting or an allocation; nothing was written."""

    code = "ledger_rule"
    status = 422


class MissingExchangeRate(LedgerError):
    code = "missing_rate"
