"""Credit endpoints under /api/v1/credit/: statements and ratios, the order check, orders, scores,
scorecards, requests and reviews. The same services and permissions as the screens."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from ardesk.companies.access import company_not_granted, ensure_permission, granted_company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.schemas import Amount, Currency, Day, Id, MoneyOut, Strict, money_out
from ardesk.credit import selectors, services
from ardesk.credit.models import (
    CreditAccount,
    CreditRequest,
    CreditReview,
    CreditScore,
    FinancialStatement,
    OpenOrder,
    Scorecard,
)
from ardesk.customers import selectors as customer_selectors
from ardesk.customers.models import Customer

router = Router(tags=["credit"])


def _customer(user, pk: int) -> Customer:
    return customer_selectors.customer_detail(user=user, pk=pk)


# ---------------------------------------------------------------------------- statements


class StatementIn(Strict):
    customer_id: Id
    period_end: Day
    period_kind: str = Field("annual", pattern="^(annual|interim)$")
    months: int | None = Field(None, ge=1, le=12)
    is_audited: bool = False
    currency: Currency = ""
    lines: dict[str, Decimal | None] = Field(..., description="Line code (or English / Chinese name) → amount")


class RatioOut(Schema):
    key: str
    label: str
    formula: str
    value: str | None
    unit: str
    reason: str


class ZOut(Schema):
    key: str
    label: str
    value: str | None
    zone: str
    components: list[str]
    reason: str


class StatementOut(Schema):
    id: int
    customer_id: int
    period_end: dt.date
    period_kind: str
    months: int
    is_audited: bool
    currency: str
    lines: dict[str, str | None]
    ratios: list[RatioOut]
    z_scores: list[ZOut]


def _statement_out(period: selectors.PeriodAnalysis) -> dict:
    s = period.statement
    return {
        "id": s.pk,
        "customer_id": s.customer_id,
        "period_end": s.period_end,
        "period_kind": s.period_kind,
        "months": s.months,
        "is_audited": s.is_audited,
        "currency": s.currency,
        "lines": {k: (str(v) if v is not None else None) for k, v in period.lines.items()},
        "ratios": [
            {
                "key": r.key,
                "label": r.label,
                "formula": r.formula,
                "value": str(r.value) if r.value is not None else None,
                "unit": r.unit,
                "reason": r.reason,
            }
            for r in period.ratios
        ],
        "z_scores": [
            {
                "key": z.key,
                "label": z.label,
                "value": str(z.value) if z.value is not None else None,
                "zone": z.zone,
                "components": [str(c) for c in z.components],
                "reason": z.reason,
            }
            for z in period.z_scores
        ],
    }


def _period(statement: FinancialStatement) -> selectors.PeriodAnalysis:
    from ardesk.credit import domain

    lines = selectors.financial_statement_lines(statement)
    return selectors.PeriodAnalysis(
        statement, lines, domain.ratios(lines, statement.months), domain.z_scores(lines, statement.months)
    )


@router.post("/statements", response={201: StatementOut}, summary="Enter a customer's statement for a period")
def create_statement(request, payload: StatementIn):
    customer = _customer(request.user, payload.customer_id)
    statement = services.financial_statement_save(
        by=request.user,
        customer=customer,
        period_end=payload.period_end,
        period_kind=payload.period_kind,
        months=payload.months,
        is_audited=payload.is_audited,
        currency=payload.currency,
        lines=payload.lines,
        source="api",
    )
    return Status(201, _statement_out(_period(statement)))


@router.post("/statements/import", response={201: list[StatementOut]}, summary="Import statements from CSV or XLSX")
def import_statements(request, file: File[UploadedFile], customer: Form[str] = ""):
    """One period per row, or one customer's statements as exported (项目 rows, a column per period end)."""
    statements = services.financial_statements_import(
        by=request.user,
        handle=io.BytesIO(file.read()),
        filename=file.name,
        company_ids=company_ids_for(request.user),
        customer_code=customer,
    )
    return Status(201, [_statement_out(_period(s)) for s in statements])


