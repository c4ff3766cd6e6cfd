"""The credit lists as export tables: customers with their receivables and credit, the portfolio, the queues.

Each builder takes what the screen shows (the same selector, the same filters, the same user) and
returns a ``ReportTable`` for ``core.exports``: amounts in the company's functional currency as
numbers, dates as dates, every visible row (the screens show the first 200).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from ardesk.core.exports import ReportTable
from ardesk.core.money import from_minor
from ardesk.credit.domain import REASON_LABELS
from ardesk.credit.models import CreditAccount, OpenOrder, OrderStatus
from ardesk.ledger import selectors as ledger


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _credit_figures(customer_ids, today: dt.date) -> tuple[dict, dict, dict]:
    """Receivables, released open orders and credit accounts of customers, each by customer id."""
    receivables = ledger.receivables_by_customer(customer_ids=customer_ids, today=today)
    orders = dict(
        OpenOrder.objects.filter(customer_id__in=customer_ids, status=OrderStatus.RELEASED)
        .values("customer_id")
        .annotate(total=Sum("amount"))
        .values_list("customer_id", "total")
    )
    accounts = {a.pk: a for a in CreditAccount.objects.filter(pk__in=customer_ids)}
    return receivables, orders, accounts


def customer_table(customers, *, today: dt.date, filters: list[str]) -> ReportTable:
    """The customer list with balance, overdue, credit limit and grade, in the list's order."""
    customers = customers.select_related("company", "collector")
    receivables, _orders, accounts = _credit_figures(customers.values("pk"), today)
    rows = []
    for customer in customers:
        currency = customer.company.functional_currency
        figures = receivables.get(customer.pk, ledger.NOTHING_OPEN)
        account = accounts.get(customer.pk)
        limit = account.limit if account is not None else None
        rows.append(
            [
                customer.code,
                customer.name,
                customer.company.code,
                customer.get_status_display(),
                _person(customer.collector),
                currency,
                from_minor(figures["open"] - figures["unapplied"], currency),
                from_minor(figures["overdue"], currency),
                None if limit is None else from_minor(limit, currency),
                account.grade if account is not None else "",
                customer.next_review_on,
            ]
        )
    headers = [
        _("Code"),
        _("Name"),
        _("Company"),
        _("Status"),
        _("Collector"),
        _("Currency"),
        _("Balance"),
        _("Overdue"),
        _("Credit limit"),
        _("Grade"),
        _("Next review"),
    ]
    title = _("Customers as of %(date)s") % {"date": today.isoformat()}
    return ReportTable(title=title, subtitle=filters, headers=headers, rows=rows)


def portfolio_table(accounts, *, today: dt.date) -> ReportTable:
    """Every visible credit account: grade, limit, exposure and utilisation, the highest utilisation first."""
    accounts = accounts.select_related("customer", "company")
    receivables, orders, _accounts = _credit_figures(accounts.values("pk"), today)
    rows = []
    for account in accounts:
        currency = account.company.functional_currency
        figures = receivables.get(account.pk, ledger.NOTHING_OPEN)
        exposure = figures["open"] - figures["unapplied"] + orders.get(account.pk, 0)
        utilisation = (Decimal(exposure) * 100 / account.limit).quantize(Decimal("0.1")) if account.limit else None
        rows.append(
            [
                account.customer.code,
                account.customer.name,
                account.company.code,
                account.grade,
                currency,
                None if account.limit is None else from_minor(account.limit, currency),
                from_minor(exposure, currency),
                from_minor(figures["overdue"], currency),
                utilisation,
                account.limit_valid_until,
                account.next_review_on,
            ]
        )
    rows.sort(key=lambda r: (r[8] is None, -(r[8] or 0), r[0]))
    headers = [
        _("Code"),
        _("Name"),
        _("Company"),
        _("Grade"),
        _("Currency"),
        _("Credit limit"),
        _("Exposure"),
        _("Overdue"),
        _("Utilisation (%)"),
        _("Limit valid until"),
        _("Next credit review"),
    ]
    title = _("Credit portfolio as of %(date)s") % {"date": today.isoformat()}
    return ReportTable(title=title, subtitle=[], headers=headers, rows=rows)


def exposure_by_grade(table: ReportTable, *, grades: list[str]) -> dict:
    """Exposure and limits per grade, best grade first and ungraded last: the portfolio's chart."""
    totals: dict[str, list[Decimal]] = {}
    for row in table.rows:
        grade, limit, exposure = row[3] or "", row[5] or Decimal(0), row[6]
        total = totals.setdefault(grade, [Decimal(0), Decimal(0)])
        total[0] += exposure
        total[1] += limit
    order = {g: n for n, g in enumerate(grades)}
    keys = sorted(totals, key=lambda g: (g == "", order.get(g, len(order)), g))
    return {
        "grades": [g or str(_("Ungraded")) for g in keys],
        "series": [
            {"name": str(_("Exposure")), "data": [str(totals[g][0]) for g in keys]},
            {"name": str(_("Credit limit")), "data": [str(totals[g][1]) for g in keys]},
        ],
    }


def _figure(figures: dict, name: str) -> Decimal | None:
    value = figures.get(name)
    return None if value is None else Decimal(value)


def held_orders_table(orders) -> ReportTable:
    """The orders the credit check held, oldest first, with the figures of the check."""
    rows = []
    for order in orders.select_related("customer", "company"):
        reasons = "; ".join(str(REASON_LABELS.get(r.get("code"), r.get("message", ""))) for r in order.reasons)
        rows.append(
            [
                order.checked_at.date(),
                order.company.code,
                order.order_ref,
                order.customer.code,
                order.customer.name,
                order.currency,
                from_minor(order.amount, order.currency),
                _figure(order.figures, "exposure"),
                _figure(order.figures, "limit"),
                _figure(order.figures, "overdue_amount"),
                reasons,
            ]
        )
    headers = [
        _("Checked"),
        _("Company"),
        _("Order"),
        _("Code"),
        _("Customer"),
        _("Currency"),
        _("Amount"),
        _("Exposure"),
        _("Limit"),
        _("Overdue"),
        _("Reasons"),
    ]
    return ReportTable(title=_("Held orders"), subtitle=[], headers=headers, rows=rows)


def requests_table(requests) -> ReportTable:
    """The credit requests waiting for approval, oldest first."""
    rows = [
        [
            r.requested_at.date(),
            _person(r.requested_by),
            r.customer.code,
            r.customer.name,
            r.get_kind_display(),
            r.currency,
            None if r.amount is None else from_minor(r.amount, r.currency),
            r.term_days,
            r.valid_until,
            r.level,
            r.reason,
        ]
        for r in requests.select_related("customer", "requested_by")
    ]
    headers = [
        _("Requested"),
        _("Requested by"),
        _("Code"),
        _("Customer"),
        _("Kind"),
        _("Currency"),
        _("Amount"),
        _("Term (days)"),
        _("Valid until"),
        _("Level"),
        _("Reason"),
    ]
    return ReportTable(title=_("Credit requests waiting for approval"), subtitle=[], headers=headers, rows=rows)


def reviews_table(reviews) -> ReportTable:
    """The open credit reviews, the earliest due first."""
    rows = [
        [
            r.due_on,
            r.customer.code,
            r.customer.name,
            r.get_reason_display(),
            r.detail,
            _person(r.customer.analyst),
        ]
        for r in reviews.select_related("customer", "customer__analyst")
    ]
    headers = [_("Due on"), _("Code"), _("Customer"), _("Reason"), _("Detail"), _("Credit analyst")]
    return ReportTable(title=_("Credit reviews"), subtitle=[], headers=headers, rows=rows)
