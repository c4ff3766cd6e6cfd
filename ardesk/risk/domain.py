"""Risk rules as pure functions: signals from a customer's facts, points, the watch-list rule, concentration.

Nothing here reads the database or the clock: the facts and the date come in as arguments, the
configuration (``defaults.DEFAULT_CONFIG`` or a saved version) says the thresholds.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ardesk.core.money import from_minor, grouped

SEVERITIES = ("low", "medium", "high")
SEVERITY_LABELS = {"low": gettext_lazy("Low"), "medium": gettext_lazy("Medium"), "high": gettext_lazy("High")}
SIGNAL_LABELS = {
    "utilisation": gettext_lazy("Limit utilisation"),
    "days_late_trend": gettext_lazy("Days late rising"),
    "broken_promises": gettext_lazy("Broken promises to pay"),
    "new_disputes": gettext_lazy("New disputes"),
    "grade_drop": gettext_lazy("Grade dropped"),
    "distress_zone": gettext_lazy("Altman score in the distress zone"),
    "payments_slowing": gettext_lazy("Payments slowing"),
    "large_item_due": gettext_lazy("Large item falling due while overdue"),
    "special_approvals": gettext_lazy("Orders over the limit by special approval"),
    "stale_statements": gettext_lazy("Financial statements out of date"),
    "predicted_slip": gettext_lazy("Predicted to slip"),
}
SIGNAL_KINDS = tuple(SIGNAL_LABELS)
OWNER_ROLES = ("analyst", "collector")
CONCENTRATION_LIMITS = ("top10_share_max", "top20_share_max", "hhi_customer_max", "hhi_group_max", "hhi_industry_max")


@dataclass(slots=True)
class CustomerFacts:
    """What the scan knows of one customer on the scan date (amounts in functional minor units).

    Not frozen: the scan makes 100,000 of these, and a frozen dataclass's ``__init__`` (one
    ``object.__setattr__`` a field) took three times as long. Nothing changes them after they are made.
    """

    customer_id: int
    currency: str = "CNY"
    limit: int | None = None
    open: int = 0
    overdue: int = 0
    unapplied: int = 0
    released_orders: int = 0
    oldest_overdue_on: dt.date | None = None
    largest_due_soon: int = 0
    lateness: Mapping | None = None  # ledger.behaviour.payment_lateness's figures
    broken_promises: int = 0
    new_disputes: int = 0
    special_approvals: int = 0
    grade_now: str = ""
    grade_before: str = ""
    grade_notches: int = 0  # how many places the grade fell (0: same or better)
    zone_now: str = ""
    zone_before: str = ""
    z_model: str = ""
    z_value: str = ""
    statement_period_end: dt.date | None = None
    predicted_open: int = 0  # open amount with a pay-date prediction (insights)
    predicted_late: int = 0  # the part predicted to be paid more than the rule's days late

    @property
    def exposure(self) -> int:
        """Open receivables less unapplied cash and credits, plus released orders not yet invoiced."""
        return self.open - self.unapplied + self.released_orders


@dataclass(frozen=True)
class Signal:
    """One early-warning signal of one customer: its kind, severity, the measure and the figures behind it."""

    kind: str
    severity: str
    measure: Decimal
    figures: dict = field(default_factory=dict)


def severity_for(rule: Mapping, measure: Decimal | int | float) -> str | None:
    """The highest severity whose threshold the measure reaches, None below every threshold.

    Measures have one decimal and thresholds are plain numbers from the configuration, so comparing
    them as floats is exact enough and keeps the scan of 100,000 customers quick.
    """
    found, value = None, float(measure)
    for severity in SEVERITIES:
        threshold = rule.get(severity)
        if threshold is not None and value >= threshold:
            found = severity
    return found


def _tenths(numerator: int, denominator: int) -> Decimal:
    """numerator ÷ denominator to one decimal, half away from zero, in integers (no float rounding)."""
    quotient, remainder = divmod(abs(numerator) * 10, abs(denominator))
    if remainder * 2 >= abs(denominator):
        quotient += 1
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    return Decimal(sign * quotient).scaleb(-1)


def _one_decimal(value: Decimal | float) -> Decimal:
    """A day count (an average of whole days) to one decimal, half up."""
    return Decimal(math.floor(float(value) * 10 + 0.5)).scaleb(-1)


def _fired(rules: Mapping, kind: str, measure: Decimal) -> str | None:
    """The severity of a signal's measure under its rule (None: no rule, rule disabled, or below every threshold)."""
    rule = rules.get(kind)
    if not rule or rule.get("enabled", True) is False:
        return None
    return severity_for(rule, measure)


