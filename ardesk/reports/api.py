"""Report endpoints: aging as of a date (the JSON of docs/reports.md), its items, bucket sets, snapshots."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from ardesk.core import clock
from ardesk.core.schemas import Currency, Day, MoneyOut, Page, Strict, money_out
from ardesk.reports import aging_output, domain, drilldown, selectors, services
from ardesk.reports.access import report_company_ids
from ardesk.reports.models import AgingSnapshot, BucketSet

router = Router(tags=["reports"])


class AgingQuery(Schema):
    as_of: Day | None = Field(None, description="Report date (today by default)")
    basis: str = Field("due", pattern="^(due|document)$")
    buckets: str = Field("", description="Bucket set code; the basis's default set when empty")
    by: str = Field("customer", pattern="^(customer|group|company|collector|currency)$")
    company: str = Field("", description="Company code; all granted companies when empty")
    currency: Currency = Field("", description="Only items in this currency, in it; functional currency when empty")
    rates: str = Field(
        "historical",
        pattern="^(historical|closing)$",
        description="Functional-currency aging: foreign items at their documents' rates or at the closing rate",
    )


class ItemsQuery(AgingQuery):
    bucket: str = ""
    key: str | None = Field(None, description="The row's key in the aging (customer code, company code, …)")
    row_company: str = Field("", description="For customer and group rows: the row's company code")
    page: Page = 1


class ItemOut(Schema):
    kind: str
    document_id: int
    number: str
    company: str
    customer_code: str
    customer_name: str
    issue_on: dt.date
    due_on: dt.date | None
    open_amount: MoneyOut
    open_functional: MoneyOut


class ItemPage(Schema):
    count: int
    page: int
    items: list[ItemOut]


class BucketIn(Strict):
    key: str
    label: str
    label_zh: str = ""
    upper: int | None = None


class BucketSetIn(Strict):
    code: str
    name: str
    name_zh: str = ""
    basis: str = "due"
    unit: str = "days"
    buckets: list[BucketIn]


class BucketSetOut(Schema):
    code: str
    name: str
    name_zh: str
    basis: str
    unit: str
    is_default: bool
    buckets: list[dict]


class SnapshotIn(Strict):
    as_of: Day


def _report(user, query: AgingQuery) -> selectors.AgingReport:
    company_ids = report_company_ids(user, query.company)
    if query.rates == selectors.RATES_CLOSING and not query.currency:
        return selectors.aging_at_closing_rates(
            as_of=query.as_of or clock.today(),
            company_ids=company_ids,
            bucket_set=selectors.bucket_set_named(query.buckets or None, query.basis),
            by=query.by,
        )
    return selectors.aging(
        as_of=query.as_of or clock.today(),
        company_ids=company_ids,
        bucket_set=selectors.bucket_set_named(query.buckets or None, query.basis),
        by=query.by,
        currency=query.currency or None,
    )


@router.get("/aging", response=dict, summary="Aging as of a date, with its reconciliation to the ledger")
def aging(request, query: Query[AgingQuery]):
    return aging_output.aging_json(_report(request.user, query))


@router.get("/aging/items", response=ItemPage, summary="The open items or credits behind a cell of the aging")
def aging_items(request, query: Query[ItemsQuery]):
    company_ids = report_company_ids(request.user, query.company)
    kind, items = drilldown.aging_items(
        as_of=query.as_of or clock.today(),
        company_ids=company_ids,
        bucket_set=selectors.bucket_set_named(query.buckets or None, query.basis),
        bucket=query.bucket,
        by=query.by,
        key=query.key,
        company=query.row_company,
        currency=query.currency or None,
    )
    size = 100
    page = list(items[(query.page - 1) * size : query.page * size])
    return {"count": items.count(), "page": query.page, "items": [_item(kind, item) for item in page]}


def _item(kind: str, item) -> dict:
    functional = item.company.functional_currency
    if kind == "credits":
        return {
            "kind": "credit",
            "document_id": item.pk,
            "number": item.number,
            "company": item.company.code,
            "customer_code": item.customer.code,
            "customer_name": item.customer.name,
            "issue_on": item.issue_on,
            "due_on": None,
            "open_amount": money_out(-item.unapplied, item.currency),
            "open_functional": money_out(-item.unapplied_functional, functional),
        }
    return {
        "kind": "line",
        "document_id": item.document_id,
        "number": item.document.number if item.seq == 1 else f"{item.document.number}/{item.seq}",
        "company": item.company.code,
        "customer_code": item.customer.code,
        "customer_name": item.customer.name,
        "issue_on": item.issue_on,
        "due_on": item.due_on,
        "open_amount": money_out(item.open_amount, item.currency),
        "open_functional": money_out(item.open_functional, functional),
    }


def bucket_set_out(bucket_set: BucketSet) -> dict:
    return selectors.bucket_set_data(bucket_set)


@router.get("/bucket-sets", response=list[BucketSetOut], summary="Aging bucket sets")
def list_bucket_sets(request):
    report_company_ids(request.user)
    return [bucket_set_out(s) for s in BucketSet.objects.prefetch_related("buckets")]


@router.post("/bucket-sets", response={201: BucketSetOut}, summary="Create or replace a bucket set")
def save_bucket_set(request, payload: BucketSetIn):
    bucket_set = services.bucket_set_save(
        by=request.user,
        code=payload.code,
        name=payload.name,
        name_zh=payload.name_zh,
        basis=payload.basis,
        unit=payload.unit,
        buckets=[domain.BucketRule(b.key, b.label, b.upper) for b in payload.buckets],
        labels_zh=[b.label_zh for b in payload.buckets],
    )
    return Status(201, bucket_set_out(BucketSet.objects.prefetch_related("buckets").get(pk=bucket_set.pk)))


@router.get("/aging/snapshots", response=list[dict], summary="Stored month-end aging snapshots")
def list_snapshots(request):
    report_company_ids(request.user)
    return [
        {"as_of": s.as_of, "bucket_set": s.bucket_set.code, "created_at": s.created_at}
        for s in AgingSnapshot.objects.select_related("bucket_set")[:200]
    ]


@router.post("/aging/snapshots", response={201: list[dict]}, summary="Store the aging snapshot of a date")
def take_snapshot(request, payload: SnapshotIn):
    taken = services.aging_snapshot_take(as_of=payload.as_of, by=request.user)
    return Status(201, [{"as_of": s.as_of, "bucket_set": s.bucket_set.code} for s in taken])
