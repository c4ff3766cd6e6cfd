"""Budget, budget-against-actual, profitability and segment screens."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dates import MONTHS_AP
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.budgets import domain, forms, output, selectors, services
from ardesk.budgets.errors import ImportRejected
from ardesk.budgets.models import BudgetVersion, CustomerSize, Dimension, Segment
from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core import clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.money import from_minor
from ardesk.core.web import add_errors, page_of, page_read, requires
from ardesk.customers.models import Customer, Industry, Region
from ardesk.ledger import period_figures


def _version(request, pk: int) -> BudgetVersion:
    version = selectors.versions_for(company_ids_for(request.user)).filter(pk=pk).first()
    if version is None:
        raise Http404(_("Budget"))
    return version


def _query(request) -> str:
    """The list's filters, kept by the pagination links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _company(request, code: str | None):
    companies = companies_for(request.user)
    company = companies.filter(code=code).first() if code else None
    return company or companies.first()


@requires(services.VIEW)
def versions(request):
    form = None
    if request.user.has_perm(services.CREATE):
        form = forms.VersionForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            company = companies_for(request.user).get(code=form.cleaned_data["company"])
            try:
                version = services.version_create(
                    by=request.user, company=company, year=form.cleaned_data["year"], name=form.cleaned_data["name"]
                )
            except InvalidInput as exc:
                add_errors(form, exc)
            else:
                return redirect("budgets:version", pk=version.pk)
    found = selectors.versions_for(company_ids_for(request.user))
    return render(request, "budgets/versions.html", {"form": form, "page": page_of(request, found, 50)})


def _grid_choice(request) -> tuple[str, str]:
    form = forms.GridForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    return data.get("dimension") or Dimension.CUSTOMER, data.get("measure") or "sales"


@requires(services.VIEW)
def version_detail(request, pk: int):
    version = _version(request, pk)
    if request.GET.get("export") in exports.LIST_FORMATS:
        headers, rows = services.budget_rows(version)
        name = f"budget-{version.company.code}-{version.year}-r{version.revision}"
        if request.GET["export"] == "csv":
            return exports.csv_download([headers, *rows], name)
        return exports.download(exports.data_xlsx(headers, rows, sheet_title="budget"), "xlsx", name)
    dimension, measure = _grid_choice(request)
    can_edit = version.is_editable and request.user.has_perm(services.EDIT)
    rows = selectors.budget_grid(version, dimension, measure)
    return render(
        request,
        "budgets/version.html",
        {
            "version": version,
            "grid": forms.GridForm(initial={"dimension": dimension, "measure": measure}),
            "dimension": dimension,
            "measure": measure,
            "measure_label": output.measure_labels()[measure],
            "rows": rows,
            "months": [MONTHS_AP[m] for m in range(1, 13)],
            "currency": version.company.functional_currency,
            "can_edit": can_edit and measure in services.AMOUNTS,
            "is_draft": version.is_editable,
            "can_approve": version.status == "draft"
            and request.user.has_perm(services.APPROVE)
            and version.created_by_id != request.user.pk,
            "can_lock": version.status == "approved" and request.user.has_perm(services.APPROVE),
            "can_revise": version.status == "approved" and request.user.has_perm(services.CREATE),
            "import_form": forms.ImportForm() if can_edit else None,
            "copy_form": forms.CopyForm() if can_edit else None,
            "member_form": forms.MemberForm() if can_edit else None,
            "revisions": version.revisions.all(),
        },
    )