def _measures(facts: CustomerFacts, config: Mapping, as_of: dt.date) -> dict[str, tuple[str, Decimal, dict]]:
    """Each signal the customer's facts give, with its severity, measure and evidence figures.

    The evidence is written only for a measure that reaches a threshold: the scan evaluates 100,000
    customers, and most measures (a limit used at 40 %) raise nothing.
    """
    rules = config["signals"]
    found: dict[str, tuple[str, Decimal, dict]] = {}
    if facts.limit:
        measure = _tenths(facts.exposure * 100, facts.limit)
        if severity := _fired(rules, "utilisation", measure):
            found["utilisation"] = (
                severity,
                measure,
                {"percent": str(measure), "exposure": facts.exposure, "limit": facts.limit},
            )
    late, trend = facts.lateness or {}, rules.get("days_late_trend", {})
    if (
        late.get("recent_count", 0) >= trend.get("last_payments", 5)
        and late.get("history_count", 0) >= trend.get("min_history", 1)
        and late.get("history_average") is not None
    ):
        before, recent = _one_decimal(late["history_average"]), _one_decimal(late["recent_average"])
        measure = recent - before
        if severity := _fired(rules, "days_late_trend", measure):
            found["days_late_trend"] = (
                severity,
                measure,
                {
                    "from": str(before),
                    "to": str(recent),
                    "first": late.get("recent_first"),
                    "last": late.get("recent_last"),
                    "payments": late["recent_count"],
                },
            )
    if facts.broken_promises:
        measure = Decimal(facts.broken_promises)
        if severity := _fired(rules, "broken_promises", measure):
            found["broken_promises"] = (
                severity,
                measure,
                {"count": facts.broken_promises, "days": rules.get("broken_promises", {}).get("days", 90)},
            )
    if facts.new_disputes:
        measure = Decimal(facts.new_disputes)
        if severity := _fired(rules, "new_disputes", measure):
            found["new_disputes"] = (
                severity,
                measure,
                {"count": facts.new_disputes, "days": rules.get("new_disputes", {}).get("days", 30)},
            )
    if facts.grade_notches > 0:
        measure = Decimal(facts.grade_notches)
        if severity := _fired(rules, "grade_drop", measure):
            found["grade_drop"] = (
                severity,
                measure,
                {"from": facts.grade_before, "to": facts.grade_now, "notches": facts.grade_notches},
            )
    if facts.zone_now == "distress" and facts.zone_before != "distress":
        measure = Decimal(1)
        if severity := _fired(rules, "distress_zone", measure):
            found["distress_zone"] = (
                severity,
                measure,
                {"model": facts.z_model, "value": facts.z_value, "before": facts.zone_before},
            )
    if facts.overdue > 0 and facts.oldest_overdue_on is not None:
        days = (as_of - facts.oldest_overdue_on).days
        usual = usual_days_late(late)
        measure = _one_decimal(days - usual)
        if severity := _fired(rules, "payments_slowing", measure):
            found["payments_slowing"] = (
                severity,
                measure,
                {"days": days, "usual": str(_one_decimal(usual)), "overdue": facts.overdue},
            )
    if facts.overdue > 0 and facts.largest_due_soon > 0 and facts.open > 0:
        measure = _tenths(facts.largest_due_soon * 100, facts.open)
        if severity := _fired(rules, "large_item_due", measure):
            found["large_item_due"] = (
                severity,
                measure,
                {
                    "amount": facts.largest_due_soon,
                    "overdue": facts.overdue,
                    "share": str(measure),
                    "within": rules.get("large_item_due", {}).get("within_days", 7),
                },
            )
    if facts.special_approvals:
        measure = Decimal(facts.special_approvals)
        if severity := _fired(rules, "special_approvals", measure):
            found["special_approvals"] = (
                severity,
                measure,
                {"count": facts.special_approvals, "days": rules.get("special_approvals", {}).get("days", 90)},
            )
    if facts.limit and facts.statement_period_end is not None:
        age = (as_of - facts.statement_period_end).days
        measure = Decimal(age)
        if severity := _fired(rules, "stale_statements", measure):
            found["stale_statements"] = (
                severity,
                measure,
                {"period_end": facts.statement_period_end.isoformat(), "days": age},
            )
    if facts.predicted_open > 0:
        measure = _tenths(facts.predicted_late * 100, facts.predicted_open)
        if severity := _fired(rules, "predicted_slip", measure):
            found["predicted_slip"] = (
                severity,
                measure,
                {
                    "late": facts.predicted_late,
                    "open": facts.predicted_open,
                    "share": str(measure),
                    "days": rules.get("predicted_slip", {}).get("days", 30),
                },
            )
    return found


