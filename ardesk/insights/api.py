"""Insights endpoints under /api/v1/insights/: predictions, the forecast, model versions, training."""

from __future__ import annotations

from ninja import Query, Router, Schema

from ardesk.companies.access import ensure_permission, granted_company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import clock
from ardesk.core.schemas import money_out
from ardesk.insights import reasons, selectors, services

router = Router(tags=["insights"])


class PredictionQuery(Schema):
    company: str | None = None
    customer: int | None = None


class ForecastQuery(Schema):
    company: str | None = None
    weeks: int = 13


class TrainIn(Schema):
    company: str


def _company_ids(user, code: str | None) -> list[int]:
    return [granted_company(user, code).pk] if code else list(company_ids_for(user))


def version_out(version) -> dict:
    return {
        "company": version.company.code,
        "version": version.version,
        "method": version.method,
        "best_baseline": version.best_baseline,
        "data_from": version.data_from.isoformat(),
        "data_to": version.data_to.isoformat(),
        "holdout_from": version.holdout_from.isoformat(),
        "train_count": version.train_count,
        "holdout_count": version.holdout_count,
        "figures": version.figures,
        "importance": version.importance,
        "trained_at": version.trained_at.isoformat(),
    }


@router.get("/predictions", response=list[dict], summary="Expected payment date of each open item, with interval")
def predictions(request, query: Query[PredictionQuery]):
    ensure_permission(request.user, "insights.view_prediction")
    rows = selectors.predictions_for(request.user, customer_id=query.customer)
    for company_id in _company_ids(request.user, query.company) if query.company else ():
        rows = rows.filter(company_id=company_id)
    return [
        {
            "line_id": p.line_id,
            "customer_id": p.customer_id,
            "due_on": p.due_on.isoformat(),
            "expected_on": p.expected_on.isoformat(),
            "low_on": p.low_on.isoformat(),
            "high_on": p.high_on.isoformat(),
            "days_late": p.days_late,
            "open": money_out(p.open_amount, p.currency),
            "reasons": reasons.explain(p.reasons),
        }
        for p in rows[:1000]
    ]


def forecast_out(groups: list[dict]) -> list[dict]:
    return [
        {
            "company_id": g["company_id"],
            "currency": g["currency"],
            "open": money_out(g["open"], g["currency"]),
            "weeks": [
                {
                    "week_start": w["week_start"],
                    "expected": money_out(w["expected"], g["currency"]),
                    "low": money_out(w["low"], g["currency"]),
                    "high": money_out(w["high"], g["currency"]),
                }
                for w in g["weeks"]
            ],
        }
        for g in groups
    ]


@router.get("/forecast", response=list[dict], summary="Cash-collection forecast per company, currency and week")
def forecast(request, query: Query[ForecastQuery]):
    ensure_permission(request.user, "insights.view_prediction")
    weeks = max(1, min(query.weeks, 52))
    groups = selectors.collection_forecast(
        company_ids=_company_ids(request.user, query.company), as_of=clock.today(), weeks=weeks
    )
    return forecast_out(groups)


@router.get("/models", response=list[dict], summary="Model versions with their hold-out figures")
def models(request, query: Query[ForecastQuery]):
    ensure_permission(request.user, "insights.view_modelversion")
    versions = selectors.versions_for(request.user).filter(company_id__in=_company_ids(request.user, query.company))
    return [version_out(v) for v in versions[:100]]


@router.post("/models", response={201: dict}, summary="Train a new version of a company's pay-date model")
def train(request, payload: TrainIn):
    company = granted_company(request.user, payload.company)
    return 201, version_out(services.model_train(company=company, by=request.user))
