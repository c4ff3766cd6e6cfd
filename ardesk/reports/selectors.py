"""Aging as of any date, summed in the database, with its reconciliation to the ledger balance.

The open items are read through the ledger's open-items statement (ardesk.ledger.open_items): only
lines and credits never settled, or settled after the report date, are read, and their open amount
then is today's plus the allocations dated after the date. Buckets are limits on a date column, so the
whole report is one statement (ardesk.reports.aging_sql), on SQLite and PostgreSQL. As of a day
whose aging is kept (ardesk.reports.kept), the report reads the kept sums per customer instead,
recomputing only the customers posted to since.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core.errors import InvalidInput, NotFound
from ardesk.core.money import from_minor, quantize, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger import open_items
from ardesk.ledger import selectors as ledger
from ardesk.ledger.models import Allocation, ExchangeDay, LedgerDay
from ardesk.ledger.open_items import report_session
from ardesk.reports import aging_sql, domain, kept
from ardesk.reports.models import AgingBasis, AgingSnapshot, BucketSet

GROUPINGS = ("customer", "group", "company", "collector", "currency")

# What the sums are first grouped by, on integer columns where possible (the functional amounts of
# all currencies add up; a report in a document currency reads that currency only).
_SUM_KEYS = {
    "customer": ("customer_id", "company_id"),
    "group": ("customer_id", "company_id"),
    "collector": ("customer_id", "company_id"),
    "company": ("company_id",),
    "currency": ("company_id", "currency"),
}
# The groupings whose rows are exactly those sums; the others merge several (customers of a group
# or a collector, companies of a currency) after the names are joined.
_ONE_ROW_PER_SUM = ("customer", "company")

# The sums joined to the names the grouping shows; rows in the order of their keys.
_AGING_SQL = """
SELECT {cols}, {outer_sums}
FROM ({sums}) t
{joins}
{group_by}
ORDER BY COALESCE({key}, ''){collation}, COALESCE({company}, ''){collation}
"""


@dataclass(slots=True)
class AgingRow:
    """One row of an aging: its amounts in the order of ``keys``, the report's bucket keys (shared)."""

    key: str
    name: str
    company: str
    amounts: tuple[int, ...]
    keys: tuple[str, ...]

    @property
    def buckets(self) -> dict[str, int]:
        return dict(zip(self.keys, self.amounts, strict=True))

    @property
    def total(self) -> int:
        return sum(self.amounts)


@dataclass
class AgingReport:
    """An aging in minor units of ``currency``; ``rows`` in the order of the grouping's keys."""

    as_of: dt.date
    basis: str
    bucket_set: BucketSet
    by: str
    currency: str
    functional: bool
    buckets: list[tuple[str, str]]
    rows: list[AgingRow]
    ledger_balance: int
    exchange_differences: int
    company_codes: list[str] = field(default_factory=list)
    # At the closing rates (RATES_CLOSING): the rate of each foreign currency on the report date, and
    # how much the aging differs from the same aging at the documents' own (historical) rates.
    rates: str = "historical"
    closing_rates: dict[str, Decimal] = field(default_factory=dict)
    unrealised: int = 0

    @property
    def totals(self) -> dict[str, int]:
        sums = [sum(column) for column in zip(*(r.amounts for r in self.rows), strict=True)]
        return {key: sums[n] if sums else 0 for n, (key, _label) in enumerate(self.buckets)}

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def difference(self) -> int:
        """Ledger balance less realised exchange differences, plus the unrealised ones at the closing rates,
        less the buckets: zero when it reconciles."""
        return self.ledger_balance - self.exchange_differences + self.unrealised - self.total


def bucket_set_named(code: str | None = None, basis: str = AgingBasis.DUE) -> BucketSet:
    sets = BucketSet.objects.prefetch_related("buckets")
    found = sets.filter(code=code).first() if code else sets.filter(basis=basis, is_default=True).first()
    if found is None:
        raise NotFound(_("No aging bucket set %(code)s.") % {"code": code or basis})
    return found


def bucket_rules(bucket_set: BucketSet) -> list[domain.BucketRule]:
    chinese = (get_language() or "").startswith("zh")
    return [
        domain.BucketRule(b.key, (b.label_zh if chinese and b.label_zh else b.label), b.upper)
        for b in bucket_set.buckets.all()
    ]


def report_currency(company_ids: list[int], currency: str | None) -> tuple[str, bool]:
    """The currency a report is in, and whether it is the companies' functional currency."""
    if currency:
        return currency.upper(), False
    functional = set(Company.objects.filter(pk__in=company_ids).values_list("functional_currency", flat=True))
    if len(functional) > 1:
        raise InvalidInput(
            {"company": [_("These companies keep their books in different currencies: choose one company.")]}
        )
    return (functional.pop() if functional else "CNY"), True


