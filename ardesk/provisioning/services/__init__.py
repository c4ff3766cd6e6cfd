"""Writes of the bad-debt context: policies, month-end runs and their approval, write-offs, recoveries.

Every service checks the permission and the company, runs in one transaction, and writes an audit
event. Services that book a journal entry lock the company row first, so a run's approval and a
write-off's approval never both read the same allowance balance.

The services live in cohesive modules and are all reachable from here:

- ``policies``: policies, their export and import, derived loss rates, specific provisions;
- ``runs``: the month-end run (figures, draft, approval) and the allowance brought forward;
- ``write_offs``: write-offs and recoveries;
- ``journal``: booking and numbering the entries of all three.
"""

from __future__ import annotations

from ardesk.provisioning.access import (
    APPROVE_RUN,
    APPROVE_WRITE_OFF,
    EDIT_POLICY,
    EDIT_SPECIFIC,
    PREPARE_RUN,
    RECORD_RECOVERY,
    REQUEST_WRITE_OFF,
)
from ardesk.provisioning.services.policies import (
    ACCOUNT_FIELDS,
    EXPORT_FORMAT,
    derivation_json,
    policies_export,
    policies_import,
    policy_derive,
    policy_json,
    policy_save,
    specific_provision_create,
    specific_provision_end,
)
from ardesk.provisioning.services.runs import (
    BucketFigure,
    RunFigures,
    SpecificFigure,
    allowance_opening_set,
    month_has_ended,
    period_end,
    run_approve,
    run_compute,
    run_is_stale,
    run_prepare,
)
from ardesk.provisioning.services.write_offs import (
    recovery_record,
    write_off_approve,
    write_off_reject,
    write_off_request,
)

__all__ = [
    "ACCOUNT_FIELDS",
    "APPROVE_RUN",
    "APPROVE_WRITE_OFF",
    "EDIT_POLICY",
    "EDIT_SPECIFIC",
    "EXPORT_FORMAT",
    "PREPARE_RUN",
    "RECORD_RECOVERY",
    "REQUEST_WRITE_OFF",
    "BucketFigure",
    "RunFigures",
    "SpecificFigure",
    "allowance_opening_set",
    "derivation_json",
    "period_end",
    "month_has_ended",
    "policies_export",
    "policies_import",
    "policy_derive",
    "policy_json",
    "policy_save",
    "recovery_record",
    "run_approve",
    "run_compute",
    "run_is_stale",
    "run_prepare",
    "specific_provision_create",
    "specific_provision_end",
    "write_off_approve",
    "write_off_reject",
    "write_off_request",
]
