"""What budgets offers lower contexts: ``ardesk report profitability``, the segment as a dunning criterion."""

from __future__ import annotations

from ardesk.budgets.models import CustomerSegment, Segment
from ardesk.collections import policy_criteria
from ardesk.reports import report_commands


def segment_policy_pairs() -> str:
    """Each customer in a segment that has a dunning policy, with that policy (joined by the dunning run)."""
    members = CustomerSegment._meta.db_table
    segments = Segment._meta.db_table
    return (
        f"SELECT m.customer_id AS customer_id, s.dunning_policy_id AS policy_id FROM {members} m "  # noqa: S608
        f"JOIN {segments} s ON s.id = m.segment_id WHERE s.dunning_policy_id IS NOT NULL"
    )


def segment_policy_of(customer_id: int) -> int | None:
    return (
        CustomerSegment.objects.filter(customer_id=customer_id, segment__dunning_policy__isnull=False)
        .values_list("segment__dunning_policy_id", flat=True)
        .first()
    )


def register() -> None:
    from ardesk.budgets import commands

    policy_criteria.register(
        policy_criteria.PolicyCriterion(name="segment", pairs_sql=segment_policy_pairs, policy_id_for=segment_policy_of)
    )
    report_commands.register(
        report_commands.ReportCommand(
            name="profitability",
            help="Customer profitability for a period (budgets)",
            add_arguments=commands.profitability_arguments,
            handle=commands.profitability_handle,
        )
    )
