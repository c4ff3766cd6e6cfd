"""Report screens: the dashboard, the aging with drill-down and exports, bucket sets, snapshots."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.core import clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.money import from_minor
from ardesk.core.web import add_errors, page_of, requires
from ardesk.reports import aging_output, dashboard, domain, drilldown, selectors, services
from ardesk.reports.access import VIEW_REPORTS, report_company_ids
from ardesk.reports.forms import AgingForm, BucketSetForm
from ardesk.reports.models import AgingSnapshot, BucketSet
from ardesk.reports.snapshots import snapshot_report


def _aging_params(request) -> tuple[AgingForm, dict]:
    form = AgingForm(request.GET or None, user=request.user, initial={"as_of": clock.today()})
    cleaned = form.cleaned_data if form.is_valid() else {}
    return form, {
        "as_of": cleaned.get("as_of") or clock.today(),
        "bucket_set": cleaned.get("buckets") or selectors.bucket_set_named(),
        "by": cleaned.get("by") or "customer",
        "company": cleaned.get("company") or "",
        "currency": (cleaned.get("currency") or "").upper() or None,
        "rates": cleaned.get("rates") or selectors.RATES_HISTORICAL,
    }


def _aging_report(user, params: dict) -> selectors.AgingReport:
    company_ids = report_company_ids(user, params["company"])
    if params["rates"] == selectors.RATES_CLOSING and not params["currency"]:
        return selectors.aging_at_closing_rates(
            as_of=params["as_of"], company_ids=company_ids, bucket_set=params["bucket_set"], by=params["by"]
        )
    return selectors.aging(
        as_of=params["as_of"],
        company_ids=company_ids,
        bucket_set=params["bucket_set"],
        by=params["by"],
        currency=params["currency"],
    )


@requires(VIEW_REPORTS)
def aging(request):
    form, params = _aging_params(request)
    report = None
    try:
        report = _aging_report(request.user, params)
    except InvalidInput as exc:
        add_errors(form, exc)
    except ApplicationError as exc:
        form.add_error("rates", exc.message)
    export = request.GET.get("export")
    if report is not None and export in exports.FORMATS:
        return exports.table_download(aging_output.aging_table(report), export, f"aging-{params['as_of'].isoformat()}")
    query = request.GET.copy()
    query.pop("export", None)
    query.pop("page", None)
    rows = page_of(request, report.rows if report else [], settings.ARDESK_LIST_PAGE_SIZE)
    item_query = {
        "as_of": params["as_of"].isoformat(),
        "buckets": params["bucket_set"].code,
        "by": params["by"],
        "company": params["company"],
        "currency": params["currency"] or "",
    }
    return render(
        request,
        "reports/aging.html",
        {
            "form": form,
            "report": report,
            "page": rows,
            "rows": aging_output.screen_rows(report, rows) if report else [],
            "totals": aging_output.screen_totals(report) if report else [],
            "query": query.urlencode(),
            "item_query": urlencode(item_query),
            "by_label": aging_output.by_label(params["by"]),
        },
    )


@requires(VIEW_REPORTS)
def aging_items(request):
    form, params = _aging_params(request)
    bucket = request.GET.get("bucket", "")
    key = request.GET.get("key")
    kind, items = drilldown.aging_items(
        as_of=params["as_of"],
        company_ids=report_company_ids(request.user, params["company"]),
        bucket_set=params["bucket_set"],
        bucket=bucket,
        by=params["by"] if key is not None else "",
        key=key,
        company=request.GET.get("row_company", ""),
        currency=params["currency"],
        due_from=_date(request.GET.get("due_from")),
        due_to=_date(request.GET.get("due_to")),
    )
    labels = dict((k, label) for k, label in selectors._bucket_labels(selectors.bucket_rules(params["bucket_set"])))
    labels[drilldown.OVERDUE] = _("Overdue")
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/aging_items.html",
        {
            "kind": kind,
            "page": page_of(request, items, settings.ARDESK_LIST_PAGE_SIZE),
            "query": query.urlencode(),
            "as_of": params["as_of"],
            "bucket_label": labels.get(bucket, ""),
            "key": key,
            "functional": params["currency"] is None,
            "back": reverse("reports:aging")
            + "?"
            + urlencode(
                {k: v for k, v in request.GET.items() if k in ("as_of", "buckets", "by", "company", "currency")}
            ),
        },
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return clock.check_day(dt.date.fromisoformat(value)) if value else None
    except ValueError:
        return None


@requires(VIEW_REPORTS)
def dashboard_page(request):
    data = dashboard.dashboard_data(today=clock.today(), company_ids=report_company_ids(request.user))
    currency = data.currency
    first_key = data.buckets[0][0]
    bars = [
        {
            "key": key,
            "label": label,
            "amount": str(from_minor(data.totals[key], currency)),
            "url": reverse("reports:aging_items") + "?" + urlencode({"bucket": key}),
            "overdue": key not in (first_key, domain.UNAPPLIED),
            "unapplied": key == domain.UNAPPLIED,
        }
        for key, label in data.buckets
    ]
    trend = _dso_trend(request.user, data.as_of)
    return render(
        request,
        "reports/dashboard.html",
        {
            "data": data,
            "bars": bars,
            "chart": {"bars": bars, "trend": trend},
            "trend": trend,
            "overdue_url": reverse("reports:aging_items") + "?" + urlencode({"bucket": drilldown.OVERDUE}),
            "week_url": reverse("reports:aging_items")
            + "?"
            + urlencode({"due_from": data.as_of.isoformat(), "due_to": data.week_end.isoformat()}),
        },
    )


def _dso_trend(user, today: dt.date) -> list[dict]:
    from ardesk.reports import kpi_selectors

    return [
        {"month": month_end.strftime("%Y-%m"), "dso": None if dso is None else str(dso)}
        for month_end, dso in kpi_selectors.dso_trend(company_ids=report_company_ids(user), as_of=today, months=12)
    ]


def _parse_buckets(text: str) -> tuple[list[domain.BucketRule], list[str], list[str]]:
    """Bucket lines "key | label | Chinese label | upper" as rules, Chinese labels and problems."""
    rules, labels_zh, problems = [], [], []
    for n, line in enumerate([line for line in text.splitlines() if line.strip()], start=1):
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (4 - len(parts))
        upper = None
        if parts[3]:
            try:
                upper = int(parts[3])
            except ValueError:
                problems.append(
                    _("Line %(n)s: the limit %(value)s is not a whole number.") % {"n": n, "value": parts[3]}
                )
        rules.append(domain.BucketRule(parts[0], parts[1], upper))
        labels_zh.append(parts[2])
    return rules, labels_zh, problems


def _bucket_text(bucket_set: BucketSet) -> str:
    return "\n".join(
        " | ".join([b.key, b.label, b.label_zh, "" if b.upper is None else str(b.upper)])
        for b in bucket_set.buckets.all()
    )


@requires("reports.view_bucketset")
def bucket_sets(request):
    editing = request.GET.get("edit")
    form = None
    if request.user.has_perm("reports.change_bucketset"):
        if request.method == "POST":
            form = BucketSetForm(request.POST)
            if form.is_valid():
                rules, labels_zh, problems = _parse_buckets(form.cleaned_data["buckets"])
                for problem in problems:
                    form.add_error("buckets", problem)
                if not problems:
                    try:
                        services.bucket_set_save(
                            by=request.user,
                            code=form.cleaned_data["code"],
                            name=form.cleaned_data["name"],
                            name_zh=form.cleaned_data["name_zh"],
                            basis=form.cleaned_data["basis"],
                            unit=form.cleaned_data["unit"],
                            buckets=rules,
                            labels_zh=labels_zh,
                        )
                    except InvalidInput as exc:
                        add_errors(form, exc)
                    else:
                        messages.success(request, _("Bucket set %(code)s saved.") % {"code": form.cleaned_data["code"]})
                        return redirect("reports:bucket_sets")
        else:
            initial = {"basis": "due", "unit": "days"}
            if editing:
                current = get_object_or_404(BucketSet, code=editing)
                initial = {
                    "code": current.code,
                    "name": current.name,
                    "name_zh": current.name_zh,
                    "basis": current.basis,
                    "unit": current.unit,
                    "buckets": _bucket_text(current),
                }
            form = BucketSetForm(initial=initial)
    return render(
        request,
        "reports/bucket_sets.html",
        {"sets": BucketSet.objects.prefetch_related("buckets"), "form": form},
    )


@requires(VIEW_REPORTS)
def snapshots(request):
    report_company_ids(request.user)
    return render(
        request,
        "reports/snapshots.html",
        {"page": page_of(request, AgingSnapshot.objects.select_related("bucket_set", "created_by"), 50)},
    )


@require_POST
@requires("reports.add_agingsnapshot")
def snapshot_take(request):
    as_of = _date(request.POST.get("as_of"))
    if as_of is None:
        messages.error(request, _("Give the date of the snapshot."))
    else:
        taken = services.aging_snapshot_take(as_of=as_of, by=request.user)
        if taken:
            messages.success(request, _("Aging snapshot of %(date)s stored.") % {"date": as_of.isoformat()})
        else:
            messages.info(
                request,
                _("The snapshot of %(date)s was already stored; it is kept as it was.") % {"date": as_of.isoformat()},
            )
    return redirect("reports:snapshots")


@requires(VIEW_REPORTS)
def snapshot_detail(request, pk: int):
    snapshot = get_object_or_404(AgingSnapshot.objects.select_related("bucket_set"), pk=pk)
    report = snapshot_report(snapshot=snapshot, company_ids=report_company_ids(request.user))
    export = request.GET.get("export")
    if export in exports.FORMATS:
        return exports.table_download(
            aging_output.aging_table(report), export, f"aging-snapshot-{snapshot.as_of.isoformat()}"
        )
    page = page_of(request, report.rows, settings.ARDESK_LIST_PAGE_SIZE)
    return render(
        request,
        "reports/snapshot.html",
        {
            "snapshot": snapshot,
            "report": report,
            "page": page,
            "rows": aging_output.screen_rows(report, page),
            "totals": aging_output.screen_totals(report),
            "by_label": aging_output.by_label("customer"),
        },
    )
