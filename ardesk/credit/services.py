"""Credit writes: statements, the order check, orders, scores, scorecards, requests, reviews.

Each service is one transaction, locks what its rule reads and writes an audit event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.core import clock, prepared
from ardesk.core.errors import ApplicationError, InvalidInput, NotPermitted
from ardesk.core.money import from_minor, quantize, to_decimal, to_minor
from ardesk.credit import domain, selectors
from ardesk.credit.models import (
    ApprovalLevel,
    CreditAccount,
    CreditGroup,
    CreditRequest,
    CreditReview,
    CreditScore,
    FinancialStatement,
    OpenOrder,
    OrderStatus,
    PeriodKind,
    RequestKind,
    RequestStatus,
    ReviewDecision,
    ReviewReason,
    ReviewStatus,
    Scorecard,
)
from ardesk.customers.models import Customer
from ardesk.customers.services import ensure_permission
from ardesk.ledger import selectors as ledger


class OrderClosed(ApplicationError):
    code = "order_closed"
    status = 409


# ---------------------------------------------------------------------------- statements


def _parse_lines(lines: dict[str, Any], currency: str, errors: dict[str, list[str]]) -> dict[str, int]:
    parsed: dict[str, int] = {}
    for label, value in lines.items():
        code = domain.line_code(str(label))
        if code is None:
            errors.setdefault(str(label), []).append(_("Unknown statement line."))
            continue
        if value is None or str(value).strip() == "":
            continue
        try:
            parsed[code] = to_minor(quantize(to_decimal(value), currency), currency)
        except (ValueError, TypeError):
            errors.setdefault(str(label), []).append(_("%(value)s is not an amount.") % {"value": value})
    return parsed


@transaction.atomic
def statement_save(
    *,
    by,
    customer: Customer,
    period_end: dt.date,
    lines: dict[str, Any],
    period_kind: str = PeriodKind.ANNUAL,
    months: int | None = None,
    is_audited: bool = False,
    currency: str = "",
    source: str = "form",
    row: int | None = None,
) -> FinancialStatement:
    """Enter a customer's statement for a period, replacing the lines of the same period if it exists."""
    ensure_permission(by, "credit.add_financialstatement")
    currency = (currency or customer.company.functional_currency).upper()
    errors: dict[str, list[str]] = {}
    if period_kind not in PeriodKind.values:
        errors["period_kind"] = [_("Use annual or interim.")]
    months = months or (12 if period_kind == PeriodKind.ANNUAL else 6)
    if not 1 <= months <= 12:
        errors["months"] = [_("Between 1 and 12 months.")]
    try:
        from ardesk.core.money import currency_decimals

        currency_decimals(currency)
    except ValueError:
        errors["currency"] = [_("Use a three-letter ISO 4217 code such as CNY.")]
        currency = "CNY"
    parsed = _parse_lines(lines, currency, errors)
    if not parsed and not errors:
        errors["lines"] = [_("Enter at least one statement line.")]
    if errors:
        raise InvalidInput(errors, row=row)
    statement = (
        FinancialStatement.objects.select_for_update()
        .filter(customer=customer, period_end=period_end, period_kind=period_kind)
        .first()
    )
    before = None
    if statement is None:
        statement = FinancialStatement(customer=customer, period_end=period_end, period_kind=period_kind, created_by=by)
    else:
        before = {"lines": statement.lines, "months": statement.months, "is_audited": statement.is_audited}
    statement.months, statement.is_audited, statement.currency = months, is_audited, currency
    statement.lines, statement.source = parsed, source
    statement.save()
    record(
        action="credit.statement_save",
        actor=by,
        target=statement,
        company_id=customer.company_id,
        before=before,
        after={"lines": parsed, "months": months, "is_audited": is_audited, "currency": currency, "source": source},
    )
    return statement


STATEMENT_COLUMNS = {"customer", "company", "period_end", "period_kind", "months", "audited", "currency"}
COLUMN_ALIASES = {
    "客户编码": "customer",
    "公司": "company",
    "期末日": "period_end",
    "报表期间": "period_kind",
    "月数": "months",
    "是否审计": "audited",
    "币种": "currency",
}


def _truthy(value) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "y", "是", "已审计")