def _joins(by: str) -> str:
    # Every row has its company: LEFT JOIN only keeps PostgreSQL's row estimate (it cannot know how
    # many companies the grouped sums hold, guesses 200, and then probed the customers one by one).
    customers = Customer._meta.db_table
    joins = f" LEFT JOIN {Company._meta.db_table} co ON co.id = t.company_id"
    if "customer_id" not in _SUM_KEYS[by]:
        return joins
    joins = f" JOIN {customers} c ON c.id = t.customer_id" + joins
    if by == "group":
        joins += f" JOIN {customers} g ON g.id = COALESCE(c.parent_id, c.id)"
    if by == "collector":
        joins += f" LEFT JOIN {get_user_model()._meta.db_table} u ON u.id = c.collector_id"
    return joins


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while a report's rows are built: they are new objects that all live on,
    and collecting on every few hundred of them took a third of the time at 78,000 rows."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _grouped(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def aging(
    *,
    as_of: dt.date,
    company_ids: list[int],
    bucket_set: BucketSet,
    by: str = "customer",
    currency: str | None = None,
    customer_ids: list[int] | None = None,
) -> AgingReport:
    """The aging of the open items and unapplied credits as of a date, summed per ``by`` and bucket."""
    if by not in GROUPINGS:
        raise InvalidInput({"by": [_("Group by one of: %(choices)s.") % {"choices": ", ".join(GROUPINGS)}]})
    with report_session():
        return _aging(
            as_of=as_of,
            company_ids=company_ids,
            bucket_set=bucket_set,
            by=by,
            currency=currency,
            customer_ids=customer_ids,
        )


RATES_HISTORICAL = "historical"
RATES_CLOSING = "closing"


def aging_at_closing_rates(
    *, as_of: dt.date, company_ids: list[int], bucket_set: BucketSet, by: str = "customer"
) -> AgingReport:
    """The functional-currency aging with every foreign-currency item at the closing rate of the date (the
    latest rate on or before it; none is an error naming the currency) rather than its document's rate.

    Each currency's aging is read in the document currency and converted per row and bucket (四舍五入);
    the rows are merged. The reconciliation adds the unrealised differences: the closing-rate total less
    the historical one.
    """
    historical = aging(as_of=as_of, company_ids=company_ids, bucket_set=bucket_set, by=by)
    functional = historical.currency
    rates: dict[str, Decimal] = {}
    merged: dict[tuple[str, str], AgingRow] = {}
    for code in ledger.currencies_in_use(company_ids=company_ids):
        part = aging(as_of=as_of, company_ids=company_ids, bucket_set=bucket_set, by=by, currency=code)
        if not part.rows:
            continue  # nothing of this currency open on the date: no rate needed
        rate = rates[code] = ledger.exchange_rate(currency=code, quote_currency=functional, on=as_of)
        for row in part.rows:
            converted = tuple(
                to_minor(quantize(from_minor(a, code) * rate, functional), functional) for a in row.amounts
            )
            key = (row.key, row.company)
            if key in merged:
                converted = tuple(x + y for x, y in zip(merged[key].amounts, converted, strict=True))
            merged[key] = AgingRow(row.key, row.name, row.company, converted, row.keys)
    rows = [merged[key] for key in sorted(merged)]
    report = AgingReport(
        as_of=as_of,
        basis=historical.basis,
        bucket_set=bucket_set,
        by=by,
        currency=functional,
        functional=True,
        buckets=historical.buckets,
        rows=rows,
        ledger_balance=historical.ledger_balance,
        exchange_differences=historical.exchange_differences,
        company_codes=historical.company_codes,
        rates=RATES_CLOSING,
        closing_rates={code: rate for code, rate in rates.items() if code != functional},
    )
    report.unrealised = report.total - historical.total
    return report