@router.get("/customers/{int:customer_id}/statements", response=list[StatementOut], summary="Statements with ratios")
def customer_statements(request, customer_id: Id):
    ensure_permission(request.user, "credit.view_financialstatement")
    return [_statement_out(p) for p in selectors.analysis(_customer(request.user, customer_id))]


# ---------------------------------------------------------------------------- the order check


class CheckIn(Strict):
    customer_id: Id | None = Field(None, description="The customer's id, or give company and customer_code")
    customer_code: str = ""
    company: str = Field(..., description="Company code")
    order_ref: str = Field(..., min_length=1, max_length=64)
    amount: Amount = Field(..., description='Order amount as a string, e.g. "12000.00"')
    currency: Currency = Field("", description="The order's currency; the company's functional currency when empty")


class ReasonOut(Schema):
    code: str
    decision: str
    message: str


class CheckOut(Schema):
    decision: str
    order_id: int
    order_ref: str
    status: str
    reasons: list[ReasonOut]
    figures: dict


def _check_out(order: OpenOrder, decision: str) -> dict:
    return {
        "decision": decision,
        "order_id": order.pk,
        "order_ref": order.order_ref,
        "status": order.status,
        "reasons": order.reasons,
        "figures": order.figures,
    }


@router.post("/check", response=CheckOut, summary="Order credit check (信用检查): release, hold or block")
def credit_check(request, payload: CheckIn):
    company, customer = selectors.check_customer(
        user=request.user,
        company_code=payload.company,
        customer_id=payload.customer_id,
        customer_code=payload.customer_code,
    )
    if company is None:
        raise company_not_granted(payload.company)
    if customer is None:
        raise InvalidInput({"customer_id": [_("No such customer in company %(code)s.") % {"code": company.code}]})
    order, result = services.credit_check(
        by=request.user,
        customer=customer,
        order_ref=payload.order_ref,
        amount=payload.amount,
        currency=payload.currency,
    )
    return _check_out(order, result.decision)


class OrderRefIn(Strict):
    company: str


class OrderOut(Schema):
    id: int
    company: str
    customer_id: int
    customer_code: str
    order_ref: str
    amount: MoneyOut
    status: str
    reasons: list[ReasonOut]
    figures: dict
    checked_at: dt.datetime
    decided_by: str | None
    decision_note: str


def _order_out(order: OpenOrder) -> dict:
    return {
        "id": order.pk,
        "company": order.company.code,
        "customer_id": order.customer_id,
        "customer_code": order.customer.code,
        "order_ref": order.order_ref,
        "amount": money_out(order.amount, order.currency),
        "status": order.status,
        "reasons": order.reasons,
        "figures": order.figures,
        "checked_at": order.checked_at,
        "decided_by": order.decided_by.get_username() if order.decided_by_id else None,
        "decision_note": order.decision_note,
    }


@router.post("/orders/{order_ref}/invoiced", response=OrderOut, summary="The order was invoiced: it leaves open orders")
def order_invoiced(request, order_ref: str, payload: OrderRefIn):
    order = services.order_close(
        by=request.user, company=granted_company(request.user, payload.company), order_ref=order_ref, status="invoiced"
    )
    return _order_out(order)


@router.post("/orders/{order_ref}/cancelled", response=OrderOut, summary="The order was cancelled")
def order_cancelled(request, order_ref: str, payload: OrderRefIn):
    order = services.order_close(
        by=request.user, company=granted_company(request.user, payload.company), order_ref=order_ref, status="cancelled"
    )
    return _order_out(order)


@router.get("/orders/held", response=list[OrderOut], summary="Held orders waiting for a manager")
def held_orders(request):
    ensure_permission(request.user, "credit.view_openorder")
    return [_order_out(o) for o in selectors.held_orders(user=request.user)[:500]]


class DecisionIn(Strict):
    note: str = ""


@router.post("/orders/{int:order_id}/release", response=OrderOut, summary="Release a held order")
def order_release(request, order_id: Id, payload: DecisionIn):
    order = selectors.order_for(user=request.user, pk=order_id)
    return _order_out(services.order_decide(by=request.user, order=order, release=True, note=payload.note))


