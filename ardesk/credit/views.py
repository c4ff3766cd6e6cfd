"""Credit screens: the customer's credit page and panel, statements, queues, portfolio, scorecards."""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.companies.selectors import companies_for, company_ids_for
from ardesk.core import clock, exports
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.web import add_errors, requires
from ardesk.credit import domain, lists, selectors, services
from ardesk.credit.forms import (
    AccountForm,
    DecisionForm,
    FinancialStatementForm,
    ImportForm,
    LimitImportForm,
    OrderCheckForm,
    RequestForm,
    ReviewForm,
    ScorecardForm,
)
from ardesk.credit.imports import KIND as LIMITS_KIND
from ardesk.credit.models import (
    CreditAccount,
    CreditLimitBatch,
    CreditRequest,
    CreditReview,
    FinancialStatement,
    RequestKind,
    Scorecard,
)
from ardesk.customers import selectors as customer_selectors
from ardesk.customers.forms import CustomerFilterForm
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.imports.formats import KINDS, labelled_problems


def _credit_context(customer) -> dict:
    today = clock.today()
    account = CreditAccount.objects.filter(customer=customer).select_related("group", "last_score__scorecard").first()
    return {
        "customer": customer,
        "account": account,
        "exposure": selectors.exposure(customer=customer, as_of=today),
        "score": account.last_score if account else None,
        "today": today,
    }


@requires("credit.view_creditaccount")
def customer_panel(request, pk: int):
    """The credit part of the customer's page: grade, limit, exposure and a link to the credit page."""
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    return render(request, "credit/partials/customer_panel.html", _credit_context(customer))


@requires("credit.view_creditaccount")
def customer_credit(request, pk: int):
    """The customer's credit page: score breakdown, statements and ratios with trends, requests, reviews."""
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    periods = selectors.analysis(customer)
    ratio_rows = [
        {
            "label": spec.label,
            "formula": spec.formula,
            "unit": spec.unit,
            "definition": spec.definition,
            "cells": list(
                zip(
                    [p.ratios[i] for p in periods],
                    domain.changes([p.ratios[i].value for p in periods]),
                    strict=True,
                )
            ),
            "trend": domain.trend([p.ratios[i].value for p in periods]),
        }
        for i, spec in enumerate(domain.RATIO_SPECS)
    ]
    z_rows = [
        {
            "label": model.label,
            "cells": list(
                zip(
                    [p.z_scores[i] for p in periods],
                    domain.changes([p.z_scores[i].value for p in periods]),
                    strict=True,
                )
            ),
            "trend": domain.trend([p.z_scores[i].value for p in periods]),
        }
        for i, model in enumerate(domain.Z_MODELS)
    ]
    account = CreditAccount.objects.filter(customer=customer).first()
    context = {
        **_credit_context(customer),
        "periods": periods,
        "ratio_rows": ratio_rows,
        "z_rows": z_rows,
        "scores": selectors.scores_of(customer)[:10],
        "requests": CreditRequest.objects.filter(customer=customer).select_related("requested_by", "decided_by")[:20],
        "imported_limits": selectors.imported_limits_of(customer)[:10],
        "reviews": CreditReview.objects.filter(customer=customer)
        .select_related("completed_by")
        .order_by("-due_on")[:20],
        "account_form": AccountForm(
            initial={"industry_risk": account.industry_risk, "external_rating": account.external_rating}
            if account
            else {}
        ),
        "request_form": RequestForm(),
    }
    return render(request, "credit/customer_credit.html", context)


def _fail(request, exc: ApplicationError) -> None:
    if isinstance(exc, InvalidInput):
        for field, errors in exc.errors.items():
            for error in errors:
                messages.error(request, f"{field}: {error}")
    else:
        messages.error(request, exc.message)


@require_POST
@requires("credit.add_creditscore")
def customer_score(request, pk: int):
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    try:
        score = services.customer_score(by=request.user, customer=customer)
        messages.success(
            request, _("Scored %(score)s: grade %(grade)s.") % {"score": score.score, "grade": score.grade}
        )
    except ApplicationError as exc:
        _fail(request, exc)
    return redirect("credit:customer", pk=pk)


@require_POST
@requires("credit.change_creditaccount")
def customer_account(request, pk: int):
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    form = AccountForm(request.POST)
    if form.is_valid():
        services.account_update(by=request.user, customer=customer, **form.cleaned_data)
        messages.success(request, _("Saved."))
    return redirect("credit:customer", pk=pk)