@transaction.atomic
def statements_import(*, by, handle, filename: str, company_ids: list[int]) -> list[FinancialStatement]:
    """Import statements from CSV or XLSX, one period per row, all or nothing.

    Columns: customer (code), period_end (YYYY-MM-DD), optional company, period_kind, months,
    audited, currency, then one column per line named by its code, English or Chinese name.
    """
    from ardesk.ledger.imports.reader import FileProblem, open_table

    ensure_permission(by, "credit.add_financialstatement")
    try:
        table = open_table(handle, filename)
    except FileProblem as exc:
        raise InvalidInput({"file": [str(exc)]}) from exc
    headers = [COLUMN_ALIASES.get(h, h.lower() if h.lower() in STATEMENT_COLUMNS else h) for h in table.headers]
    unknown = [h for h in headers if h not in STATEMENT_COLUMNS and domain.line_code(h) is None]
    if unknown:
        raise InvalidInput({"file": [_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)}]})
    for required in ("customer", "period_end"):
        if required not in headers:
            raise InvalidInput({"file": [_("The column %(column)s is missing.") % {"column": required}]})
    try:
        return _statement_rows(by, table, headers, company_ids)
    finally:
        table.rows.close()  # stop reading the file while it is still open, also after a bad row


def _statement_rows(by, table, headers: list[str], company_ids: list[int]) -> list[FinancialStatement]:
    from ardesk.ledger.imports.reader import cell_text

    customers = Customer.objects.filter(company_id__in=company_ids).select_related("company")
    saved = []
    for number, cells in table.rows:
        values = {h: cell_text(c) if c not in (None, "") else "" for h, c in zip(headers, cells, strict=False)}
        matches = customers.filter(code=values["customer"])
        if values.get("company"):
            matches = matches.filter(company__code=values["company"])
        found = list(matches[:2])
        if len(found) != 1:
            message = (
                _("Customer %(code)s not found in your companies.")
                if not found
                else _("Customer %(code)s exists in several companies: add a company column.")
            )
            raise InvalidInput({"customer": [message % {"code": values["customer"]}]}, row=number)
        try:
            period_end = dt.date.fromisoformat(values["period_end"][:10])
        except ValueError as exc:
            raise InvalidInput({"period_end": [_("Use a date such as 2024-12-31.")]}, row=number) from exc
        months = values.get("months") or ""
        try:
            months_value = int(Decimal(months)) if months else None
        except ArithmeticError as exc:
            raise InvalidInput({"months": [_("A whole number of months.")]}, row=number) from exc
        lines = {h: v for h, v in values.items() if h not in STATEMENT_COLUMNS}
        saved.append(
            statement_save(
                by=by,
                customer=found[0],
                period_end=period_end,
                lines=lines,
                period_kind=(values.get("period_kind") or "annual").lower(),
                months=months_value,
                is_audited=_truthy(values.get("audited", "")),
                currency=values.get("currency", ""),
                source="import",
                row=number,
            )
        )
    if not saved:
        raise InvalidInput({"file": [_("The file has no statement rows.")]})
    return saved


@transaction.atomic
def statement_delete(*, by, statement: FinancialStatement) -> None:
    ensure_permission(by, "credit.delete_financialstatement")
    record(action="credit.statement_delete", actor=by, target=statement, before={"lines": statement.lines})
    statement.delete()


# ---------------------------------------------------------------------------- accounts and limits


def _account(customer: Customer) -> CreditAccount:
    """The customer's credit account, locked for the rest of the transaction; created on first use."""
    account = CreditAccount.objects.select_for_update(of=("self",)).select_related("company__credit_rules")
    found = account.filter(customer=customer).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            CreditAccount.objects.create(customer=customer, company_id=customer.company_id)
    except IntegrityError:
        pass  # made at the same moment by another transaction: lock the one it made
    return account.get(customer=customer)


@transaction.atomic
def account_update(*, by, customer: Customer, **fields) -> CreditAccount:
    """Change the analyst's qualitative inputs, the group or the review date (a limit change is a request)."""
    ensure_permission(by, "credit.change_creditaccount")
    allowed = {"industry_risk", "external_rating", "group", "next_review_on"}
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput({name: [_("This field cannot be changed here.")] for name in sorted(unknown)})
    account = _account(customer)
    before = {k: getattr(account, k if k != "group" else "group_id") for k in fields}
    for name, value in fields.items():
        setattr(account, name, value)
    account.save()
    after = {k: getattr(account, k if k != "group" else "group_id") for k in fields}
    record(
        action="credit.account_update",
        actor=by,
        target=account,
        company_id=customer.company_id,
        before=before,
        after=after,
    )
    return account


@transaction.atomic
def group_save(*, by, company, code: str, name: str, limit: Decimal, valid_until: dt.date | None) -> CreditGroup:
    ensure_permission(by, "credit.add_creditgroup")
    minor = to_minor(quantize(to_decimal(limit), company.functional_currency), company.functional_currency)
    group, _created = CreditGroup.objects.update_or_create(
        company=company, code=code, defaults={"name": name, "limit": minor, "valid_until": valid_until}
    )
    record(action="credit.group_save", actor=by, target=group, after={"limit": minor, "valid_until": valid_until})
    return group