@router.post("/orders/{int:order_id}/reject", response=OrderOut, summary="Reject a held order")
def order_reject(request, order_id: Id, payload: DecisionIn):
    order = selectors.order_for(user=request.user, pk=order_id)
    return _order_out(services.order_decide(by=request.user, order=order, release=False, note=payload.note))


# ---------------------------------------------------------------------------- accounts and scores


class AccountOut(Schema):
    customer_id: int
    grade: str
    score: str | None
    limit: MoneyOut | None
    limit_valid_until: dt.date | None
    max_term_days: int | None
    next_review_on: dt.date | None
    industry_risk: str
    external_rating: str
    group: str | None
    exposure: MoneyOut
    open_receivables: MoneyOut
    open_orders: MoneyOut
    overdue: MoneyOut
    utilisation: str | None


@router.get("/customers/{int:customer_id}", response=AccountOut, summary="A customer's credit: grade, limit, exposure")
def customer_credit(request, customer_id: Id):
    ensure_permission(request.user, "credit.view_creditaccount")
    customer = _customer(request.user, customer_id)
    account = CreditAccount.objects.filter(customer=customer).select_related("group").first()
    exposure = selectors.exposure(customer=customer, as_of=clock.today())
    c = exposure.currency
    return {
        "customer_id": customer.pk,
        "grade": account.grade if account else "",
        "score": str(account.score) if account and account.score is not None else None,
        "limit": {"amount": str(exposure.limit), "currency": c} if exposure.limit is not None else None,
        "limit_valid_until": account.limit_valid_until if account else None,
        "max_term_days": account.max_term_days if account else None,
        "next_review_on": account.next_review_on if account else None,
        "industry_risk": account.industry_risk if account else "",
        "external_rating": account.external_rating if account else "",
        "group": account.group.code if account and account.group_id else None,
        "exposure": {"amount": str(exposure.total), "currency": c},
        "open_receivables": {"amount": str(exposure.open_receivables - exposure.unapplied), "currency": c},
        "open_orders": {"amount": str(exposure.open_orders), "currency": c},
        "overdue": {"amount": str(exposure.overdue), "currency": c},
        "utilisation": str(exposure.utilisation) if exposure.utilisation is not None else None,
    }


class AccountIn(Strict):
    industry_risk: str = Field("", pattern="^(|low|medium|high)$", description="Empty to clear; not null")
    external_rating: str = Field("", max_length=8, description="Empty to clear; not null")
    next_review_on: Day | None = None


@router.patch("/customers/{int:customer_id}", response=AccountOut, summary="Qualitative inputs and review date")
def update_customer_credit(request, customer_id: Id, payload: AccountIn):
    customer = _customer(request.user, customer_id)
    services.account_update(by=request.user, customer=customer, **payload.dict(exclude_unset=True))
    return customer_credit(request, customer_id)


class ScoreOut(Schema):
    id: int
    customer_id: int
    scorecard: str
    scorecard_version: int
    score: str
    grade: str
    breakdown: list[dict]
    inputs: dict
    recommended_limit: MoneyOut | None
    limit_explanation: str
    max_term_days: int
    scored_on: dt.date
    scored_by: str | None


def _score_out(score: CreditScore) -> dict:
    return {
        "id": score.pk,
        "customer_id": score.customer_id,
        "scorecard": score.scorecard.code,
        "scorecard_version": score.scorecard.version,
        "score": str(score.score),
        "grade": score.grade,
        "breakdown": score.breakdown,
        "inputs": score.inputs,
        "recommended_limit": money_out(score.recommended_limit, score.currency),
        "limit_explanation": score.limit_explanation,
        "max_term_days": score.max_term_days,
        "scored_on": score.scored_on,
        "scored_by": score.scored_by.get_username() if score.scored_by_id else None,
    }


class ScoreIn(Strict):
    scorecard: str = Field("", description="Scorecard code; the active demo scorecard when empty")


@router.post("/customers/{int:customer_id}/score", response={201: ScoreOut}, summary="Score a customer now")
def score_customer(request, customer_id: Id, payload: ScoreIn):
    customer = _customer(request.user, customer_id)
    scorecard = selectors.active_scorecard(payload.scorecard or None)
    return Status(201, _score_out(services.customer_score(by=request.user, customer=customer, scorecard=scorecard)))