def usual_days_late(lateness: Mapping | None) -> float:
    """The customer's usual days late: the average over every payment of the period, 0 without any."""
    if not lateness:
        return 0.0
    total, count = 0.0, 0
    for prefix in ("recent", "history"):
        n, average = lateness.get(f"{prefix}_count", 0), lateness.get(f"{prefix}_average")
        if n and average is not None:
            total += average * n
            count += n
    return total / count if count else 0.0


def signals_for(facts: CustomerFacts, config: Mapping, as_of: dt.date) -> list[Signal]:
    """The customer's signals on the date: each measure the configuration's thresholds turn into a severity."""
    return [
        Signal(kind, severity, measure, figures)
        for kind, (severity, measure, figures) in _measures(facts, config, as_of).items()
    ]


def points(signals: Iterable[Signal], config: Mapping) -> Decimal:
    """The customer's risk points: each signal's weight times its severity's factor (medium 1)."""
    factors, rules = config.get("severity_factors", {}), config["signals"]
    return sum(
        (Decimal(str(rules[s.kind].get("weight", 0))) * Decimal(str(factors.get(s.severity, 1))) for s in signals),
        Decimal(0),
    )


def should_watch(signals: Sequence[Signal], config: Mapping) -> bool:
    """The watch-list rule: the points reach the threshold, or (if the rule says so) a signal is high."""
    rule = config.get("watch_list", {})
    if rule.get("any_high") and any(s.severity == "high" for s in signals):
        return True
    return bool(signals) and points(signals, config) >= Decimal(str(rule.get("min_points", 50)))


def highest_severity(severities: Iterable[str]) -> str:
    present = set(severities)
    ranked = [s for s in SEVERITIES if s in present]
    return ranked[-1] if ranked else ""


def is_worse(severity: str, than: str) -> bool:
    """Whether a severity is above another (a signal that grew, worth telling again)."""
    order = {s: n for n, s in enumerate(SEVERITIES)}
    return order.get(severity, -1) > order.get(than, -1)


def evidence(kind: str, figures: Mapping, currency: str) -> str:
    """The signal's numbers in a sentence, in the active language."""

    def money(minor: int) -> str:
        return f"{grouped(from_minor(int(minor), currency), currency)} {currency}"

    f = figures
    if kind == "utilisation":
        return _("Exposure %(exposure)s is %(percent)s%% of the %(limit)s limit.") % {
            "exposure": money(f["exposure"]),
            "percent": f["percent"],
            "limit": money(f["limit"]),
        }
    if kind == "days_late_trend":
        return (
            _(
                "Days late rose from %(from)s to %(to)s on average over the last %(payments)s payments "
                "(%(first)s, then %(last)s days)."
            )
            % f
        )
    if kind == "broken_promises":
        return _("%(count)s promises to pay broken in the last %(days)s days.") % f
    if kind == "new_disputes":
        return _("%(count)s disputes opened in the last %(days)s days.") % f
    if kind == "grade_drop":
        return _("Grade fell from %(from)s to %(to)s (%(notches)s notches).") % f
    if kind == "distress_zone":
        return _("Altman score %(value)s is in the distress zone.") % f
    if kind == "payments_slowing":
        return _(
            "The oldest overdue item is %(days)s days past due; the customer usually pays %(usual)s days late "
            "(%(overdue)s overdue)."
        ) % {**f, "overdue": money(f["overdue"])}
    if kind == "large_item_due":
        return _(
            "An item of %(amount)s (%(share)s%% of the balance) falls due within %(within)s days "
            "while %(overdue)s is overdue."
        ) % {**f, "amount": money(f["amount"]), "overdue": money(f["overdue"])}
    if kind == "special_approvals":
        return _("%(count)s orders released over the limit by special approval in the last %(days)s days.") % f
    if kind == "stale_statements":
        return _("The latest financial statement ends %(period_end)s, %(days)s days ago.") % f
    if kind == "predicted_slip":
        return _(
            "%(late)s of the %(open)s open (%(share)s%%) is predicted to be paid more than %(days)s days late."
        ) % {**f, "late": money(f["late"]), "open": money(f["open"])}
    return ""