@requires("credit.add_creditrequest")
def request_create(request, pk: int):
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    form = RequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.credit_request_create(
                by=request.user,
                customer=customer,
                kind=form.cleaned_data["kind"],
                amount=form.cleaned_data["amount"],
                term_days=form.cleaned_data["term_days"],
                valid_until=form.cleaned_data["valid_until"],
                reason=form.cleaned_data["reason"],
                evidence=form.cleaned_data["evidence"],
            )
            if created.status == "approved":
                messages.success(request, _("Within the grade's policy: applied."))
            else:
                messages.success(request, _("Request sent for approval."))
            return redirect("credit:customer", pk=pk)
        except InvalidInput as exc:
            add_errors(form, exc)
    return render(request, "credit/request_form.html", {"customer": customer, "form": form})


@requires("credit.add_financialstatement")
def financial_statement_create(request, pk: int):
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    initial = {"currency": customer.company.functional_currency, "months": 12, "period_kind": "annual"}
    statement_id = request.GET.get("statement")
    if statement_id:
        statement = FinancialStatement.objects.filter(customer=customer, pk=statement_id).first()
        if statement is not None:
            lines = selectors.financial_statement_lines(statement)
            initial = {
                "period_end": statement.period_end,
                "period_kind": statement.period_kind,
                "months": statement.months,
                "is_audited": statement.is_audited,
                "currency": statement.currency,
                **{f"line_{code}": value for code, value in lines.items() if value is not None},
            }
    form = FinancialStatementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.financial_statement_save(
                by=request.user,
                customer=customer,
                period_end=data["period_end"],
                period_kind=data["period_kind"],
                months=data["months"],
                is_audited=data["is_audited"],
                currency=data["currency"],
                lines=form.lines(),
            )
            messages.success(request, _("Statement saved."))
            return redirect("credit:customer", pk=pk)
        except InvalidInput as exc:
            add_errors(form, exc, {code: f"line_{code}" for code in domain.LINE_CODES})
    return render(request, "credit/financial_statement_form.html", {"customer": customer, "form": form})


@requires("credit.add_financialstatement")
def financial_statements_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            saved = services.financial_statements_import(
                by=request.user,
                handle=upload.file,
                filename=upload.name,
                company_ids=company_ids_for(request.user),
                customer_code=form.cleaned_data["customer"],
            )
            messages.success(request, _("%(count)d statements imported.") % {"count": len(saved)})
            return redirect("credit:customer", pk=saved[0].customer_id)
        except InvalidInput as exc:
            form.add_error(None, exc.message)
    lines = [(line.code, line.name, line.printed_zh or line.name_zh) for line in domain.LINES]
    return render(request, "credit/financial_statements_import.html", {"form": form, "lines": lines})


def _export(request, build, name: str):
    """The list as a CSV or Excel download when ``?export=csv|xlsx`` asks for it, else None."""
    file_format = request.GET.get("export")
    if file_format not in exports.LIST_FORMATS:
        return None
    return exports.table_download(build(), file_format, f"{name}-{clock.today():%Y%m%d}")


@requires("credit.view_creditaccount")
def customers_export(request):
    """The customer list with its filters, as the list screen shows it, with balance, overdue, limit and grade."""
    if not request.user.has_perms(["customers.view_customer", "ledger.view_document"]):
        raise PermissionDenied
    form = CustomerFilterForm(request.GET or None, user=request.user)
    filters, described = customer_selectors.CustomerFilters(), []
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        filters = customer_selectors.CustomerFilters(**data)
        for name, value in data.items():
            field = form.fields[name]
            if name != "sort":
                shown = dict(field.choices).get(value, value) if hasattr(field, "choices") else value
                described.append(f"{field.label}: {shown}")
    customers = customer_selectors.customer_list(user=request.user, filters=filters)
    response = _export(
        request, lambda: lists.customer_table(customers, today=clock.today(), filters=described), "customers"
    )
    if response is None:
        raise Http404
    return response


@requires("credit.view_openorder")
def held_orders(request):
    if response := _export(
        request, lambda: lists.held_orders_table(selectors.held_orders(user=request.user)), "held-orders"
    ):
        return response
    return render(
        request,
        "credit/held_orders.html",
        {"orders": selectors.held_orders(user=request.user)[:200], "form": DecisionForm()},
    )


