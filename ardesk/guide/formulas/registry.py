"""Every computed figure ARdesk shows, with its formula and a worked example the product itself computes.

One ``Explanation`` per key. Its ``example`` calls the product's own function (named in
``function``) on fixed inputs a reader can work by hand, and returns the inputs and the result;
the explanation pages and the tests read the numbers from there, so the help cannot drift from
the code. ``line`` is the formula written with figures (``%(name)s`` placeholders); it is filled
with the worked example on the help page and with the record's own figures on the screens.

Amounts named in ``amounts`` are in minor units (an ``int``) or in the currency's units (a
``Decimal``); they are shown grouped with the currency's decimals (3,210,000.00).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ardesk.collections import domain as collections_domain
from ardesk.core.money import from_minor, grouped
from ardesk.credit import domain as credit_domain
from ardesk.insights import domain as insights_domain
from ardesk.insights import learning
from ardesk.provisioning import domain as provisioning_domain
from ardesk.reports import domain as aging
from ardesk.reports import kpis
from ardesk.risk import domain as risk_domain
from ardesk.risk.defaults import DEFAULT_CONFIG as RISK_CONFIG

CURRENCY = "CNY"
AS_OF = dt.date(2026, 12, 31)


@dataclass(frozen=True)
class Explanation:
    key: str
    name: Promise
    formula: Promise
    function: str  # the product function that computes the figure, for the reader
    example: Callable[[], dict]
    line: Promise  # the formula with figures, placeholders %(name)s
    amounts: tuple[str, ...] = ()
    record_line: Promise | None = None  # a screen's record, when it has other figures than the example

    def record_sentence(self, figures: Mapping, currency: str = CURRENCY) -> str:
        """The formula written with a screen's record."""
        return str(self.record_line or self.line) % self.shown(figures, currency)

    def worked_example(self) -> dict:
        """The inputs and the result, as the product's function computes them."""
        return self.example()

    def shown(self, figures: Mapping, currency: str = CURRENCY) -> dict[str, str]:
        """The figures as a screen shows them: amounts grouped, dates ISO, ratios without trailing zeros."""
        return {name: show(value, currency, amount=name in self.amounts) for name, value in figures.items()}

    def sentence(self, figures: Mapping, currency: str = CURRENCY) -> str:
        """The formula written with these figures."""
        return str(self.line) % self.shown(figures, currency)


def show(value, currency: str = CURRENCY, *, amount: bool = False) -> str:
    if value is None:
        return "—"
    if amount and not isinstance(value, str):
        return grouped(from_minor(value, currency) if isinstance(value, int) else value, currency)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        if value.as_tuple().exponent < -2:
            value = value.normalize()
        return f"{value:,f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _yuan(amount: str) -> int:
    """A worked example's amount in minor units, written as the user reads it."""
    return int(Decimal(amount) * 100)


# --- aging and the collection KPIs ---------------------------------------------------------------

BUCKETS = (
    aging.BucketRule("current", "0", 0),
    aging.BucketRule("d1_30", "1-30", 30),
    aging.BucketRule("d31_60", "31-60", 60),
    aging.BucketRule("over_60", "61+", None),
)


def aging_example() -> dict:
    items = {
        "due_a": (dt.date(2027, 1, 15), _yuan("500000")),
        "due_b": (dt.date(2026, 12, 16), _yuan("300000")),
        "due_c": (dt.date(2026, 11, 20), _yuan("200000")),
        "due_d": (dt.date(2026, 9, 30), _yuan("100000")),
    }
    credits = _yuan("50000")
    totals = aging.age_buckets(items.values(), [credits], AS_OF, BUCKETS)
    figures: dict = {"as_of": AS_OF, "credits": credits}
    for name, (due_on, open_amount) in items.items():
        figures[name] = due_on
        figures[f"amount_{name[-1]}"] = open_amount
        figures[f"days_{name[-1]}"] = (AS_OF - due_on).days
    figures.update(totals)
    figures["total"] = sum(totals.values())
    return figures