# ---------------------------------------------------------------------------- the order credit check


def _functional_minor(amount: Decimal, currency: str, company, on: dt.date) -> int:
    functional = company.functional_currency
    rate = ledger.exchange_rate(currency=currency, quote_currency=functional, on=on)
    return to_minor(quantize(to_decimal(amount) * rate, functional), functional)


def _figures(result: domain.CheckResult, facts: domain.CheckFacts, currency: str) -> dict:
    def m(minor):
        return None if minor is None else str(from_minor(minor, currency))

    return {
        "currency": currency,
        "order_amount": m(facts.amount),
        "open_receivables": m(facts.open_receivables),
        "unapplied_credits": m(facts.unapplied_credits),
        "open_orders": m(facts.open_orders),
        "exposure": m(result.exposure),
        "limit": m(facts.limit),
        "limit_valid_until": facts.limit_valid_until.isoformat() if facts.limit_valid_until else None,
        "available": m(facts.limit - result.exposure) if facts.limit is not None else None,
        "group_exposure": m(result.group_exposure),
        "group_limit": m(facts.group_limit),
        "overdue_amount": m(facts.overdue_amount),
        "oldest_overdue_days": facts.oldest_overdue_days,
        "next_review_on": facts.next_review_on.isoformat() if facts.next_review_on else None,
        "special_approval": m(facts.special_approval) if facts.special_approval else None,
    }


_INSERT_ORDER_SQL = """
    INSERT INTO credit_openorder (company_id, customer_id, order_ref, amount, currency, status, reasons, figures,
                                  checked_at, checked_by_id, decision_note)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, '') RETURNING id
"""


@transaction.atomic
def credit_check(
    *, by, customer: Customer, order_ref: str, amount, currency: str = ""
) -> tuple[OpenOrder, domain.CheckResult]:
    """Check an order against the customer's credit (信用检查) and record it: released, held or blocked.

    The customer's credit account row (and its group's row) is locked first, so two checks for one
    customer run one after the other: the second sees the first's released order in the exposure
    and cannot also pass a limit that only one of them fits. A new order's check is three statements
    (account lock with the rules; the order, the ledger exposure and a special approval; the insert)
    and the audit event, after the permission (read with the customer by ``check_customer``); the
    rarer paths (first check of a customer, a group, a re-check, using a special approval) use the
    ORM.
    """
    if not selectors.has_permission(by, selectors.CHECK_PERMISSION):
        raise NotPermitted(_("Your role does not allow this action."))
    company = customer.company
    today = clock.today()
    currency = (currency or company.functional_currency).upper()
    try:
        amount_decimal = quantize(to_decimal(amount), currency)
    except (ValueError, TypeError) as exc:
        raise InvalidInput({"amount": [_("%(value)s is not an amount.") % {"value": amount}]}) from exc
    if amount_decimal <= 0:
        raise InvalidInput({"amount": [_("The order amount must be positive.")]})
    if not order_ref.strip():
        raise InvalidInput({"order_ref": [_("The order reference is required.")]})
    account = selectors.locked_account(customer.pk)
    if account is None:
        _account(customer)  # the first check of this customer makes its account (locked)
        account = selectors.locked_account(customer.pk)
    group = CreditGroup.objects.select_for_update().get(pk=account.group_id) if account.group_id else None
    functional = company.functional_currency
    amount_minor = _functional_minor(amount_decimal, currency, company, today)
    context = selectors.order_context(company_id=company.pk, order_ref=order_ref, customer_id=customer.pk, today=today)
    existing = None
    if context.existing_id is not None:
        existing = OpenOrder.objects.get(pk=context.existing_id)
        if existing.status not in (OrderStatus.RELEASED, OrderStatus.HELD, OrderStatus.BLOCKED):
            raise OrderClosed(
                _("Order %(ref)s is already %(status)s.") % {"ref": order_ref, "status": existing.get_status_display()},
                field="order_ref",
            )
        if existing.customer_id != customer.pk:
            raise InvalidInput({"order_ref": [_("Order %(ref)s belongs to another customer.") % {"ref": order_ref}]})
    facts, result, special = _evaluate(
        customer=customer,
        account=account,
        group=group,
        amount_minor=amount_minor,
        open_orders=context.open_orders,
        exclude_order=context.existing_id,
        today=today,
        context=context,
    )
    status = {domain.RELEASE: OrderStatus.RELEASED, domain.HOLD: OrderStatus.HELD, domain.BLOCK: OrderStatus.BLOCKED}[
        result.decision
    ]
    reasons = _reasons(result)
    order_figures = _figures(result, facts, functional)
    if existing is not None:
        order = existing
        order.amount, order.currency, order.status = amount_minor, functional, status
        order.reasons, order.figures, order.checked_by = reasons, order_figures, by
        order.save()
    else:
        order = _order_insert(
            company=company,
            customer=customer,
            order_ref=order_ref,
            amount=amount_minor,
            currency=functional,
            status=status,
            reasons=reasons,
            figures=order_figures,
            by=by,
        )
    if result.uses_special_approval:
        CreditRequest.objects.filter(pk=special).update(status=RequestStatus.USED, used_by_order=order)
    record(
        action="credit.check",
        actor=by,
        target=order,
        company_id=company.pk,
        after={
            "decision": result.decision,
            "reasons": result.codes,
            "exposure": result.exposure,
            "amount": amount_minor,
        },
    )
    return order, result


