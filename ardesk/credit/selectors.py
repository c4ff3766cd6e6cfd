"""Questions about credit: statements and ratios with trends, scoring inputs, exposure, queues, portfolio."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import prepared
from ardesk.core.errors import NotFound
from ardesk.core.money import from_minor
from ardesk.credit import domain
from ardesk.credit.models import (
    ApprovalLevel,
    CreditAccount,
    CreditLimitBatch,
    CreditLimitLine,
    CreditRequest,
    CreditReview,
    CreditRules,
    CreditScore,
    FinancialStatement,
    OpenOrder,
    OrderStatus,
    RequestKind,
    RequestStatus,
    ReviewStatus,
    Scorecard,
)
from ardesk.customers.models import Customer
from ardesk.customers.services import ATTACHMENT_SIGNATURES
from ardesk.ledger import selectors as ledger

OPAQUE = "application/octet-stream"


def financial_statement_lines(statement: FinancialStatement) -> dict[str, Decimal | None]:
    """A statement's lines as amounts in its currency; lines not entered are None."""
    return {
        code: (from_minor(statement.lines[code], statement.currency) if statement.lines.get(code) is not None else None)
        for code in domain.LINE_CODES
    }


@dataclass
class PeriodAnalysis:
    statement: FinancialStatement
    lines: dict[str, Decimal | None]
    ratios: list[domain.Ratio]
    z_scores: list[domain.ZScore]


def financial_statements_of(customer: Customer) -> list[FinancialStatement]:
    return list(FinancialStatement.objects.filter(customer=customer).order_by("period_end", "period_kind"))


def analysis(customer: Customer) -> list[PeriodAnalysis]:
    """Every period of the customer, oldest first, with its ratios and Z-scores."""
    periods = []
    for statement in financial_statements_of(customer):
        lines = financial_statement_lines(statement)
        periods.append(
            PeriodAnalysis(
                statement, lines, domain.ratios(lines, statement.months), domain.z_scores(lines, statement.months)
            )
        )
    return periods


def ratio_trends(periods: list[PeriodAnalysis]) -> dict[str, str]:
    """The direction of each ratio and Z-score between the last two periods where it is available."""
    trends = {key: domain.trend([p.ratios[i].value for p in periods]) for i, key in enumerate(domain.RATIO_KEYS)}
    for i, model in enumerate(domain.Z_MODELS):
        trends[model.key] = domain.trend([p.z_scores[i].value for p in periods])
    return trends


def latest_annual(customer: Customer) -> PeriodAnalysis | None:
    """The latest statement scored: the latest annual one, else the latest interim."""
    periods = analysis(customer)
    annual = [p for p in periods if p.statement.period_kind == "annual"]
    chosen = (annual or periods)[-1:] if periods else []
    return chosen[0] if chosen else None


def payment_behaviour(*, customer: Customer, as_of: dt.date) -> dict[str, Decimal | None]:
    """Internal payment behaviour over the last 12 months: amount-weighted days late, share paid late, DSO,
    broken promises to pay and disputes opened (from collections)."""
    from ardesk.collections.selectors import promise_and_dispute_counts

    since = as_of - dt.timedelta(days=365)
    paid = ledger.settled_lines(customer_ids=[customer.pk], since=since, until=as_of)
    counts = promise_and_dispute_counts(customer_ids=[customer.pk], since=since, until=as_of)[customer.pk]
    behaviour: dict[str, Decimal | None] = {
        "avg_days_late": None,
        "late_share": None,
        "dso": None,
        "broken_promises": Decimal(counts["broken_promises"]),
        "disputes": Decimal(counts["disputes"]),
    }
    if paid:
        weight = sum(amount for _due, _settled, amount in paid)
        late = [(max((settled - due).days, 0), amount) for due, settled, amount in paid]
        if weight > 0:
            behaviour["avg_days_late"] = (Decimal(sum(d * a for d, a in late)) / weight).quantize(Decimal("0.1"))
        behaviour["late_share"] = (Decimal(sum(1 for d, _a in late if d > 0)) / len(late)).quantize(Decimal("0.0001"))
    sales = ledger.sales_minor(customer_ids=[customer.pk], since=as_of - dt.timedelta(days=89), until=as_of)
    if sales > 0:
        exposure = ledger.exposure_minor(customer_ids=[customer.pk], company_id=customer.company_id, as_of=as_of)
        behaviour["dso"] = (Decimal(exposure["open"]) / sales * 90).quantize(Decimal("0.1"))
    return behaviour