@router.get("/customers/{int:customer_id}/scores", response=list[ScoreOut], summary="Past scores, newest first")
def customer_scores(request, customer_id: Id):
    ensure_permission(request.user, "credit.view_creditscore")
    return [_score_out(s) for s in selectors.scores_of(_customer(request.user, customer_id))[:100]]


# ---------------------------------------------------------------------------- scorecards


class ScorecardOut(Schema):
    code: str
    version: int
    name: str
    note: str
    is_active: bool
    config: dict


class ScorecardIn(Strict):
    code: str
    name: str
    note: str = ""
    config: dict


def _scorecard_out(s: Scorecard) -> dict:
    return {**services.scorecard_export(s), "is_active": s.is_active}


@router.get("/scorecards", response=list[ScorecardOut], summary="Every scorecard version")
def scorecards(request):
    ensure_permission(request.user, "credit.view_scorecard")
    return [_scorecard_out(s) for s in Scorecard.objects.all()]


@router.post("/scorecards", response={201: ScorecardOut}, summary="Save a scorecard as its next version")
def save_scorecard(request, payload: ScorecardIn):
    scorecard = services.scorecard_save(
        by=request.user, code=payload.code, name=payload.name, config=payload.config, note=payload.note
    )
    return Status(201, _scorecard_out(scorecard))


# ---------------------------------------------------------------------------- requests


class RequestIn(Strict):
    customer_id: Id
    kind: str = Field(..., pattern="^(limit|term|special)$")
    reason: str
    amount: Amount | None = None
    term_days: int | None = Field(None, ge=0)
    valid_until: Day | None = None


class RequestOut(Schema):
    id: int
    customer_id: int
    kind: str
    amount: MoneyOut | None
    term_days: int | None
    valid_until: dt.date | None
    reason: str
    status: str
    level: str
    within_policy: bool
    requested_by: str | None
    decided_by: str | None
    decision_note: str


def _request_out(r: CreditRequest) -> dict:
    return {
        "id": r.pk,
        "customer_id": r.customer_id,
        "kind": r.kind,
        "amount": money_out(r.amount, r.currency),
        "term_days": r.term_days,
        "valid_until": r.valid_until,
        "reason": r.reason,
        "status": r.status,
        "level": r.level,
        "within_policy": r.within_policy,
        "requested_by": r.requested_by.get_username() if r.requested_by_id else None,
        "decided_by": r.decided_by.get_username() if r.decided_by_id else None,
        "decision_note": r.decision_note,
    }


@router.post("/requests", response={201: RequestOut}, summary="Request a limit or term change, or a special approval")
def create_request(request, payload: RequestIn):
    customer = _customer(request.user, payload.customer_id)
    data = payload.dict()
    data.pop("customer_id")
    return Status(201, _request_out(services.credit_request_create(by=request.user, customer=customer, **data)))


@router.get("/requests", response=list[RequestOut], summary="Requests waiting for approval")
def pending_requests(request):
    ensure_permission(request.user, "credit.view_creditrequest")
    return [_request_out(r) for r in selectors.pending_requests(user=request.user)[:500]]


@router.post("/requests/{int:request_id}/approve", response=RequestOut, summary="Approve a request")
def approve_request(request, request_id: Id, payload: DecisionIn):
    credit_request = selectors.request_for(user=request.user, pk=request_id)
    return _request_out(
        services.credit_request_decide(by=request.user, request=credit_request, approve=True, note=payload.note)
    )


@router.post("/requests/{int:request_id}/reject", response=RequestOut, summary="Reject a request")
def reject_request(request, request_id: Id, payload: DecisionIn):
    credit_request = selectors.request_for(user=request.user, pk=request_id)
    return _request_out(
        services.credit_request_decide(by=request.user, request=credit_request, approve=False, note=payload.note)
    )


# ---------------------------------------------------------------------------- reviews


class ReviewOut(Schema):
    id: int
    customer_id: int
    customer_code: str
    due_on: dt.date
    reason: str
    detail: str
    status: str
    decision: str
    grade: str | None