# One company's month, the same in every KPI's example: November 2026, 30 days.
ENDING_AR, CREDIT_SALES, CURRENT_AR = _yuan("3210000"), _yuan("2000000"), _yuan("2100000")
BEGINNING_AR, OVERDUE_AR, OCTOBER_SALES = _yuan("3000000"), _yuan("1110000"), _yuan("1500000")
KPI_DAYS = 30


def dso_example() -> dict:
    return {
        "ending_ar": ENDING_AR,
        "credit_sales": CREDIT_SALES,
        "days": KPI_DAYS,
        "dso": kpis.days_sales_outstanding(ending_ar=ENDING_AR, credit_sales=CREDIT_SALES, days=KPI_DAYS),
    }


def countback_steps(ending_ar: int, months) -> dict:
    """Where the countback stops: the whole months counted and the part of the month the AR runs out in."""
    remaining, whole_days = ending_ar, 0
    for month in months:
        if month.sales > 0 and remaining <= month.sales:
            return {
                "whole_days": whole_days,
                "remaining": remaining,
                "month_sales": month.sales,
                "month_days": month.days,
            }
        remaining -= month.sales
        whole_days += month.days
    return {"whole_days": whole_days, "remaining": remaining, "month_sales": None, "month_days": None}


def countback_example() -> dict:
    months = (kpis.MonthSales(days=KPI_DAYS, sales=CREDIT_SALES), kpis.MonthSales(days=31, sales=OCTOBER_SALES))
    return {
        "ending_ar": ENDING_AR,
        "november_sales": CREDIT_SALES,
        "october_sales": OCTOBER_SALES,
        **countback_steps(ENDING_AR, months),
        "countback_dso": kpis.countback_dso(ending_ar=ENDING_AR, months=months),
    }


def best_possible_example() -> dict:
    return {
        "current_ar": CURRENT_AR,
        "credit_sales": CREDIT_SALES,
        "days": KPI_DAYS,
        "best_possible_dso": kpis.best_possible_dso(current_ar=CURRENT_AR, credit_sales=CREDIT_SALES, days=KPI_DAYS),
    }


def add_example() -> dict:
    dso, best = dso_example()["dso"], best_possible_example()["best_possible_dso"]
    return {"dso": dso, "best_possible_dso": best, "add": kpis.average_days_delinquent(dso, best)}


def cei_figures(beginning_ar: int, credit_sales: int, ending_ar: int, current_ar: int) -> dict:
    return {
        "beginning_ar": beginning_ar,
        "credit_sales": credit_sales,
        "ending_ar": ending_ar,
        "current_ar": current_ar,
        "collected": beginning_ar + credit_sales - ending_ar,
        "collectible": beginning_ar + credit_sales - current_ar,
        "cei": kpis.collection_effectiveness(
            beginning_ar=beginning_ar, credit_sales=credit_sales, ending_ar=ending_ar, ending_current_ar=current_ar
        ),
    }


def cei_example() -> dict:
    return cei_figures(BEGINNING_AR, CREDIT_SALES, ENDING_AR, CURRENT_AR)


def overdue_example() -> dict:
    return {
        "overdue_ar": OVERDUE_AR,
        "total_ar": ENDING_AR,
        "overdue_ratio": kpis.overdue_ratio(overdue_ar=OVERDUE_AR, total_ar=ENDING_AR),
    }


# --- credit: ratios, Z-score, scorecard, limit -----------------------------------------------------

STATEMENT = {
    "current_assets": Decimal("5000000"),
    "inventory": Decimal("1000000"),
    "current_liabilities": Decimal("2500000"),
    "total_liabilities": Decimal("4000000"),
    "total_assets": Decimal("10000000"),
    "equity": Decimal("6000000"),
    "retained_earnings": Decimal("1000000"),
    "revenue": Decimal("12000000"),
    "cost_of_sales": Decimal("9000000"),
    "total_profit": Decimal("700000"),
    "interest_expense": Decimal("100000"),
    "net_income": Decimal("600000"),
    "receivables": Decimal("2000000"),
}
STATEMENT_AMOUNTS = tuple(STATEMENT)