def monthly_sales(*, customer: Customer, as_of: dt.date) -> Decimal | None:
    """Average monthly invoiced sales over the last 12 months, functional currency; None without sales."""
    sales = ledger.sales_minor(customer_ids=[customer.pk], since=as_of - dt.timedelta(days=364), until=as_of)
    if sales <= 0:
        return None
    return (from_minor(sales, customer.company.functional_currency) / 12).quantize(Decimal("0.01"))


def qualitative(*, customer: Customer, account: CreditAccount | None, as_of: dt.date) -> dict[str, object]:
    years = None
    if customer.founded_on:
        years = Decimal((as_of - customer.founded_on).days / 365.25).quantize(Decimal("0.1"))
    capital = None
    if customer.registered_capital is not None:
        capital = from_minor(customer.registered_capital, customer.registered_capital_currency)
    return {
        "years_in_business": years,
        "registered_capital": capital,
        "industry_risk": (account.industry_risk or None) if account else None,
        "external_rating": (account.external_rating or None) if account else None,
    }


def scoring_inputs(*, customer: Customer, as_of: dt.date) -> dict[str, dict]:
    """Everything a scorecard may read about a customer, by source, as plain values (stored with the score)."""
    account = CreditAccount.objects.filter(customer=customer).first()
    period = latest_annual(customer)
    ratios = {r.key: r.value for r in period.ratios} if period else {}
    zs = {z.key: z.value for z in period.z_scores} if period else {}
    return {
        "statement": {
            "period_end": period.statement.period_end.isoformat() if period else None,
            "equity": period.lines.get("equity") if period else None,
            "currency": period.statement.currency if period else None,
        },
        "ratio": ratios,
        "z": zs,
        "behaviour": payment_behaviour(customer=customer, as_of=as_of),
        "qualitative": qualitative(customer=customer, account=account, as_of=as_of),
    }


def active_scorecard(code: str | None = None) -> Scorecard:
    """The latest active version of a scorecard (the demo scorecard's code when none is named)."""
    from ardesk.credit.defaults import DEMO_SCORECARD_CODE

    scorecards = Scorecard.objects.filter(is_active=True)
    scorecard = scorecards.filter(code=code).first() if code else scorecards.filter(code=DEMO_SCORECARD_CODE).first()
    scorecard = scorecard or scorecards.first()
    if scorecard is None:
        raise NotFound(_("No active scorecard: create or import one first."))
    return scorecard


# ---------------------------------------------------------------------------- the order check
# The check sits in the order-entry path at hundreds of calls a second: its reads are a few
# statements of plain SQL (no query building), each answering one question of the check.


_PERMISSION_SQL = """
    SELECT 1 FROM auth_permission p JOIN django_content_type ct ON ct.id = p.content_type_id
    WHERE ct.app_label = %s AND p.codename = %s AND (
        EXISTS (SELECT 1 FROM auth_user_user_permissions up WHERE up.permission_id = p.id AND up.user_id = %s)
        OR EXISTS (SELECT 1 FROM auth_group_permissions gp JOIN auth_user_groups ug ON ug.group_id = gp.group_id
                   WHERE gp.permission_id = p.id AND ug.user_id = %s))
"""