def _evaluate(
    *,
    customer: Customer,
    account: selectors.CheckAccount,
    group: CreditGroup | None,
    amount_minor: int,
    open_orders: int,
    exclude_order: int | None,
    today: dt.date,
    context: selectors.OrderContext | None = None,
) -> tuple[domain.CheckFacts, domain.CheckResult, int | None]:
    """Read the exposure and decide an order (the account is locked): the facts, the result, the special approval's id.

    A new check passes the ``context`` it read in one statement; a re-check reads the ledger here.
    """
    if context is not None:
        figures = context.exposure
    else:
        figures = ledger.exposure_minor(customer_ids=[customer.pk], company_id=customer.company_id, as_of=today)
    group_exposure = None
    if group is not None:
        member_ids = list(group.accounts.values_list("customer_id", flat=True))
        group_figures = ledger.exposure_minor(customer_ids=member_ids, company_id=customer.company_id, as_of=today)
        group_exposure = (
            group_figures["open"]
            - group_figures["unapplied"]
            + selectors.open_orders_minor(customer_ids=member_ids, exclude_order=exclude_order)
        )
    facts = domain.CheckFacts(
        today=today,
        customer_status=customer.status,
        amount=amount_minor,
        open_receivables=figures["open"],
        unapplied_credits=figures["unapplied"],
        open_orders=open_orders,
        limit=account.limit,
        limit_valid_until=account.limit_valid_until,
        group_limit=group.limit if group else None,
        group_exposure=group_exposure,
        group_limit_valid_until=group.valid_until if group else None,
        overdue_amount=figures["overdue"],
        oldest_overdue_days=(today - figures["oldest_due_on"]).days if figures["oldest_due_on"] else 0,
        next_review_on=account.next_review_on,
        hold_overdue_days=account.hold_overdue_days,
        block_overdue_days=account.block_overdue_days,
        hold_overdue_amount=account.hold_overdue_amount,
    )
    result = domain.check_order(facts)
    special = None
    if "over_limit" in result.codes:
        # Only an order over the limit uses a special approval (信用特批); the account lock
        # already serialises the checks that could use the same one.
        if context is not None:
            special, amount = context.special_id, context.special_amount
        else:
            found = (
                CreditRequest.objects.filter(
                    customer=customer, kind=RequestKind.SPECIAL, status=RequestStatus.APPROVED, valid_until__gte=today
                )
                .order_by("valid_until", "id")
                .values_list("id", "amount")
                .first()
            )
            special, amount = found or (None, None)
        if special is not None:
            facts = dataclasses.replace(facts, special_approval=amount)
            result = domain.check_order(facts)
    return facts, result, special


def _reasons(result: domain.CheckResult) -> list[dict]:
    reasons = [{"code": r.code, "decision": r.decision, "message": r.message} for r in result.reasons]
    if result.uses_special_approval:
        reasons.append(
            {"code": "special_approval", "decision": domain.RELEASE, "message": _("Released under a special approval.")}
        )
    return reasons


def held_orders_recheck(*, by, customer: Customer) -> list[OpenOrder]:
    """Re-check the customer's held orders after its limit changed, oldest first; release those that now pass.

    Called inside the limit change's transaction, under the account lock. An order still held (or
    now blocked) stays in the queue for a manager, unchanged. Each released order joins the
    exposure before the next one is checked, so together they never pass the new limit.
    """
    account = selectors.locked_account(customer.pk)
    if account is None:
        return []
    group = CreditGroup.objects.select_for_update().get(pk=account.group_id) if account.group_id else None
    today = clock.today()
    released = []
    for order in OpenOrder.objects.filter(customer=customer, status=OrderStatus.HELD).order_by("checked_at", "id"):
        facts, result, special = _evaluate(
            customer=customer,
            account=account,
            group=group,
            amount_minor=order.amount,
            open_orders=selectors.open_orders_minor(customer_ids=[customer.pk]),
            exclude_order=order.pk,
            today=today,
        )
        if result.decision != domain.RELEASE:
            continue
        order.status, order.reasons, order.figures = (
            OrderStatus.RELEASED,
            _reasons(result),
            _figures(result, facts, order.currency),
        )
        order.decided_by, order.decided_at = by, clock.now()
        order.decision_note = _("Released when re-checked after the credit limit changed.")
        order.save(update_fields=["status", "reasons", "figures", "decided_by", "decided_at", "decision_note"])
        if result.uses_special_approval:
            CreditRequest.objects.filter(pk=special).update(status=RequestStatus.USED, used_by_order=order)
        record(
            action="credit.order_release",
            actor=by,
            target=order,
            before={"status": OrderStatus.HELD},
            after={"status": OrderStatus.RELEASED, "recheck": True, "exposure": result.exposure},
        )
        released.append(order)
    return released


