"""Collection KPIs for a period, per company, customer or collector, with their monthly trend.

The receivables come from the aging (``selectors.aging``) as of the day before the period and as
of each month end in it: total AR is every bucket with the unapplied credits, current AR is the
not-yet-due bucket, overdue AR the past-due buckets. A period of M months costs M + 1 agings. The
credit sales are one grouped query per report: per row and calendar month, reaching back far
enough for the countback DSO. The rules themselves are in ``kpis``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import BigIntegerField, Case, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext as _

from ardesk.companies.models import Company
from ardesk.core import calendar
from ardesk.core.errors import InvalidInput
from ardesk.ledger.models import Document, DocumentStatus, DocumentType, ExchangeDay, LedgerDay
from ardesk.reports import domain, kpis, selectors
from ardesk.reports.models import AgeUnit, AgingBasis, BucketSet

KPI_GROUPINGS = ("company", "customer", "collector")

# How far back the countback DSO may walk from a month end; an AR older than two years of sales
# shows "not available" rather than a guess.
COUNTBACK_MONTHS = 24

# Credit sales: invoices and debit notes less credit notes (net credit sales). A reversal is a
# document of the same type with the opposite amount, so it takes its original out of the sum.
SALES_TYPES = (DocumentType.INVOICE, DocumentType.DEBIT_NOTE, DocumentType.CREDIT_NOTE)

# What the sales query groups by for each grouping: (key, company, name parts); the aging rows of
# the same grouping carry the same key and company, so the two meet on (key, company).
_SALES_GROUP = {
    "company": ("company__code", "company__code", ("company__name",)),
    "customer": ("customer__code", "company__code", ("customer__name",)),
    "collector": (
        "customer__collector__username",
        None,
        ("customer__collector__first_name", "customer__collector__last_name"),
    ),
}

RowKey = tuple[str, str]


@dataclass(frozen=True)
class Balances:
    """Receivables on a date in minor units: total (with unapplied credits), not yet due, past due."""

    total: int = 0
    current: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class KpiMonth:
    """One calendar month of the trend (cut to the period), its amounts and its KPIs."""

    month: dt.date
    inputs: kpis.KpiInputs
    kpis: kpis.Kpis


@dataclass(frozen=True)
class KpiRow:
    key: str
    name: str
    company: str
    inputs: kpis.KpiInputs
    kpis: kpis.Kpis
    trend: tuple[KpiMonth, ...]


@dataclass(frozen=True)
class KpiReport:
    """The KPIs of a period in ``currency`` (the companies' functional currency), per row and in total."""

    date_from: dt.date
    date_to: dt.date
    by: str | None
    currency: str
    rows: list[KpiRow]
    totals: KpiRow
    company_codes: list[str] = field(default_factory=list)


def kpi_bucket_set() -> BucketSet:
    """The default days-past-due bucket set, which must keep not-yet-due items in a bucket of their own."""
    bucket_set = selectors.bucket_set_named(basis=AgingBasis.DUE)
    if bucket_set.unit != AgeUnit.DAYS or not _current_keys(bucket_set):
        raise InvalidInput(
            {
                "buckets": [
                    _(
                        "The default days-past-due bucket set %(code)s has no bucket for items not yet due "
                        "(a first bucket up to 0 days): KPIs need one."
                    )
                    % {"code": bucket_set.code}
                ]
            }
        )
    return bucket_set


def _current_keys(bucket_set: BucketSet) -> set[str]:
    # A due-date bucket reaching up to 0 days past due holds what is not yet due.
    return {b.key for b in bucket_set.buckets.all() if b.upper is not None and b.upper <= 0}


def balances_on(
    *,
    as_of: dt.date,
    company_ids: list[int],
    by: str,
    bucket_set: BucketSet,
    customer_ids: list[int] | None = None,
    names: dict[RowKey, str] | None = None,
) -> dict[RowKey, Balances]:
    """Total, current and overdue receivables per row as of a date, read from one aging.

    The rows' names are added to ``names`` when it is given.
    """
    if customer_ids is not None and not customer_ids:
        return {}
    report = selectors.aging(
        as_of=as_of, company_ids=company_ids, bucket_set=bucket_set, by=by, customer_ids=customer_ids
    )
    current_keys = _current_keys(bucket_set)
    found: dict[RowKey, Balances] = {}
    for row in report.rows:
        current = sum(v for k, v in row.buckets.items() if k in current_keys)
        overdue = sum(v for k, v in row.buckets.items() if k not in current_keys and k != domain.UNAPPLIED)
        key = _row_key(by, row.key, row.company)
        found[key] = Balances(total=row.total, current=current, overdue=overdue)
        if names is not None:
            names[key] = row.name
    return found


def _row_key(by: str, key: str | None, company: str | None) -> RowKey:
    return (key or "", (company or "") if by == "customer" else "")


def monthly_sales(
    *,
    date_from: dt.date,
    date_to: dt.date,
    period_from: dt.date,
    company_ids: list[int],
    by: str,
    customer_ids: list[int] | None = None,
) -> tuple[dict[RowKey, dict[dt.date, int]], dict[RowKey, dict[dt.date, int]], dict[RowKey, str]]:
    """Net credit sales per row and month issued from ``date_from`` to ``date_to``, in one query.

    Returns the whole months' sales, the part of each month from ``period_from`` on (they differ
    only in a month the period starts inside), and each row's name. Functional amounts, minor units.
    """
    documents = Document.objects.filter(
        company_id__in=company_ids,
        status=DocumentStatus.POSTED,
        doc_type__in=SALES_TYPES,
        issue_on__gte=date_from,
        issue_on__lte=date_to,
    )
    if customer_ids is not None:
        documents = documents.filter(customer_id__in=customer_ids)
    key_field, company_field, name_fields = _SALES_GROUP[by]
    group_fields = [key_field, *name_fields] + ([company_field] if company_field and company_field != key_field else [])
    grouped = (
        documents.annotate(month=TruncMonth("issue_on"))
        .values(*group_fields, "month")
        .annotate(
            total=Coalesce(Sum("functional_amount"), Value(0)),
            in_period=Coalesce(
                Sum(
                    Case(
                        When(Q(issue_on__gte=period_from), then=F("functional_amount")),
                        default=Value(0),
                        output_field=BigIntegerField(),
                    )
                ),
                Value(0),
            ),
        )
        .order_by()
    )
    whole: dict[RowKey, dict[dt.date, int]] = {}
    in_period: dict[RowKey, dict[dt.date, int]] = {}
    names: dict[RowKey, str] = {}
    for found in grouped:
        key = _row_key(by, found[key_field], found[company_field] if company_field else "")
        month = found["month"]
        if isinstance(month, dt.datetime):
            month = month.date()
        whole.setdefault(key, {})[month] = int(found["total"])
        in_period.setdefault(key, {})[month] = int(found["in_period"])
        names[key] = " ".join(str(found[f] or "") for f in name_fields).strip()
    return whole, in_period, names


def _validate(date_from: dt.date, date_to: dt.date, by: str | None) -> None:
    if date_from > date_to:
        raise InvalidInput(
            {
                "date_to": [
                    _("The period starts (%(start)s) after it ends (%(end)s).")
                    % {"start": date_from.isoformat(), "end": date_to.isoformat()}
                ]
            }
        )
    if by is not None and by not in KPI_GROUPINGS:
        raise InvalidInput({"by": [_("Group by one of: %(choices)s.") % {"choices": ", ".join(KPI_GROUPINGS)}]})


def kpi_report(
    *,
    date_from: dt.date,
    date_to: dt.date,
    company_ids: list[int],
    by: str | None = "company",
    customer_ids: list[int] | None = None,
) -> KpiReport:
    """The collection KPIs of a period per row (company, customer or collector) and in total.

    Each row has the KPIs of the whole period and of each calendar month in it (the trend). With
    ``by=None`` only the totals are given.
    """
    _validate(date_from, date_to, by)
    currency, _functional = selectors.report_currency(company_ids, None)
    grouping = by or "company"
    bucket_set = kpi_bucket_set()
    months = calendar.month_periods(date_from, date_to)

    # The receivables on the day before the period and at the end of each of its months.
    boundaries = [date_from - dt.timedelta(days=1)] + [end for _start, end in months]
    names: dict[RowKey, str] = {}
    balances = {
        day: balances_on(
            as_of=day,
            company_ids=company_ids,
            by=grouping,
            bucket_set=bucket_set,
            customer_ids=customer_ids,
            names=names,
        )
        for day in boundaries
    }
    history_from = calendar.add_months(calendar.month_start(months[0][1]), -(COUNTBACK_MONTHS - 1))
    whole, in_period, sales_names = monthly_sales(
        date_from=history_from,
        date_to=date_to,
        period_from=date_from,
        company_ids=company_ids,
        by=grouping,
        customer_ids=customer_ids,
    )
    names.update({key: name for key, name in sales_names.items() if name})

    keys = set().union(*balances.values()) | {
        key for key, sales in in_period.items() if any(sales.get(calendar.month_start(s), 0) for s, _e in months)
    }
    rows = [
        _row(
            key,
            _name(grouping, key, names),
            months,
            boundaries,
            {day: found.get(key, Balances()) for day, found in balances.items()},
            whole.get(key, {}),
            in_period.get(key, {}),
        )
        for key in sorted(keys)
    ]
    totals = _totals(rows, months, boundaries, balances, whole, in_period, date_from, date_to)
    return KpiReport(
        date_from=date_from,
        date_to=date_to,
        by=by,
        currency=currency,
        rows=rows if by else [],
        totals=totals,
        company_codes=list(Company.objects.filter(pk__in=company_ids).order_by("code").values_list("code", flat=True)),
    )


def _name(by: str, key: RowKey, names: dict[RowKey, str]) -> str:
    if by == "collector" and not key[0]:
        return _("No collector")
    return names.get(key) or key[0]


def _month_inputs(
    start: dt.date,
    end: dt.date,
    beginning: Balances,
    ending: Balances,
    whole: dict[dt.date, int],
    in_period: dict[dt.date, int],
) -> kpis.KpiInputs:
    return kpis.KpiInputs(
        date_from=start,
        date_to=end,
        beginning_ar=beginning.total,
        ending_ar=ending.total,
        current_ar=ending.current,
        overdue_ar=ending.overdue,
        credit_sales=in_period.get(calendar.month_start(start), 0),
        history=kpis.sales_history(whole, end, COUNTBACK_MONTHS),
    )


def _row(
    key: RowKey,
    name: str,
    months: list[tuple[dt.date, dt.date]],
    boundaries: list[dt.date],
    balances: dict[dt.date, Balances],
    whole: dict[dt.date, int],
    in_period: dict[dt.date, int],
) -> KpiRow:
    trend = []
    for n, (start, end) in enumerate(months):
        inputs = _month_inputs(start, end, balances[boundaries[n]], balances[boundaries[n + 1]], whole, in_period)
        trend.append(KpiMonth(month=calendar.month_start(start), inputs=inputs, kpis=kpis.kpis(inputs)))
    date_from, date_to = months[0][0], months[-1][1]
    ending = balances[boundaries[-1]]
    inputs = kpis.KpiInputs(
        date_from=date_from,
        date_to=date_to,
        beginning_ar=balances[boundaries[0]].total,
        ending_ar=ending.total,
        current_ar=ending.current,
        overdue_ar=ending.overdue,
        credit_sales=sum(m.inputs.credit_sales for m in trend),
        history=kpis.sales_history(whole, date_to, COUNTBACK_MONTHS),
    )
    return KpiRow(key=key[0], name=name, company=key[1], inputs=inputs, kpis=kpis.kpis(inputs), trend=tuple(trend))


def _sum_months(parts) -> dict[dt.date, int]:
    total: dict[dt.date, int] = {}
    for sales in parts:
        for month, amount in sales.items():
            total[month] = total.get(month, 0) + amount
    return total


def _totals(rows, months, boundaries, balances, whole, in_period, date_from, date_to) -> KpiRow:
    # The totals are computed from the added amounts, never by averaging the rows' KPIs.
    total_balances = {
        day: Balances(
            total=sum(b.total for b in found.values()),
            current=sum(b.current for b in found.values()),
            overdue=sum(b.overdue for b in found.values()),
        )
        for day, found in balances.items()
    }
    return _row(
        ("", ""),
        _("Total"),
        months,
        boundaries,
        total_balances,
        _sum_months(whole.values()),
        _sum_months(in_period.values()),
    )


def receivables_on_dates(*, company_ids: list[int], dates: list[dt.date]) -> dict[dt.date, int]:
    """The receivables on each date, functional minor units: what an aging as of that date totals.

    That is the ledger balance (every posted amount issued by then) less the exchange differences
    realised by then (the aging's reconciliation), both read from the ledger's daily totals
    (``LedgerDay``, ``ExchangeDay``), so any number of dates costs two small grouped queries.
    """
    if not dates or not company_ids:
        return dict.fromkeys(dates, 0)
    last = max(dates)
    issued = (
        LedgerDay.objects.filter(company_id__in=company_ids, day__lte=last)
        .values_list("day")
        .annotate(total=Sum("balance_functional"))
        .order_by()
    )
    realised = (
        ExchangeDay.objects.filter(company_id__in=company_ids, day__lte=last)
        .values_list("day")
        .annotate(total=Sum("realised"))
        .order_by()
    )
    movements = [(on, int(total)) for on, total in issued] + [(on, -int(total)) for on, total in realised]
    return {on: sum(amount for day, amount in movements if day <= on) for on in dates}


def sales_by_month(*, company_ids: list[int], date_from: dt.date, date_to: dt.date) -> dict[dt.date, int]:
    """Net credit sales of the companies per month (first day) from the daily totals, functional minor units."""
    days = LedgerDay.objects.filter(company_id__in=company_ids, day__gte=date_from, day__lte=date_to).values_list(
        "day", "sales_functional"
    )
    months: dict[dt.date, int] = {}
    for day, amount in days:
        month = calendar.month_start(day)
        months[month] = months.get(month, 0) + int(amount)
    return months


def dso_trend(*, company_ids: list[int], as_of: dt.date, months: int = 12) -> list[tuple[dt.date, object]]:
    """The DSO of each of the last ``months`` months to ``as_of``, as (month end, DSO) oldest first.

    Each month's DSO is its ending AR over its own credit sales times its days (the month of
    ``as_of`` is cut at it); the ending ARs come from ``receivables_on_dates`` and the sales from the
    daily totals.
    """
    first = calendar.add_months(calendar.month_start(as_of), -(months - 1))
    periods = calendar.month_periods(first, as_of)
    sales = sales_by_month(company_ids=company_ids, date_from=first, date_to=as_of)
    ending = receivables_on_dates(company_ids=company_ids, dates=[end for _start, end in periods])
    return [
        (
            end,
            kpis.days_sales_outstanding(
                ending_ar=ending[end], credit_sales=sales.get(start, 0), days=(end - start).days + 1
            ),
        )
        for start, end in periods
    ]