def has_permission(user, permission: str) -> bool:
    """``user.has_perm`` for one model permission in one statement (Django's model backend rules).

    An inactive user has none, a superuser all; otherwise the permission is the user's own or one
    of their roles' (groups'). An answer already read for this user object (``check_customer``
    reads the check's permission with the customer) is not read again.
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    known = getattr(user, "_ardesk_permissions", {})
    if permission in known:
        return known[permission]
    app_label, codename = permission.split(".", 1)
    with connection.cursor() as cursor:
        prepared.execute(cursor, "ardesk_credit_permission", _PERMISSION_SQL, [app_label, codename, user.pk, user.pk])
        return cursor.fetchone() is not None


CHECK_PERMISSION = "credit.check_order"


def check_customer(*, user, company_code: str, customer_id: int | None, customer_code: str) -> tuple:
    """The company (if active and granted to the user) and its customer named by id or code: (company, customer).

    Either may be None: no company means it does not exist or is not granted, no customer that the
    company has no such customer. One statement, which also reads whether the user may check an
    order (remembered on the user object for ``has_permission``); the instances carry the fields
    the check reads.
    """
    if not user.is_authenticated:
        return None, None
    customer_match = "cu.id = %s" if customer_id is not None else "cu.code = %s"
    sql = f"""
        SELECT c.id, c.code, c.name, c.functional_currency, cu.id, cu.code, cu.name, cu.status,
               EXISTS ({_PERMISSION_SQL})
        FROM companies_company c LEFT JOIN customers_customer cu ON cu.company_id = c.id AND {customer_match}
        WHERE c.code = %s AND c.is_active
          AND (%s OR EXISTS (SELECT 1 FROM companies_companygrant g WHERE g.company_id = c.id AND g.user_id = %s))
    """  # noqa: S608 (only a column name is chosen; every value is a parameter)
    key = customer_id if customer_id is not None else customer_code
    app_label, codename = CHECK_PERMISSION.split(".", 1)
    with connection.cursor() as cursor:
        name = "ardesk_credit_customer_by_" + ("id" if customer_id is not None else "code")
        params = [app_label, codename, user.pk, user.pk, key, company_code, user.is_superuser, user.pk]
        prepared.execute(cursor, name, sql, params)
        row = cursor.fetchone()
    if row is None:
        return None, None
    user._ardesk_permissions = {**getattr(user, "_ardesk_permissions", {}), CHECK_PERMISSION: bool(row[8])}
    # Field names in the models' field order, as Model.from_db expects the values.
    company = Company.from_db(connection.alias, ["id", "code", "name", "functional_currency"], row[:4])
    if row[4] is None:
        return company, None
    customer = Customer.from_db(
        connection.alias, ["id", "company_id", "code", "name", "status"], [row[4], company.pk, *row[5:8]]
    )
    customer.company = company
    return company, customer


@dataclass(frozen=True)
class CheckAccount:
    """The credit account as the check reads it, with its company's rules (defaults when never set)."""

    limit: int | None
    limit_valid_until: dt.date | None
    next_review_on: dt.date | None
    group_id: int | None
    hold_overdue_days: int
    block_overdue_days: int
    hold_overdue_amount: int


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value  # SQLite returns dates as text


def _account_statement(customer_id: int) -> tuple[str, str, list]:
    lock = " FOR UPDATE OF a" if connection.features.has_select_for_update_of else ""
    sql = f"""
        SELECT a."limit", a.limit_valid_until, a.next_review_on, a.group_id,
               r.hold_overdue_days, r.block_overdue_days, r.hold_overdue_amount
        FROM credit_creditaccount a LEFT JOIN credit_creditrules r ON r.company_id = a.company_id
        WHERE a.customer_id = %s{lock}
    """  # noqa: S608 (the lock clause is fixed text)
    return "ardesk_credit_account_lock", sql, [customer_id]


def _account(row) -> CheckAccount | None:
    if row is None:
        return None
    defaults = CreditRules()
    limit, valid_until, review_on, group_id, hold_days, block_days, hold_amount = row
    return CheckAccount(
        limit=limit,
        limit_valid_until=_date(valid_until),
        next_review_on=_date(review_on),
        group_id=group_id,
        hold_overdue_days=defaults.hold_overdue_days if hold_days is None else hold_days,
        block_overdue_days=defaults.block_overdue_days if block_days is None else block_days,
        hold_overdue_amount=defaults.hold_overdue_amount if hold_amount is None else hold_amount,
    )