def _order_insert(*, company, customer, order_ref, amount, currency, status, reasons, figures, by) -> OpenOrder:
    """Insert a newly checked order in one statement (the ORM's insert costs more than the rest of the check)."""
    checked_at = timezone.now()
    with connection.cursor() as cursor:
        prepared.execute(
            cursor,
            "ardesk_credit_order_insert",
            _INSERT_ORDER_SQL,
            [
                company.pk,
                customer.pk,
                order_ref,
                amount,
                currency,
                status,
                json.dumps(reasons),
                json.dumps(figures),
                connection.ops.adapt_datetimefield_value(checked_at),
                by.pk,
            ],
        )
        (pk,) = cursor.fetchone()
    order = OpenOrder(
        id=pk,
        company=company,
        customer=customer,
        order_ref=order_ref,
        amount=amount,
        currency=currency,
        status=status,
        reasons=reasons,
        figures=figures,
        checked_at=checked_at,
        checked_by=by,
    )
    order._state.adding, order._state.db = False, connection.alias
    return order


def _order_by_ref(company, order_ref: str) -> OpenOrder:
    order = OpenOrder.objects.select_for_update().filter(company=company, order_ref=order_ref).first()
    if order is None:
        from ardesk.core.errors import NotFound

        raise NotFound(_("Order %(ref)s was never checked.") % {"ref": order_ref})
    return order


@transaction.atomic
def order_close(*, by, company, order_ref: str, status: str) -> OpenOrder:
    """The order was invoiced (its amount is now in the ledger) or cancelled: it leaves the exposure."""
    ensure_permission(by, "credit.check_order")
    order = _order_by_ref(company, order_ref)
    allowed = (OrderStatus.RELEASED, OrderStatus.HELD) if status == OrderStatus.CANCELLED else (OrderStatus.RELEASED,)
    if order.status not in allowed:
        raise OrderClosed(
            _("Order %(ref)s is %(status)s and cannot be marked %(new)s.")
            % {"ref": order_ref, "status": order.get_status_display(), "new": OrderStatus(status).label}
        )
    before = order.status
    order.status = status
    order.save(update_fields=["status"])
    record(action=f"credit.order_{status}", actor=by, target=order, before={"status": before}, after={"status": status})
    return order


@transaction.atomic
def order_decide(*, by, order: OpenOrder, release: bool, note: str = "") -> OpenOrder:
    """A manager releases a held order (it joins the exposure) or rejects it; audited."""
    ensure_permission(by, "credit.decide_openorder")
    order = OpenOrder.objects.select_for_update().get(pk=order.pk)
    if order.status != OrderStatus.HELD:
        raise OrderClosed(_("Order %(ref)s is not held.") % {"ref": order.order_ref})
    _account(order.customer)  # the same lock as the check: a release and a check do not interleave
    order.status = OrderStatus.RELEASED if release else OrderStatus.REJECTED
    order.decided_by, order.decided_at, order.decision_note = by, clock.now(), note
    order.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record(
        action="credit.order_release" if release else "credit.order_reject",
        actor=by,
        target=order,
        before={"status": OrderStatus.HELD},
        after={"status": order.status, "note": note},
    )
    return order


# ---------------------------------------------------------------------------- scorecards and scores


def _validated(config: dict) -> dict:
    problems = domain.validate_scorecard(config)
    if problems:
        raise InvalidInput({"config": problems})
    return config


