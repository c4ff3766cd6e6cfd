"""Stored month-end agings read back exactly as they were taken."""

from __future__ import annotations

from django.db.models import Sum

from ardesk.companies.models import Company
from ardesk.reports.models import AgingSnapshot
from ardesk.reports.selectors import AgingReport, AgingRow, _bucket_labels, bucket_rules, report_currency


def snapshot_report(*, snapshot: AgingSnapshot, company_ids: list[int]) -> AgingReport:
    """The snapshot as an aging by customer in the functional currency, for the companies given.

    The reconciliation compares it with nothing newer: the ledger balance shown is the snapshot's
    own total, since the point of a snapshot is to show the figures as they were that day.
    """
    currency, _functional = report_currency(company_ids, None)
    labels = _bucket_labels(bucket_rules(snapshot.bucket_set))
    keys = [key for key, _label in labels]
    rows: dict[int, tuple[str, str, str, dict[str, int]]] = {}
    found = (
        snapshot.rows.filter(company_id__in=company_ids)
        .values("customer_id", "customer__code", "customer__name", "company__code", "bucket")
        .annotate(total=Sum("functional_amount"))
        .order_by()
    )
    for r in found:
        if r["customer_id"] not in rows:
            rows[r["customer_id"]] = (
                r["customer__code"],
                r["customer__name"],
                r["company__code"],
                dict.fromkeys(keys, 0),
            )
        amounts = rows[r["customer_id"]][3]
        amounts[r["bucket"]] = amounts.get(r["bucket"], 0) + r["total"]
    ordered = [
        AgingRow(code, name, company, tuple(amounts[key] for key in keys), tuple(keys))
        for code, name, company, amounts in sorted(rows.values(), key=lambda r: (r[0], r[2]))
    ]
    total = sum(row.total for row in ordered)
    return AgingReport(
        as_of=snapshot.as_of,
        basis=snapshot.bucket_set.basis,
        bucket_set=snapshot.bucket_set,
        by="customer",
        currency=currency,
        functional=True,
        buckets=labels,
        rows=ordered,
        ledger_balance=total,
        exchange_differences=0,
        company_codes=list(Company.objects.filter(pk__in=company_ids).values_list("code", flat=True)),
    )
