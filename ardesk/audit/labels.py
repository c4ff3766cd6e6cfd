"""What the audit trail calls each action and each recorded field, in the user's language.

Events store stable codes (``provision_run.prepare``, ``total``); the trail shows these labels.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ACTION_LABELS = {
    "period.close": _("Period closed"),
    "period.reopen_request": _("Reopening of a period requested"),
    "period.reopen": _("Period reopened"),
    "period.reopen_reject": _("Reopening of a period refused"),
    "revaluation.run": _("FX revaluation proposed"),
    "revaluation.post": _("FX revaluation posted"),
    "journal.export": _("Journals exported"),
    "bank_account.save": _("Bank account saved"),
    "bank_statement.import": _("Bank statement imported"),
    "bank_line.match": _("Bank receipt matched by hand"),
    "bank_line.ignore": _("Bank line marked as no customer receipt"),
    "bank_difference.approve": _("Payment difference approved"),
    "bank_difference.reject": _("Payment difference rejected"),
    "portal.link_issue": _("Portal link issued"),
    "portal.link_revoke": _("Portal link revoked"),
    "portal.balance_answer": _("Balance answered on the portal"),
    "portal.promise": _("Promise to pay made on the portal"),
    "portal.dispute": _("Dispute raised on the portal"),
    "portal.complaint": _("Complaint raised on the portal"),
    "portal.survey_answer": _("Survey answered on the portal"),
    "portal.statement_frequency_set": _("Statement frequency changed"),
    "relations.interaction_log": _("Interaction logged"),
    "relations.complaint_open": _("Complaint logged"),
    "relations.complaint_move": _("Complaint status changed"),
    "relations.complaint_confirm": _("Complaint confirmed by the customer"),
    "relations.complaint_escalate": _("Complaint escalated"),
    "relations.survey_send": _("Survey sent"),
    "relations.survey_answer": _("Survey answered"),
    "relations.revisit_plan": _("Revisit planned"),
    "relations.revisit_cancel": _("Revisit cancelled"),
    "relations.profile_set": _("Relation profile changed"),
    "relations.survey_template_create": _("Survey template added"),
    "relations.survey_template_change": _("Survey template changed"),
    "customer.create": _("Customer created"),
    "customer.update": _("Customer changed"),
    "customer.status": _("Status changed"),
    "customer.delete": _("Customer deleted"),
    "customer.payment_term": _("Default payment term changed"),
    "contact.create": _("Contact added"),
    "contact.update": _("Contact changed"),
    "contact.delete": _("Contact removed"),
    "attachment.add": _("File attached"),
    "attachment.delete": _("Attachment removed"),
    "auth.login": _("Signed in"),
    "auth.logout": _("Signed out"),
    "auth.login_failed": _("Failed sign-in"),
    "auth.permission_change": _("Permissions changed"),
    "auth.user.create": _("User created"),
    "auth.user.permission_change": _("User rights changed"),
    "auth.user.rename": _("User's name changed"),
    "auth.group.create": _("Role created"),
    "company.create": _("Company created"),
    "company.grant": _("Company access granted"),
    "company.revoke": _("Company access revoked"),
    "api_token.issue": _("API token issued"),
    "api_token.revoke": _("API token revoked"),
    "document.post": _("Document posted"),
    "document.reverse": _("Document reversed"),
    "allocation.create": _("Allocation made"),
    "allocation.reverse": _("Allocation undone"),
    "exchange_rate.set": _("Exchange rate entered"),
    "payment_term.create": _("Payment term created"),
    "import.run": _("File imported"),
    "statements.run": _("Statements made"),
    "ledger.demo_load": _("Demo ledger loaded"),
    "bucket_set.save": _("Aging buckets saved"),
    "provision_run.prepare": _("Month-end provision prepared"),
    "provision_run.approve": _("Month-end provision approved"),
    "provision_policy.save": _("Provision policy saved"),
    "provision_policy.derive": _("Provision rates derived from history"),
    "allowance.opening": _("Opening allowance entered"),
    "specific_provision.create": _("Specific provision made"),
    "specific_provision.end": _("Specific provision ended"),
    "write_off.request": _("Write-off requested"),
    "write_off.approve": _("Write-off approved"),
    "write_off.reject": _("Write-off rejected"),
    "write_off.recover": _("Written-off debt recovered"),
    "dunning.run": _("Dunning run"),
    "dunning.block": _("Dunning blocked"),
    "dunning.notice.retry": _("Notice sent again"),
    "dunning.policy.import": _("Dunning policies imported"),
    "dunning.policy.assign": _("Dunning policy assigned"),
    "collections.contact": _("Contact with the customer logged"),
    "collections.promise": _("Promise to pay recorded"),
    "collections.promise.kept": _("Promise to pay kept"),
    "collections.promise.broken": _("Promise to pay broken"),
    "collections.promise.cancel": _("Promise to pay cancelled"),
    "collections.dispute.open": _("Dispute opened"),
    "collections.dispute.resolve": _("Dispute resolved"),
    "collections.dispute.attach": _("File attached to a dispute"),
    "collections.legal.open": _("Handed over to legal"),
    "collections.legal.close": _("Legal case closed"),
    "risk.scan": _("Risk scan"),
    "risk.config_save": _("Risk configuration saved"),
    "risk.watch_add": _("Put on the watch list"),
    "risk.watch_update": _("Watch-list entry changed"),
    "risk.watch_close": _("Taken off the watch list"),
    "risk.watch_action": _("Watch-list action decided"),
    "risk.watch_action_done": _("Watch-list action done"),
    "credit.check": _("Order credit check"),
    "credit.order_release": _("Order released"),
    "credit.order_released": _("Order released"),
    "credit.order_held": _("Order held"),
    "credit.order_blocked": _("Order blocked"),
    "credit.order_rejected": _("Order rejected"),
    "credit.order_invoiced": _("Order invoiced"),
    "credit.order_cancelled": _("Order cancelled"),
    "credit.request": _("Credit request submitted"),
    "credit.request_approve": _("Credit request decided"),
    "credit.score": _("Customer scored"),
    "credit.scorecard_save": _("Scorecard saved"),
    "credit.statement_save": _("Financial statement saved"),
    "credit.statement_delete": _("Financial statement deleted"),
    "credit.account_update": _("Credit profile changed"),
    "credit.account_change": _("Credit limit or term changed"),
    "credit.group_save": _("Group limit saved"),
    "credit.limit_batch_approve": _("Credit-limit import approved"),
    "credit.limit_batch_reject": _("Credit-limit import rejected"),
    "credit.review_open": _("Credit review opened"),
    "credit.review_complete": _("Credit review completed"),
}

# Recorded keys that are not a field of the event's record (totals, counts, settings).
FIELD_LABELS = {
    "contact_name": _("Contact"),
    "links": _("Links"),
    "subject": _("Subject"),
    "promised_on": _("Promised date"),
    "total": _("Total"),
    "notices": _("Notices"),
    "items": _("Items"),
    "run_on": _("Run date"),
    "required": _("Required allowance"),
    "booked": _("Booked allowance"),
    "difference": _("Difference"),
    "replaced_drafts": _("Drafts replaced"),
    "as_of": _("As of"),
    "rates": _("Provision rates"),
    "accounts": _("Accounts"),
    "loss_account": _("Bad-debt expense account"),
    "allowance_account": _("Allowance account"),
    "receivable_account": _("Receivables account"),
    "bank_account": _("Bank deposits account"),
    "channel": _("Channel"),
    "outcome": _("Outcome"),
    "next_action_on": _("Next action on"),
    "decision": _("Decision"),
    "reasons": _("Reasons"),
    "exposure": _("Exposure"),
    "amount": _("Amount"),
    "paid": _("Paid"),
    "lines": _("Statement lines"),
    "scorecard": _("Scorecard"),
    "groups": _("Roles"),
    "from": _("From"),
    "to": _("To"),
    "exchange_rates": _("Exchange rates"),
    "invoices": _("Invoices"),
    "receipts": _("Receipts"),
    "credit_notes": _("Credit notes"),
    "allocations": _("Allocations"),
    "rows": _("Rows"),
    "source": _("Source"),
    "currency": _("Currency"),
    "reason": _("Reason"),
    "note": _("Note"),
    "detail": _("Detail"),
    "status": _("Status"),
    "username": _("User name"),
    "full_name": pgettext_lazy("person", "Name"),
    "is_active": _("Active"),
    "is_staff": _("May open the administration"),
    "is_superuser": _("Superuser"),
    "created_at": _("Created at"),
    # The ledger's postings (document.post, allocation.create), as cash application records them.
    "document_id": _("Document"),
    "allocation_id": _("Allocation"),
    "type": _("Type"),
    "number": _("Number"),
    "date": _("Date"),
    "rate": _("Exchange rate"),
    "invoice": _("Invoice"),
    "instalment": _("Instalment"),
    "method": _("Method"),
    # Bank statements (ardesk.banking).
    "file": _("File"),
    "sha256": _("SHA-256"),
    "format": _("Format"),
    "new": _("New lines"),
    "opening": _("Opening balance"),
    "closing": _("Closing balance"),
    "parts": _("Parts"),
    "customer": _("Customer"),
    "receipt": _("Receipt"),
    "kind": _("Kind"),
    "limit_batch": _("Credit-limit import"),
    "approved_by": _("Approved by (old system)"),
    "approved_on": _("Approved on (old system)"),
    "reference": _("Reference"),
    "limits": pgettext_lazy("count", "Limits"),
    "largest": _("Largest limit"),
    # The month-end close (ardesk.closing).
    "entries": _("Journal entries"),
    "net": _("Net exchange difference"),
    "requested_by": _("Requested by"),
}

# Keys whose whole numbers are amounts in minor units (fen, cents) wherever they are recorded.
MINOR_UNIT_KEYS = frozenset({"total", "amount", "paid", "exposure", "limit", "largest", "registered_capital", "lines"})

# Values recorded as codes outside a field's choices.
VALUE_LABELS = {
    "contact_removed": _("The contact was removed"),
    "release": _("Release"),
    "hold": _("Hold"),
    "block": _("Block"),
    "demo": _("Demo data"),
    "aging": _("By aging"),
    "entered": _("Entered"),
    "derived": _("Derived from history"),
}

# Who did it, when no user did: the scheduled jobs and the demo loader.
ACTOR_LABELS = {"system": _("System"), "demo": _("Demo data"), "客户门户": _("Customer (portal)")}
# Accounts that act for no person (the portal's account acts for the customer's contact, named in
# the event): the trail shows their label, although the event names the account.
SYSTEM_ACCOUNTS = frozenset({"客户门户"})


# What the contexts above the audit trail teach it to say of their own values (the audit trail imports
# none of them): each registers from its ``AppConfig.ready()``.
# key -> labeller of a list value under that key (e.g. "groups": the role names of a user's groups).
LIST_LABELLERS: dict[str, Callable[[list], str]] = {}
# Labellers of an event's keys that are no field: each returns the key's name, or "" if it is not its own.
KEY_LABELLERS: list[Callable[[str], str]] = []


def register_list_labeller(key: str, labeller: Callable[[list], str]) -> None:
    """Say how a list stored under ``key`` reads; registering again keeps the first."""
    LIST_LABELLERS.setdefault(key, labeller)


def register_key_labeller(labeller: Callable[[str], str]) -> None:
    """Add a labeller of keys (e.g. the credit context's financial statement lines); registered once."""
    if labeller not in KEY_LABELLERS:
        KEY_LABELLERS.append(labeller)


# Labellers of stored text values (a reason code, a level's name): each returns the words, or "".
VALUE_LABELLERS: list[Callable[[str, str], str]] = []


def register_value_labeller(labeller: Callable[[str, str], str]) -> None:
    """Add a labeller of ``(key, value)`` text values (e.g. the credit check's reason codes); registered once."""
    if labeller not in VALUE_LABELLERS:
        VALUE_LABELLERS.append(labeller)


# The four permissions Django gives every model, by the verb of their codename (view_customer).
PERMISSION_VERBS = {"view": _("view"), "add": _("add"), "change": _("change"), "delete": _("delete")}


def permission_label(code: str) -> str:
    """A permission recorded as ``app.codename``, as the user says it ("查看 客户"), or the code if unknown."""
    from django.apps import apps
    from django.contrib.auth.models import Permission

    app_label, _dot, codename = code.partition(".")
    verb, _sep, model_name = codename.partition("_")
    if verb in PERMISSION_VERBS:
        try:
            model = apps.get_model(app_label, model_name)
        except (LookupError, ValueError):
            model = None
        if model is not None:
            return f"{PERMISSION_VERBS[verb]} {model._meta.verbose_name}"
    names = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return next(iter(names.values_list("name", flat=True)), code)


def permissions_label(codes: list) -> str:
    return ", ".join(permission_label(str(code)) for code in codes)


LIST_LABELLERS["permissions"] = permissions_label
LIST_LABELLERS["user_permissions"] = permissions_label