@transaction.atomic
def scorecard_save(*, by, code: str, name: str, config: dict, note: str = "") -> Scorecard:
    """Save a scorecard as its next version; earlier versions stay as they were, for the scores that used them."""
    ensure_permission(by, "credit.add_scorecard")
    if not code.strip():
        raise InvalidInput({"code": [_("A code is required.")]})
    _validated(config)
    latest = Scorecard.objects.select_for_update().filter(code=code).order_by("-version").first()
    version = latest.version + 1 if latest else 1
    Scorecard.objects.filter(code=code, is_active=True).update(is_active=False)
    scorecard = Scorecard.objects.create(code=code, version=version, name=name, config=config, note=note, created_by=by)
    record(action="credit.scorecard_save", actor=by, target=scorecard, after={"version": version, "note": note})
    return scorecard


def scorecard_export(scorecard: Scorecard) -> dict:
    return {
        "code": scorecard.code,
        "version": scorecard.version,
        "name": scorecard.name,
        "note": scorecard.note,
        "config": scorecard.config,
    }


def scorecard_import(*, by, data: dict) -> Scorecard:
    """Import an exported scorecard as the next version of its code."""
    missing = [key for key in ("code", "name", "config") if key not in data]
    if missing:
        raise InvalidInput({key: [_("This field is required.")] for key in missing})
    return scorecard_save(
        by=by, code=data["code"], name=data["name"], config=data["config"], note=data.get("note", "imported")
    )


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    return value


@transaction.atomic
def customer_score(
    *, by, customer: Customer, scorecard: Scorecard | None = None, as_of: dt.date | None = None
) -> CreditScore:
    """Score a customer and store the score, grade, breakdown, scorecard version and inputs; update the account.

    A grade lower than the previous one opens a credit review (an event review).
    """
    ensure_permission(by, "credit.add_creditscore")
    as_of = as_of or clock.today()
    scorecard = scorecard or selectors.active_scorecard()
    account = _account(customer)
    inputs = selectors.scoring_inputs(customer=customer, as_of=as_of)
    result = domain.score(scorecard.config, inputs)
    currency = customer.company.functional_currency
    equity = inputs["statement"]["equity"]
    if equity is not None and inputs["statement"]["currency"] != currency:
        rate = ledger.exchange_rate(currency=inputs["statement"]["currency"], quote_currency=currency, on=as_of)
        equity = quantize(equity * rate, currency)
    limit, explanation = domain.recommended_limit(
        result.limit_rule,
        equity=equity,
        monthly_sales=selectors.monthly_sales(customer=customer, as_of=as_of),
        term_days=result.max_term_days,
    )
    score = CreditScore.objects.create(
        customer=customer,
        scorecard=scorecard,
        score=result.score,
        grade=result.grade,
        breakdown=[
            {
                "key": f.key,
                "source": f.source,
                "weight": str(f.weight),
                "value": f.value,
                "band": f.band,
                "points": str(f.points),
                "contribution": str(f.contribution),
                "note": f.note,
            }
            for f in result.factors
        ],
        inputs=_plain(inputs),
        recommended_limit=to_minor(quantize(limit, currency), currency) if limit is not None else None,
        currency=currency,
        limit_explanation=explanation[:300],
        max_term_days=result.max_term_days,
        scored_on=as_of,
        scored_by=by,
    )
    previous_grade = account.grade
    account.grade, account.score, account.max_term_days, account.last_score = (
        result.grade,
        result.score,
        result.max_term_days,
        score,
    )
    account.next_review_on = domain.add_months(as_of, result.review_months)
    account.save()
    record(
        action="credit.score",
        actor=by,
        target=score,
        company_id=customer.company_id,
        before={"grade": previous_grade} if previous_grade else None,
        after={"grade": result.grade, "score": result.score, "scorecard": str(scorecard)},
    )
    if previous_grade and domain.grade_rank(scorecard.config, result.grade) > domain.grade_rank(
        scorecard.config, previous_grade
    ):
        review_open(
            customer=customer,
            due_on=as_of,
            reason=ReviewReason.GRADE_DROP,
            detail=_("Grade dropped from %(old)s to %(new)s.") % {"old": previous_grade, "new": result.grade},
        )
    return score


# ---------------------------------------------------------------------------- requests and approvals


def _amount_minor(value, currency: str, field: str) -> int:
    try:
        return to_minor(quantize(to_decimal(value), currency), currency)
    except (ValueError, TypeError) as exc:
        raise InvalidInput({field: [_("%(value)s is not an amount.") % {"value": value}]}) from exc