def locked_account(customer_id: int) -> CheckAccount | None:
    """The customer's credit account, locked (FOR UPDATE) until the transaction ends; None when it has none yet.

    The lock is what serialises two checks of one customer: it is taken before the exposure and the
    open orders are read, so the second check reads them after the first has committed.
    """
    with connection.cursor() as cursor:
        return _account(prepared.first_rows(cursor, [_account_statement(customer_id)])[0])


@dataclass(frozen=True)
class OrderContext:
    """What the check reads once the account is locked: the order, the open orders, the ledger, a special approval."""

    existing_id: int | None
    existing_status: str | None
    existing_customer_id: int | None
    open_orders: int  # released orders of the customer, this order left out
    special_id: int | None  # the approved special approval (信用特批) that expires first, if any
    special_amount: int | None
    exposure: dict  # ledger.exposure_figures: open, overdue, oldest_due_on, unapplied


_ORDER_CONTEXT_SQL = """
    SELECT o.id, o.status, o.customer_id,
           (SELECT COALESCE(SUM(r.amount), 0) FROM credit_openorder r
            WHERE r.customer_id = %s AND r.status = %s AND r.id <> COALESCE(o.id, 0)),
           (SELECT s.id FROM credit_creditrequest s
            WHERE s.customer_id = %s AND s.kind = %s AND s.status = %s AND s.valid_until >= %s
            ORDER BY s.valid_until, s.id LIMIT 1),
           (SELECT s.amount FROM credit_creditrequest s
            WHERE s.customer_id = %s AND s.kind = %s AND s.status = %s AND s.valid_until >= %s
            ORDER BY s.valid_until, s.id LIMIT 1),
           e.open_total, e.overdue_total, e.oldest_due_on, e.unapplied_total
    FROM (SELECT 1 AS one) x LEFT JOIN credit_openorder o ON o.company_id = %s AND o.order_ref = %s
    CROSS JOIN ({exposure}) e
"""


def _context_statement(*, company_id: int, order_ref: str, customer_id: int, today: dt.date) -> tuple[str, str, list]:
    exposure_sql, exposure_params = ledger.exposure_statement(
        customer_ids=[customer_id], company_id=company_id, as_of=today
    )
    special = [customer_id, RequestKind.SPECIAL.value, RequestStatus.APPROVED.value, today]
    params = [customer_id, OrderStatus.RELEASED.value, *special, *special, company_id, order_ref, *exposure_params]
    return "ardesk_credit_order_context", _ORDER_CONTEXT_SQL.replace("{exposure}", exposure_sql), params


def _context(row) -> OrderContext:
    existing_id, status, owner_id, open_orders, special_id, special_amount = row[:6]
    return OrderContext(
        existing_id=existing_id,
        existing_status=status,
        existing_customer_id=owner_id,
        open_orders=int(open_orders),
        special_id=special_id,
        special_amount=special_amount,
        exposure=ledger.exposure_figures(row[6:]),
    )


def order_context(*, company_id: int, order_ref: str, customer_id: int, today: dt.date) -> OrderContext:
    """Everything a new check reads after the account lock, in one statement (the check's dearest part is round trips).

    The ledger's part is the ledger's own exposure statement (``ledger.exposure_statement``), read
    in the same statement so that all the figures come from one snapshot.
    """
    statement = _context_statement(company_id=company_id, order_ref=order_ref, customer_id=customer_id, today=today)
    with connection.cursor() as cursor:
        return _context(prepared.first_rows(cursor, [statement])[0])


def locked_account_and_context(
    *, company_id: int, order_ref: str, customer_id: int, today: dt.date
) -> tuple[CheckAccount | None, OrderContext]:
    """``locked_account`` then ``order_context``, in one round trip on PostgreSQL.

    The context is still read by its own statement after the lock is granted, so it sees what a
    check that held the lock before has committed. Without an account (the customer's first
    check) nothing was locked, and the caller reads the context again once it has made one.
    """
    statements = [
        _account_statement(customer_id),
        _context_statement(company_id=company_id, order_ref=order_ref, customer_id=customer_id, today=today),
    ]
    with connection.cursor() as cursor:
        account_row, context_row = prepared.first_rows(cursor, statements)
    return _account(account_row), _context(context_row)


