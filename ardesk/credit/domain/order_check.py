"""The order credit check (信用检查): release, hold or block, with the reasons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# --------------------------------------------------------------------------------------------
# The order credit check (信用检查).
# --------------------------------------------------------------------------------------------

RELEASE, HOLD, BLOCK = "release", "hold", "block"

# The reasons a check gives, by their stable code, for screens in the user's language.
REASON_LABELS = {
    "customer_blocked": gettext_lazy("Customer blocked"),
    "customer_closed": gettext_lazy("Customer closed"),
    "customer_on_hold": gettext_lazy("Customer on credit hold"),
    "overdue_days_block": gettext_lazy("Overdue too long: blocked"),
    "overdue_days": gettext_lazy("Overdue too long"),
    "overdue_amount": gettext_lazy("Overdue amount above the threshold"),
    "review_overdue": gettext_lazy("Credit review overdue"),
    "no_limit": gettext_lazy("No credit limit"),
    "limit_expired": gettext_lazy("Credit limit expired"),
    "over_limit": gettext_lazy("Over the credit limit"),
    "group_limit_expired": gettext_lazy("Group limit expired"),
    "over_group_limit": gettext_lazy("Over the group limit"),
    "special_approval": gettext_lazy("Released under a special approval"),
}


@dataclass(frozen=True)
class CheckFacts:
    """What the check reads, in the company's functional currency, minor units."""

    today: dt.date
    customer_status: str
    amount: int
    open_receivables: int
    unapplied_credits: int
    open_orders: int
    limit: int | None
    limit_valid_until: dt.date | None
    group_limit: int | None = None
    group_exposure: int | None = None  # the group's exposure before this order
    group_limit_valid_until: dt.date | None = None
    overdue_amount: int = 0
    oldest_overdue_days: int = 0
    next_review_on: dt.date | None = None
    hold_overdue_days: int = 60
    block_overdue_days: int = 180
    hold_overdue_amount: int = 0  # hold when the overdue amount is above this (0: any overdue hold is by days only)
    special_approval: int = 0  # a one-off special approval (信用特批) still available


@dataclass(frozen=True)
class Reason:
    code: str
    decision: str
    message: str


@dataclass(frozen=True)
class CheckResult:
    decision: str
    reasons: list[Reason]
    exposure: int
    group_exposure: int | None
    uses_special_approval: bool = False

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]


def check_order(f: CheckFacts) -> CheckResult:
    """Decide an order: block on a rule that forbids it, hold on one that needs a person, else release.

    Exposure = open receivables − unallocated credits + released open orders + this order.
    """
    reasons: list[Reason] = []
    exposure = f.open_receivables - f.unapplied_credits + f.open_orders + f.amount
    if f.customer_status in ("blocked", "closed"):
        reasons.append(
            Reason(
                f"customer_{f.customer_status}", BLOCK, _("The customer is %(status)s.") % {"status": f.customer_status}
            )
        )
    elif f.customer_status == "on_hold":
        reasons.append(Reason("customer_on_hold", HOLD, _("The customer is on credit hold.")))
    if f.oldest_overdue_days > f.block_overdue_days:
        reasons.append(
            Reason(
                "overdue_days_block",
                BLOCK,
                _("An item is %(days)d days overdue (more than %(limit)d).")
                % {"days": f.oldest_overdue_days, "limit": f.block_overdue_days},
            )
        )
    elif f.oldest_overdue_days > f.hold_overdue_days:
        reasons.append(
            Reason(
                "overdue_days",
                HOLD,
                _("An item is %(days)d days overdue (more than %(limit)d).")
                % {"days": f.oldest_overdue_days, "limit": f.hold_overdue_days},
            )
        )
    if f.hold_overdue_amount and f.overdue_amount > f.hold_overdue_amount:
        reasons.append(Reason("overdue_amount", HOLD, _("The overdue amount is above the rule's threshold.")))
    if f.next_review_on is not None and f.next_review_on < f.today:
        reasons.append(
            Reason(
                "review_overdue",
                HOLD,
                _("The credit review was due on %(date)s.") % {"date": f.next_review_on.isoformat()},
            )
        )
    uses_special = False
    if f.limit is None:
        reasons.append(Reason("no_limit", HOLD, _("The customer has no credit limit.")))
    elif f.limit_valid_until is not None and f.limit_valid_until < f.today:
        reasons.append(
            Reason(
                "limit_expired",
                HOLD,
                _("The credit limit expired on %(date)s.") % {"date": f.limit_valid_until.isoformat()},
            )
        )
    elif exposure > f.limit:
        if f.special_approval and exposure - f.limit <= f.special_approval:
            uses_special = True
        else:
            reasons.append(Reason("over_limit", HOLD, _("The order would take the exposure above the credit limit.")))
    group_exposure = None
    if f.group_limit is not None and f.group_exposure is not None:
        group_exposure = f.group_exposure + f.amount
        if f.group_limit_valid_until is not None and f.group_limit_valid_until < f.today:
            reasons.append(Reason("group_limit_expired", HOLD, _("The group's credit limit has expired.")))
        elif group_exposure > f.group_limit:
            reasons.append(
                Reason("over_group_limit", HOLD, _("The order would take the group's exposure above its limit."))
            )
    decision = BLOCK if any(r.decision == BLOCK for r in reasons) else HOLD if reasons else RELEASE
    return CheckResult(decision, reasons, exposure, group_exposure, uses_special and decision == RELEASE)
