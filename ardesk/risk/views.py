"""Risk screens: signals, the watch list, the portfolio risk view, the alert inbox, the customer panel, settings."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.companies.selectors import companies_for
from ardesk.core import clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.web import add_errors, page_of, requires
from ardesk.customers import selectors as customer_selectors
from ardesk.customers.models import Industry, Region
from ardesk.risk import domain, lists, selectors, services
from ardesk.risk.forms import (
    ActionForm,
    CloseForm,
    ConfigImportForm,
    SignalFilterForm,
    TransitionForm,
    WatchAddForm,
    WatchUpdateForm,
)
from ardesk.risk.models import WatchAction, WatchStatus


def _fail(request, exc: ApplicationError) -> None:
    if isinstance(exc, InvalidInput):
        for errors in exc.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        messages.error(request, exc.message)


def _download(request, build, name: str):
    file_format = request.GET.get("export")
    if file_format not in exports.LIST_FORMATS:
        return None
    return exports.table_download(build(), file_format, f"{name}-{clock.today():%Y%m%d}")


def _company(request):
    """The company asked for (``?company=``) among those granted, else the first granted; 404 without any."""
    companies = list(companies_for(request.user).order_by("code"))
    wanted = request.GET.get("company") or request.POST.get("company")
    for company in companies:
        if str(company.pk) == wanted:
            return company, companies
    if not companies:
        raise Http404
    return companies[0], companies


@requires("risk.view_risksignal")
def signals(request):
    companies = companies_for(request.user).order_by("code")
    form = SignalFilterForm(request.GET or None, companies=companies)
    rows = selectors.visible_signals(user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("company"):
            rows = rows.filter(company_id=data["company"])
        if data.get("severity"):
            rows = rows.filter(severity=data["severity"])
        if data.get("kind"):
            rows = rows.filter(kind=data["kind"])
    rows = rows.order_by("-severity", "-first_seen_on", "customer__code")
    if response := _download(request, lambda: lists.signals_table(rows), "risk-signals"):
        return response
    page = page_of(request, rows, 100)
    return render(
        request,
        "risk/signals.html",
        {
            "form": form,
            "page": page,
            "rows": lists.signal_rows(page.object_list),
            "counts": selectors.signal_counts(user=request.user),
            "companies": companies,
            "scans": selectors.recent_scans(user=request.user),
        },
    )


@requires("risk.add_riskscan")
@require_POST
def scan(request):
    company, _companies = _company(request)
    try:
        result = services.risk_scan(company=company, as_of=clock.today(), by=request.user)
    except ApplicationError as exc:
        _fail(request, exc)
    else:
        messages.success(
            request,
            _("Scan of %(company)s: %(signals)s signals, %(new)s new or worse, %(watch)s added to the watch list.")
            % {
                "company": company.code,
                "signals": result.signals,
                "new": result.new_signals,
                "watch": result.watch_added,
            },
        )
    return redirect("risk:signals")


@requires("risk.view_watchentry")
def watch_list(request):
    status = request.GET.get("status", WatchStatus.OPEN)
    if status not in WatchStatus.values:
        status = WatchStatus.OPEN
    entries = selectors.watch_list(user=request.user, status=status).order_by("review_on", "customer__code")
    if response := _download(request, lambda: lists.watch_table(entries), "watch-list"):
        return response
    return render(
        request,
        "risk/watch_list.html",
        {
            "page": page_of(request, entries, 100),
            "status": status,
            "statuses": WatchStatus.choices,
            "today": clock.today(),
        },
    )


@requires("risk.add_watchentry")
def watch_add(request, customer_pk: int):
    customer = customer_selectors.customer_detail(user=request.user, pk=customer_pk)
    form = WatchAddForm(request.POST or None, company_id=customer.company_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        owner = get_user_model().objects.filter(pk=data["owner"]).first() if data.get("owner") else None
        try:
            entry = services.watch_add(
                by=request.user, customer=customer, reason=data["reason"], owner=owner, review_on=data.get("review_on")
            )
        except InvalidInput as exc:
            add_errors(form, exc)
        except ApplicationError as exc:
            _fail(request, exc)
        else:
            messages.success(request, _("%(code)s is on the watch list.") % {"code": customer.code})
            return redirect("risk:watch_entry", entry.pk)
    return render(request, "risk/watch_add.html", {"form": form, "customer": customer})


@requires("risk.view_watchentry")
def watch_entry(request, pk: int):
    entry = selectors.watch_entry_for(user=request.user, pk=pk)
    return render(
        request,
        "risk/watch_entry.html",
        {
            "entry": entry,
            "actions": entry.actions.select_related("created_by", "done_by"),
            "signals": lists.signal_rows(
                selectors.visible_signals(user=request.user).filter(customer_id=entry.customer_id)
            ),
            "update_form": WatchUpdateForm(
                initial={"owner": entry.owner_id, "review_on": entry.review_on}, company_id=entry.company_id
            ),
            "action_form": ActionForm(),
            "close_form": CloseForm(),
            "today": clock.today(),
        },
    )


@requires("risk.change_watchentry")
@require_POST
def watch_update(request, pk: int):
    entry = selectors.watch_entry_for(user=request.user, pk=pk)
    form = WatchUpdateForm(request.POST, company_id=entry.company_id)
    if form.is_valid():
        data = form.cleaned_data
        owner = get_user_model().objects.filter(pk=data["owner"]).first() if data.get("owner") else None
        try:
            services.watch_update(by=request.user, entry=entry, owner=owner, review_on=data.get("review_on"))
            messages.success(request, _("Saved."))
        except ApplicationError as exc:
            _fail(request, exc)
    return redirect("risk:watch_entry", pk)


@requires("risk.add_watchaction")
@require_POST
def watch_action(request, pk: int):
    entry = selectors.watch_entry_for(user=request.user, pk=pk)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.watch_action_add(by=request.user, entry=entry, **form.cleaned_data)
            messages.success(request, _("Action recorded."))
        except ApplicationError as exc:
            _fail(request, exc)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("risk:watch_entry", pk)


@requires("risk.change_watchaction")
@require_POST
def watch_action_done(request, pk: int, action_pk: int):
    entry = selectors.watch_entry_for(user=request.user, pk=pk)
    action = WatchAction.objects.filter(entry=entry, pk=action_pk).first()
    if action is None:
        raise Http404
    try:
        services.watch_action_done(by=request.user, action=action)
    except ApplicationError as exc:
        _fail(request, exc)
    return redirect("risk:watch_entry", pk)


@requires("risk.change_watchentry")
@require_POST
def watch_close(request, pk: int):
    entry = selectors.watch_entry_for(user=request.user, pk=pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Record the decision that takes the customer off the watch list."))
        return redirect("risk:watch_entry", pk)
    try:
        services.watch_close(by=request.user, entry=entry, decision=form.cleaned_data["decision"])
        messages.success(request, _("%(code)s left the watch list.") % {"code": entry.customer.code})
    except ApplicationError as exc:
        _fail(request, exc)
    return redirect("risk:watch_entry", pk)


@requires("risk.view_portfolio")
def portfolio(request):
    company, companies = _company(request)
    scan = selectors.latest_scan(company)
    figures = lists.portfolio_view(scan, company=company)
    table = request.GET.get("table", "grade")
    if response := _download(request, lambda: lists.portfolio_table(figures, table, company=company), f"risk-{table}"):
        return response
    return render(
        request,
        "risk/portfolio.html",
        {
            "company": company,
            "companies": companies,
            "scan": scan,
            "figures": figures,
            "charts": lists.portfolio_charts(figures),
            "transition_form": TransitionForm(
                initial={"date_from": clock.today() - dt.timedelta(days=365), "date_to": clock.today()}
            ),
        },
    )


@requires("risk.view_portfolio")
def transition(request):
    company, _companies = _company(request)
    form = TransitionForm(request.GET or None)
    today = clock.today()
    date_from, date_to = today - dt.timedelta(days=365), today
    if form.is_valid():
        date_from = form.cleaned_data.get("date_from") or date_from
        date_to = form.cleaned_data.get("date_to") or date_to
    matrix = selectors.transition(company=company, date_from=date_from, date_to=date_to)
    if response := _download(
        request, lambda: lists.transition_table(matrix, date_from=date_from, date_to=date_to), "grade-transition"
    ):
        return response
    return render(
        request,
        "risk/partials/transition.html",
        {"company": company, "matrix": lists.transition_rows(matrix), "date_from": date_from, "date_to": date_to},
    )


@requires("risk.view_portfolio")
def concentration(request):
    """The customers behind a concentration figure: the largest customers, groups or industries, with links."""
    company, companies = _company(request)
    by = request.GET.get("by", "customer")
    if by not in ("customer", "group", "industry"):
        by = "customer"
    scan = selectors.latest_scan(company)
    figures = lists.portfolio_view(scan, company=company)
    rows = lists.concentration_rows(figures, by)
    if response := _download(
        request, lambda: lists.concentration_table(rows, by, company=company), f"concentration-{by}"
    ):
        return response
    return render(
        request,
        "risk/concentration.html",
        {
            "company": company,
            "by": by,
            "rows": rows,
            "figures": figures,
            "scan": scan,
            "industries": Industry,
            "regions": Region,
        },
    )


@requires("risk.view_alert")
def inbox(request):
    alerts = selectors.inbox(request.user)
    return render(
        request,
        "risk/inbox.html",
        {
            "page": page_of(request, alerts, 50),
            "rows": lists.alert_rows(alerts[:50]),
            "unread": selectors.unread_count(request.user),
        },
    )


@requires("risk.view_alert")
@require_POST
def inbox_read(request):
    ids = request.POST.getlist("alert")
    services.alerts_read(user=request.user, ids=[int(i) for i in ids if i.isdigit()] if ids else None)
    return redirect("risk:inbox")


@requires("risk.view_risksignal")
def customer_panel(request, pk: int):
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    history = selectors.signal_history(customer)[:100]
    return render(
        request,
        "risk/partials/customer_panel.html",
        {
            "customer": customer,
            "active": lists.signal_rows([s for s in history if s.status == "active"]),
            "history": lists.signal_rows(history),
            "entry": selectors.open_watch_entry(customer),
            "watch_history": selectors.watch_history(customer)[:20],
            "today": clock.today(),
        },
    )


@requires("risk.view_riskconfig")
def config(request):
    company, companies = _company(request)
    current = selectors.config_of(company)
    values = current.config if current is not None else selectors.config_values(company)
    if request.GET.get("export") == "json":
        row = services.config_ensure(company)
        response = HttpResponse(
            json.dumps(services.config_export(row), ensure_ascii=False, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = f'attachment; filename="risk-config-{company.code}-v{row.version}.json"'
        return response
    form = ConfigImportForm()
    if request.method == "POST":
        if not request.user.has_perm("risk.add_riskconfig"):
            raise Http404
        form = ConfigImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                data = json.loads(form.cleaned_data["file"].read().decode("utf-8"))
                row = services.config_import(by=request.user, company=company, data=data)
            except (UnicodeDecodeError, json.JSONDecodeError):
                form.add_error("file", _("The file is not JSON."))
            except InvalidInput as exc:
                for errors in exc.errors.values():
                    for error in errors:
                        form.add_error("file", error)
            else:
                messages.success(request, _("Saved as version %(version)d.") % {"version": row.version})
                return redirect(f"{request.path}?company={company.pk}")
    return render(
        request,
        "risk/config.html",
        {
            "company": company,
            "companies": companies,
            "current": current,
            "versions": selectors.config_versions(company),
            "rules": lists.config_rules(values),
            "text": json.dumps(values, ensure_ascii=False, indent=2),
            "form": form,
            "signal_labels": domain.SIGNAL_LABELS,
        },
    )
