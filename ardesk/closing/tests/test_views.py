"""The cockpit and the revaluation screen: what each role sees and may do."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client

from ardesk.closing.models import JournalExport, ReopenRequest
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import periods
from ardesk.ledger.models import Document, ExchangeRate
from ardesk.ledger.tests.factories import invoice

COCKPIT = "/closing/cockpit/?company=SH01&period=2024-11"


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_the_manager_closes_from_the_cockpit_and_a_second_manager_approves_the_reopening(
    manager, second_manager, accountant, company, customer
):
    page = signed_in(manager).get(COCKPIT)
    assert page.status_code == 200 and b"Aging snapshot stored" in page.content and b'id="close"' in page.content
    body = {"company": "SH01", "period": "2024-11"}
    refused = signed_in(manager).post("/closing/cockpit/close/", body, follow=True)
    assert b"Confirm to close" in refused.content and not periods.is_closed(company.pk, dt.date(2024, 11, 1))
    signed_in(manager).post("/closing/cockpit/close/", {**body, "accept_open_points": "on"})
    assert periods.is_closed(company.pk, dt.date(2024, 11, 1))

    form = signed_in(accountant).post(
        f"/ledger/customers/{customer.pk}/documents/new/",
        {"doc_type": "invoice", "number": "I-NOV", "issue_on": "2024-11-20", "currency": "CNY", "amount": "10"},
    )
    assert b"November 2024 is closed" in form.content and not Document.objects.exists()

    signed_in(manager).post("/closing/cockpit/reopen/", {**body, "reason": "Late ERP invoice"})
    request = ReopenRequest.objects.get()
    own = signed_in(manager).get(COCKPIT)
    assert b"Late ERP invoice" in own.content and b'id="approve-reopen"' not in own.content
    other = signed_in(second_manager).get(COCKPIT)
    assert b'id="approve-reopen"' in other.content
    signed_in(second_manager).post(f"/closing/reopen/{request.pk}/approve/")
    assert not periods.is_closed(company.pk, dt.date(2024, 11, 1))


def test_the_accountant_sees_the_cockpit_without_the_close_and_exports_the_journals(accountant, company):
    page = signed_in(accountant).get(COCKPIT)
    assert page.status_code == 200 and b'id="close"' not in page.content
    assert (
        signed_in(accountant).post("/closing/cockpit/close/", {"company": "SH01", "period": "2024-11"}).status_code
        == 403
    )
    exported = signed_in(accountant).post(
        "/closing/cockpit/journals/", {"company": "SH01", "period": "2024-11", "file_format": "csv"}
    )
    assert exported.status_code == 200 and exported["Content-Type"].startswith("text/csv")
    assert JournalExport.objects.filter(company=company).count() == 1


def test_the_collector_has_no_cockpit(collector):
    assert signed_in(collector).get(COCKPIT).status_code == 403


def test_the_revaluation_screen_proposes_and_posts(accountant, manager, company):
    customer = CustomerFactory(company=company, code="U1")
    ExchangeRate.objects.create(currency="USD", rate_on=dt.date(2024, 10, 1), rate=Decimal("7.00"))
    ExchangeRate.objects.create(currency="USD", rate_on=dt.date(2024, 11, 30), rate=Decimal("6.90"))
    invoice(accountant, customer, "U-1", "1000", issue_on=dt.date(2024, 10, 10), currency="USD")
    url = "/closing/revaluation/?company=SH01&period=2024-11"
    assert b"Not revalued yet" in signed_in(accountant).get(url).content
    signed_in(accountant).post("/closing/revaluation/run/", {"company": "SH01", "period": "2024-11"})
    page = signed_in(manager).get(url)
    # 1,000 USD: 7,000.00 booked, 6,900.00 at the closing rate: a loss of 100.00.
    assert b"-100.00" in page.content and b'id="post-revaluation"' in page.content
    run_id = page.context["run"].pk
    signed_in(manager).post(f"/closing/revaluation/{run_id}/post/")
    assert b"Posted" in signed_in(manager).get(url).content
    exported = signed_in(manager).get(url + "&export=csv")
    assert exported.status_code == 200 and b"U1" in exported.getvalue()