def validate_config(config: object) -> list[str]:
    """Every problem of a risk configuration, each naming the key it concerns (empty when it is sound)."""
    if not isinstance(config, Mapping):
        return [_("The configuration must be a JSON object.")]
    problems = []
    signals = config.get("signals")
    if not isinstance(signals, Mapping) or not signals:
        return [_("signals: give at least one signal.")]
    for kind, rule in signals.items():
        if kind not in SIGNAL_KINDS:
            problems.append(_("signals.%(kind)s: not a known signal.") % {"kind": kind})
            continue
        if not isinstance(rule, Mapping):
            problems.append(_("signals.%(kind)s: must be an object.") % {"kind": kind})
            continue
        days = rule.get("days")
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 1):
            problems.append(_("signals.%(kind)s.days: must be a whole number of days, 1 or more.") % {"kind": kind})
        thresholds = []
        for key in ("weight", *SEVERITIES):
            value = rule.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                problems.append(
                    _("signals.%(kind)s.%(key)s: must be a number, 0 or more.") % {"kind": kind, "key": key}
                )
            elif key != "weight":
                thresholds.append(value)
        if not thresholds:
            problems.append(_("signals.%(kind)s: give a low, medium or high threshold.") % {"kind": kind})
        elif thresholds != sorted(thresholds):
            problems.append(_("signals.%(kind)s: thresholds must rise from low to high.") % {"kind": kind})
    for key in CONCENTRATION_LIMITS:
        value = config.get("concentration", {}).get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value < 0):
            problems.append(_("concentration.%(key)s: must be a number, 0 or more.") % {"key": key})
    owner = config.get("watch_list", {}).get("owner", [])
    if any(role not in OWNER_ROLES for role in owner):
        problems.append(_("watch_list.owner: use analyst and collector."))
    return problems


# --- concentration ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Concentration:
    """How concentrated receivables are: total, the top 10 and top 20 shares (%) and the HHI (0–10,000)."""

    total: int
    count: int
    top10_share: Decimal
    top20_share: Decimal
    hhi: Decimal


def concentration(exposures: Iterable[int]) -> Concentration:
    """Concentration of positive exposures (minor units) over holders (customers, groups or industries).

    HHI (Herfindahl–Hirschman index) is the sum of the squared shares in percent, on a 0–10,000
    scale: one holder of everything gives 10,000; 100 equal holders give 100. Holders with a credit
    balance (nothing owed) are left out.
    """
    values = sorted((int(x) for x in exposures if int(x) > 0), reverse=True)
    total = sum(values)
    if not total:
        return Concentration(0, 0, Decimal(0), Decimal(0), Decimal(0))
    hundred = Decimal(100)

    def share(part: int) -> Decimal:
        return (Decimal(part) * hundred / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    hhi = sum((Decimal(v) * hundred / total) ** 2 for v in values)
    return Concentration(
        total=total,
        count=len(values),
        top10_share=share(sum(values[:10])),
        top20_share=share(sum(values[:20])),
        hhi=hhi.quantize(Decimal("1"), rounding=ROUND_HALF_UP),
    )


@dataclass(frozen=True)
class ConcentrationWarning:
    """A concentration figure over the limit the company set."""

    key: str  # top10_share_max, hhi_customer_max, …
    value: Decimal
    limit: Decimal


def concentration_warnings(figures: Mapping[str, Concentration], limits: Mapping) -> list[ConcentrationWarning]:
    """The limits crossed: top 10 / top 20 shares of customers, HHI of customers, groups and industries."""
    checks = [
        ("top10_share_max", figures["customer"].top10_share),
        ("top20_share_max", figures["customer"].top20_share),
        ("hhi_customer_max", figures["customer"].hhi),
        ("hhi_group_max", figures["group"].hhi),
        ("hhi_industry_max", figures["industry"].hhi),
    ]
    found = []
    for key, value in checks:
        limit = limits.get(key)
        if limit is not None and value > Decimal(str(limit)):
            found.append(ConcentrationWarning(key, value, Decimal(str(limit))))
    return found


def transition_matrix(pairs: Iterable[tuple[str, str]], grades: Sequence[str]) -> list[list[int]]:
    """Counts of customers by grade on the first date (rows) and the second (columns), grades best first.

    An empty grade (not graded on that date) is the last row and column.
    """
    keys = [*grades, ""]
    index = {g: n for n, g in enumerate(keys)}
    matrix = [[0] * len(keys) for _ in keys]
    for before, after in pairs:
        matrix[index.get(before, len(keys) - 1)][index.get(after, len(keys) - 1)] += 1
    return matrix