def _aging(*, as_of, company_ids, bucket_set, by, currency, customer_ids) -> AgingReport:
    report_in, functional = report_currency(company_ids, currency)
    rules = bucket_rules(bucket_set)
    if not company_ids:
        return _empty(as_of, bucket_set, by, report_in, functional, rules)
    bucket_limits = domain.limits(rules, as_of, bucket_set.unit)
    kept_scope = {"as_of": as_of, "bucket_set": bucket_set, "bucket_limits": bucket_limits, "company_ids": company_ids}
    if functional and customer_ids is None and by == "customer":
        read = kept.customer_rows(**kept_scope)
        if read is not None:
            return _report(as_of, bucket_set, by, report_in, functional, rules, _grouped(*read), company_ids)
    read = (
        kept.sums(**kept_scope) if functional and customer_ids is None and by not in ("customer", "currency") else None
    )
    if read is not None:
        sums, params = read  # per customer and company: the grouping merges them
        one_row_per_sum = False
    else:
        sums, params = aging_sql.grouped_sums(
            as_of=as_of,
            bucket_set=bucket_set,
            bucket_limits=bucket_limits,
            keys=_SUM_KEYS[by],
            company_ids=company_ids,
            functional=functional,
            currency=currency,
            customer_ids=customer_ids,
        )
        one_row_per_sum = by in _ONE_ROW_PER_SUM
    columns = [*(f"b{n}" for n in range(len(rules))), "u"]
    sql = _AGING_SQL.format(
        cols=aging_sql.row_columns(by),
        sums=sums,
        outer_sums=", ".join(f"t.{c}" if one_row_per_sum else f"CAST(SUM(t.{c}) AS BIGINT)" for c in columns),
        group_by="" if one_row_per_sum else "GROUP BY 1, 2, 3, 4",
        joins=_joins(by),
        key=aging_sql.GROUP_SQL[by][1],
        company=aging_sql.GROUP_SQL[by][3],
        collation=aging_sql.code_point_order(),
    )
    found = _grouped(sql, params)
    return _report(as_of, bucket_set, by, report_in, functional, rules, found, company_ids, customer_ids, currency)


def _report(
    as_of, bucket_set, by, report_in, functional, rules, found, company_ids, customer_ids=None, currency=None
) -> AgingReport:
    """The report of the rows found: (group id, key, name, company code, bucket amounts…, unapplied)."""
    bucket_keys = (*(r.key for r in rules), domain.UNAPPLIED)
    with gc_paused():
        rows = [AgingRow(r[1], r[2], r[3], r[4:], bucket_keys) for r in found]
    return AgingReport(
        as_of=as_of,
        basis=bucket_set.basis,
        bucket_set=bucket_set,
        by=by,
        currency=report_in,
        functional=functional,
        buckets=_bucket_labels(rules),
        rows=rows,
        ledger_balance=ledger_balance(
            as_of=as_of,
            company_ids=company_ids,
            customer_ids=customer_ids,
            currency=currency.upper() if currency else None,
            functional=functional,
        ),
        exchange_differences=exchange_differences(
            as_of=as_of, company_ids=company_ids, customer_ids=customer_ids, functional=functional
        ),
        company_codes=list(Company.objects.filter(pk__in=company_ids).values_list("code", flat=True)),
    )


# The dashboard in one reading of today's open lines (functional amounts): the customers most
# overdue, with their overdue items, then one row (customer_id NULL) with what falls due in the
# week and each bucket's total.
# Identifiers are fixed; every value is a placeholder. Today's open lines (functional amounts):
_OPEN_TODAY = f"""
SELECT l.customer_id, l.due_on, l.open_functional_now + COALESCE(x.f, 0) AS amount
FROM {{open_lines}} l
LEFT JOIN ({open_items.allocations_after("line")}) x ON x.line_id = l.id
WHERE l.issue_on <= %s{{scope}} AND l.open_now + COALESCE(x.a, 0) > 0
"""  # noqa: S608 (fixed text)
_DASHBOARD_SQL = f"""
WITH open_today AS ({_OPEN_TODAY})
SELECT * FROM (
    SELECT customer_id, CAST(SUM(amount) AS BIGINT) AS overdue, COUNT(*) AS items, 0, 0, {{zeros}}
    FROM open_today WHERE due_on < %s
    GROUP BY customer_id ORDER BY 2 DESC, customer_id LIMIT %s
) top
UNION ALL
SELECT NULL, 0, 0,
       CAST(SUM(CASE WHEN l.due_on >= %s AND l.due_on <= %s THEN l.amount ELSE 0 END) AS BIGINT),
       SUM(CASE WHEN l.due_on >= %s AND l.due_on <= %s THEN 1 ELSE 0 END),
       {{bucket_sums}}
FROM open_today l
"""  # noqa: S608 (fixed text)
_UNAPPLIED_SQL = f"""
SELECT -CAST(COALESCE(SUM(d.unapplied_functional_now + COALESCE(x.f, 0)), 0) AS BIGINT)
FROM {{open_credits}} d
LEFT JOIN ({open_items.allocations_after("source")}) x ON x.source_id = d.id
WHERE d.unapplied_now + COALESCE(x.a, 0) > 0
"""  # noqa: S608 (fixed text)