def ratios_example() -> dict:
    values = {ratio.key: ratio.value for ratio in credit_domain.ratios(STATEMENT)}
    return {
        **STATEMENT,
        "current_ratio": values["current_ratio"],
        "quick_ratio": values["quick_ratio"],
        "debt_to_assets": values["debt_to_assets"] * 100,
        "gross_margin": values["gross_margin"] * 100,
        "net_margin": values["net_margin"] * 100,
        "receivables_turnover": values["receivables_turnover"],
    }


def z_example() -> dict:
    model = next(m for m in credit_domain.Z_MODELS if m.key == "z_double_prime")
    result = credit_domain.z_score(model, STATEMENT)
    x1, x2, x3, x4, _x5 = result.components
    return {
        **STATEMENT,
        "ebit": credit_domain.ebit(STATEMENT),
        "x1": x1,
        "x2": x2,
        "x3": x3,
        "x4": x4,
        "z": result.value,
        "zone": result.zone_label,
    }


SCORECARD = {
    "factors": [
        {
            "source": "ratio",
            "key": "current_ratio",
            "weight": 40,
            "bands": [{"min": 2, "points": 100}, {"min": 1.2, "points": 60}, {"min": 0, "points": 20}],
        },
        {
            "source": "behaviour",
            "key": "avg_days_late",
            "weight": 60,
            "bands": [{"max": 5, "points": 100}, {"max": 30, "points": 60}, {"min": 30, "points": 0}],
        },
    ],
    "grades": [
        {
            "grade": "A",
            "min_score": 80,
            "limit": {"rule": "fixed", "amount": 0},
            "max_term_days": 60,
            "review_months": 12,
        },
        {
            "grade": "B",
            "min_score": 60,
            "limit": {"rule": "fixed", "amount": 0},
            "max_term_days": 45,
            "review_months": 12,
        },
        {
            "grade": "C",
            "min_score": 0,
            "limit": {"rule": "fixed", "amount": 0},
            "max_term_days": 30,
            "review_months": 6,
        },
    ],
}


def score_example() -> dict:
    result = credit_domain.score(
        SCORECARD, {"ratio": {"current_ratio": Decimal("2.0")}, "behaviour": {"avg_days_late": 12}}
    )
    ratio, late = result.factors
    return {
        "ratio_value": ratio.value,
        "ratio_points": ratio.points,
        "ratio_weight": ratio.weight,
        "ratio_contribution": ratio.contribution,
        "late_value": late.value,
        "late_points": late.points,
        "late_weight": late.weight,
        "late_contribution": late.contribution,
        "score": result.score,
        "grade": result.grade,
    }


def limit_example() -> dict:
    monthly_sales, term_days, factor = Decimal("500000.00"), 45, Decimal("1.2")
    limit, _how = credit_domain.recommended_limit(
        {"rule": "monthly_sales_times_term", "factor": str(factor)},
        equity=None,
        monthly_sales=monthly_sales,
        term_days=term_days,
    )
    return {"monthly_sales": monthly_sales, "term_days": term_days, "factor": factor, "limit": limit}


# --- provisioning ----------------------------------------------------------------------------------


def rate_example() -> dict:
    observations = [
        provisioning_domain.Observation("2025-12-31", {"d31_60": _yuan("1000000")}, {"d31_60": _yuan("30000")}),
        provisioning_domain.Observation("2026-06-30", {"d31_60": _yuan("1000000")}, {"d31_60": _yuan("50000")}),
    ]
    factor = Decimal("1.1")
    derivation = provisioning_domain.derive_loss_rates(["d31_60"], observations, factor)
    return {
        "balance_1": _yuan("1000000"),
        "balance_2": _yuan("1000000"),
        "written_off_1": _yuan("30000"),
        "written_off_2": _yuan("50000"),
        "balances": derivation.balance_totals["d31_60"],
        "written_off": derivation.written_off_totals["d31_60"],
        "historical": derivation.historical["d31_60"],
        "factor": factor,
        "rate": derivation.rates["d31_60"],
    }