@transaction.atomic
def credit_request_create(
    *,
    by,
    customer: Customer,
    kind: str,
    reason: str,
    amount=None,
    term_days: int | None = None,
    valid_until: dt.date | None = None,
    evidence=None,
) -> CreditRequest:
    """Request a limit or term change, or a special one-off approval (信用特批).

    A limit or term within the grade's policy (at most the recommended limit and the maximum term
    of the last score) applies at once; anything beyond it waits for an approver.
    """
    ensure_permission(by, "credit.add_creditrequest")
    currency = customer.company.functional_currency
    errors: dict[str, list[str]] = {}
    if kind not in RequestKind.values:
        errors["kind"] = [_("Use limit, term or special.")]
    if not reason.strip():
        errors["reason"] = [_("Give the reason for the request.")]
    minor = None
    if kind in (RequestKind.LIMIT, RequestKind.SPECIAL):
        if amount in (None, ""):
            errors["amount"] = [_("The amount is required.")]
        else:
            minor = _amount_minor(amount, currency, "amount")
            if minor < 0 or (kind == RequestKind.SPECIAL and minor == 0):
                errors["amount"] = [_("The amount must be positive.")]
    if kind == RequestKind.TERM and (term_days is None or term_days < 0):
        errors["term_days"] = [_("The payment term in days is required.")]
    if kind == RequestKind.SPECIAL and valid_until is None:
        errors["valid_until"] = [_("A special approval needs an expiry date.")]
    if valid_until is not None and valid_until < clock.today():
        errors["valid_until"] = [_("The date is in the past.")]
    if errors:
        raise InvalidInput(errors)
    account = _account(customer)
    request = CreditRequest(
        customer=customer,
        company_id=customer.company_id,
        kind=kind,
        amount=minor,
        currency=currency,
        term_days=term_days,
        valid_until=valid_until,
        reason=reason,
        requested_by=by,
    )
    if evidence is not None:
        request.evidence = evidence
    score = account.last_score
    if kind == RequestKind.LIMIT and score is not None and score.recommended_limit is not None:
        request.within_policy = minor <= score.recommended_limit
    elif kind == RequestKind.TERM and score is not None:
        request.within_policy = term_days <= score.max_term_days
    if not request.within_policy:
        level = _level_needed(request)
        request.level = level.name if level else ""
    request.save()
    record(
        action="credit.request",
        actor=by,
        target=request,
        company_id=customer.company_id,
        after={"kind": kind, "amount": minor, "term_days": term_days, "valid_until": valid_until, "reason": reason},
    )
    if request.within_policy:
        request.status, request.decided_at = RequestStatus.APPROVED, clock.now()
        request.decision_note = _("Within the grade's policy: applied without approval.")
        request.save(update_fields=["status", "decided_at", "decision_note"])
        _apply(request, account, by)
    return request


def _request_amount(request: CreditRequest) -> int:
    """The amount an approval level is judged by: the new limit or the special approval (a term counts as 0)."""
    return request.amount or 0


def _level_needed(request: CreditRequest) -> ApprovalLevel | None:
    levels = list(ApprovalLevel.objects.all())
    name = domain.approval_level_needed([(lv.name, lv.max_amount) for lv in levels], _request_amount(request))
    return next((lv for lv in levels if lv.name == name), None)


def approval_limit(user) -> tuple[bool, int | None]:
    """(may approve at all, up to which amount; None: any amount) from the user's roles' approval levels."""
    if not user.has_perm("credit.approve_creditrequest"):
        return False, 0
    levels = ApprovalLevel.objects.filter(group__in=user.groups.all())
    if user.is_superuser:
        return True, None
    maximums = [lv.max_amount for lv in levels]
    if not maximums:
        return False, 0
    return True, (None if None in maximums else max(maximums))


def _apply(request: CreditRequest, account: CreditAccount, by) -> None:
    before = {
        "limit": account.limit,
        "limit_valid_until": account.limit_valid_until,
        "max_term_days": account.max_term_days,
    }
    if request.kind == RequestKind.LIMIT:
        account.limit, account.limit_valid_until = request.amount, request.valid_until
    elif request.kind == RequestKind.TERM:
        account.max_term_days = request.term_days
    else:
        return  # a special approval is used by the next order that needs it
    account.save()
    after = {
        "limit": account.limit,
        "limit_valid_until": account.limit_valid_until,
        "max_term_days": account.max_term_days,
    }
    record(
        action="credit.account_change",
        actor=by,
        target=account,
        company_id=account.company_id,
        before=before,
        after=after,
    )
    if request.kind == RequestKind.LIMIT:
        held_orders_recheck(by=by, customer=request.customer)