# The same figures from the kept aging of today (ardesk.reports.kept): the customers most overdue
# and each bucket's total from its rows (one per customer: a customer's items are all of its
# company); what falls due in the week and the top customers' overdue items from the open lines,
# the first in one pass and the second through the customer index.
_DASHBOARD_KEPT_SQL = """
WITH k AS ({kept})
SELECT * FROM (
    SELECT k.customer_id, {overdue} AS overdue, {zeros}
    FROM k WHERE {overdue} > 0
    ORDER BY 2 DESC, 1 LIMIT %s
) top
UNION ALL
SELECT NULL, 0, {totals} FROM k
"""
_WEEK_SQL = f"""
SELECT CAST(COALESCE(SUM(t.amount), 0) AS BIGINT), COUNT(*)
FROM ({_OPEN_TODAY}) t WHERE t.due_on >= %s AND t.due_on <= %s
"""  # noqa: S608 (fixed text)
_OVERDUE_ITEMS_SQL = f"""
SELECT t.customer_id, COUNT(*) FROM ({_OPEN_TODAY}) t WHERE t.due_on < %s GROUP BY t.customer_id
"""  # noqa: S608 (fixed text)


@dataclass
class DashboardFigures:
    """Today's open items in functional minor units: per bucket, the customers most overdue, the week's."""

    buckets: list[tuple[str, str]]
    totals: dict[str, int]
    top_overdue: list[dict]
    due_this_week: dict


def dashboard_figures(
    *, today: dt.date, week_end: dt.date, company_ids: list[int], bucket_set: BucketSet, top: int = 10
) -> DashboardFigures:
    """The dashboard's figures from one reading of today's open lines and one of the open credits.

    ``totals`` has a key per bucket of ``bucket_set`` (whose first bucket is "not due") and the
    unapplied credits; ``top_overdue`` lists {"customer_id", "overdue", "items"}, largest first.
    """
    rules = bucket_rules(bucket_set)
    keys = [*(r.key for r in rules), domain.UNAPPLIED]
    if not company_ids:
        return DashboardFigures(_bucket_labels(rules), dict.fromkeys(keys, 0), [], {"items": 0, "amount": 0})
    bucket_limits = domain.limits(rules, today, bucket_set.unit)
    with report_session():
        read = kept.sums(as_of=today, bucket_set=bucket_set, bucket_limits=bucket_limits, company_ids=company_ids)
        if read is not None:
            return _dashboard_kept(read, today, week_end, company_ids, rules, keys, top)
    sums, sums_params = aging_sql.bucket_sums("l.due_on", "l.amount", bucket_limits)
    scope, scope_params = open_items.scope_sql("l", company_ids, None, None)
    sql = _DASHBOARD_SQL.format(
        open_lines=open_items.OPEN_LINES,
        scope=scope,
        zeros=", ".join("0" for _sum in sums),
        bucket_sums=", ".join(sums),
    )
    params = [today, today, today, *scope_params, today, top, today, week_end, today, week_end, *sums_params]
    credit_scope, credit_scope_params = open_items.scope_sql("d", company_ids, None, None)
    with report_session():
        found = _grouped(sql, params)
        unapplied = _grouped(
            _UNAPPLIED_SQL.format(open_credits=open_items.OPEN_CREDITS.format(scope=credit_scope)),
            [today, *credit_scope_params, today, today, *credit_scope_params, today],
        )[0][0]
    totals, top_rows, week = dict.fromkeys(keys, 0), [], {"items": 0, "amount": 0}
    for customer_id, overdue, items, week_amount, week_items, *amounts in found:
        if customer_id is None:
            totals.update(zip(keys, (int(a or 0) for a in amounts), strict=False))
            week = {"items": int(week_items or 0), "amount": int(week_amount or 0)}
        else:
            top_rows.append({"customer_id": customer_id, "overdue": int(overdue), "items": int(items)})
    totals[domain.UNAPPLIED] = int(unapplied)
    return DashboardFigures(_bucket_labels(rules), totals, top_rows, week)


