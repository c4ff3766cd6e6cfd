"""Rules of collections as plain functions: policy definitions, amount at risk, promises, dispute credits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

CHANNELS = ("email", "letter", "phone", "legal", "hold")

# Share of an overdue amount counted as "at risk", by days past due (the worklist's ranking): the
# older the item, the less likely it is paid without action. Upper bound of days, percent.
RISK_WEIGHTS: tuple[tuple[int | None, int], ...] = ((30, 10), (60, 25), (90, 50), (180, 75), (None, 100))


def risk_weight(days_overdue: int) -> int:
    """The percent of an item's open amount counted as at risk, for its days past due (0 when not due)."""
    if days_overdue <= 0:
        return 0
    for upper, percent in RISK_WEIGHTS:
        if upper is None or days_overdue <= upper:
            return percent
    raise AssertionError("the last weight has no upper bound")


def amount_at_risk(items: list[tuple[int, int]]) -> int:
    """Sum of open amounts (minor units) weighted by age: items are (open amount, days overdue)."""
    return sum(amount * risk_weight(days) // 100 for amount, days in items)


@dataclass(frozen=True)
class LevelSpec:
    seq: int
    name: str
    name_zh: str
    days: int
    channel: str
    min_amount: Decimal
    fee: Decimal
    interest_rate: Decimal
    subject_en: str
    body_en: str
    subject_zh: str
    body_zh: str


@dataclass(frozen=True)
class PolicySpec:
    code: str
    name: str
    name_zh: str
    min_days_between: int
    is_default: bool
    grades: tuple[str, ...]
    levels: tuple[LevelSpec, ...]
    company: str = ""
    interest_basis: int = 365


def parse_policies(data) -> tuple[list[PolicySpec], list[str]]:
    """Read policies from their JSON form; every problem is reported, naming the policy, level and field."""
    problems: list[str] = []
    if isinstance(data, dict):
        data = data.get("policies")
    if not isinstance(data, list):
        return [], [_('The file must hold a list of policies under "policies".')]
    specs: list[PolicySpec] = []
    codes: set[str] = set()
    for n, item in enumerate(data, start=1):
        where = _("Policy %(n)d") % {"n": n}
        if not isinstance(item, dict):
            problems.append(_("%(where)s: not an object.") % {"where": where})
            continue
        code = str(item.get("code", "")).strip()
        if not code:
            problems.append(_("%(where)s: code: give a code.") % {"where": where})
        elif code in codes:
            problems.append(_("%(where)s: code: %(code)s appears twice.") % {"where": where, "code": code})
        codes.add(code)
        where = _("Policy %(code)s") % {"code": code or n}
        levels, level_problems = _parse_levels(item.get("levels"), where)
        problems += level_problems
        try:
            between = int(item.get("min_days_between", 7))
            if between < 1:
                raise ValueError
        except (TypeError, ValueError):
            problems.append(
                _("%(where)s: min_days_between: give a whole number of days, 1 or more.") % {"where": where}
            )
            between = 7
        name = str(item.get("name", "")).strip()
        if not name:
            problems.append(_("%(where)s: name: give a name.") % {"where": where})
        basis = item.get("interest_basis", 365)
        if basis not in INTEREST_BASES or isinstance(basis, bool):
            problems.append(_("%(where)s: interest_basis: give 365 or 360 (days in the year).") % {"where": where})
            basis = 365
        company = item.get("company") or ""
        if not isinstance(company, str):
            problems.append(_("%(where)s: company: give a company code, or leave it empty.") % {"where": where})
            company = ""
        grades = item.get("grades", [])
        if not isinstance(grades, list) or not all(isinstance(g, str) and g.strip() for g in grades):
            problems.append(_("%(where)s: grades: give a list of grade codes.") % {"where": where})
            grades = []
        specs.append(
            PolicySpec(
                code=code,
                name=name,
                name_zh=str(item.get("name_zh", "")).strip(),
                min_days_between=between,
                is_default=bool(item.get("is_default", False)),
                grades=tuple(g.strip() for g in grades),
                levels=tuple(levels),
                company=company.strip(),
                interest_basis=basis,
            )
        )
    if sum(spec.is_default for spec in specs) > 1:
        problems.append(_("Only one policy can be the default."))
    return specs, problems


INTEREST_BASES = (365, 360)
AMOUNT_PLACES = Decimal("0.0001")  # a level's amounts and rate: at most 4 decimals


def _level_amount(item: dict, name: str, at: str, problems: list[str]) -> Decimal:
    """A level's amount or rate (0 when not given): a number of 0 or more with at most 4 decimals."""
    try:
        value = Decimal(str(item.get(name, "0")).strip())
        if not value.is_finite() or value < 0 or value != value.quantize(AMOUNT_PLACES):
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        problems.append(
            _("%(where)s: %(field)s: give a number of 0 or more with at most 4 decimals.")
            % {"where": at, "field": name}
        )
        return Decimal(0)
    return value


def _parse_levels(data, where: str) -> tuple[list[LevelSpec], list[str]]:
    problems: list[str] = []
    if not isinstance(data, list) or not data:
        return [], [_("%(where)s: levels: give at least one level.") % {"where": where}]
    levels: list[LevelSpec] = []
    for n, item in enumerate(data, start=1):
        at = _("%(where)s, level %(n)d") % {"where": where, "n": n}
        if not isinstance(item, dict):
            problems.append(_("%(where)s: not an object.") % {"where": at})
            continue
        try:
            days = int(item.get("days"))
        except (TypeError, ValueError):
            problems.append(_("%(where)s: days: give a whole number of days.") % {"where": at})
            days = 0
        channel = item.get("channel")
        if channel not in CHANNELS:
            problems.append(
                _("%(where)s: channel: choose one of %(choices)s.") % {"where": at, "choices": ", ".join(CHANNELS)}
            )
        minimum = _level_amount(item, "min_amount", at, problems)
        fee = _level_amount(item, "fee", at, problems)
        rate = _level_amount(item, "interest_rate", at, problems)
        if rate > 100:
            problems.append(_("%(where)s: interest_rate: give an annual rate of at most 100 %%.") % {"where": at})
        name = str(item.get("name", "")).strip()
        if not name:
            problems.append(_("%(where)s: name: give a name.") % {"where": at})
        if levels and days <= levels[-1].days:
            problems.append(_("%(where)s: days: each level must come later than the one before.") % {"where": at})
        levels.append(
            LevelSpec(
                seq=n,
                name=name,
                name_zh=str(item.get("name_zh", "")).strip(),
                days=days,
                channel=str(channel),
                min_amount=minimum,
                fee=fee,
                interest_rate=rate,
                subject_en=str(item.get("subject_en", "")),
                body_en=str(item.get("body_en", "")),
                subject_zh=str(item.get("subject_zh", "")),
                body_zh=str(item.get("body_zh", "")),
            )
        )
    return levels, problems


def promise_outcome(*, amount: int, paid: int) -> str:
    """A promise is kept when what was paid on its items by the date covers the promised amount."""
    return "kept" if paid >= amount else "broken"


def spread_credit(amount: int, open_amounts: list[int]) -> list[int]:
    """Split a credit over items, oldest first, never more than an item's open amount; the parts add up."""
    parts = []
    left = amount
    for open_amount in open_amounts:
        part = min(left, open_amount)
        parts.append(part)
        left -= part
    if left:
        raise ValueError(_("The credit is larger than what is open on the items."))
    return parts


def credit_note_date_problem(*, on: dt.date, opened_on: dt.date, today: dt.date) -> str | None:
    """Why a dispute's credit note cannot be dated ``on``, or None: it is dated between the day the
    dispute was opened and today (a credit note is not issued in the future, nor before the claim)."""
    if on > today:
        return _("A credit note cannot be dated after today (%(today)s).") % {"today": today.isoformat()}
    if on < opened_on:
        return _("A credit note cannot be dated before the dispute was opened (%(opened)s).") % {
            "opened": opened_on.isoformat()
        }
    return None


def late_interest(*, items: list[tuple[int, int]], annual_rate: Decimal, basis: int) -> int:
    """Late-payment interest (逾期利息) on a notice's items, in minor units, rounded half up once.

    Simple interest per item: open amount × annual rate × days overdue ÷ ``basis`` (365 for
    actual/365, 360 for actual/360, as the policy says); ``items`` are (open amount in minor units,
    days overdue), and an item not yet overdue bears none. The items' interest is summed before the
    one rounding, so a notice's interest does not depend on how its items are split.
    """
    if basis not in INTEREST_BASES:
        raise ValueError(f"interest is counted over 365 or 360 days, not {basis}")
    accrued = sum((Decimal(amount) * max(days, 0) for amount, days in items), Decimal(0))
    interest = accrued * annual_rate / 100 / basis
    return int(interest.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def days_overdue(due_on: dt.date, as_of: dt.date) -> int:
    return (as_of - due_on).days


@dataclass(frozen=True)
class DunningStep:
    """A level of a dunning policy as the run reads it: its number, its days relative to the due date
    (negative for a reminder before it) and the smallest notice total it is sent for (minor units)."""

    seq: int
    days: int
    min_amount: int = 0

    @property
    def is_reminder(self) -> bool:
        return self.days < 0


def next_level(
    *,
    run_on: dt.date,
    due_on: dt.date,
    levels: tuple[DunningStep, ...],
    min_days_between: int,
    reached: int = 0,
    last_notice_on: dt.date | None = None,
    disputed: bool = False,
    promised_on: dt.date | None = None,
    blocked: bool = False,
) -> DunningStep | None:
    """The level an open item gets in a dunning run on ``run_on``, or None (before the notice's minimum).

    The rule of the run (collections/engine.py does it for all items at once):

    - an item climbs one level per run, from the level it ``reached`` (0: none yet); an item already
      due that has not reached the policy's first notice starts at it, skipping the reminders;
    - that level must exist in the policy, and its day must have come: ``run_on`` at least its
      ``days`` after ``due_on``; a reminder only while the item is not yet due;
    - at least ``min_days_between`` days since the item's last notice;
    - nothing for an item on an open dispute, under an open promise whose date (``promised_on``)
      has not passed, or of a customer whose dunning is ``blocked`` (by a block or with legal).
    """
    if blocked or disputed or (promised_on is not None and promised_on >= run_on):
        return None
    if last_notice_on is not None and (run_on - last_notice_on).days < min_days_between:
        return None
    seq = reached + 1
    notices = [level.seq for level in levels if not level.is_reminder]
    if due_on <= run_on and notices and seq < min(notices):
        seq = min(notices)
    level = next((level for level in levels if level.seq == seq), None)
    if level is None or (run_on - due_on).days < level.days:
        return None
    if level.is_reminder and due_on <= run_on:
        return None
    return level


def notices_due(items: list[tuple[int, DunningStep, int]]) -> dict[tuple[int, int], list[int]]:
    """The notices a run sends: each (customer, level seq) with the amounts of its items, for the
    items given as (customer, level, open amount), when their total reaches the level's minimum."""
    grouped: dict[tuple[int, int], list[int]] = {}
    minimum: dict[tuple[int, int], int] = {}
    for customer, level, amount in items:
        grouped.setdefault((customer, level.seq), []).append(amount)
        minimum[(customer, level.seq)] = level.min_amount
    return {key: amounts for key, amounts in grouped.items() if sum(amounts) >= minimum[key]}
