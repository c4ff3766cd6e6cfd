"""Collections endpoints: policies, dunning runs and notices, the worklist, contacts, promises, disputes, escalation."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Body, Field, Query, Router, Schema
from ninja.responses import Status

from ardesk.collections import selectors, services
from ardesk.collections.models import Dispute, DunningPolicy, DunningRun, LegalCase, Notice
from ardesk.companies.access import ensure_permission, granted_company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.schemas import Amount, Day, Id, Page, Strict, money_out

router = Router(tags=["collections"])


# --- policies ---------------------------------------------------------------------------------


@router.get("/policies", response=dict, summary="Every dunning policy with its levels, as JSON for import")
def policies(request):
    ensure_permission(request.user, "collections.view_dunningpolicy")
    return selectors.policies_json(request.user)


@router.post("/policies/import", response=dict, summary="Create or replace policies from their JSON; all or nothing")
def policies_import(request, payload: dict = Body(...)):  # noqa: B008 - ninja's way to take a whole JSON body
    imported = services.policies_import(by=request.user, data=payload)
    return {"imported": [p.code for p in imported]}


class PolicyAssignIn(Strict):
    policy: str | None = Field(None, description="Policy code; null to follow the grade or the default")


@router.put("/customers/{customer_id}/policy", response=dict, summary="Give a customer its own dunning policy")
def customer_policy(request, customer_id: Id, payload: PolicyAssignIn):
    customer = selectors.customer_for(request.user, customer_id)
    policy = None
    if payload.policy:
        policy = DunningPolicy.objects.filter(code=payload.policy).first()
        if policy is None:
            raise InvalidInput({"policy": [_("No policy %(code)s.") % {"code": payload.policy}]})
    services.customer_policy_set(by=request.user, customer=customer, policy=policy)
    effective = selectors.effective_policy(customer)
    return {"customer": customer.code, "policy": effective.code if effective else None}


# --- runs and notices -------------------------------------------------------------------------


class DunningRunIn(Strict):
    company: str
    run_on: Day | None = None


class PreviewQuery(Schema):
    company: str
    run_on: Day | None = None


def preview_json(preview: selectors.Preview) -> dict:
    return selectors.preview_data(preview)


@router.get("/runs/preview", response=dict, summary="What a dunning run would send on a date (nothing is written)")
def run_preview(request, query: Query[PreviewQuery]):
    ensure_permission(request.user, "collections.add_dunningrun")
    company = granted_company(request.user, query.company)
    return preview_json(selectors.run_preview(company=company, run_on=query.run_on or clock.today()))


def _run_json(run: DunningRun) -> dict:
    return {
        "id": run.pk,
        "company": run.company.code,
        "run_on": run.run_on,
        "status": run.status,
        "notices": run.notices,
        "items": run.items,
        "total": money_out(run.total_functional, run.company.functional_currency),
        "delivered": run.delivered,  # moved by the delivery's processes with each group of notices
        "error": run.error,
    }


@router.post(
    "/runs", response={201: dict}, summary="Confirm the dunning run of a date; notices are delivered in the background"
)
def run_create(request, payload: DunningRunIn):
    company = granted_company(request.user, payload.company)
    run = services.dunning_run(by=request.user, company=company, run_on=payload.run_on or clock.today())
    run.refresh_from_db()
    return Status(201, _run_json(run))


def _run(user, run_id: int) -> DunningRun:
    ensure_permission(user, "collections.view_dunningrun")
    return get_object_or_404(
        DunningRun.objects.select_related("company"), pk=run_id, company_id__in=company_ids_for(user)
    )


@router.get("/runs/{run_id}", response=dict, summary="A run with its delivery progress")
def run_detail(request, run_id: Id):
    return _run_json(_run(request.user, run_id))


def _notice_json(notice: Notice) -> dict:
    return {
        "id": notice.pk,
        "customer": notice.customer.code,
        "level": notice.level_seq,
        "channel": notice.channel,
        "notice_on": notice.notice_on,
        "items": notice.item_count,
        "total": money_out(notice.total_functional, notice.currency),
        "fee": money_out(notice.fee, notice.currency),
        "interest": money_out(notice.interest, notice.currency),
        "total_due": money_out(notice.total_due, notice.currency),
        "charges": notice.charges,
        "debit_note": notice.debit_note.number if notice.debit_note_id else None,
        "status": notice.status,
        "language": notice.language,
        "recipients": notice.recipients,
        "subject": notice.subject,
        "error": notice.error,
        "attempts": notice.attempts,
    }


class PageQuery(Schema):
    page: Page = 1
    status: str = ""


@router.get("/runs/{run_id}/notices", response=dict, summary="The notices of a run, 100 a page")
def run_notices(request, run_id: Id, query: Query[PageQuery]):
    run = _run(request.user, run_id)
    notices = Notice.objects.filter(run=run).select_related("customer", "debit_note").order_by("id")
    if query.status:
        notices = notices.filter(status=query.status)
    page = notices[(query.page - 1) * 100 : query.page * 100]
    return {"count": notices.count(), "page": query.page, "notices": [_notice_json(n) for n in page]}


def _notice(user, notice_id: int) -> Notice:
    ensure_permission(user, "collections.view_notice")
    return get_object_or_404(selectors.notices_for(user), pk=notice_id)


@router.get("/notices/{notice_id}", response=dict, summary="A notice with its text")
def notice_detail(request, notice_id: Id):
    notice = _notice(request.user, notice_id)
    return {**_notice_json(notice), "body": notice.body}


@router.post("/notices/{notice_id}/charge", response=dict, summary="Charge a notice's fee and interest by a debit note")
def notice_charge(request, notice_id: Id):
    return _notice_json(services.notice_charge(by=request.user, notice=_notice(request.user, notice_id)))


@router.post("/runs/{run_id}/charge", response=dict, summary="Charge the fee and interest of every notice of a run")
def run_charge(request, run_id: Id):
    charged = services.run_charge(by=request.user, run=_run(request.user, run_id))
    return {"charged": [_notice_json(n) for n in charged]}


@router.post("/notices/{notice_id}/retry", response=dict, summary="Send a failed notice again")
def notice_retry(request, notice_id: Id):
    return _notice_json(services.notice_retry(by=request.user, notice=_notice(request.user, notice_id)))


# --- worklist and timeline --------------------------------------------------------------------


class WorklistQuery(Schema):
    as_of: Day | None = None
    mine: bool = True


@router.get("/worklist", response=dict, summary="The collector's customers ranked by amount at risk, and today's tasks")
def worklist(request, query: Query[WorklistQuery]):
    ensure_permission(request.user, "collections.view_worklist")
    as_of = query.as_of or clock.today()
    rows = selectors.worklist_customers(user=request.user, as_of=as_of, mine=query.mine)
    due = selectors.due_today(user=request.user, as_of=as_of, mine=query.mine)
    return {
        "as_of": as_of,
        "customers": [
            {
                "id": r.customer.pk,
                "code": r.customer.code,
                "name": r.customer.name,
                "overdue": money_out(r.overdue, r.customer.company.functional_currency),
                "at_risk": money_out(r.at_risk, r.customer.company.functional_currency),
                "oldest_due": r.oldest_due,
                "next_action_on": r.next_action_on,
                "status": r.customer.status,
                "in_legal": r.in_legal,
            }
            for r in rows
        ],
        "calls": [{"notice": n.pk, "customer": n.customer.code, "level": n.level_seq} for n in due.calls],
        "follow_ups": [{"customer": log.customer.code, "on": log.next_action_on} for log in due.follow_ups],
        "promises_due": [
            {
                "id": p.pk,
                "customer": p.customer.code,
                "promised_on": p.promised_on,
                "amount": money_out(p.amount, p.currency),
            }
            for p in due.promises_due
        ],
        "broken_promises": [
            {
                "id": p.pk,
                "customer": p.customer.code,
                "promised_on": p.promised_on,
                "amount": money_out(p.amount, p.currency),
            }
            for p in due.broken_promises
        ],
        "disputes": [{"id": d.pk, "customer": d.customer.code, "age_days": age} for d, age in due.disputes],
    }


@router.get("/customers/{customer_id}/timeline", response=list[dict], summary="The customer's collections history")
def timeline(request, customer_id: Id):
    ensure_permission(request.user, "collections.view_notice")
    customer = selectors.customer_for(request.user, customer_id)
    out = []
    for event in selectors.timeline(customer):
        obj = event["object"]
        out.append({"on": event["on"], "kind": event["kind"], "id": obj.pk, "text": str(obj)})
    return out


# --- contacts, promises, disputes -------------------------------------------------------------


class ContactLogIn(Strict):
    channel: str
    outcome: str
    note: str = ""
    next_action_on: Day | None = None
    contact_id: Id | None = None
    promise_amount: Amount | None = None
    promise_on: Day | None = None
    lines: list[Id] = []


@router.post("/customers/{customer_id}/contacts", response={201: dict}, summary="Log a call, e-mail, visit or letter")
def contact_create(request, customer_id: Id, payload: ContactLogIn):
    customer = selectors.customer_for(request.user, customer_id)
    contact = customer.contacts.filter(pk=payload.contact_id).first() if payload.contact_id else None
    log = services.contact_log(
        by=request.user,
        customer=customer,
        channel=payload.channel,
        outcome=payload.outcome,
        note=payload.note,
        next_action_on=payload.next_action_on,
        contact=contact,
        promise_amount=payload.promise_amount,
        promise_on=payload.promise_on,
        line_ids=payload.lines or None,
    )
    promise = log.promises.first()
    return Status(201, {"id": log.pk, "next_action_on": log.next_action_on, "promise": promise.pk if promise else None})


class PromiseIn(Strict):
    amount: Amount
    promised_on: Day
    lines: list[Id] = []
    note: str = ""


@router.post("/customers/{customer_id}/promises", response={201: dict}, summary="Record a promise to pay")
def promise_create(request, customer_id: Id, payload: PromiseIn):
    customer = selectors.customer_for(request.user, customer_id)
    promise = services.promise_create(
        by=request.user,
        customer=customer,
        amount=payload.amount,
        promised_on=payload.promised_on,
        line_ids=payload.lines or None,
        note=payload.note,
    )
    return Status(
        201, {"id": promise.pk, "status": promise.status, "amount": money_out(promise.amount, promise.currency)}
    )


class DisputeIn(Strict):
    reason: str
    amount: Amount
    lines: list[Id]
    description: str = ""


def _dispute_json(dispute: Dispute) -> dict:
    return {
        "id": dispute.pk,
        "customer": dispute.customer.code,
        "reason": dispute.reason,
        "amount": money_out(dispute.amount, dispute.currency),
        "status": dispute.status,
        "owner": dispute.owner.get_username() if dispute.owner else None,
        "opened_on": dispute.opened_on,
        "resolved_on": dispute.resolved_on,
        "credit_note": dispute.credit_note.number if dispute.credit_note else None,
    }


@router.post("/customers/{customer_id}/disputes", response={201: dict}, summary="Open a dispute on items")
def dispute_create(request, customer_id: Id, payload: DisputeIn):
    customer = selectors.customer_for(request.user, customer_id)
    dispute = services.dispute_open(
        by=request.user,
        customer=customer,
        reason=payload.reason,
        amount=payload.amount,
        line_ids=payload.lines,
        description=payload.description,
    )
    return Status(201, _dispute_json(dispute))


class DisputeQuery(Schema):
    status: str = "open"


@router.get("/disputes", response=list[dict], summary="Disputes (open ones by default), oldest first")
def disputes(request, query: Query[DisputeQuery]):
    ensure_permission(request.user, "collections.view_dispute")
    return [_dispute_json(d) for d in selectors.disputes_for(request.user, status=query.status or None)[:500]]


class ResolveIn(Strict):
    outcome: str = Field(..., pattern="^(credit|rejected|withdrawn)$")
    note: str = ""
    credit_number: str = ""
    on: Day | None = Field(None, description="Date of the resolution and the credit note; today when empty")


def _dispute(user, dispute_id: int) -> Dispute:
    ensure_permission(user, "collections.view_dispute")
    return get_object_or_404(selectors.disputes_for(user, status=None), pk=dispute_id)


@router.post("/disputes/{dispute_id}/resolve", response=dict, summary="Resolve by credit note, reject or withdraw")
def dispute_resolve(request, dispute_id: Id, payload: ResolveIn):
    dispute = services.dispute_resolve(
        by=request.user,
        dispute=_dispute(request.user, dispute_id),
        outcome=payload.outcome,
        note=payload.note,
        credit_number=payload.credit_number,
        on=payload.on,
    )
    return _dispute_json(dispute)


class NoteIn(Strict):
    text: str


@router.post("/disputes/{dispute_id}/notes", response={201: dict}, summary="Add a note to a dispute")
def dispute_note(request, dispute_id: Id, payload: NoteIn):
    note = services.dispute_note_add(by=request.user, dispute=_dispute(request.user, dispute_id), text=payload.text)
    return Status(201, {"id": note.pk})


# --- escalation -------------------------------------------------------------------------------


class ReasonIn(Strict):
    reason: str = ""


@router.post("/customers/{customer_id}/hold", response=dict, summary="Put a customer on credit hold from collections")
def hold(request, customer_id: Id, payload: ReasonIn):
    customer = services.customer_hold(
        by=request.user, customer=selectors.customer_for(request.user, customer_id), reason=payload.reason
    )
    return {"status": customer.status}


@router.post("/customers/{customer_id}/release", response=dict, summary="Lift a collections credit hold")
def release(request, customer_id: Id, payload: ReasonIn):
    customer = services.customer_release(
        by=request.user, customer=selectors.customer_for(request.user, customer_id), reason=payload.reason
    )
    return {"status": customer.status}


class BlockIn(Strict):
    blocked: bool
    reason: str = ""


@router.post("/customers/{customer_id}/dunning-block", response=dict, summary="Stop or restart a customer's dunning")
def dunning_block(request, customer_id: Id, payload: BlockIn):
    profile = services.customer_dunning_block(
        by=request.user,
        customer=selectors.customer_for(request.user, customer_id),
        blocked=payload.blocked,
        reason=payload.reason,
    )
    return {"dunning_blocked": profile.dunning_blocked}


class LegalIn(Strict):
    reference: str = ""
    lawyer: str = ""
    notes: str = ""


@router.post("/customers/{customer_id}/legal", response={201: dict}, summary="Hand a customer to legal")
def legal_open(request, customer_id: Id, payload: LegalIn):
    case = services.legal_case_open(
        by=request.user,
        customer=selectors.customer_for(request.user, customer_id),
        reference=payload.reference,
        lawyer=payload.lawyer,
        notes=payload.notes,
    )
    return Status(201, {"id": case.pk, "amount": money_out(case.amount, case.currency), "status": case.status})


@router.post("/legal/{case_id}/close", response=dict, summary="Close a legal case; ordinary dunning resumes")
def legal_close(request, case_id: Id, payload: LegalIn):
    ensure_permission(request.user, "collections.view_legalcase")
    case = get_object_or_404(LegalCase, pk=case_id, company_id__in=company_ids_for(request.user))
    case = services.legal_case_close(by=request.user, case=case, notes=payload.notes)
    return {"id": case.pk, "status": case.status}