@transaction.atomic
def credit_request_decide(*, by, request: CreditRequest, approve: bool, note: str = "") -> CreditRequest:
    """Approve or reject a pending request: never by its requester, and only within the approver's level."""
    request = CreditRequest.objects.select_for_update().select_related("customer").get(pk=request.pk)
    if request.status != RequestStatus.PENDING:
        raise ApplicationError(
            _("The request is %(status)s, not waiting for approval.") % {"status": request.get_status_display()}
        )
    if request.requested_by_id == by.pk:
        raise NotPermitted(_("Nobody approves or rejects their own request."))
    may, maximum = approval_limit(by)
    if not may:
        raise NotPermitted(_("Your role has no approval level for credit requests."))
    amount = _request_amount(request)
    if approve and maximum is not None and amount > maximum:
        raise NotPermitted(
            _("%(amount)s %(currency)s is above your approval level of %(max)s %(currency)s.")
            % {
                "amount": from_minor(amount, request.currency),
                "currency": request.currency,
                "max": from_minor(maximum, request.currency),
            }
        )
    request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    request.decided_by, request.decided_at, request.decision_note = by, clock.now(), note
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    record(
        action="credit.request_approve" if approve else "credit.request_reject",
        actor=by,
        target=request,
        company_id=request.company_id,
        before={"status": RequestStatus.PENDING},
        after={"status": request.status, "note": note, "amount": request.amount, "level": request.level},
    )
    if approve:
        _apply(request, _account(request.customer), by)
    return request


# ---------------------------------------------------------------------------- reviews


def review_open(*, customer: Customer, due_on: dt.date, reason: str, detail: str = "") -> CreditReview | None:
    """Open a review for the customer unless one is open already (one open review per customer)."""
    if CreditReview.objects.filter(customer=customer, status=ReviewStatus.OPEN).exists():
        return None
    try:
        with transaction.atomic():
            review = CreditReview.objects.create(
                customer=customer, company_id=customer.company_id, due_on=due_on, reason=reason, detail=detail
            )
    except IntegrityError:
        return None
    record(
        action="credit.review_open",
        target=review,
        company_id=customer.company_id,
        after={"reason": reason, "detail": detail},
    )
    return review


def reviews_schedule(*, as_of: dt.date) -> int:
    """Open the reviews that fell due by date: by the grade's schedule, a large overdue, high utilisation.

    Safe to run again: a customer with an open review gets no second one.
    """
    opened = 0
    accounts = CreditAccount.objects.select_related("customer", "company").exclude(customer__status="closed")
    for account in accounts.filter(next_review_on__lte=as_of):
        if review_open(customer=account.customer, due_on=account.next_review_on, reason=ReviewReason.SCHEDULE):
            opened += 1
    rules_by_company: dict[int, Any] = {}
    for account in accounts.exclude(customer__credit_reviews__status=ReviewStatus.OPEN):
        rules = rules_by_company.setdefault(account.company_id, selectors.rules_for(account.company_id))
        figures = ledger.exposure_minor(customer_ids=[account.pk], company_id=account.company_id, as_of=as_of)
        currency = account.company.functional_currency
        if rules.review_overdue_amount and figures["overdue"] > rules.review_overdue_amount:
            detail = _("Overdue %(amount)s %(currency)s.") % {
                "amount": from_minor(figures["overdue"], currency),
                "currency": currency,
            }
            opened += bool(
                review_open(customer=account.customer, due_on=as_of, reason=ReviewReason.LARGE_OVERDUE, detail=detail)
            )
            continue
        if account.limit:
            total = figures["open"] - figures["unapplied"] + selectors.open_orders_minor(customer_ids=[account.pk])
            percent = Decimal(total) * 100 / account.limit
            if percent > rules.review_utilisation_percent:
                detail = _("Utilisation %(percent)s%%.") % {"percent": percent.quantize(Decimal("0.1"))}
                opened += bool(
                    review_open(customer=account.customer, due_on=as_of, reason=ReviewReason.UTILISATION, detail=detail)
                )
    return opened


@transaction.atomic
def review_complete(*, by, review: CreditReview, decision: str, note: str = "") -> CreditReview:
    """Complete a review: re-score the customer on the active scorecard and record the decision."""
    ensure_permission(by, "credit.change_creditreview")
    review = CreditReview.objects.select_for_update().select_related("customer__company").get(pk=review.pk)
    if review.status != ReviewStatus.OPEN:
        raise ApplicationError(_("The review is already completed."))
    if decision not in ReviewDecision.values:
        raise InvalidInput({"decision": [_("Use keep, reduce or hold.")]})
    score = customer_score(by=by, customer=review.customer)
    review.status, review.decision, review.note, review.score = ReviewStatus.DONE, decision, note, score
    review.completed_by, review.completed_at = by, clock.now()
    review.save()
    record(
        action="credit.review_complete",
        actor=by,
        target=review,
        company_id=review.company_id,
        after={"decision": decision, "note": note, "grade": score.grade, "score": score.score},
    )
    if decision == ReviewDecision.HOLD and review.customer.status == "active":
        from ardesk.customers.services import customer_status_change

        customer_status_change(by=by, customer=review.customer, status="on_hold", reason=note or _("Credit review"))
    return review