def _dashboard_kept(read, today, week_end, company_ids, rules, keys, top) -> DashboardFigures:
    kept_sql, kept_params = read
    amounts = [f"k.b{n}" for n in range(len(rules))] + ["k.u"]
    sql = _DASHBOARD_KEPT_SQL.format(
        kept=kept_sql,
        # The first bucket of the dashboard's set is "not due"; the others are overdue.
        overdue=" + ".join(amounts[1:-1]) or "0",
        zeros=", ".join("0" for _amount in amounts),
        totals=", ".join(f"CAST(COALESCE(SUM({a}), 0) AS BIGINT)" for a in amounts),
    )
    scope, scope_params = open_items.scope_sql("l", company_ids, None, None)
    with report_session():
        found = _grouped(sql, [*kept_params, top])
        week_amount, week_items = _grouped(
            _WEEK_SQL.format(open_lines=open_items.OPEN_LINES, scope=scope),
            [today, today, today, *scope_params, today, week_end],
        )[0]
        top_ids = [row[0] for row in found if row[0] is not None]
        items = {}
        if top_ids:
            customers, customer_params = open_items.scope_sql("l", company_ids, None, top_ids)
            items = dict(
                _grouped(
                    _OVERDUE_ITEMS_SQL.format(open_lines=open_items.OPEN_LINES_OF_CUSTOMERS, scope=customers),
                    [today, today, today, *customer_params, today],
                )
            )
    totals, top_rows = dict.fromkeys(keys, 0), []
    for customer_id, overdue, *amounts_found in found:
        if customer_id is None:
            totals.update(zip(keys, (int(a) for a in amounts_found), strict=True))
        else:
            top_rows.append(
                {"customer_id": customer_id, "overdue": int(overdue), "items": int(items.get(customer_id, 0))}
            )
    return DashboardFigures(
        _bucket_labels(rules), totals, top_rows, {"items": int(week_items), "amount": int(week_amount)}
    )


def _bucket_labels(rules: list[domain.BucketRule]) -> list[tuple[str, str]]:
    return [(r.key, r.label) for r in rules] + [(domain.UNAPPLIED, _("Unapplied credits"))]


def _empty(as_of, bucket_set, by, currency, functional, rules) -> AgingReport:
    return AgingReport(
        as_of=as_of,
        basis=bucket_set.basis,
        bucket_set=bucket_set,
        by=by,
        currency=currency,
        functional=functional,
        buckets=_bucket_labels(rules),
        rows=[],
        ledger_balance=0,
        exchange_differences=0,
    )


def ledger_balance(
    *, as_of: dt.date, company_ids: list[int], customer_ids=None, currency: str | None = None, functional: bool = False
) -> int:
    """The ledger balance on a date (minor units): from the daily totals, or the documents for some customers."""
    if customer_ids is not None:
        return ledger.balance_minor(
            as_of=as_of, company_ids=company_ids, customer_ids=customer_ids, currency=currency, functional=functional
        )
    days = LedgerDay.objects.filter(company_id__in=company_ids, day__lte=as_of)
    if currency:
        days = days.filter(currency=currency)
    column = "balance_functional" if functional else "balance"
    return days.aggregate(total=Coalesce(Sum(column), 0))["total"]


def exchange_differences(*, as_of: dt.date, company_ids, customer_ids=None, functional: bool = True) -> int:
    """Realised exchange differences in the functional currency up to a date (minor units).

    An allocation takes an invoice's functional amount at the invoice's rate and the receipt's at
    the receipt's; the ledger balance keeps both documents whole, the open items do not, and the
    difference between them is exactly these amounts.
    """
    if not functional:
        return 0
    if customer_ids is None:
        days = ExchangeDay.objects.filter(company_id__in=company_ids, day__lte=as_of)
        return days.aggregate(total=Coalesce(Sum("realised"), 0))["total"]
    # Only allocations between amounts booked at different rates differ (the ledger_allocation_fx index).
    allocations = Allocation.objects.filter(Q(company_id__in=company_ids), allocated_on__lte=as_of).exclude(
        functional_amount=F("source_functional_amount")
    )
    if customer_ids is not None:
        allocations = allocations.filter(customer_id__in=customer_ids)
    totals = allocations.aggregate(
        line=Coalesce(Sum("functional_amount"), 0), source=Coalesce(Sum("source_functional_amount"), 0)
    )
    return totals["line"] - totals["source"]


def bucket_set_data(bucket_set: BucketSet) -> dict:
    """A bucket set as JSON: what the API returns and ``ardesk report buckets export`` writes."""
    return {
        "code": bucket_set.code,
        "name": bucket_set.name,
        "name_zh": bucket_set.name_zh,
        "basis": bucket_set.basis,
        "unit": bucket_set.unit,
        "is_default": bucket_set.is_default,
        "buckets": [
            {"key": b.key, "label": b.label, "label_zh": b.label_zh, "upper": b.upper} for b in bucket_set.buckets.all()
        ],
    }


def snapshot_taken(as_of: dt.date) -> bool:
    """Whether the aging of a month end is stored (a snapshot of that date)."""
    return AgingSnapshot.objects.filter(as_of=as_of).exists()
