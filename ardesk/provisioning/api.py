"""Bad-debt endpoints under /api/v1/provisioning/: policies, specific provisions, runs, write-offs, reports."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from ardesk.core import clock, exports
from ardesk.core.errors import InvalidInput, NotFound
from ardesk.core.schemas import Amount, Currency, Day, Id, Strict
from ardesk.customers.models import Customer
from ardesk.ledger.models import Document
from ardesk.provisioning import output, selectors, services
from ardesk.provisioning.access import VIEW_RUNS, exported_company, visible, visible_company
from ardesk.provisioning.models import ProvisionPolicy, ProvisionRun, SpecificProvision, WriteOff
from ardesk.reports.models import BucketSet

router = Router(tags=["provisioning"])
VIEW_POLICY = "provisioning.view_provisionpolicy"
VIEW_WRITE_OFF = "provisioning.view_writeoff"


class CompanyQuery(Schema):
    company: str = Field(..., description="Company code")


class PolicyIn(Strict):
    company: str
    segment: str = Field("", description="Industry code; empty for all other customers")
    method: str = Field(..., pattern="^(aging|matrix|balance)$")
    bucket_set: str | None = Field(None, description="Bucket set code (aging and matrix methods)")
    rates: dict[str, Decimal] = Field(default_factory=dict, description="Percent per bucket key")
    balance_rate: Decimal = Decimal(0)
    rate_source: str = "entered"
    lookback_months: int = 12
    forward_factor: Decimal = Decimal(1)
    accounts: dict[str, str] | None = None
    single_approval_limit: Amount | None = None


class ImportIn(Strict):
    company: str
    data: dict


class DeriveIn(Strict):
    as_of: Day


class SpecificIn(Strict):
    company: str
    customer: str = Field(..., description="Customer code")
    document_id: Id | None = None
    rate: Decimal | None = None
    amount: Amount | None = None
    reason: str


class ProvisionRunIn(Strict):
    company: str
    period: str = Field(..., pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")
    provisional: bool = Field(
        False, description="Confirm a run for a month that has not ended: an estimate that cannot be approved"
    )


class WriteOffIn(Strict):
    company: str
    customer: str
    on: Day
    reason: str
    document_id: Id | None = None
    currency: Currency | None = None
    amounts: dict[Id, Amount] | None = Field(None, description="Due line id → amount; all open items if absent")


class RejectIn(Strict):
    reason: str


class RecoveryIn(Strict):
    on: Day
    amount: Amount
    receipt_id: Id | None = None
    receipt_number: str = ""


class OpeningIn(Strict):
    company: str
    on: Day
    amount: Amount = Field(..., description="The allowance in the books (a credit balance is positive)")


class PeriodQuery(Schema):
    company: str
    date_from: Day
    date_to: Day


class JournalQuery(Schema):
    company: str
    date_from: Day | None = None
    date_to: Day | None = None
    format: str = Field("json", pattern="^(json|csv|xlsx)$")


def _policy_out(policy: ProvisionPolicy) -> dict:
    return {
        "id": policy.pk,
        "company": policy.company.code,
        **services.policy_json(policy),
        "derivation": policy.derivation,
    }


@router.get("/policies", response=list[dict], summary="A company's provision policies")
def list_policies(request, query: Query[CompanyQuery]):
    company = visible_company(request.user, query.company, VIEW_POLICY)
    return [_policy_out(p) for p in selectors.policies_of(company.pk)]


@router.put("/policies", response=dict, summary="Create or replace a policy (company and segment)")
def save_policy(request, payload: PolicyIn):
    company = visible_company(request.user, payload.company, VIEW_POLICY)
    bucket_set = None
    if payload.bucket_set:
        bucket_set = BucketSet.objects.prefetch_related("buckets").filter(code=payload.bucket_set).first()
        if bucket_set is None:
            raise InvalidInput({"bucket_set": [_("No bucket set %(code)s.") % {"code": payload.bucket_set}]})
    policy = services.policy_save(
        by=request.user,
        company=company,
        segment=payload.segment,
        method=payload.method,
        bucket_set=bucket_set,
        rates=payload.rates,
        balance_rate=payload.balance_rate,
        rate_source=payload.rate_source,
        lookback_months=payload.lookback_months,
        forward_factor=payload.forward_factor,
        accounts=payload.accounts,
        single_approval_limit=payload.single_approval_limit,
    )
    return _policy_out(policy)


@router.get("/policies/export", response=dict, summary="The company's policies as the export JSON")
def export_policies(request, query: Query[CompanyQuery]):
    return services.policies_export(company=exported_company(request.user, query.company, VIEW_POLICY))


@router.post("/policies/import", response=list[dict], summary="Replace the company's policies by an export")
def import_policies(request, payload: ImportIn):
    company = visible_company(request.user, payload.company, VIEW_POLICY)
    return [_policy_out(p) for p in services.policies_import(by=request.user, company=company, data=payload.data)]


@router.post("/policies/{int:policy_id}/derive", response=dict, summary="Derive matrix rates from history")
def derive_policy(request, policy_id: Id, payload: DeriveIn):
    policy = visible(
        request.user, ProvisionPolicy.objects.select_related("company"), policy_id, VIEW_POLICY, _("Policy")
    )
    services.policy_derive(by=request.user, policy=policy, as_of=payload.as_of)
    policy.refresh_from_db()
    return _policy_out(policy)


def _specific_out(s: SpecificProvision) -> dict:
    currency = s.company.functional_currency
    return {
        "id": s.pk,
        "company": s.company.code,
        "customer": s.customer.code,
        "document": s.document.number if s.document_id else None,
        "rate": str(s.rate) if s.rate is not None else None,
        "amount": output._text(s.amount, currency) if s.amount is not None else None,
        "reason": s.reason,
        "is_active": s.is_active,
    }


@router.get("/specific", response=list[dict], summary="Specific provisions of a company")
def list_specific(request, query: Query[CompanyQuery]):
    company = visible_company(request.user, query.company, "provisioning.view_specificprovision")
    found = SpecificProvision.objects.filter(company=company).select_related("company", "customer", "document")
    return [_specific_out(s) for s in found]


def _customer(company, code: str) -> Customer:
    customer = Customer.objects.filter(company=company, code=code).select_related("company").first()
    if customer is None:
        raise InvalidInput(
            {"customer": [_("No customer %(code)s in %(company)s.") % {"code": code, "company": company.code}]}
        )
    return customer


def _document(customer: Customer, document_id: int | None) -> Document | None:
    if document_id is None:
        return None
    document = Document.objects.filter(pk=document_id, customer=customer).first()
    if document is None:
        raise InvalidInput({"document_id": [_("Document %(id)s is not this customer's.") % {"id": document_id}]})
    return document


@router.post("/specific", response={201: dict}, summary="Provision a customer or item on its own")
def create_specific(request, payload: SpecificIn):
    company = visible_company(request.user, payload.company, "provisioning.view_specificprovision")
    customer = _customer(company, payload.customer)
    provision = services.specific_provision_create(
        by=request.user,
        customer=customer,
        document=_document(customer, payload.document_id),
        rate=payload.rate,
        amount=payload.amount,
        reason=payload.reason,
    )
    return Status(201, _specific_out(provision))


@router.post("/specific/{int:provision_id}/end", response=dict, summary="End a specific provision")
def end_specific(request, provision_id: Id):
    provision = visible(
        request.user,
        SpecificProvision.objects.select_related("company", "customer", "document"),
        provision_id,
        "provisioning.view_specificprovision",
        _("Specific provision"),
    )
    return _specific_out(services.specific_provision_end(by=request.user, provision=provision))


def _run(user, run_id: int) -> ProvisionRun:
    return visible(
        user, ProvisionRun.objects.select_related("company", "prepared_by", "approved_by"), run_id, VIEW_RUNS, _("Run")
    )


@router.get("/runs", response=list[dict], summary="Month-end runs of a company, latest first")
def list_runs(request, query: Query[CompanyQuery]):
    company = visible_company(request.user, query.company)
    runs = ProvisionRun.objects.filter(company=company).select_related("company", "prepared_by", "approved_by")
    return [output.run_json(run, customers=False) for run in runs[:100]]


@router.post("/runs", response={201: dict}, summary="Prepare the month-end run of a period (a draft)")
def prepare_run(request, payload: ProvisionRunIn):
    company = visible_company(request.user, payload.company)
    run = services.run_prepare(
        by=request.user, company=company, as_of=services.period_end(payload.period), provisional=payload.provisional
    )
    return Status(201, output.run_json(_run(request.user, run.pk)))


@router.get("/runs/{int:run_id}", response=dict, summary="A run: buckets, customers, specific provisions, journal")
def get_run(request, run_id: Id):
    return output.run_json(_run(request.user, run_id))


@router.post("/runs/{int:run_id}/approve", response=dict, summary="Approve a draft run (not by its preparer)")
def approve_run(request, run_id: Id):
    run = services.run_approve(by=request.user, run=_run(request.user, run_id))
    return output.run_json(_run(request.user, run.pk), customers=False)


def _write_off_out(w: WriteOff) -> dict:
    return {
        "id": w.pk,
        "number": w.number,
        "company": w.company.code,
        "customer": w.customer.code,
        "on": w.on,
        "amount": {"amount": output._text(w.amount, w.currency), "currency": w.currency},
        "status": w.status,
        "reason": w.reason,
        "approvals_required": w.approvals_required,
        "approved_by": [a.approved_by.get_username() for a in w.approvals.select_related("approved_by")],
        "document": w.document.number if w.document_id else None,
        "items": [
            {"line_id": i.line_id, "document": i.line.document.number, "amount": output._text(i.amount, w.currency)}
            for i in w.items.select_related("line__document")
        ],
        "recovered": output._text(sum(r.amount for r in w.recoveries.all()), w.currency),
    }


def _write_off(user, pk: int) -> WriteOff:
    return visible(
        user, WriteOff.objects.select_related("company", "customer", "document"), pk, VIEW_WRITE_OFF, _("Write-off")
    )


@router.get("/write-offs", response=list[dict], summary="Write-offs of a company")
def list_write_offs(request, query: Query[CompanyQuery]):
    company = visible_company(request.user, query.company, VIEW_WRITE_OFF)
    return [
        _write_off_out(w)
        for w in WriteOff.objects.filter(company=company).select_related("company", "customer", "document")[:200]
    ]


@router.post("/write-offs", response={201: dict}, summary="Request a write-off of open items")
def request_write_off(request, payload: WriteOffIn):
    company = visible_company(request.user, payload.company, VIEW_WRITE_OFF)
    customer = _customer(company, payload.customer)
    write_off = services.write_off_request(
        by=request.user,
        customer=customer,
        on=payload.on,
        reason=payload.reason,
        document=_document(customer, payload.document_id),
        currency=payload.currency,
        amounts=payload.amounts,
    )
    return Status(201, _write_off_out(_write_off(request.user, write_off.pk)))


@router.post("/write-offs/{int:write_off_id}/approve", response=dict, summary="Approve a write-off")
def approve_write_off(request, write_off_id: Id):
    write_off = services.write_off_approve(by=request.user, write_off=_write_off(request.user, write_off_id))
    return _write_off_out(_write_off(request.user, write_off.pk))


@router.post("/write-offs/{int:write_off_id}/reject", response=dict, summary="Reject a write-off")
def reject_write_off(request, write_off_id: Id, payload: RejectIn):
    write_off = services.write_off_reject(
        by=request.user, write_off=_write_off(request.user, write_off_id), reason=payload.reason
    )
    return _write_off_out(_write_off(request.user, write_off.pk))


@router.post("/write-offs/{int:write_off_id}/recoveries", response={201: dict}, summary="Record a recovery")
def record_recovery(request, write_off_id: Id, payload: RecoveryIn):
    write_off = _write_off(request.user, write_off_id)
    receipt = None
    if payload.receipt_id is not None:
        receipt = Document.objects.filter(pk=payload.receipt_id, company_id=write_off.company_id).first()
        if receipt is None:
            raise NotFound(_("Receipt %(id)s not found.") % {"id": payload.receipt_id})
    services.recovery_record(
        by=request.user,
        write_off=write_off,
        on=payload.on,
        amount=payload.amount,
        receipt=receipt,
        receipt_number=payload.receipt_number,
    )
    return Status(201, _write_off_out(_write_off(request.user, write_off.pk)))


@router.post("/opening", response={201: dict}, summary="Bring forward the allowance already in the books")
def bring_forward(request, payload: OpeningIn):
    company = visible_company(request.user, payload.company)
    entry = services.allowance_opening_set(by=request.user, company=company, on=payload.on, amount=payload.amount)
    return Status(201, {"number": entry.number, "on": entry.on, "amount": str(payload.amount)})


@router.get("/roll-forward", response=dict, summary="The allowance roll-forward of a period")
def roll_forward(request, query: Query[PeriodQuery]):
    company = visible_company(request.user, query.company)
    figures = selectors.roll_forward(company_id=company.pk, date_from=query.date_from, date_to=query.date_to)
    currency = company.functional_currency
    return {
        "company": company.code,
        "date_from": query.date_from,
        "date_to": query.date_to,
        "currency": currency,
        **{key: output._text(value, currency) for key, value in figures.items()},
    }


@router.get("/journals", summary="Booked journal entries: JSON, or the CSV/XLSX layout of docs/provisioning.md")
def journals(request, query: Query[JournalQuery]):
    company = visible_company(request.user, query.company, "provisioning.view_journalentry")
    table = output.journal_table(output.journal_entries([company.pk], query.date_from, query.date_to))
    if query.format == "json":
        return [dict(zip(output.JOURNAL_HEADERS, [str(v) for v in row], strict=True)) for row in table.rows]
    data = exports.to_csv(table) if query.format == "csv" else output.journal_xlsx(table)
    response = HttpResponse(data, content_type=exports.FORMATS[query.format][0])
    response["Content-Disposition"] = f'attachment; filename="journal-{company.code}-{clock.today()}.{query.format}"'
    return response
