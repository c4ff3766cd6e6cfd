"""Demo credit data: three years of statements for some customers, scores, limits, requests, held orders, reviews."""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_CEILING, Decimal

from django.conf import settings

from ardesk.credit import services
from ardesk.customers.models import Customer
from ardesk.customers.selectors import preferred_language
from ardesk.ledger import selectors as ledger

# The requests' reasons and the approval's note, written in the customer's language as the people who
# deal with that customer write them (an English-speaking customer's file is kept in English).
TEXTS = {
    "zh-hans": {
        "grown": "业务量增长，申请提高额度",
        "annual": "年度授信",
        "approved": "按现有业务量核定",
        "peak": "旺季订单增加",
    },
    "en": {
        "grown": "Business has grown: a higher limit is asked for",
        "annual": "Annual credit limit",
        "approved": "Set on the current business volume",
        "peak": "More orders in the peak season",
    },
}


def _statement(rng: random.Random, revenue: Decimal) -> dict[str, Decimal]:
    def share(low: float, high: float) -> Decimal:
        return Decimal(str(round(rng.uniform(low, high), 4)))

    total_assets = revenue * share(0.6, 1.2)
    current_assets = total_assets * share(0.35, 0.6)
    total_liabilities = total_assets * share(0.3, 0.85)
    equity = total_assets - total_liabilities
    operating_income = revenue * share(-0.02, 0.15)
    interest = total_liabilities * Decimal("0.04")
    total_profit = operating_income - interest  # no non-operating items: 营业外收支 nil
    net_income = total_profit * Decimal("0.75")
    lines = {
        "cash": current_assets * share(0.1, 0.3),
        "receivables": current_assets * share(0.2, 0.4),
        "inventory": current_assets * share(0.2, 0.4),
        "current_assets": current_assets,
        "total_assets": total_assets,
        "current_liabilities": total_liabilities * share(0.5, 0.8),
        "total_liabilities": total_liabilities,
        "equity": equity,
        "retained_earnings": equity * share(0.2, 0.6),
        "revenue": revenue,
        "cost_of_sales": revenue * share(0.65, 0.85),
        # 营业利润 comes after 财务费用 (the interest); with no 营业外收支 it equals the total profit.
        "operating_income": operating_income - interest,
        "finance_costs": interest,
        "interest_expense": interest,
        "total_profit": total_profit,
        "income_tax": total_profit - net_income,
        "net_income": net_income,
        "operating_cash_flow": net_income * share(0.6, 1.4),
    }
    return {code: value.quantize(Decimal("0.01")) for code, value in lines.items()}


def demo_credit(
    *, companies, analyst, manager, anchor: dt.date, per_company: int = 30, seed: int = 5
) -> dict[str, int]:
    """Statements, scores and limits for the largest debtors of each company, and a few queue items.

    Limits are round figures that cover what the customer owes (utilisation under 100 %): the
    scorecard's suggestion, or, where the customer already owes more, an approved higher limit.
    Only the held orders and the pending requests go beyond.
    """
    rng = random.Random(seed)
    counts = {"statements": 0, "scores": 0, "held_orders": 0, "requests": 0}
    year = anchor.year - 1
    step = Decimal(str(settings.ARDESK_LIMIT_STEP))
    _may, maximum_minor = services.approval_limit(manager)
    maximum = None if maximum_minor is None else Decimal(maximum_minor) / 100
    for company in companies:
        active = Customer.objects.filter(company=company, status="active")
        owed = ledger.receivables_by_customer(customer_ids=active.values("pk"), today=anchor)
        balance = {pk: Decimal(f["open"] - f["unapplied"]) / 100 for pk, f in owed.items()}
        customers = sorted(active, key=lambda c: (-balance.get(c.pk, 0), c.code))[:per_company]
        for n, customer in enumerate(customers):
            texts = TEXTS[preferred_language(customer)]
            revenue = Decimal(rng.randrange(5_000_000, 200_000_000))
            for offset in (2, 1, 0):
                services.financial_statement_save(
                    by=analyst,
                    customer=customer,
                    period_end=dt.date(year - offset, 12, 31),
                    lines={k: str(v) for k, v in _statement(rng, revenue).items()},
                    is_audited=offset > 0,
                    source="demo",
                )
                revenue = (revenue * Decimal(str(rng.uniform(0.9, 1.25)))).quantize(Decimal("1"))
                counts["statements"] += 1
            services.account_update(
                by=analyst,
                customer=customer,
                industry_risk=rng.choice(["low", "medium", "medium", "high"]),
                external_rating=rng.choice(["AA", "A", "BBB", "BB", ""]),
            )
            score = services.customer_score(by=analyst, customer=customer, as_of=anchor)
            counts["scores"] += 1
            if score.recommended_limit:
                exposure = max(balance.get(customer.pk, Decimal(0)), Decimal(0))
                covering = (exposure * Decimal("1.25") / step).to_integral_value(rounding=ROUND_CEILING) * step
                limit = max(Decimal(score.recommended_limit) / 100, covering)
                if maximum is not None and limit > maximum:
                    # Beyond the manager's approval level: the higher limit waits for the next level.
                    services.credit_request_create(
                        by=analyst,
                        customer=customer,
                        kind="limit",
                        amount=str(limit),
                        reason=texts["grown"],
                    )
                    counts["requests"] += 1
                    limit = maximum
                annual = services.credit_request_create(
                    by=analyst,
                    customer=customer,
                    kind="limit",
                    amount=str(limit),
                    reason=texts["annual"],
                    valid_until=anchor + dt.timedelta(days=rng.choice([20, 90, 365])),
                )
                if annual.status == "pending":
                    services.credit_request_decide(by=manager, request=annual, approve=True, note=texts["approved"])
                if n % 10 == 3:
                    services.credit_request_create(
                        by=analyst,
                        customer=customer,
                        kind="limit",
                        amount=str(limit * Decimal("1.5") // step * step),
                        reason=texts["peak"],
                    )
                    counts["requests"] += 1
                if n % 10 == 5:
                    _order, result = services.credit_check(
                        by=analyst,
                        customer=customer,
                        order_ref=f"DEMO-SO-{customer.code}",
                        amount=str(limit - exposure + 50_000),
                    )
                    counts["held_orders"] += result.decision == "hold"
    counts["reviews"] = services.reviews_schedule(as_of=anchor)
    return counts