def rules_for(company_id: int) -> CreditRules:
    rules = CreditRules.objects.filter(company_id=company_id).first()
    return rules or CreditRules(company_id=company_id)


def open_orders_minor(*, customer_ids, exclude_order: int | None = None) -> int:
    orders = OpenOrder.objects.filter(customer_id__in=customer_ids, status=OrderStatus.RELEASED)
    if exclude_order:
        orders = orders.exclude(pk=exclude_order)
    return orders.aggregate(total=Sum("amount"))["total"] or 0


@dataclass
class Exposure:
    currency: str
    open_receivables: Decimal
    unapplied: Decimal
    open_orders: Decimal
    total: Decimal
    overdue: Decimal
    limit: Decimal | None
    utilisation: Decimal | None  # a fraction of the limit


def exposure(*, customer: Customer, as_of: dt.date) -> Exposure:
    currency = customer.company.functional_currency
    ledger_figures = ledger.exposure_minor(customer_ids=[customer.pk], company_id=customer.company_id, as_of=as_of)
    orders = open_orders_minor(customer_ids=[customer.pk])
    total = ledger_figures["open"] - ledger_figures["unapplied"] + orders
    account = CreditAccount.objects.filter(customer=customer).first()
    limit = account.limit if account else None
    return Exposure(
        currency,
        from_minor(ledger_figures["open"], currency),
        from_minor(ledger_figures["unapplied"], currency),
        from_minor(orders, currency),
        from_minor(total, currency),
        from_minor(ledger_figures["overdue"], currency),
        from_minor(limit, currency) if limit is not None else None,
        (Decimal(total) / limit).quantize(Decimal("0.0001")) if limit else None,
    )


def visible_customer_ids_q(user) -> Q:
    return Q(company_id__in=company_ids_for(user))


def held_orders(*, user) -> QuerySet[OpenOrder]:
    return (
        OpenOrder.objects.filter(visible_customer_ids_q(user), status=OrderStatus.HELD)
        .select_related("customer", "company")
        .order_by("checked_at", "id")
    )


def order_for(*, user, pk: int) -> OpenOrder:
    order = OpenOrder.objects.filter(visible_customer_ids_q(user), pk=pk).select_related("customer", "company").first()
    if order is None:
        raise NotFound(_("Order %(id)s does not exist or is not visible to you.") % {"id": pk})
    return order


def pending_requests(*, user, kind: str = "") -> QuerySet[CreditRequest]:
    """Requests waiting for a decision; ``kind`` narrows them (``special``: the 信用特批 one-off approvals)."""
    requests = CreditRequest.objects.filter(visible_customer_ids_q(user), status=RequestStatus.PENDING)
    if kind:
        requests = requests.filter(kind=kind)
    return requests.select_related("customer", "company", "requested_by").order_by("requested_at", "id")


def request_for(*, user, pk: int) -> CreditRequest:
    request = CreditRequest.objects.filter(visible_customer_ids_q(user), pk=pk).select_related("customer").first()
    if request is None:
        raise NotFound(_("Credit request %(id)s does not exist or is not visible to you.") % {"id": pk})
    return request


def evidence_content_type(handle) -> str:
    """The type of a request's evidence by its first bytes (PDF, PNG, JPEG); anything else is opaque.

    Evidence is checked when it is uploaded; a file kept before that check is served as bytes.
    """
    head = handle.read(16)
    handle.seek(0)
    return next((kind for magic, kind in ATTACHMENT_SIGNATURES.items() if head.startswith(magic)), OPAQUE)


def open_reviews(*, user, as_of: dt.date | None = None) -> QuerySet[CreditReview]:
    reviews = CreditReview.objects.filter(visible_customer_ids_q(user), status=ReviewStatus.OPEN)
    if as_of is not None:
        reviews = reviews.filter(due_on__lte=as_of)
    return reviews.select_related("customer", "customer__analyst").order_by("due_on", "id")


def review_for(*, user, pk: int) -> CreditReview:
    review = CreditReview.objects.filter(visible_customer_ids_q(user), pk=pk).select_related("customer").first()
    if review is None:
        raise NotFound(_("Credit review %(id)s does not exist or is not visible to you.") % {"id": pk})
    return review


