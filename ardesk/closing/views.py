"""The close cockpit (期末结账) and the FX revaluation screen: thin views over the services and selectors."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.closing import domain, forms, selectors, services
from ardesk.closing.access import (
    APPROVE_REOPEN,
    CLOSE_PERIOD,
    EXPORT_JOURNAL,
    POST_REVALUATION,
    REQUEST_REOPEN,
    RUN_REVALUATION,
    VIEW_CLOSE,
    VIEW_REVALUATION,
    visible_company,
)
from ardesk.closing.models import ReopenRequest, RevaluationStatus
from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core import calendar, clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.money import from_minor
from ardesk.core.web import page_of, requires
from ardesk.ledger import periods


def _chosen(request, data) -> tuple[forms.PeriodForm, object, object]:
    """The company and month asked for (by default the first company granted and the month before this one)."""
    companies = list(companies_for(request.user))
    default = {
        "company": companies[0].code if companies else "",
        "period": f"{calendar.add_months(calendar.month_start(clock.today()), -1):%Y-%m}",
    }
    form = forms.PeriodForm({**default, **{k: v for k, v in data.items() if v}}, user=request.user)
    if not companies or not form.is_valid():
        return form, None, None
    company = visible_company(request.user, form.cleaned_data["company"])
    return form, company, selectors.parse_period(form.cleaned_data["period"])


def _back(name: str, company, period) -> str:
    query = {"company": company.code, "period": f"{period:%Y-%m}"} if company is not None else {}
    return reverse(name) + ("?" + urlencode(query) if query else "")


@requires(VIEW_CLOSE)
def cockpit(request):
    form, company, period = _chosen(request, request.GET)
    context = {"form": form, "state": None}
    if company is not None:
        state = selectors.period_state(company=company, period=period)
        initial = {"company": company.code, "period": f"{period:%Y-%m}"}
        user = request.user
        context.update(
            state=state,
            months=selectors.recent_months(company, clock.today()),
            close_form=forms.CloseForm(initial=initial, user=user)
            if user.has_perm(CLOSE_PERIOD) and not state.is_closed and state.has_ended
            else None,
            reopen_form=forms.ReopenForm(initial=initial, user=user)
            if user.has_perm(REQUEST_REOPEN) and state.is_closed and state.pending_request is None
            else None,
            can_decide=state.pending_request is not None
            and user.has_perm(APPROVE_REOPEN)
            and state.pending_request.requested_by_id != user.pk,
            export_form=forms.ExportForm(initial=initial, user=user) if user.has_perm(EXPORT_JOURNAL) else None,
        )
    context["pending"] = selectors.pending_requests(company_ids_for(request.user))
    return render(request, "closing/cockpit.html", context)


def _posted_period(request, form_class):
    form = form_class(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return form, None, None
    company = visible_company(request.user, form.cleaned_data["company"])
    return form, company, selectors.parse_period(form.cleaned_data["period"])


@require_POST
@requires(CLOSE_PERIOD)
def close(request):
    form, company, period = _posted_period(request, forms.CloseForm)
    if company is None:
        return redirect("closing:cockpit")
    try:
        services.period_close(
            by=request.user, company=company, period=period, accept_open_points=form.cleaned_data["accept_open_points"]
        )
    except ApplicationError as exc:
        messages.error(request, exc.errors[exc.field][0] if isinstance(exc, InvalidInput) else exc.message)
    else:
        messages.success(request, _("%(period)s is closed.") % {"period": periods.period_label(period)})
    return redirect(_back("closing:cockpit", company, period))


@require_POST
@requires(REQUEST_REOPEN)
def reopen(request):
    form, company, period = _posted_period(request, forms.ReopenForm)
    if company is None:
        return redirect("closing:cockpit")
    try:
        services.reopen_request(by=request.user, company=company, period=period, reason=form.cleaned_data["reason"])
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Reopening requested: a second finance manager decides."))
    return redirect(_back("closing:cockpit", company, period))


@require_POST
@requires(APPROVE_REOPEN)
def reopen_decide(request, pk: int, decision: str):
    request_ = ReopenRequest.objects.filter(pk=pk, company_id__in=company_ids_for(request.user)).first()
    if request_ is None or decision not in ("approve", "reject"):
        raise Http404
    decide = services.reopen_approve if decision == "approve" else services.reopen_reject
    try:
        decide(by=request.user, request=request_)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        label = periods.period_label(request_.period)
        messages.success(
            request,
            _("%(period)s is open again.") % {"period": label}
            if decision == "approve"
            else _("Reopening %(period)s refused.") % {"period": label},
        )
    return redirect(_back("closing:cockpit", request_.company, request_.period))


@require_POST
@requires(EXPORT_JOURNAL)
def journals_export(request):
    form, company, period = _posted_period(request, forms.ExportForm)
    if company is None:
        return redirect("closing:cockpit")
    file_format = form.cleaned_data["file_format"]
    try:
        data = services.journal_export(by=request.user, company=company, period=period, file_format=file_format)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(_back("closing:cockpit", company, period))
    return exports.download(data, file_format, f"journals-{company.code}-{period:%Y-%m}")


LINE_HEADERS = ["customer", "name", "currency", "open_amount", "closing_rate", "historical", "revalued", "difference"]


def _lines_table(run) -> exports.ReportTable:
    rows = [
        [
            line.customer.code,
            line.customer.name,
            line.currency,
            from_minor(line.amount, line.currency),
            line.rate,
            from_minor(line.booked, run.currency),
            from_minor(line.revalued, run.currency),
            from_minor(line.difference, run.currency),
        ]
        for line in run.lines.select_related("customer").order_by("customer__code", "currency")
    ]
    return exports.ReportTable(
        title=_("FX revaluation %(period)s") % {"period": periods.period_label(run.period)},
        subtitle=[run.company.code, run.as_of.isoformat()],
        headers=LINE_HEADERS,
        rows=rows,
        currency=run.currency,
    )


@requires(VIEW_REVALUATION)
def revaluation(request):
    form, company, period = _chosen(request, request.GET)
    context = {"form": form, "run": None}
    if company is not None:
        run = selectors.latest_revaluation(company_id=company.pk, period=period)
        export = request.GET.get("export")
        if run is not None and export in ("csv", "xlsx"):
            table = _lines_table(run)
            data = exports.to_csv(table) if export == "csv" else exports.to_xlsx(table)
            return exports.download(data, export, f"fx-revaluation-{company.code}-{period:%Y-%m}")
        context.update(
            company=company,
            period=period,
            period_label=periods.period_label(period),
            run=run,
            lines=page_of(request, run.lines.select_related("customer").order_by("customer__code", "currency"), 50)
            if run
            else None,
            entry=_entry_summary(run) if run else [],
            can_run=request.user.has_perm(RUN_REVALUATION) and (run is None or run.status != RevaluationStatus.POSTED),
            can_post=run is not None
            and run.status == RevaluationStatus.PROPOSED
            and request.user.has_perm(POST_REVALUATION),
            reversal_on=domain.next_period_start(calendar.month_end(period)),
            is_closed=periods.is_closed(company.pk, period),
        )
    return render(request, "closing/revaluation.html", context)


def _entry_summary(run) -> list[dict]:
    """The proposed entry in two lines: the receivables' net change and the exchange difference."""
    net = run.net
    if net == 0:
        return []
    receivable = {"account": domain.RECEIVABLE_ACCOUNT, "label": _("Accounts receivable (per customer)")}
    fx = {"account": domain.FX_ACCOUNT, "label": _("Finance costs: exchange differences")}
    if net > 0:
        return [{**receivable, "debit": net, "credit": 0}, {**fx, "debit": 0, "credit": net}]
    return [{**fx, "debit": -net, "credit": 0}, {**receivable, "debit": 0, "credit": -net}]


@require_POST
@requires(RUN_REVALUATION)
def revaluation_run(request):
    _form, company, period = _posted_period(request, forms.PeriodForm)
    if company is None:
        return redirect("closing:revaluation")
    try:
        run = services.revaluation_run(by=request.user, company=company, period=period)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Revaluation %(run)s proposed: review it, then post it.") % {"run": run})
    return redirect(_back("closing:revaluation", company, period))


@require_POST
@requires(POST_REVALUATION)
def revaluation_post(request, pk: int):
    run = selectors.visible_revaluation(request.user, pk)
    try:
        services.revaluation_post(by=request.user, run=run)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Revaluation posted, with its reversal on the next month's first day."))
    return redirect(_back("closing:revaluation", run.company, run.period))
