"""The items a promise or a dispute covers, and the amount it is for, checked before either is recorded."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.money import CurrencyError, to_decimal, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger.models import DueLine


def positive_minor(value, currency: str, field: str) -> int:
    """The amount entered for a promise or a dispute in the currency's minor units; it must be positive."""
    try:
        amount = to_decimal(value)
        minor = to_minor(amount, currency)
    except (TypeError, ValueError, ArithmeticError, CurrencyError) as exc:
        raise InvalidInput({field: [_("Enter an amount such as 1200.50.")]}) from exc
    if minor <= 0:
        raise InvalidInput({field: [_("The amount must be positive.")]})
    return minor


def open_lines_of(customer: Customer, line_ids) -> list[DueLine]:
    """The chosen items, each one open and the customer's; none chosen: every open item due by today."""
    if not line_ids:
        return list(
            DueLine.objects.filter(
                customer=customer, settled_on__isnull=True, open_now__gt=0, due_on__lte=clock.today()
            ).order_by("due_on", "id")
        )
    lines = list(DueLine.objects.filter(customer=customer, pk__in=line_ids, settled_on__isnull=True, open_now__gt=0))
    missing = set(map(int, line_ids)) - {line.pk for line in lines}
    if missing:
        raise InvalidInput(
            {
                "lines": [
                    _("Items %(ids)s are not open items of this customer.")
                    % {"ids": ", ".join(map(str, sorted(missing)))}
                ]
            }
        )
    return lines
