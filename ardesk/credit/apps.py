from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditConfig(AppConfig):
    name = "ardesk.credit"
    label = "credit"
    verbose_name = _("Credit management")

    def ready(self) -> None:
        from ardesk.audit.labels import register_key_labeller
        from ardesk.credit.domain import statement_line_name
        from ardesk.customers.list_figures import register

        register_key_labeller(statement_line_name)
        register("credit", _limits_and_grades)


def _limits_and_grades(customer_ids):
    from ardesk.credit.selectors import limits_and_grades

    return limits_and_grades(customer_ids=customer_ids)
