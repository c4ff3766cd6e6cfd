"""Refunds of a customer's credit balance: an outgoing payment allocated from the credit it pays back."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import Client

from ardesk.accounts.services import token_issue
from ardesk.audit.models import AuditEvent
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import periods, selectors, services
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import Document, DueLine
from ardesk.ledger.tests.factories import D0, invoice, receipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def over_paid(company, accountant):
    """A 1,000.00 receipt paying a 600.00 invoice: 400.00 of credit left."""
    customer = CustomerFactory(company=company, code="C1")
    bill = invoice(accountant, customer, "INV-1", "600.00")
    paid = receipt(accountant, customer, "R-1", "1000.00", issue_on=D0 + dt.timedelta(days=5))
    services.allocation_create(
        by=accountant, source=paid, line=DueLine.objects.get(document=bill), amount="600.00", on=paid.issue_on
    )
    return customer, paid


def test_a_refund_pays_back_part_of_the_credit_and_leaves_the_rest(over_paid, manager):
    customer, paid = over_paid
    on = D0 + dt.timedelta(days=10)
    refund = services.credit_refund(by=manager, credit=paid, amount="150.00", on=on, reference="ICBC 0098")
    # The refund is a 150.00 debit, settled at once by the credit: 400.00 - 150.00 = 250.00 left.
    assert (refund.doc_type, refund.number, refund.amount) == ("refund", "R-1-RF1", 15000)
    assert DueLine.objects.get(document=refund).open_now == 0
    assert Document.objects.get(pk=paid.pk).unapplied_now == 25000
    # The balance: 600.00 invoiced - 1,000.00 received + 150.00 paid back = -250.00 (credit).
    assert selectors.balance_minor(as_of=on, customer_ids=[customer.pk]) == -25000
    event = AuditEvent.objects.get(action="credit.refund")
    assert (event.after["refund"], event.after["amount"], event.after["reference"]) == (
        "R-1-RF1",
        "150.00",
        "ICBC 0098",
    )
    second = services.credit_refund(by=manager, credit=paid, amount="250.00", on=on)
    assert second.number == "R-1-RF2" and Document.objects.get(pk=paid.pk).unapplied_now == 0


def test_a_refund_over_the_credit_is_refused_with_the_amount_available(over_paid, manager):
    _customer, paid = over_paid
    with pytest.raises(LedgerError, match="400.00 CNY still unallocated on"):
        services.credit_refund(by=manager, credit=paid, amount="400.01", on=D0 + dt.timedelta(days=10))
    assert not Document.objects.filter(doc_type="refund").exists()


def test_a_refund_needs_the_refund_permission_a_date_after_the_credit_and_an_open_month(over_paid, accountant, manager):
    _customer, paid = over_paid
    with pytest.raises(NotPermitted):  # the accountant posts receipts but pays nothing out
        services.credit_refund(by=accountant, credit=paid, amount="10.00", on=D0 + dt.timedelta(days=10))
    with pytest.raises(InvalidInput):
        services.credit_refund(by=manager, credit=paid, amount="10.00", on=D0)
    periods.period_lock(company_id=paid.company_id, period=D0, by=manager)
    with pytest.raises(periods.PeriodClosed):
        services.credit_refund(by=manager, credit=paid, amount="10.00", on=D0 + dt.timedelta(days=10))


def test_an_invoice_has_no_credit_to_refund_and_a_refund_is_not_entered_by_hand(company, accountant, manager):
    customer = CustomerFactory(company=company)
    bill = invoice(accountant, customer, "INV-9", "100.00")
    with pytest.raises(LedgerError, match="no credit|not a receipt"):
        services.credit_refund(by=manager, credit=bill, amount="10.00", on=D0)
    with pytest.raises(InvalidInput):
        services.document_post(
            by=accountant,
            company=company,
            customer=customer,
            doc_type="refund",
            number="RF-1",
            issue_on=D0,
            currency="CNY",
            amount=Decimal("10.00"),
        )


def test_the_api_refunds_and_refuses_over_the_credit(over_paid, manager):
    _customer, paid = over_paid
    _token, raw = token_issue(user=manager)
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    path = f"/api/v1/ledger/documents/{paid.pk}/refund"
    done = api.post(path, json.dumps({"amount": "100.00", "on": "2024-01-11"}), content_type="application/json")
    assert done.status_code == 201, done.content
    assert done.json()["doc_type"] == "refund"
    refused = api.post(path, json.dumps({"amount": "300.01", "on": "2024-01-11"}), content_type="application/json")
    assert refused.status_code >= 400 and "300.00" in refused.content.decode()


def test_the_document_page_offers_the_refund_to_who_may_pay_it(over_paid, manager, accountant):
    _customer, paid = over_paid
    web = Client()
    web.force_login(accountant)
    assert 'id="refund"' not in web.get(f"/ledger/documents/{paid.pk}/").content.decode()
    assert web.post(f"/ledger/documents/{paid.pk}/refund/", {"amount": "10.00", "on": "2024-01-11"}).status_code == 403
    web.force_login(manager)
    assert 'id="refund"' in web.get(f"/ledger/documents/{paid.pk}/").content.decode()
    response = web.post(
        f"/ledger/documents/{paid.pk}/refund/", {"amount": "400.00", "on": "2024-01-11", "reference": "ICBC 1"}
    )
    assert response.status_code == 302
    assert Document.objects.get(pk=paid.pk).unapplied_now == 0
