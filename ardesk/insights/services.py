"""Writes of insights: train a company's pay-date model (a new version) and refresh its predictions."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import joblib
import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core import clock
from ardesk.core.bulk import insert_rows
from ardesk.core.errors import InvalidInput
from ardesk.credit import defaults as credit_defaults
from ardesk.credit import selectors as credit_selectors
from ardesk.credit import services as credit_services
from ardesk.insights import learning, scorecard, selectors
from ardesk.insights.models import ModelVersion, Prediction


def models_dir() -> Path:
    """Where fitted models are kept: ARDESK_INSIGHTS_DIR, else ``insights/`` in the data directory."""
    folder = Path(settings.ARDESK_INSIGHTS_DIR or settings.DATA_DIR / "insights")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def model_train(*, company: Company, by=None, as_of: dt.date | None = None) -> ModelVersion:
    """Train a new version of a company's pay-date model on its settled items, then predict its open items.

    ``by`` is None for the scheduled retraining. Too little history is refused with the count.
    """
    if by is not None:
        ensure_permission(by, "insights.add_modelversion")
        ensure_company_access(by, company.pk)
    as_of = as_of or clock.today()
    started = time.monotonic()
    lines = selectors.line_history(company_id=company.pk)
    try:
        training = learning.train(lines.history)
    except learning.NotEnoughHistory as error:
        raise InvalidInput({"company": [str(error)]}) from error
    with transaction.atomic():
        latest = ModelVersion.objects.select_for_update().filter(company=company).order_by("-version").first()
        number = latest.version + 1 if latest else 1
        file_name = f"{company.code}-v{number}.joblib"
        joblib.dump(training.model, models_dir() / file_name)
        version = ModelVersion.objects.create(
            company=company,
            version=number,
            method=training.model.method,
            best_baseline=training.best_baseline,
            data_from=training.data_from,
            data_to=training.data_to,
            holdout_from=training.holdout_from,
            train_count=training.train_count,
            holdout_count=training.holdout_count,
            figures=training.figures,
            importance=training.importance,
            backtest=training.backtest,
            file_name=file_name,
            seconds=round(time.monotonic() - started, 2),
            trained_by=by,
        )
        record(
            action="insights.model_train",
            actor=by,
            target=version,
            company_id=company.pk,
            after={"version": number, "method": version.method, "figures": training.figures},
        )
        predictions_refresh(company=company, as_of=as_of, lines=lines, version=version, model=training.model)
    return version


def load_model(version: ModelVersion) -> learning.PayDateModel:
    return joblib.load(models_dir() / version.file_name)  # noqa: S301 (our own file, written by model_train)


@transaction.atomic
def predictions_refresh(
    *,
    company: Company,
    as_of: dt.date | None = None,
    lines: selectors.LineHistory | None = None,
    version: ModelVersion | None = None,
    model: learning.PayDateModel | None = None,
) -> int:
    """Replace a company's predictions with today's, for every open item; returns how many were made."""
    as_of = as_of or clock.today()
    version = version or selectors.current_version(company_id=company.pk)
    Prediction.objects.filter(company=company).delete()
    if version is None:
        return 0
    model = model or load_model(version)
    if not getattr(model, "current", False):
        raise InvalidInput(
            {"company": [_("The pay-date model was trained by an earlier release of ARdesk: train it again.")]}
        )
    lines = lines or selectors.line_history(company_id=company.pk)
    history = lines.history
    mask = (history.settled < 0) & (lines.open_now > 0) & (history.issue <= as_of.toordinal())
    if not mask.any():
        return 0
    predicted = learning.predict(model, history, mask, as_of.toordinal() + 1)
    ids = np.flatnonzero(mask)
    day = dt.date.fromordinal
    rows = (
        (
            version.pk,
            company.pk,
            int(lines.customer_id[history.customer[i]]),
            int(lines.line_id[i]),
            as_of,
            day(int(history.due[i])),
            day(int(predicted.expected[n])),
            day(int(predicted.low[n])),
            day(int(predicted.high[n])),
            int(predicted.days_late[n]),
            str(lines.currency[i]),
            int(lines.open_now[i]),
            int(lines.open_functional_now[i]),
            predicted.reasons[n],
        )
        for n, i in enumerate(ids)
    )
    return insert_rows(
        Prediction,
        [
            "model_version_id",
            "company_id",
            "customer_id",
            "line_id",
            "as_of",
            "due_on",
            "expected_on",
            "low_on",
            "high_on",
            "days_late",
            "currency",
            "open_amount",
            "open_functional",
            "reasons",
        ],
        rows,
    )


def scheduled_refresh(*, as_of: dt.date) -> int:
    """Retrain each company whose model is older than ARDESK_INSIGHTS_RETRAIN_DAYS, predict the others again.

    Only companies that were trained once are touched (training is started by a person the first
    time); a company whose predictions are already from today is left alone. Returns how many
    companies were refreshed.
    """
    refreshed = 0
    for company in Company.objects.filter(pk__in=ModelVersion.objects.values("company_id")):
        version = selectors.current_version(company_id=company.pk)
        age = (as_of - version.trained_at.date()).days
        if age >= settings.ARDESK_INSIGHTS_RETRAIN_DAYS or not getattr(load_model(version), "current", False):
            try:
                model_train(company=company, as_of=as_of)
            except InvalidInput:
                continue
        elif Prediction.objects.filter(company=company, as_of=as_of).exists():
            continue
        else:
            predictions_refresh(company=company, as_of=as_of)
        refreshed += 1
    return refreshed


BEHAVIOUR_FACTORS = ["avg_days_late", "late_share", "dso", "broken_promises", "disputes"]
BAD_DAYS_LATE = 30
MIN_SCORECARD_CUSTOMERS = 30
MIN_OF_EACH = 5


def scorecard_learn(*, company: Company, by, as_of: dt.date | None = None) -> dict:
    """Learn a payment-behaviour scorecard from the company's history and save it as a credit scorecard version.

    Each customer's behaviour a year ago (the credit module's own inputs, as of that day) is set
    against what followed: a customer is "bad" when an item due in the year after was paid more than
    30 days late or is still unpaid more than 30 days after its due date. The card (WoE bins, points)
    is measured on a stratified 30 % hold-out and saved as the next version of ``LEARNED-<company>``,
    which the credit module then reviews and uses like any other scorecard version.
    """
    ensure_permission(by, "insights.add_modelversion")
    ensure_company_access(by, company.pk)
    as_of = as_of or clock.today()
    snapshot = as_of - dt.timedelta(days=365)
    lines = selectors.line_history(company_id=company.pk)
    h = lines.history
    start, end = snapshot.toordinal(), as_of.toordinal()
    followed = (h.due > start) & (h.due <= end - BAD_DAYS_LATE) & (h.issue <= end)
    late = np.where(h.settled >= 0, h.settled - h.due, end - h.due) > BAD_DAYS_LATE
    known = np.zeros(len(lines.customer_id), dtype=bool)
    known[h.customer[h.issue < start]] = True
    rows, outcomes = [], []
    customers = {c.pk: c for c in company.customers.filter(pk__in=[int(x) for x in lines.customer_id[known]])}
    for position in np.flatnonzero(known):
        mine = h.customer == position
        if not (followed & mine).any():
            continue
        customer = customers[int(lines.customer_id[position])]
        behaviour = credit_selectors.payment_behaviour(customer=customer, as_of=snapshot)
        rows.append({k: None if behaviour[k] is None else float(behaviour[k]) for k in BEHAVIOUR_FACTORS})
        outcomes.append(int((late & followed & mine).any()))
    outcomes_array = np.array(outcomes, dtype=int)
    if len(rows) < MIN_SCORECARD_CUSTOMERS or min(outcomes_array.sum(), (1 - outcomes_array).sum()) < MIN_OF_EACH:
        raise InvalidInput(
            {
                "company": [
                    f"{len(rows)} customers with a year of history and a year after it, "
                    f"{int(outcomes_array.sum())} of them late: at least {MIN_SCORECARD_CUSTOMERS} customers and "
                    f"{MIN_OF_EACH} of each kind are needed"
                ]
            }
        )
    try:
        card = scorecard.learn_and_measure(rows, outcomes_array, BEHAVIOUR_FACTORS, set(BEHAVIOUR_FACTORS))
    except ValueError as error:
        raise InvalidInput({"company": [str(error)]}) from error
    config = scorecard.credit_config(
        card,
        sources=dict.fromkeys(BEHAVIOUR_FACTORS, "behaviour"),
        grades=credit_defaults.DEMO_SCORECARD["grades"],
    )
    figures = card.figures
    saved = credit_services.scorecard_save(
        by=by,
        code=f"LEARNED-{company.code}",
        name=f"Learned from {company.code} payment history",
        config=config,
        note=f"AUC {figures['auc']}, KS {figures['ks']}, Gini {figures['gini']} on a stratified hold-out of "
        f"{figures['holdout_count']} customers (as of {as_of.isoformat()})",
    )
    return {"scorecard_id": saved.pk, "code": saved.code, "version": saved.version, "card": card.as_dict()}