@require_POST
@requires(services.EDIT)
def cell(request, pk: int):
    """One cell of the entry grid (htmx): saves the amount and answers the cell as saved."""
    version = _version(request, pk)
    try:
        amount = Decimal(request.POST.get("amount", "").replace(",", "").strip() or "0")
        month, member_id = int(request.POST["month"]), int(request.POST["member"])
        line = services.line_set(
            by=request.user,
            version=version,
            dimension=request.POST.get("dimension", ""),
            member_id=member_id,
            month=month,
            measure=request.POST.get("measure", ""),
            amount=amount,
        )
    except (InvalidOperation, KeyError, ValueError):
        return HttpResponse(_("Not an amount."), status=422)
    except ApplicationError as exc:
        return HttpResponse(exc.message, status=exc.status)
    value = from_minor(getattr(line, request.POST["measure"]), version.company.functional_currency)
    return render(
        request,
        "budgets/partials/cell.html",
        {
            "version": version,
            "value": value,
            "month": month,
            "member_id": member_id,
            "dimension": line.dimension,
            "measure": request.POST["measure"],
            "saved": True,
        },
    )


@require_POST
@requires(services.EDIT)
def add_member(request, pk: int):
    version = _version(request, pk)
    dimension = request.POST.get("dimension") or Dimension.CUSTOMER
    code = request.POST.get("member", "").strip()
    if dimension in (Dimension.CUSTOMER, Dimension.GROUP):
        member = Customer.objects.filter(company_id=version.company_id, code=code).values_list("pk", flat=True).first()
    elif dimension == Dimension.SEGMENT:
        member = Segment.objects.filter(company_id=version.company_id, code=code).values_list("pk", flat=True).first()
    else:
        member = get_user_model().objects.filter(username=code).values_list("pk", flat=True).first()
    if member is None:
        messages.error(request, _("'%(code)s' is not known in this company.") % {"code": code})
    else:
        try:
            services.line_set(
                by=request.user,
                version=version,
                dimension=dimension,
                member_id=member,
                month=1,
                measure="sales",
                amount=Decimal(0),
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
    return redirect(f"{version_url(version)}?dimension={dimension}")


def version_url(version: BudgetVersion) -> str:
    return reverse("budgets:version", args=[version.pk])


@require_POST
@requires(services.EDIT)
def budget_import(request, pk: int):
    version = _version(request, pk)
    form = forms.ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or Excel file."))
        return redirect("budgets:version", pk=pk)
    upload = form.cleaned_data["file"]
    try:
        count = services.budget_import(by=request.user, version=version, handle=upload.file, file_name=upload.name)
    except ImportRejected as exc:
        return render(request, "budgets/import_problems.html", {"version": version, "problems": exc.problems})
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(count)d budget lines imported.") % {"count": count})
    return redirect("budgets:version", pk=pk)


@require_POST
@requires(services.EDIT)
def copy_actuals(request, pk: int):
    version = _version(request, pk)
    form = forms.CopyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a growth factor such as 1.05."))
        return redirect("budgets:version", pk=pk)
    try:
        count = services.budget_copy_actuals(by=request.user, version=version, growth=form.cleaned_data["growth"])
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(count)d budget lines copied from last year's actuals.") % {"count": count})
    return redirect("budgets:version", pk=pk)


@require_POST
@requires(services.VIEW)
def transition(request, pk: int, action: str):
    version = _version(request, pk)
    operations = {
        "approve": (services.version_approve, _("Budget approved.")),
        "lock": (services.version_lock, _("Budget locked.")),
        "revise": (services.version_revise, _("Revision started: change it and ask a manager to approve it.")),
    }
    if action not in operations:
        raise Http404(action)
    operation, done = operations[action]
    try:
        result = operation(by=request.user, version=version)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("budgets:version", pk=pk)
    messages.success(request, done)
    return redirect("budgets:version", pk=result.pk)


def _variance_choice(request, version: BudgetVersion) -> dict:
    form = forms.VarianceForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    today = clock.today()
    default_month = domain.months_elapsed(version.year, today) or 1
    return {
        "dimension": data.get("dimension") or Dimension.CUSTOMER,
        "measure": data.get("measure") or "sales",
        "month": data.get("month") or default_month,
        "period": data.get("period") or "ytd",
    }


@requires(services.VIEW)
def variance(request, pk: int):
    version = _version(request, pk)
    choice = _variance_choice(request, version)
    result = selectors.budget_vs_actual(version=version, **choice)
    if request.GET.get("export") in exports.LIST_FORMATS:
        return exports.table_download(
            output.variance_table(result), request.GET["export"], f"budget-vs-actual-{version.company.code}"
        )
    page, found = page_read(
        request, settings.ARDESK_LIST_PAGE_SIZE, lambda offset, limit: result.page(offset=offset, limit=limit)
    )
    return render(
        request,
        "budgets/variance.html",
        {
            "version": version,
            "result": result,
            "choice": choice,
            "form": forms.VarianceForm(initial=choice),
            "page": page,
            "query": _query(request),
            "total": found.total,
            "currency": result.currency,
            "measure_label": output.measure_labels()[choice["measure"]],
            "is_stock": choice["measure"] in domain.STOCKS,
        },
    )


@requires(services.VIEW)
def drill(request, pk: int):
    """The documents behind a variance: the member's customers' documents of the period."""
    version = _version(request, pk)
    choice = _variance_choice(request, version)
    try:
        member = int(request.GET.get("member", ""))
    except ValueError as exc:
        raise Http404(_("Member")) from exc
    date_from, date_to = selectors.period_of(version.year, choice["month"], choice["period"])
    customers = selectors.member_customers(version.company_id, choice["dimension"], member)
    documents = period_figures.period_documents(customer_ids=customers, date_from=date_from, date_to=date_to)
    label = selectors.member_labels(version.company_id, choice["dimension"], [member]).get(member, "")
    return render(
        request,
        "budgets/drill.html",
        {
            "version": version,
            "choice": choice,
            "label": label or _("Not assigned"),
            "date_from": date_from,
            "date_to": date_to,
            "page": page_of(request, documents, settings.ARDESK_LIST_PAGE_SIZE),
            "query": _query(request),
        },
    )


def _profitability_context(request):
    form = forms.PeriodForm(request.GET, user=request.user)
    company = _company(request, form.data.get("company"))
    if company is None:
        raise Http404(_("Company"))
    date_from, date_to = form.period()
    by = form.cleaned_data.get("by") if form.is_valid() else ""
    by = by or "customer"
    report = selectors.profitability(company=company, date_from=date_from, date_to=date_to)
    return form, company, date_from, date_to, by, report


@requires(services.VIEW_PROFITABILITY)
def profitability(request):
    form, company, date_from, date_to, by, report = _profitability_context(request)
    if request.GET.get("export") in exports.LIST_FORMATS:
        return exports.table_download(
            output.profitability_table(report, by), request.GET["export"], f"profitability-{company.code}"
        )
    settings_form = None
    if request.user.has_perm(services.SET_RATES):
        rates = selectors.settings_for(company)
        currency = company.functional_currency
        settings_form = forms.SettingsForm(
            initial={
                "cost_of_capital": rates.cost_of_capital,
                "notice_cost": from_minor(rates.notice_cost, currency),
                "contact_cost": from_minor(rates.contact_cost, currency),
            }
        )
    # One statement: the page, the totals, the shares and the chart's (at most about 500) points.
    page, summary = page_read(
        request,
        settings.ARDESK_LIST_PAGE_SIZE,
        lambda offset, limit: report.summary(by, offset=offset, limit=limit, curve_points=500),
    )
    return render(
        request,
        "budgets/profitability.html",
        {
            "form": forms.PeriodForm(
                initial={"company": company.code, "date_from": date_from, "date_to": date_to, "by": by},
                user=request.user,
            ),
            "company": company,
            "report": report,
            "by": by,
            "total": summary.total,
            "currency": company.functional_currency,
            "page": page,
            "query": _query(request),
            "top10": summary.top10,
            "top_fifth": summary.top_fifth,
            "top_count": summary.top_count,
            "losing": summary.losing,
            "chart": {
                "points": [[n, str(value)] for n, value in summary.curve],
                "x": _("Customers ranked by net contribution"),
                "y": _("Cumulative share of net contribution %"),
            },
            "settings_form": settings_form,
        },
    )


@require_POST
@requires(services.SET_RATES)
def profitability_settings(request):
    company = _company(request, request.POST.get("company"))
    form = forms.SettingsForm(request.POST)
    if company is None or not form.is_valid():
        messages.error(request, _("Give the cost of capital and the unit costs."))
    else:
        try:
            services.settings_set(by=request.user, company=company, **form.cleaned_data)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Profitability settings saved."))
    return redirect(f"{_url('budgets:profitability')}?company={company.code if company else ''}")


def _url(name: str) -> str:
    return reverse(name)


@requires(services.VIEW_PROFITABILITY)
def segments(request):
    form, company, date_from, date_to, by, report = _profitability_context(request)
    segment_form = None
    if request.user.has_perm(services.MANAGE_SEGMENTS):
        segment_form = forms.SegmentForm(request.POST or None, user=request.user, initial={"company": company.code})
        if request.method == "POST" and segment_form.is_valid():
            data = segment_form.cleaned_data
            target = companies_for(request.user).get(code=data.pop("company"))
            try:
                services.segment_save(by=request.user, company=target, **data)
            except InvalidInput as exc:
                add_errors(segment_form, exc)
            else:
                messages.success(request, _("Segment saved; customers placed again."))
                return redirect(f"{_url('budgets:segments')}?company={target.code}")
    customers = output.profit_rows(report, "customer")
    revenue_abc, contribution_abc = _abc_counts(customers)
    grades = sorted({r.grade for r in customers})
    grid = [
        {
            "grade": grade,
            "cells": [
                _cell([r for r in customers if r.grade == grade and r.contribution_class == k]) for k in ("A", "B", "C")
            ],
        }
        for grade in grades
    ]
    return render(
        request,
        "budgets/segments.html",
        {
            "form": forms.PeriodForm(
                initial={"company": company.code, "date_from": date_from, "date_to": date_to}, user=request.user
            ),
            "company": company,
            "currency": company.functional_currency,
            "revenue_abc": revenue_abc,
            "contribution_abc": contribution_abc,
            "grid": grid,
            "by_industry": _breakdown(report, customers, "industry"),
            "by_region": _breakdown(report, customers, "region"),
            "by_size": _breakdown(report, customers, "size"),
            "by_segment": output.profit_rows(report, "segment"),
            "segments": Segment.objects.filter(company=company).select_related("dunning_policy"),
            "segment_form": segment_form,
        },
    )


def _cell(rows) -> dict:
    return {"customers": len(rows), "contribution": sum(r.profit.net_contribution for r in rows)}


def _abc_counts(customers) -> tuple[list[dict], list[dict]]:
    def counts(attribute: str, figure: str) -> list[dict]:
        return [
            {"class": k, **_cell([r for r in customers if getattr(r, attribute) == k])}
            | {"figure": sum(getattr(r.profit, figure) for r in customers if getattr(r, attribute) == k)}
            for k in ("A", "B", "C")
        ]

    return counts("revenue_class", "revenue"), counts("contribution_class", "net_contribution")


def _breakdown(report, customers, attribute: str) -> list[dict]:
    labels = {"industry": dict(Industry.choices), "region": dict(Region.choices), "size": dict(CustomerSize.choices)}[
        attribute
    ]
    totals: dict[str, domain.Profit] = {}
    counts: dict[str, int] = {}
    for row in customers:
        key = getattr(report.facts[row.key], attribute)
        totals[key] = totals.get(key, domain.Profit()) + row.profit
        counts[key] = counts.get(key, 0) + 1
    result = [
        {"label": labels.get(k) or _("Not given"), "customers": counts[k], "profit": p} for k, p in totals.items()
    ]
    return sorted(result, key=lambda r: -r["profit"].net_contribution)
