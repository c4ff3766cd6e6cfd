"""Cash application endpoints: bank accounts, statement imports, the queue, matching, differences, journal."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from ardesk.banking import journal as cash_journal
from ardesk.banking import labels, selectors, services
from ardesk.banking.models import BankAccount, Difference, LineStatus, StatementLine
from ardesk.companies.access import ensure_permission, granted_company
from ardesk.companies.selectors import company_ids_for
from ardesk.core.errors import InvalidInput
from ardesk.core.money import to_minor
from ardesk.core.schemas import Amount, Day, Id, MoneyOut, Page, Strict, money_out
from ardesk.customers.models import Customer

router = Router(tags=["banking"])


class AccountIn(Strict):
    company: str
    code: str
    name: str
    account_number: str
    bank_name: str = ""
    currency: str = "CNY"
    gl_account: str = "1002"
    layout: str = "generic"
    column_mapping: dict[str, str] = {}


class AccountOut(Schema):
    id: int
    company: str
    code: str
    name: str
    bank_name: str
    account_number: str
    currency: str
    gl_account: str
    layout: str
    column_mapping: dict


def _account_out(account: BankAccount) -> dict:
    return {
        "id": account.pk,
        "company": account.company.code,
        **{f: getattr(account, f) for f in ("code", "name", "bank_name", "account_number", "currency", "gl_account")},
        "layout": account.layout,
        "column_mapping": account.column_mapping,
    }


@router.get("/accounts", response=list[AccountOut], summary="The companies' bank accounts")
def accounts(request):
    ensure_permission(request.user, "banking.view_bankaccount")
    return [_account_out(a) for a in selectors.accounts_for(company_ids_for(request.user))]


@router.post("/accounts", response={201: AccountOut}, summary="Register a bank account")
def account_create(request, body: AccountIn):
    ensure_permission(request.user, services.ACCOUNT_PERMISSION)
    data = body.dict()
    company = granted_company(request.user, data.pop("company"))
    account = services.bank_account_save(by=request.user, company_id=company.pk, **data)
    return Status(201, _account_out(BankAccount.objects.select_related("company").get(pk=account.pk)))


@router.post(
    "/accounts/{int:account_id}/statements",
    response={200: dict, 422: dict},
    summary="Import a statement file (CSV/XLSX, camt.053, MT940): all or nothing; dry_run to check only",
)
def statement_import(request, account_id: int, file: File[UploadedFile], dry_run: Form[bool] = False):
    ensure_permission(request.user, services.IMPORT_PERMISSION)
    account = get_object_or_404(BankAccount, pk=account_id, company_id__in=company_ids_for(request.user))
    result = services.statement_import(
        by=request.user, account=account, name=file.name or "statement", content=file.read(), dry_run=dry_run
    )
    body = {
        "format": result.file_format,
        "lines": result.lines,
        "new": result.new,
        "already_imported": result.already,
        "matched_automatically": result.matched.get("auto", 0),
        "waiting": result.matched.get("queued", 0),
        "warnings": result.warnings,
        "problems": [{"row": p.row, "field": p.field, "message": p.message} for p in result.problems],
        "statement_id": result.statement.pk if result.statement else None,
        "dry_run": dry_run,
    }
    if not result.problems:
        return Status(200, body)
    first = result.problems[0]
    return Status(422, {"error": {"code": "invalid_file", "message": first.message, "fields": {}}, **body})


class SuggestionOut(Schema):
    customer_id: int
    customer_code: str
    confidence: str
    reasons: list[str]


class LineOut(Schema):
    id: int
    account: str
    booked_on: dt.date
    amount: MoneyOut
    payer_name: str
    remittance: str
    bank_ref: str
    status: str
    confidence: str
    reasons: list[str]
    suggestions: list[SuggestionOut]


def _line_out(line: StatementLine, codes: dict[int, str]) -> dict:
    return {
        "id": line.pk,
        "account": line.account.code,
        "booked_on": line.booked_on,
        "amount": money_out(line.amount, line.currency),
        "payer_name": line.payer_name,
        "remittance": line.remittance,
        "bank_ref": line.bank_ref,
        "status": line.status,
        "confidence": str(line.confidence),
        "reasons": [labels.reason_text(r, line.currency) for r in line.reasons],
        "suggestions": [
            {
                "customer_id": s["customer_id"],
                "customer_code": codes.get(s["customer_id"], ""),
                "confidence": s["confidence"],
                "reasons": [labels.reason_text(r, line.currency) for r in s["reasons"]],
            }
            for s in line.suggestions
        ],
    }


class LineFilter(Schema):
    status: LineStatus | None = None
    account_id: Id | None = None
    on: Day | None = None
    page: Page = 1


@router.get(
    "/lines", response=list[LineOut], summary="Statement lines, 100 a page (the open ones wait with suggestions)"
)
def lines(request, filters: Query[LineFilter]):
    ensure_permission(request.user, "banking.view_statementline")
    found = selectors.lines_for(
        company_ids=company_ids_for(request.user), status=filters.status, account_id=filters.account_id, on=filters.on
    )[(filters.page - 1) * 100 : filters.page * 100]
    found = list(found)
    codes = dict(
        Customer.objects.filter(pk__in={s["customer_id"] for line in found for s in line.suggestions}).values_list(
            "pk", "code"
        )
    )
    return [_line_out(line, codes) for line in found]


def _line(request, line_id: int) -> StatementLine:
    return get_object_or_404(StatementLine, pk=line_id, company_id__in=company_ids_for(request.user))


class AcceptIn(Strict):
    index: int = 0


@router.post("/lines/{int:line_id}/accept", response=LineOut, summary="Accept one of a line's suggestions")
def accept(request, line_id: int, body: AcceptIn):
    services.suggestion_accept(by=request.user, line=_line(request, line_id), index=body.index)
    return _line_out(StatementLine.objects.select_related("account").get(pk=line_id), {})


class PartIn(Strict):
    customer: str
    amount: Amount | None = None


class MatchIn(Strict):
    parts: list[PartIn]


@router.post("/lines/{int:line_id}/match", response=LineOut, summary="Match a line by hand, or split it")
def match(request, line_id: int, body: MatchIn):
    line = _line(request, line_id)
    codes = dict(
        Customer.objects.filter(company_id=line.company_id, code__in=[p.customer for p in body.parts]).values_list(
            "code", "pk"
        )
    )
    parts = []
    for n, part in enumerate(body.parts):
        if part.customer not in codes:
            raise InvalidInput({f"parts.{n}.customer": [f"No customer {part.customer} in the statement's company."]})
        amount = (
            line.amount if part.amount is None and len(body.parts) == 1 else to_minor(part.amount or 0, line.currency)
        )
        parts.append((codes[part.customer], amount))
    services.line_match(by=request.user, line=line, parts=parts)
    return _line_out(StatementLine.objects.select_related("account").get(pk=line_id), {})


class DecisionIn(Strict):
    approve: bool


@router.post("/differences/{int:difference_id}/decide", response=dict, summary="Approve or reject a short payment")
def decide(request, difference_id: int, body: DecisionIn):
    difference = get_object_or_404(Difference, pk=difference_id, company_id__in=company_ids_for(request.user))
    difference = services.difference_decide(by=request.user, difference=difference, approve=body.approve)
    return {"id": difference.pk, "status": difference.status}


class JournalFilter(Schema):
    date_from: Day | None = None
    date_to: Day | None = None


@router.get("/journal", response=list[dict], summary="Journal lines: Dr bank / Cr receivables, discounts, charges")
def journal(request, filters: Query[JournalFilter]):
    ensure_permission(request.user, "banking.view_application")
    applications = selectors.applications_for(
        company_ids=company_ids_for(request.user), date_from=filters.date_from, date_to=filters.date_to
    )
    table = cash_journal.journal_table(cash_journal.journal_entries(applications))
    return [
        {h: (str(v) if h in ("debit", "credit") else v) for h, v in zip(table.headers, row, strict=True)}
        for row in table.rows
    ]
