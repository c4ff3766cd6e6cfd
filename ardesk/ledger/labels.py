"""What the ledger's screens call its coded settings, in the user's language."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _


def term_description(*, kind: str, days: int, discount_percent: Decimal | None, discount_days: int | None) -> str:
    """A payment term said in words from its rule: 发票日后30天, 月结30天, 10天内付款折扣2%，否则30天."""
    if kind == "eom":
        text = _("month end + %(days)s days") % {"days": days}
    elif kind == "instalments":
        text = _("in instalments")
    else:
        text = _("net %(days)s days") % {"days": days}
    if discount_percent and discount_days:
        text = _("%(percent)s%% discount if paid within %(discount_days)s days, otherwise %(term)s") % {
            "percent": f"{discount_percent.normalize():f}",
            "discount_days": discount_days,
            "term": text,
        }
    return text
