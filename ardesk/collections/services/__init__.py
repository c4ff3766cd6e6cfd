"""Writing collections: policies, runs and their notices, contacts, promises, disputes, holds, legal cases.

The services live in cohesive modules and are all reachable from here:

- ``charges``: a notice's fee and interest charged by debit note (waived otherwise);
- ``policies``: dunning policies and their levels, a customer's own policy or dunning block;
- ``runs``: dunning runs and the delivery of their notices;
- ``contacts``: contacts with a customer and promises to pay;
- ``disputes``: disputes on items and their resolution;
- ``escalation``: credit hold and its release, legal cases;
- ``items``: the items a promise or a dispute covers and its amount, checked for both.
"""

from __future__ import annotations

from ardesk.collections.services.charges import notice_charge, run_charge
from ardesk.collections.services.contacts import (
    contact_log,
    promise_cancel,
    promise_create,
    promise_paid,
    promises_check,
)
from ardesk.collections.services.disputes import dispute_attach, dispute_note_add, dispute_open, dispute_resolve
from ardesk.collections.services.escalation import customer_hold, customer_release, legal_case_close, legal_case_open
from ardesk.collections.services.policies import (
    customer_dunning_block,
    customer_policy_set,
    policies_import,
    policy_level_update,
)
from ardesk.collections.services.runs import (
    DELIVERY_SILENT,
    MAX_SEND_ATTEMPTS,
    deliveries_resume,
    dunning_run,
    notice_call_done,
    notice_deliver,
    notice_retry,
    notices_deliver,
    notices_retry_failed,
    notices_sending_settle,
    scheduled_runs,
)

__all__ = [
    "notice_charge",
    "run_charge",
    "DELIVERY_SILENT",
    "MAX_SEND_ATTEMPTS",
    "contact_log",
    "customer_dunning_block",
    "customer_hold",
    "customer_policy_set",
    "customer_release",
    "deliveries_resume",
    "dispute_attach",
    "dispute_note_add",
    "dispute_open",
    "dispute_resolve",
    "dunning_run",
    "legal_case_close",
    "legal_case_open",
    "notice_call_done",
    "notice_deliver",
    "notices_deliver",
    "notice_retry",
    "notices_retry_failed",
    "notices_sending_settle",
    "policies_import",
    "policy_level_update",
    "promise_cancel",
    "promise_create",
    "promise_paid",
    "promises_check",
    "scheduled_runs",
]
