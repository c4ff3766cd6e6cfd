"""What budgets offers lower contexts: ``ardesk report profitability``, the segment as a dunning criterion
and as a credit review criterion."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ardesk.audit import labels as audit_labels
from ardesk.budgets import domain, selectors
from ardesk.budgets.models import Segment
from ardesk.collections import policy_criteria
from ardesk.credit import review_criteria
from ardesk.customers.models import Customer
from ardesk.reports import report_commands


def _segment_pairs(column: str, alias: str) -> str:
    """Each customer with a column of its segment, where the segment sets it.

    The segment is worked out here as ``domain.segment_of`` does: the first segment of the
    customer's company, by priority and code, whose non-empty industry, region and size it meets.
    """
    customers = Customer._meta.db_table
    segments = Segment._meta.db_table
    size = (
        f"CASE WHEN COALESCE(c.registered_capital, 0) >= {int(domain.LARGE_FROM)} THEN 'large' "
        f"WHEN COALESCE(c.registered_capital, 0) >= {int(domain.MEDIUM_FROM)} THEN 'medium' ELSE 'small' END"
    )
    # Only this module's constants and table names are formatted in; the statement has no values.
    return (
        f"SELECT customer_id, {alias} FROM ("  # noqa: S608
        f"SELECT c.id AS customer_id, s.{column} AS {alias}, "
        "ROW_NUMBER() OVER (PARTITION BY c.id ORDER BY s.priority, s.code) AS n "
        f"FROM {customers} c JOIN {segments} s ON s.company_id = c.company_id "
        "AND (s.industry = '' OR s.industry = c.industry) AND (s.region = '' OR s.region = c.region) "
        f"AND (s.size = '' OR s.size = {size})"
        f") AS placed WHERE n = 1 AND {alias} IS NOT NULL"
    )


def segment_policy_pairs() -> str:
    """Each customer with the dunning policy of its segment (joined by the dunning run)."""
    return _segment_pairs("dunning_policy_id", "policy_id")


def segment_review_pairs() -> str:
    """Each customer with the credit review interval of its segment (read by the review schedule)."""
    return _segment_pairs("review_months", "months")


def _segment_value(customer_id: int, column: str):
    customer = Customer.objects.filter(pk=customer_id).first()
    segment_id = selectors.customer_segment(customer) if customer else None
    if segment_id is None:
        return None
    return Segment.objects.filter(pk=segment_id).values_list(column, flat=True).first()


def segment_policy_of(customer_id: int) -> int | None:
    return _segment_value(customer_id, "dunning_policy_id")


def segment_review_months_of(customer_id: int) -> int | None:
    return _segment_value(customer_id, "review_months")


def action_labels() -> dict[str, str]:
    return {
        "budget.create": _("Budget started"),
        "budget.approve": _("Budget approved"),
        "budget.lock": _("Budget locked"),
        "budget.revise": _("Budget revision started"),
        "budget.line_set": _("Budget line changed"),
        "budget.import": _("Budget imported"),
        "budget.copy_actuals": _("Budget copied from last year's actuals"),
        "budget.settings": _("Profitability settings changed"),
        "budget.segment_save": _("Segment saved"),
    }


def key_label(key: str) -> str:
    """The audit trail's name of a key the budget events record (they are no field of their record)."""
    labels = {
        "member": _("Member"),
        "month": _("Month"),
        "sales": _("Sales"),
        "cost": _("Cost of sales"),
        "collections": _("Cash collected"),
        "receivable": _("Receivable balance"),
        "file": _("File"),
        "line_count": _("Budget lines"),
        "growth": _("Growth factor"),
        "revises": _("Revises"),
        "policy": _("Dunning policy"),
        "review_months": _("Credit review every (months)"),
    }
    return str(labels.get(key, ""))


def register() -> None:
    from ardesk.budgets import commands

    for code, label in action_labels().items():
        audit_labels.ACTION_LABELS.setdefault(code, label)
    audit_labels.register_key_labeller(key_label)

    policy_criteria.register(
        policy_criteria.PolicyCriterion(name="segment", pairs_sql=segment_policy_pairs, policy_id_for=segment_policy_of)
    )
    review_criteria.register(
        review_criteria.ReviewCriterion(
            name="segment", months_sql=segment_review_pairs, months_for=segment_review_months_of
        )
    )
    report_commands.register(
        report_commands.ReportCommand(
            name="profitability",
            help="Customer profitability for a period (budgets)",
            add_arguments=commands.profitability_arguments,
            handle=commands.profitability_handle,
        )
    )
