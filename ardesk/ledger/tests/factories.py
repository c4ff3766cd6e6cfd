from __future__ import annotations

import datetime as dt

from ardesk.ledger import services
from ardesk.ledger.models import Document, PaymentTerm

D0 = dt.date(2024, 1, 1)


def invoice(by, customer, number: str, amount: str, *, issue_on=D0, due_on=None, currency="CNY", **extra) -> Document:
    return services.document_post(
        by=by,
        company=customer.company,
        customer=customer,
        doc_type="invoice",
        number=number,
        issue_on=issue_on,
        currency=currency,
        amount=amount,
        due_on=due_on or issue_on + dt.timedelta(days=30),
        **extra,
    )


def receipt(by, customer, number: str, amount: str, *, issue_on=D0, currency="CNY", **extra) -> Document:
    return services.document_post(
        by=by,
        company=customer.company,
        customer=customer,
        doc_type="receipt",
        number=number,
        issue_on=issue_on,
        currency=currency,
        amount=amount,
        **extra,
    )


def net_term(code="N30", days=30, **extra) -> PaymentTerm:
    return PaymentTerm.objects.create(code=code, name=f"Net {days}", kind="net", days=days, **extra)


def credit_note(by, customer, number: str, amount: str, *, issue_on=D0, currency="CNY", **extra) -> Document:
    return services.document_post(
        by=by,
        company=customer.company,
        customer=customer,
        doc_type="credit_note",
        number=number,
        issue_on=issue_on,
        currency=currency,
        amount=amount,
        **extra,
    )