@require_POST
@requires("credit.decide_openorder")
def order_decide(request, pk: int):
    order = selectors.order_for(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    release = request.POST.get("decision") == "release"
    try:
        services.order_decide(by=request.user, order=order, release=release, note=form.cleaned_data.get("note", ""))
        messages.success(
            request,
            (_("Order %(ref)s released.") if release else _("Order %(ref)s rejected.")) % {"ref": order.order_ref},
        )
    except ApplicationError as exc:
        _fail(request, exc)
    return redirect("credit:held")


@requires("credit.check_order")
def order_check(request):
    """Try the order credit check from the screen: customer, order reference and amount; release, hold or block."""
    form = OrderCheckForm(request.POST or None, companies=companies_for(request.user))
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        company, customer = selectors.check_customer(
            user=request.user, company_code=data["company"], customer_id=None, customer_code=data["customer_code"]
        )
        if customer is None:
            form.add_error("customer_code", _("No such customer in company %(code)s.") % {"code": data["company"]})
        else:
            try:
                order, checked = services.credit_check(
                    by=request.user,
                    customer=customer,
                    order_ref=data["order_ref"],
                    amount=data["amount"],
                    currency=data["currency"],
                )
                result = {"order": order, "decision": checked.decision, "customer": customer}
            except InvalidInput as exc:
                add_errors(form, exc)
    return render(request, "credit/order_check.html", {"form": form, "result": result})


@requires("credit.view_creditrequest")
def requests_queue(request, kind: str = ""):
    if response := _export(
        request,
        lambda: lists.requests_table(selectors.pending_requests(user=request.user, kind=kind)),
        "credit-requests",
    ):
        return response
    may, maximum = services.approval_limit(request.user)
    pending = list(selectors.pending_requests(user=request.user, kind=kind)[:200])
    contexts = selectors.request_contexts(pending, today=clock.today())
    for credit_request in pending:
        credit_request.context = contexts[credit_request.pk]
    return render(
        request,
        "credit/requests.html",
        {
            "requests": pending,
            "level_labels": selectors.approval_level_labels(),
            "special_only": kind == RequestKind.SPECIAL,
            "may_approve": may,
            "max_amount": maximum,
            "form": DecisionForm(),
        },
    )


@requires("credit.view_creditrequest")
def request_evidence(request, pk: int):
    """A request's evidence, to whoever may read the request in its company; always a download."""
    credit_request = selectors.request_for(user=request.user, pk=pk)
    if not credit_request.evidence:
        raise Http404
    handle = credit_request.evidence.open("rb")
    response = FileResponse(
        handle,
        content_type=selectors.evidence_content_type(handle),
        as_attachment=True,
        filename=Path(credit_request.evidence.name).name,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@requires("credit.approve_creditrequest")
def request_decide(request, pk: int):
    credit_request = selectors.request_for(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    approve = request.POST.get("decision") == "approve"
    try:
        services.credit_request_decide(
            by=request.user, request=credit_request, approve=approve, note=form.cleaned_data.get("note", "")
        )
        messages.success(request, _("Request approved.") if approve else _("Request rejected."))
    except ApplicationError as exc:
        _fail(request, exc)
    return redirect("credit:requests")


@requires("credit.view_creditreview")
def reviews_queue(request):
    if response := _export(
        request, lambda: lists.reviews_table(selectors.open_reviews(user=request.user)), "credit-reviews"
    ):
        return response
    return render(
        request,
        "credit/reviews.html",
        {"reviews": selectors.open_reviews(user=request.user)[:200], "form": ReviewForm(), "today": clock.today()},
    )


@require_POST
@requires("credit.change_creditreview")
def review_complete(request, pk: int):
    review = selectors.review_for(user=request.user, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("credit:reviews")
    try:
        done = services.review_complete(
            by=request.user, review=review, decision=form.cleaned_data["decision"], note=form.cleaned_data["note"]
        )
        messages.success(request, _("Review completed: grade %(grade)s.") % {"grade": done.score.grade})
    except ApplicationError as exc:
        _fail(request, exc)
    return redirect("credit:reviews")


@requires("credit.view_creditaccount")
def portfolio(request):
    accounts = CreditAccount.objects.filter(selectors.visible_customer_ids_q(request.user))
    if response := _export(request, lambda: lists.portfolio_table(accounts, today=clock.today()), "credit-portfolio"):
        return response
    grades = [g["grade"] for g in selectors.active_scorecard().config.get("grades", [])]
    chart = lists.exposure_by_grade(lists.portfolio_table(accounts, today=clock.today()), grades=grades)
    return render(
        request,
        "credit/portfolio.html",
        {**selectors.portfolio(user=request.user, as_of=clock.today()), "today": clock.today(), "grade_chart": chart},
    )


@requires("credit.view_scorecard")
def scorecards(request):
    return render(request, "credit/scorecards.html", {"scorecards": Scorecard.objects.all()})


@requires("credit.add_scorecard")
def scorecard_edit(request, pk: int):
    """Edit a scorecard by saving its next version (the shown version stays as it is)."""
    current = Scorecard.objects.filter(pk=pk).first() or selectors.active_scorecard()
    form = ScorecardForm(
        request.POST or None,
        initial={
            "code": current.code,
            "name": current.name,
            "config": json.dumps(current.config, indent=2, ensure_ascii=False),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.scorecard_save(by=request.user, **form.cleaned_data)
            messages.success(request, _("Saved as version %(version)d.") % {"version": saved.version})
            return redirect("credit:scorecards")
        except InvalidInput as exc:
            for field, errors in exc.errors.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
    return render(request, "credit/scorecard_form.html", {"form": form, "current": current})


# A batch of a hundred thousand limits is approved as a whole; the screen shows its first lines.
LINES_SHOWN = 500


@requires("credit.view_creditlimitbatch")
def limit_batches(request):
    """Credit limits imported from the old system: upload a file (kept for approval), the batches and their state."""
    may_import = request.user.has_perm("credit.add_creditlimitbatch")
    companies = companies_for(request.user)
    form = LimitImportForm(request.POST or None, request.FILES or None, companies=companies)
    report, problems = None, []
    if request.method == "POST":
        if not may_import:
            raise PermissionDenied
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = run_import(
                kind=LIMITS_KIND,
                handle=upload.file,
                file_name=upload.name,
                company=companies.get(pk=form.cleaned_data["company"]),
                user=request.user,
            )
            if report.ok:
                messages.success(
                    request,
                    _("%(count)d limits imported: they apply once a manager approves the import.")
                    % {"count": report.created},
                )
                return redirect(
                    "credit:limit_batch", pk=CreditLimitBatch.objects.get(import_batch_id=report.batch_id).pk
                )
            problems = labelled_problems(report.as_json()["problems"])
    return render(
        request,
        "credit/limit_batches.html",
        {
            "batches": selectors.limit_batches(user=request.user)[:100],
            "form": form if may_import else None,
            "report": report,
            "problems": problems,
            "columns": KINDS[LIMITS_KIND],
        },
    )


@requires("credit.view_creditlimitbatch")
def limit_batch(request, pk: int):
    """One import: its limits in file order and, for a manager who did not prepare it, approve or reject."""
    batch = selectors.limit_batch_for(user=request.user, pk=pk)
    lines = selectors.limit_batch_lines(batch)
    may, maximum = services.approval_limit(request.user)
    return render(
        request,
        "credit/limit_batch.html",
        {
            "batch": batch,
            "lines": lines[:LINES_SHOWN],
            "more": max(batch.line_count - LINES_SHOWN, 0),
            "may_decide": batch.status == "pending"
            and request.user.has_perm("credit.approve_creditlimitbatch")
            and batch.prepared_by_id != request.user.pk,
            "is_preparer": batch.prepared_by_id == request.user.pk,
            "may_approve": may,
            "max_amount": maximum,
            "form": DecisionForm(),
        },
    )


@require_POST
@requires("credit.approve_creditlimitbatch")
def limit_batch_decide(request, pk: int):
    batch = selectors.limit_batch_for(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    approve = request.POST.get("decision") == "approve"
    try:
        services.limit_batch_decide(by=request.user, batch=batch, approve=approve, note=form.data.get("note", "")[:300])
        if approve:
            messages.success(
                request, _("The import was approved: %(count)d limits apply.") % {"count": batch.line_count}
            )
        else:
            messages.success(request, _("The import was rejected: no limit changed."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("credit:limit_batch", pk=pk)
