"""Insights screens: the model card with the back-test, the cash-collection forecast, the customer panel."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.companies.access import companies_for, ensure_company_access
from ardesk.core import clock
from ardesk.core.errors import ApplicationError
from ardesk.core.money import from_minor
from ardesk.core.web import requires
from ardesk.customers import selectors as customer_selectors
from ardesk.insights import reasons, selectors, services
from ardesk.insights.models import Method


def _major(minor: int, currency: str) -> float:
    """An amount for a chart's axis (charts draw floats; the tables show the exact amounts)."""
    return float(from_minor(int(minor), currency))


def _company(request):
    companies = list(companies_for(request.user).order_by("code"))
    chosen = request.GET.get("company") or request.POST.get("company")
    company = next((c for c in companies if c.code == chosen), companies[0] if companies else None)
    return company, companies


@requires("insights.view_modelversion")
def model_card(request):
    """The model card: hold-out figures of the model and the baselines, data period, features, back-test."""
    company, companies = _company(request)
    version = selectors.current_version(company_id=company.pk) if company else None
    rows = []
    chart = {}
    if version:
        currency = company.functional_currency
        labels = dict(Method.choices)
        for name in ("model", *reasons.BASELINE_ORDER):
            figures = version.figures.get(name)
            if figures:
                rows.append(
                    {
                        "name": name,
                        "label": labels[name],
                        "mae": figures["mae_days"],
                        "within": figures["within_7_days"] * 100,
                        "in_use": name == version.method,
                        "best": name == version.best_baseline,
                    }
                )
        chart = {
            "weeks": [r["week"] for r in version.backtest],
            "forecast": [_major(r["forecast"], currency) for r in version.backtest],
            "actual": [_major(r["actual"], currency) for r in version.backtest],
            "labels": {"forecast": _("Forecast a week ahead"), "actual": _("Actually collected")},
        }
    return render(
        request,
        "insights/model_card.html",
        {
            "company": company,
            "companies": companies,
            "version": version,
            "rows": rows,
            "features": [
                {"label": reasons.feature_label(i["feature"]), "days": i["days"]}
                for i in (version.importance if version else [])
            ],
            "chart": chart,
            "versions": selectors.versions_for(request.user).filter(company=company)[:20] if company else [],
        },
    )


@require_POST
@requires("insights.add_modelversion")
def train(request):
    company, _companies = _company(request)
    try:
        version = services.model_train(company=company, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Version %(n)d trained.") % {"n": version.version})
    return redirect(f"{reverse('insights:model')}?company={company.code}")


@requires("insights.view_prediction")
def forecast(request):
    """The 13-week cash-collection forecast per currency, with the interval."""
    company, companies = _company(request)
    as_of = clock.today()
    groups = selectors.collection_forecast(company_ids=[company.pk], as_of=as_of) if company else []
    return render(
        request,
        "insights/forecast.html",
        {
            "company": company,
            "companies": companies,
            "version": selectors.current_version(company_id=company.pk) if company else None,
            "groups": groups,
            "as_of": as_of,
            "chart": {
                "groups": [
                    {
                        "currency": g["currency"],
                        "weeks": [w["week_start"] for w in g["weeks"]],
                        "expected": [_major(w["expected"], g["currency"]) for w in g["weeks"]],
                        "low": [_major(w["low"], g["currency"]) for w in g["weeks"]],
                        "high": [_major(w["high"], g["currency"]) for w in g["weeks"]],
                    }
                    for g in groups
                ],
                "labels": {"expected": _("Expected"), "low": _("Low (10 %)"), "high": _("High (90 %)")},
            },
        },
    )


@requires("insights.view_prediction")
def customer_panel(request, pk: int):
    """The customer page's panel: each open item's expected payment date, interval and reasons."""
    customer = customer_selectors.customer_detail(user=request.user, pk=pk)
    ensure_company_access(request.user, customer.company_id)
    predictions = list(selectors.predictions_for_customer(customer_id=customer.pk))
    return render(
        request,
        "insights/partials/customer_panel.html",
        {
            "customer": customer,
            "rows": [{"p": p, "reasons": reasons.explain(p.reasons)} for p in predictions],
            "version": selectors.current_version(company_id=customer.company_id),
        },
    )


@require_POST
@requires("insights.add_modelversion")
def learn_scorecard(request):
    """Learn a scorecard from the company's payment history; it is saved as a credit scorecard version."""
    company, _companies = _company(request)
    try:
        result = services.scorecard_learn(company=company, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
        return redirect(f"{reverse('insights:model')}?company={company.code}")
    figures = result["card"]["figures"]
    messages.success(
        request,
        _("Scorecard %(code)s version %(n)d saved: AUC %(auc)s, KS %(ks)s, Gini %(gini)s on the hold-out.")
        % {"code": result["code"], "n": result["version"], **figures},
    )
    return redirect("credit:scorecards")