def _review_out(r: CreditReview) -> dict:
    return {
        "id": r.pk,
        "customer_id": r.customer_id,
        "customer_code": r.customer.code,
        "due_on": r.due_on,
        "reason": r.reason,
        "detail": r.detail,
        "status": r.status,
        "decision": r.decision,
        "grade": r.score.grade if r.score_id else None,
    }


@router.get("/reviews", response=list[ReviewOut], summary="The open credit reviews (the analyst's queue)")
def reviews(request):
    ensure_permission(request.user, "credit.view_creditreview")
    return [_review_out(r) for r in selectors.open_reviews(user=request.user)[:500]]


class ReviewIn(Strict):
    decision: str = Field(..., pattern="^(keep|reduce|hold)$")
    note: str = ""


@router.post("/reviews/{int:review_id}/complete", response=ReviewOut, summary="Complete a review: re-score, decide")
def complete_review(request, review_id: Id, payload: ReviewIn):
    review = selectors.review_for(user=request.user, pk=review_id)
    done = services.review_complete(by=request.user, review=review, decision=payload.decision, note=payload.note)
    return _review_out(done)


# ---------------------------------------------------------------------------- imported limits


class LimitBatchOut(Schema):
    id: int
    company: str
    file: str
    status: str
    limits: int
    total: MoneyOut
    largest: MoneyOut
    prepared_by: str
    prepared_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    decision_note: str


class LimitLineOut(Schema):
    line: int
    customer_code: str
    limit: MoneyOut
    valid_until: dt.date | None
    grade: str
    max_term_days: int | None
    approved_by: str
    approved_on: dt.date
    reference: str


def _batch_out(b) -> dict:
    return {
        "id": b.pk,
        "company": b.company.code,
        "file": b.file_name,
        "status": b.status,
        "limits": b.line_count,
        "total": money_out(b.total, b.currency),
        "largest": money_out(b.largest, b.currency),
        "prepared_by": b.prepared_by.get_username(),
        "prepared_at": b.prepared_at,
        "decided_by": b.decided_by.get_username() if b.decided_by_id else None,
        "decided_at": b.decided_at,
        "decision_note": b.decision_note,
    }


@router.get(
    "/limit-batches",
    response=list[LimitBatchOut],
    summary="Credit-limit imports (upload with POST /ledger/imports/credit-limits), newest first",
)
def limit_batches(request):
    ensure_permission(request.user, "credit.view_creditlimitbatch")
    return [_batch_out(b) for b in selectors.limit_batches(user=request.user)[:200]]


@router.get("/limit-batches/{int:batch_id}/lines", response=list[LimitLineOut], summary="The limits of an import")
def limit_batch_lines(request, batch_id: Id):
    ensure_permission(request.user, "credit.view_creditlimitbatch")
    batch = selectors.limit_batch_for(user=request.user, pk=batch_id)
    return [
        {
            "line": line.line,
            "customer_code": line.customer.code,
            "limit": money_out(line.limit, line.currency),
            "valid_until": line.valid_until,
            "grade": line.grade,
            "max_term_days": line.max_term_days,
            "approved_by": line.approved_by,
            "approved_on": line.approved_on,
            "reference": line.reference,
        }
        for line in selectors.limit_batch_lines(batch)
    ]


@router.post(
    "/limit-batches/{int:batch_id}/approve",
    response=LimitBatchOut,
    summary="Approve an import as a whole and apply its limits (not by the user who imported it)",
)
def approve_limit_batch(request, batch_id: Id, payload: DecisionIn):
    batch = selectors.limit_batch_for(user=request.user, pk=batch_id)
    return _batch_out(services.limit_batch_decide(by=request.user, batch=batch, approve=True, note=payload.note))


@router.post("/limit-batches/{int:batch_id}/reject", response=LimitBatchOut, summary="Reject an import as a whole")
def reject_limit_batch(request, batch_id: Id, payload: DecisionIn):
    batch = selectors.limit_batch_for(user=request.user, pk=batch_id)
    return _batch_out(services.limit_batch_decide(by=request.user, batch=batch, approve=False, note=payload.note))
