from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditConfig(AppConfig):
    name = "ardesk.credit"
    label = "credit"
    verbose_name = _("Credit management")

    def ready(self) -> None:
        from ardesk.audit.labels import register_key_labeller, register_value_labeller
        from ardesk.credit import imports
        from ardesk.credit.domain import statement_line_name
        from ardesk.customers.list_figures import register
        from ardesk.ledger.imports.engine import register as register_import

        register_key_labeller(statement_line_name)
        register_value_labeller(_audit_value_label)
        register("credit", _limits_and_grades)
        register_import(
            imports.CreditLimitImporter,
            columns=imports.COLUMNS,
            label=_("Credit limits"),
            field_labels=imports.FIELD_LABELS,
        )


def _limits_and_grades(customer_ids):
    from ardesk.credit.selectors import limits_and_grades

    return limits_and_grades(customer_ids=customer_ids)


def _audit_value_label(key: str, value: str) -> str:
    """The words for the credit context's stored codes in the audit trail: reason codes, approval levels."""
    from ardesk.credit.domain.order_check import REASON_LABELS

    if value in REASON_LABELS:
        return str(REASON_LABELS[value])
    if key == "level":
        from ardesk.credit.selectors import approval_level_labels

        return approval_level_labels().get(value, "")
    return ""