ECL_BUCKETS = (
    ("current", _yuan("500000"), Decimal("0.5")),
    ("d1_30", _yuan("300000"), Decimal("2")),
    ("d31_60", _yuan("200000"), Decimal("4.4")),
    ("over_60", _yuan("100000"), Decimal("44")),
)


def ecl_example() -> dict:
    figures: dict = {}
    for key, balance, rate in ECL_BUCKETS:
        figures[f"{key}_balance"] = balance
        figures[f"{key}_rate"] = rate
        figures[f"{key}_ecl"] = provisioning_domain.bucket_allowance(balance, rate)
    figures["total"] = sum(figures[f"{key}_ecl"] for key, _b, _r in ECL_BUCKETS)
    # The formula line is written out for one bucket, 31–60 days.
    balance, rate = figures["d31_60_balance"], figures["d31_60_rate"]
    return {**figures, "balance": balance, "rate": rate, "ecl": figures["d31_60_ecl"]}


# --- collections, risk, insights -------------------------------------------------------------------

DUNNING_LEVELS = (
    collections_domain.DunningStep(1, -3),
    collections_domain.DunningStep(2, 7),
    collections_domain.DunningStep(3, 21),
    collections_domain.DunningStep(4, 45),
)


def dunning_example() -> dict:
    due_on, last_notice_on = dt.date(2026, 12, 1), dt.date(2026, 12, 15)
    level = collections_domain.next_level(
        run_on=AS_OF, due_on=due_on, levels=DUNNING_LEVELS, min_days_between=7, reached=2, last_notice_on=last_notice_on
    )
    return {
        "run_on": AS_OF,
        "due_on": due_on,
        "days_overdue": collections_domain.days_overdue(due_on, AS_OF),
        "reached": 2,
        "last_notice_on": last_notice_on,
        "since_last": (AS_OF - last_notice_on).days,
        "min_days_between": 7,
        "level_days": DUNNING_LEVELS[2].days,
        "level": level.seq,
    }


def risk_example() -> dict:
    facts = risk_domain.CustomerFacts(
        customer_id=1,
        limit=_yuan("1000000"),
        open=_yuan("980000"),
        unapplied=_yuan("30000"),
        overdue=_yuan("200000"),
        oldest_overdue_on=dt.date(2026, 11, 11),
    )
    signals = {s.kind: s for s in risk_domain.signals_for(facts, RISK_CONFIG, AS_OF)}
    rules, factors = RISK_CONFIG["signals"], RISK_CONFIG["severity_factors"]
    utilisation, slowing = signals["utilisation"], signals["payments_slowing"]
    return {
        "limit": facts.limit,
        "open": facts.open,
        "unapplied": facts.unapplied,
        "exposure": facts.exposure,
        "utilisation": utilisation.measure,
        "utilisation_medium": rules["utilisation"]["medium"],
        "utilisation_severity": risk_domain.SEVERITY_LABELS[utilisation.severity],
        "utilisation_weight": rules["utilisation"]["weight"],
        "utilisation_factor": factors[utilisation.severity],
        "oldest_overdue_on": facts.oldest_overdue_on,
        "days_past_due": slowing.figures["days"],
        "usual": slowing.figures["usual"],
        "slowing": slowing.measure,
        "slowing_high": rules["payments_slowing"]["high"],
        "slowing_severity": risk_domain.SEVERITY_LABELS[slowing.severity],
        "slowing_weight": rules["payments_slowing"]["weight"],
        "slowing_factor": factors[slowing.severity],
        "points": risk_domain.points(signals.values(), RISK_CONFIG),
        "watch_points": RISK_CONFIG["watch_list"]["min_points"],
    }


