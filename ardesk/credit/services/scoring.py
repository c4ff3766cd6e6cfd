"""Scorecards and their versions, and scoring a customer: score, grade, recommended limit, next review."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_permission
from ardesk.core import calendar, clock
from ardesk.core.errors import InvalidInput
from ardesk.core.money import quantize, to_minor
from ardesk.credit import domain, review_criteria, selectors
from ardesk.credit.models import CreditScore, ReviewReason, Scorecard
from ardesk.credit.services.accounts import account_lock
from ardesk.customers.models import Customer
from ardesk.ledger import selectors as ledger


def _validated(config: dict) -> dict:
    problems = domain.validate_scorecard(config)
    if problems:
        raise InvalidInput({"config": problems})
    return config


@transaction.atomic
def scorecard_save(*, by, code: str, name: str, config: dict, note: str = "") -> Scorecard:
    """Save a scorecard as its next version; earlier versions stay as they were, for the scores that used them."""
    ensure_permission(by, "credit.add_scorecard")
    if not code.strip():
        raise InvalidInput({"code": [_("A code is required.")]})
    _validated(config)
    latest = Scorecard.objects.select_for_update().filter(code=code).order_by("-version").first()
    version = latest.version + 1 if latest else 1
    Scorecard.objects.filter(code=code, is_active=True).update(is_active=False)
    scorecard = Scorecard.objects.create(code=code, version=version, name=name, config=config, note=note, created_by=by)
    record(action="credit.scorecard_save", actor=by, target=scorecard, after={"version": version, "note": note})
    return scorecard


def scorecard_export(scorecard: Scorecard) -> dict:
    return {
        "code": scorecard.code,
        "version": scorecard.version,
        "name": scorecard.name,
        "note": scorecard.note,
        "config": scorecard.config,
    }


def scorecard_import(*, by, data: dict) -> Scorecard:
    """Import an exported scorecard as the next version of its code."""
    missing = [key for key in ("code", "name", "config") if key not in data]
    if missing:
        raise InvalidInput({key: [_("This field is required.")] for key in missing})
    return scorecard_save(
        by=by, code=data["code"], name=data["name"], config=data["config"], note=data.get("note", "imported")
    )


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    return value


def round_limit(amount: Decimal, step: Decimal) -> Decimal:
    """A limit as a round figure: down to a multiple of the step (never above what the rule allows)."""
    if step <= 0 or amount < step:
        return amount.quantize(Decimal("1"), rounding=ROUND_DOWN)
    return (amount // step) * step


def limit_step(scorecard: Scorecard) -> Decimal:
    """The scorecard's rounding step for limits, else the installation's (ARDESK_LIMIT_STEP)."""
    return Decimal(str(scorecard.config.get("limit_step", settings.ARDESK_LIMIT_STEP)))


@transaction.atomic
def customer_score(
    *, by, customer: Customer, scorecard: Scorecard | None = None, as_of: dt.date | None = None
) -> CreditScore:
    """Score a customer and store the score, grade, breakdown, scorecard version and inputs; update the account.

    A grade lower than the previous one opens a credit review (an event review).
    """
    ensure_permission(by, "credit.add_creditscore")
    as_of = as_of or clock.today()
    scorecard = scorecard or selectors.active_scorecard()
    account = account_lock(customer)
    inputs = selectors.scoring_inputs(customer=customer, as_of=as_of)
    result = domain.score(scorecard.config, inputs)
    currency = customer.company.functional_currency
    equity = inputs["statement"]["equity"]
    if equity is not None and inputs["statement"]["currency"] != currency:
        rate = ledger.exchange_rate(currency=inputs["statement"]["currency"], quote_currency=currency, on=as_of)
        equity = quantize(equity * rate, currency)
    limit, explanation = domain.recommended_limit(
        result.limit_rule,
        equity=equity,
        monthly_sales=selectors.monthly_sales(customer=customer, as_of=as_of),
        term_days=result.max_term_days,
    )
    if limit is not None:
        step = limit_step(scorecard)
        limit = round_limit(limit, step)
        explanation += " " + _("(rounded down to a multiple of %(step)s)") % {"step": f"{step:,}"}
    score = CreditScore.objects.create(
        customer=customer,
        scorecard=scorecard,
        score=result.score,
        grade=result.grade,
        breakdown=[
            {
                "key": f.key,
                "source": f.source,
                "weight": str(f.weight),
                "value": f.value,
                "band": f.band,
                "points": str(f.points),
                "contribution": str(f.contribution),
                "note": f.note,
            }
            for f in result.factors
        ],
        inputs=_plain(inputs),
        recommended_limit=to_minor(quantize(limit, currency), currency) if limit is not None else None,
        currency=currency,
        limit_explanation=explanation[:300],
        max_term_days=result.max_term_days,
        scored_on=as_of,
        scored_by=by,
    )
    previous_grade = account.grade
    account.grade, account.score, account.max_term_days, account.last_score = (
        result.grade,
        result.score,
        result.max_term_days,
        score,
    )
    # The next review: after the interval of the customer's segment (a registered criterion), else the grade's.
    months = review_criteria.months_for(customer.pk) or result.review_months
    account.next_review_on, account.review_date_by_hand = calendar.add_months(as_of, months), False
    account.save()
    record(
        action="credit.score",
        actor=by,
        target=score,
        company_id=customer.company_id,
        before={"grade": previous_grade} if previous_grade else None,
        after={"grade": result.grade, "score": result.score, "scorecard": str(scorecard)},
    )
    if previous_grade and domain.grade_rank(scorecard.config, result.grade) > domain.grade_rank(
        scorecard.config, previous_grade
    ):
        from ardesk.credit.services.reviews import (
            review_open,  # reviews imports this module: a completed review re-scores
        )

        review_open(
            customer=customer,
            due_on=as_of,
            reason=ReviewReason.GRADE_DROP,
            detail=_("Grade dropped from %(old)s to %(new)s.") % {"old": previous_grade, "new": result.grade},
        )
    return score