def scores_of(customer: Customer) -> QuerySet[CreditScore]:
    return CreditScore.objects.filter(customer=customer).select_related("scorecard", "scored_by")


def portfolio(*, user, as_of: dt.date, expiring_within_days: int = 30, highest: int = 50) -> dict:
    """Customers by grade (best first, ungraded last), the highest utilisation of all limits, limits expiring soon."""
    accounts = CreditAccount.objects.filter(visible_customer_ids_q(user))
    graded = list(accounts.exclude(grade="").values("grade").annotate(customers=Count("pk"), limits=Sum("limit")))
    config = Scorecard.objects.filter(is_active=True).values_list("config", flat=True).first() or {}
    by_grade = sorted(graded, key=lambda row: (domain.grade_rank(config, row["grade"]), row["grade"]))
    ungraded = Customer.objects.filter(visible_customer_ids_q(user)).count() - sum(row["customers"] for row in graded)
    if ungraded:
        limits = accounts.filter(grade="").aggregate(limits=Sum("limit"))["limits"]
        by_grade.append({"grade": "", "customers": ungraded, "limits": limits})
    expiring = (
        accounts.select_related("customer", "company")
        .filter(limit_valid_until__isnull=False, limit_valid_until__lte=as_of + dt.timedelta(days=expiring_within_days))
        .order_by("limit_valid_until")[:100]
    )
    # Every account with a limit, in a few grouped queries: exposure = open items - unapplied + released orders.
    limited = accounts.filter(limit__gt=0)
    figures = ledger.open_figures_now(customer_ids=limited.values("customer_id"), as_of=as_of)
    orders = dict(
        OpenOrder.objects.filter(customer_id__in=limited.values("customer_id"), status=OrderStatus.RELEASED)
        .values("customer_id")
        .annotate(total=Sum("amount"))
        .values_list("customer_id", "total")
    )
    ranked = []
    for customer_id, limit in limited.values_list("customer_id", "limit"):
        total = figures.get(customer_id, {"balance": 0})["balance"] + (orders.get(customer_id) or 0)
        ranked.append((Decimal(total) / limit, customer_id, total))
    ranked.sort(reverse=True)
    top = ranked[:highest]
    shown = accounts.select_related("customer", "company").in_bulk([customer_id for _u, customer_id, _t in top])
    rows = []
    for utilisation, customer_id, total in top:
        account = shown[customer_id]
        currency = account.company.functional_currency
        rows.append(
            {
                "account": account,
                "exposure": from_minor(total, currency),
                "limit": from_minor(account.limit, currency),
                "utilisation": utilisation.quantize(Decimal("0.0001")),
            }
        )
    return {"by_grade": by_grade, "utilisation": rows, "expiring": list(expiring)}


@dataclass
class RequestContext:
    """What an approver sees beside a credit request: the customer's figures and the warnings they raise."""

    currency: str
    current_limit: Decimal | None
    exposure: Decimal
    overdue: Decimal
    overdue_bands: list[tuple[str, Decimal]]
    recommended: Decimal | None
    grade: str
    warnings: list[str]

    @property
    def overdue_bands_shown(self) -> list[tuple[str, Decimal]]:
        """The age bands that hold something overdue, as the queue lists them."""
        return [(label, amount) for label, amount in self.overdue_bands if amount]