def pay_date_example() -> dict:
    """One customer's three paid invoices, 4, 10 and 13 days late; a new invoice due 2026-12-31."""
    due = [dt.date(2026, 9, 30), dt.date(2026, 10, 31), dt.date(2026, 11, 30)]
    late = [4, 10, 13]
    issue = [d - dt.timedelta(days=30) for d in due]
    settled = [d + dt.timedelta(days=n) for d, n in zip(due, late, strict=True)]
    new_issue, new_due = dt.date(2026, 12, 1), AS_OF
    history = insights_domain.History(
        customer=np.zeros(4, dtype=np.int64),
        issue=np.array([d.toordinal() for d in [*issue, new_issue]], dtype=np.int64),
        due=np.array([d.toordinal() for d in [*due, new_due]], dtype=np.int64),
        settled=np.array([d.toordinal() for d in settled] + [-1], dtype=np.int64),
        amount=np.full(4, 10_000_000.0),
        seq=np.ones(4, dtype=np.int64),
    )
    open_now = ~history.is_settled
    questions = insights_domain.Questions.on_day(history, open_now, AS_OF.toordinal())
    features = insights_domain.features_as_of(history, questions)
    model = learning.PayDateModel(method="customer_median_days_late")
    point, low, high = (float(v[0]) for v in model.predict(features))
    return {
        "late_1": late[0],
        "late_2": late[1],
        "late_3": late[2],
        "due_on": new_due,
        "days_late": round(point),
        "predicted_on": new_due + dt.timedelta(days=round(point)),
        "low_on": new_due + dt.timedelta(days=round(low)),
        "high_on": new_due + dt.timedelta(days=round(high)),
    }


def forecast_example() -> dict:
    """Two open items, each expected (with its whole interval) inside one week."""
    start = dt.date(2027, 1, 4)
    first, second = start.toordinal() + 2, start.toordinal() + 9
    amounts = (_yuan("100000"), _yuan("50000"))
    rows = insights_domain.collection_forecast(
        expected=np.array([first, second]),
        low=np.array([first, second]),
        high=np.array([first, second]),
        amount=np.array(amounts, dtype=np.float64),
        start=start.toordinal(),
        weeks=2,
    )
    return {
        "amount_1": amounts[0],
        "expected_1": dt.date.fromordinal(first),
        "amount_2": amounts[1],
        "expected_2": dt.date.fromordinal(second),
        "week_1": dt.date.fromisoformat(rows[0]["week_start"]),
        "week_1_expected": round(rows[0]["expected"]),
        "week_2": dt.date.fromisoformat(rows[1]["week_start"]),
        "week_2_expected": round(rows[1]["expected"]),
    }


KPI_AMOUNTS = ("ending_ar", "credit_sales", "current_ar", "beginning_ar", "overdue_ar", "total_ar")

