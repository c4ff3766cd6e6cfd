from ardesk.core.errors import ApplicationError


class ProvisioningError(ApplicationError):
    """A bad-debt rule refused an operation (approval, run, write-off, recovery); nothing was written."""

    code = "provisioning_rule"
    status = 422
