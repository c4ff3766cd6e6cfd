from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BankingConfig(AppConfig):
    name = "ardesk.banking"
    label = "banking"
    verbose_name = _("Cash application")

    def ready(self):
        from ardesk.audit.labels import register_value_labeller

        register_value_labeller(_audit_value_label)


def _audit_value_label(key: str, value: str) -> str:
    """Codes that cash application's postings record, in words (document type, method, format, kind)."""
    from ardesk.banking.models import DifferenceKind, StatementFormat
    from ardesk.ledger.models import DocumentType

    if key == "type":
        return str(dict(DocumentType.choices).get(value, ""))
    if key == "method" and value == "bank":
        return str(_("From the bank statement"))
    if key == "format":
        return str(dict(StatementFormat.choices).get(value, ""))
    if key == "kind":
        return str(dict(DifferenceKind.choices).get(value, ""))
    return ""