EXPLANATIONS: tuple[Explanation, ...] = (
    Explanation(
        "aging_buckets",
        _("Aging buckets"),
        _(
            "Each open item goes to the bucket of its days past due (report date − due date); unapplied credits "
            "are a negative column"
        ),
        "ardesk.reports.domain.age_buckets",
        aging_example,
        _(
            "%(current)s not yet due + %(d1_30)s 1–30 days + %(d31_60)s 31–60 days + %(over_60)s over 60 days "
            "− %(credits)s unapplied credits = %(total)s open balance"
        ),
        (
            "amount_a",
            "amount_b",
            "amount_c",
            "amount_d",
            "credits",
            "current",
            "d1_30",
            "d31_60",
            "over_60",
            "unapplied",
            "total",
        ),
        record_line=_("%(parts)s = open balance %(total)s"),
    ),
    Explanation(
        "dso",
        _("DSO (days sales outstanding)"),
        kpis.FORMULAS[0].formula,
        "ardesk.reports.kpis.days_sales_outstanding",
        dso_example,
        _("DSO %(dso)s = receivables %(ending_ar)s ÷ credit sales %(credit_sales)s × %(days)s days"),
        KPI_AMOUNTS,
    ),
    Explanation(
        "countback_dso",
        _("Countback DSO"),
        kpis.FORMULAS[1].formula,
        "ardesk.reports.kpis.countback_dso",
        countback_example,
        _(
            "Countback DSO %(countback_dso)s = %(whole_days)s days of months wholly owed + "
            "%(remaining)s ÷ %(month_sales)s × %(month_days)s days"
        ),
        (*KPI_AMOUNTS, "november_sales", "october_sales", "remaining", "month_sales"),
    ),
    Explanation(
        "best_possible_dso",
        _("Best possible DSO"),
        kpis.FORMULAS[2].formula,
        "ardesk.reports.kpis.best_possible_dso",
        best_possible_example,
        _(
            "Best possible DSO %(best_possible_dso)s = current receivables %(current_ar)s ÷ credit sales "
            "%(credit_sales)s × %(days)s days"
        ),
        KPI_AMOUNTS,
    ),
    Explanation(
        "add",
        _("Average days delinquent (ADD)"),
        kpis.FORMULAS[3].formula,
        "ardesk.reports.kpis.average_days_delinquent",
        add_example,
        _("ADD %(add)s = DSO %(dso)s − best possible DSO %(best_possible_dso)s"),
    ),
    Explanation(
        "cei",
        _("Collection effectiveness index (CEI)"),
        kpis.FORMULAS[4].formula,
        "ardesk.reports.kpis.collection_effectiveness",
        cei_example,
        _(
            "CEI %(cei)s%% = (%(beginning_ar)s + %(credit_sales)s − %(ending_ar)s) ÷ "
            "(%(beginning_ar)s + %(credit_sales)s − %(current_ar)s) × 100 = %(collected)s ÷ %(collectible)s × 100"
        ),
        (*KPI_AMOUNTS, "collected", "collectible"),
    ),
    Explanation(
        "overdue_ratio",
        _("Overdue ratio"),
        kpis.FORMULAS[6].formula,
        "ardesk.reports.kpis.overdue_ratio",
        overdue_example,
        _(
            "Overdue ratio %(overdue_ratio)s%% = overdue receivables %(overdue_ar)s ÷ total receivables "
            "%(total_ar)s × 100"
        ),
        KPI_AMOUNTS,
    ),
    Explanation(
        "financial_ratios",
        _("Financial ratios"),
        _(
            "Each ratio divides two lines of the customer's statements, e.g. current ratio = current assets ÷ "
            "current liabilities"
        ),
        "ardesk.credit.domain.ratios",
        ratios_example,
        _(
            "Current ratio %(current_ratio)s = current assets %(current_assets)s ÷ current liabilities "
            "%(current_liabilities)s"
        ),
        STATEMENT_AMOUNTS,
        record_line=_("%(ratio)s %(value)s = %(numerator)s ÷ %(denominator)s"),
    ),
    Explanation(
        "z_score",
        _("Altman Z-score"),
        _(
            "Z″ = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4 (Z and Z′ add X5 = sales ÷ total assets, with their own "
            "coefficients)"
        ),
        "ardesk.credit.domain.z_score",
        z_example,
        _("Z″ %(z)s = 6.56 × %(x1)s + 3.26 × %(x2)s + 6.72 × %(x3)s + 1.05 × %(x4)s (%(zone)s)"),
        (*STATEMENT_AMOUNTS, "ebit"),
        record_line=_("%(model)s %(z)s = %(terms)s (%(zone)s)"),
    ),
    Explanation(
        "score_points",
        _("Scorecard points"),
        _("Score = Σ (band points of each factor × its weight ÷ 100); the score gives the grade"),
        "ardesk.credit.domain.score",
        score_example,
        _(
            "Score %(score)s = %(ratio_points)s × %(ratio_weight)s%% + %(late_points)s × %(late_weight)s%% = "
            "%(ratio_contribution)s + %(late_contribution)s → grade %(grade)s"
        ),
        record_line=_("Contribution %(contribution)s = %(points)s points × weight %(weight)s ÷ 100"),
    ),
    Explanation(
        "suggested_limit",
        _("Suggested credit limit"),
        _(
            "By the grade's rule: monthly sales × term days ÷ 30 × factor, a percentage of equity, or a fixed "
            "amount; capped and rounded down"
        ),
        "ardesk.credit.domain.recommended_limit",
        limit_example,
        _("Suggested limit %(limit)s = monthly sales %(monthly_sales)s × %(term_days)s days ÷ 30 × %(factor)s"),
        ("monthly_sales", "limit"),
        record_line=_("Suggested limit %(limit)s = %(how)s"),
    ),
    Explanation(
        "provision_rate",
        _("Provision rate (loss rate of a bucket)"),
        _("Rate = written off afterwards ÷ balance at past month ends (pooled) × forward-looking factor, at most 100%"),
        "ardesk.provisioning.domain.derive_loss_rates",
        rate_example,
        _("Rate %(rate)s%% = %(written_off)s ÷ %(balances)s × 100 × %(factor)s"),
        ("balance_1", "balance_2", "written_off_1", "written_off_2", "balances", "written_off"),
    ),
    Explanation(
        "ecl",
        _("Expected credit loss (ECL)"),
        _("Allowance of a bucket = balance × rate, rounded half up to the fen; the total is the sum of the buckets"),
        "ardesk.provisioning.domain.bucket_allowance",
        ecl_example,
        _("ECL %(ecl)s = balance %(balance)s × %(rate)s%%"),
        tuple(f"{key}_{part}" for key, _b, _r in ECL_BUCKETS for part in ("balance", "ecl"))
        + ("total", "balance", "ecl"),
    ),
    Explanation(
        "dunning_level",
        _("Dunning level"),
        _(
            "An item climbs one level per run, when its days past due reach the level's days and enough days "
            "passed since its last notice"
        ),
        "ardesk.collections.domain.next_level",
        dunning_example,
        _(
            "Level %(level)s: reached %(reached)s + 1, %(days_overdue)s days past due ≥ %(level_days)s, "
            "%(since_last)s days since the last notice ≥ %(min_days_between)s"
        ),
        record_line=_(
            "Level %(level)s on %(notice_on)s: the items reached %(level_days)s days past due, at least "
            "%(min_days_between)s days after their last notice"
        ),
    ),
    Explanation(
        "risk_signals",
        _("Risk signals and points"),
        _(
            "Each measure is compared with its thresholds; points = Σ weight × severity factor; the watch list "
            "takes points ≥ its minimum"
        ),
        "ardesk.risk.domain.signals_for",
        risk_example,
        _(
            "Utilisation %(utilisation)s%% = (open %(open)s − unapplied %(unapplied)s) ÷ limit %(limit)s × 100; "
            "points %(points)s"
        ),
        ("limit", "open", "unapplied", "exposure"),
        record_line=_(
            "%(signal)s: measure %(measure)s reaches the %(severity)s threshold; its weight × the severity "
            "factor adds to the risk points"
        ),
    ),
    Explanation(
        "pay_date_prediction",
        _("Predicted pay date"),
        _(
            "Predicted pay date = due date + predicted days late (the model, or the customer's usual delay when "
            "it does better)"
        ),
        "ardesk.insights.learning.PayDateModel.predict",
        pay_date_example,
        _(
            "Predicted %(predicted_on)s = due %(due_on)s + %(days_late)s days (median of %(late_1)s, %(late_2)s, "
            "%(late_3)s)"
        ),
        record_line=_("Predicted %(predicted_on)s = due %(due_on)s + %(days_late)s days late"),
    ),
    Explanation(
        "cash_forecast",
        _("Cash collection forecast"),
        _("Expected collections of a week = Σ open amount × chance the item is paid that week"),
        "ardesk.insights.domain.collection_forecast",
        forecast_example,
        _("Week of %(week_1)s: %(week_1_expected)s = %(amount_1)s × 100%%"),
        ("amount_1", "amount_2", "week_1_expected", "week_2_expected", "expected", "low", "high"),
        record_line=_(
            "Week of %(week)s: %(expected)s = Σ open amount × chance of payment in the week; "
            "10–90%% interval %(low)s to %(high)s"
        ),
    ),
)

BY_KEY = {explanation.key: explanation for explanation in EXPLANATIONS}
KEYS = tuple(BY_KEY)