def request_contexts(requests, *, today: dt.date) -> dict[int, RequestContext]:
    """Each pending request's context by request id: current limit, exposure, overdue by age, the suggestion.

    A warning is raised for a limit more than ARDESK_LIMIT_WARNING_FACTOR times the scorecard's
    suggestion, and for a customer whose overdue is large (above the company's review threshold, or
    anything more than 90 days past due).
    """
    requests = list(requests)
    customer_ids = [r.customer_id for r in requests]
    receivables = ledger.receivables_by_customer(customer_ids=customer_ids, today=today)
    orders = dict(
        OpenOrder.objects.filter(customer_id__in=customer_ids, status=OrderStatus.RELEASED)
        .values("customer_id")
        .annotate(total=Sum("amount"))
        .values_list("customer_id", "total")
    )
    accounts = CreditAccount.objects.select_related("last_score").in_bulk(customer_ids)
    factor = Decimal(str(settings.ARDESK_LIMIT_WARNING_FACTOR))
    thresholds: dict[int, int] = {}
    found = {}
    for request in requests:
        currency = request.company.functional_currency
        figures = receivables.get(request.customer_id, ledger.NOTHING_OPEN)
        account = accounts.get(request.customer_id)
        score = account.last_score if account is not None else None
        recommended = score.recommended_limit if score is not None else None
        exposure = figures["open"] - figures["unapplied"] + orders.get(request.customer_id, 0)
        warnings = []
        if (
            request.kind == "limit"
            and request.amount is not None
            and recommended
            and request.amount > recommended * factor
        ):
            warnings.append(
                _("The limit asked for is %(times)s times the scorecard's suggestion of %(suggested)s.")
                % {
                    "times": f"{Decimal(request.amount) / recommended:.1f}",
                    "suggested": f"{from_minor(recommended, currency):,} {currency}",
                }
            )
        if request.company_id not in thresholds:
            thresholds[request.company_id] = rules_for(request.company_id).review_overdue_amount
        threshold = thresholds[request.company_id]
        if (threshold and figures["overdue"] >= threshold) or figures["overdue_over_90"] > 0:
            warnings.append(
                _("The customer has %(overdue)s overdue, %(old)s of it more than 90 days.")
                % {
                    "overdue": f"{from_minor(figures['overdue'], currency):,} {currency}",
                    "old": f"{from_minor(figures['overdue_over_90'], currency):,}",
                }
            )
        found[request.pk] = RequestContext(
            currency=currency,
            current_limit=None if account is None or account.limit is None else from_minor(account.limit, currency),
            exposure=from_minor(exposure, currency),
            overdue=from_minor(figures["overdue"], currency),
            overdue_bands=[
                (_("1–30 days"), from_minor(figures["overdue_1_30"], currency)),
                (_("31–90 days"), from_minor(figures["overdue_31_90"], currency)),
                (_("Over 90 days"), from_minor(figures["overdue_over_90"], currency)),
            ],
            recommended=None if recommended is None else from_minor(recommended, currency),
            grade=account.grade if account is not None else "",
            warnings=warnings,
        )
    return found


def limits_and_grades(*, customer_ids) -> dict[int, dict]:
    """Each customer's credit limit (functional minor units, None: none set) and grade: one query for a page."""
    return {
        row["customer_id"]: {"limit": row["limit"], "grade": row["grade"]}
        for row in CreditAccount.objects.filter(customer_id__in=customer_ids).values("customer_id", "limit", "grade")
    }


def approval_level_labels() -> dict[str, str]:
    """Each approval level's stored name with what the screens call it: the role and how far it may approve."""
    return {level.name: str(level) for level in ApprovalLevel.objects.select_related("group")}


def limit_batches(*, user) -> QuerySet[CreditLimitBatch]:
    """Credit-limit imports of the companies the user may see, newest first."""
    return CreditLimitBatch.objects.filter(company_id__in=company_ids_for(user)).select_related(
        "prepared_by", "decided_by", "company"
    )


def limit_batch_for(*, user, pk: int) -> CreditLimitBatch:
    batch = limit_batches(user=user).filter(pk=pk).first()
    if batch is None:
        raise NotFound(_("Credit-limit import %(id)s does not exist or is not visible to you.") % {"id": pk})
    return batch


def limit_batch_lines(batch: CreditLimitBatch) -> QuerySet[CreditLimitLine]:
    """The batch's limits in file order, with each customer's code and name."""
    return batch.lines.select_related("customer").order_by("line")


def imported_limits_of(customer: Customer) -> QuerySet[CreditLimitLine]:
    """The limits imported for a customer, newest batch first: the evidence behind an imported limit."""
    return (
        CreditLimitLine.objects.filter(customer=customer)
        .select_related("batch__prepared_by", "batch__decided_by")
        .order_by("-batch__prepared_at", "-batch_id")
    )
