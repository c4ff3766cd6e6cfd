"""Customer relations rules: complaint deadlines and steps, CSAT and NPS, when a revisit falls due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Service levels (calendar days from the day the complaint is logged to its resolution), by severity.
SLA_DAYS = {"critical": 1, "high": 3, "medium": 7, "low": 14}

OPEN_STATUSES = ("open", "in_progress", "waiting")
# From a status to the statuses a complaint may move to next. "closed" needs "resolved" first: a
# complaint is closed once the customer has confirmed the resolution (or the owner closes it).
NEXT_STATUSES = {
    "open": ("in_progress", "waiting", "resolved"),
    "in_progress": ("waiting", "resolved"),
    "waiting": ("in_progress", "resolved"),
    "resolved": ("in_progress", "closed"),
    "closed": (),
}

AGE_BANDS = ((7, "0-7"), (30, "8-30"), (90, "31-90"), (None, "90+"))

# Revisits by rule: days after the event, and a key account's revisit in each calendar quarter.
REVISIT_AFTER_DAYS = {"complaint": 14, "write_off": 30, "limit_change": 30, "detractor": 3}


def complaint_deadline(*, opened_on: dt.date, severity: str) -> dt.date:
    """The day by which a complaint of this severity must be resolved."""
    return opened_on + dt.timedelta(days=SLA_DAYS[severity])


def may_move(current: str, to: str) -> bool:
    return to in NEXT_STATUSES.get(current, ())


def is_late(*, status: str, due_on: dt.date, as_of: dt.date) -> bool:
    """An unresolved complaint is late the day after its deadline."""
    return status in OPEN_STATUSES and as_of > due_on


def age_band(days: int) -> str:
    return next(label for upper, label in AGE_BANDS if upper is None or days <= upper)


@dataclass(frozen=True)
class Nps:
    answers: int
    promoters: int
    passives: int
    detractors: int

    @property
    def score(self) -> Decimal | None:
        """Net promoter score: % promoters (9–10) minus % detractors (0–6), one decimal, −100 to 100."""
        if not self.answers:
            return None
        return percent(self.promoters - self.detractors, self.answers)


@dataclass(frozen=True)
class Csat:
    answers: int
    satisfied: int  # 4 or 5
    total: int  # sum of the scores

    @property
    def score(self) -> Decimal | None:
        """CSAT: the share of answers of 4 or 5 ("satisfied" or "very satisfied"), in percent."""
        return percent(self.satisfied, self.answers) if self.answers else None

    @property
    def average(self) -> Decimal | None:
        if not self.answers:
            return None
        return (Decimal(self.total) / self.answers).quantize(Decimal("0.01"), ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal:
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), ROUND_HALF_UP)


def nps_group(score: int) -> str:
    """promoter (9–10), passive (7–8) or detractor (0–6)."""
    if score >= 9:
        return "promoter"
    return "passive" if score >= 7 else "detractor"


def nps(scores: Iterable[int]) -> Nps:
    groups = {"promoter": 0, "passive": 0, "detractor": 0}
    for score in scores:
        groups[nps_group(score)] += 1
    return Nps(sum(groups.values()), groups["promoter"], groups["passive"], groups["detractor"])


def csat(scores: Iterable[int]) -> Csat:
    values = list(scores)
    return Csat(len(values), sum(1 for s in values if s >= 4), sum(values))


def response_rate(*, sent: int, answered: int) -> Decimal | None:
    return percent(answered, sent) if sent else None


def quarter_key(day: dt.date) -> str:
    """The quarter a key account's revisit belongs to: '2026Q1'."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_revisit_on(day: dt.date) -> dt.date:
    """A key account's revisit falls due on the last day of the middle month of the quarter."""
    middle = ((day.month - 1) // 3) * 3 + 2
    following = dt.date(day.year + (middle == 12), middle % 12 + 1, 1)
    return following - dt.timedelta(days=1)
