"""The customer timeline reads every context's records, newest first, filtered by kind, page by page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ardesk.collections import services as collections
from ardesk.credit.models import CreditRequest
from ardesk.customers import services as customers
from ardesk.ledger.tests.factories import invoice
from ardesk.relations import selectors, services
from ardesk.relations.models import Interaction

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(accountant, collector, manager, company, customer):
    """One record of each kind, on days 1 to 8 of March 2026."""
    line = invoice(accountant, customer, "INV-1", "900.00", issue_on=dt.date(2026, 1, 1), due_on=dt.date(2026, 1, 31))
    services.interaction_log(
        by=collector, customer=customer, channel="visit", occurred_on=dt.date(2026, 3, 1), outcome="拜访财务总监"
    )
    services.interaction_log(
        by=collector,
        customer=customer,
        channel="email",
        purpose="statement_sent",
        occurred_on=dt.date(2026, 3, 2),
        outcome="2月对账单",
    )
    collections.contact_log(
        by=collector, customer=customer, channel="call", outcome="reached", note="催收电话", on=dt.date(2026, 3, 3)
    )
    collections.dispute_open(
        by=collector,
        customer=customer,
        reason="price",
        amount="100.00",
        line_ids=[line.lines.first().pk],
        on=dt.date(2026, 3, 4),
    )
    services.complaint_open(
        by=collector,
        customer=customer,
        category="service",
        severity="low",
        subject="回单慢",
        opened_on=dt.date(2026, 3, 5),
    )
    CreditRequest.objects.create(
        customer=customer,
        company=company,
        kind="limit",
        amount=50000000,
        currency="CNY",
        reason="扩大采购",
        status="approved",
        decided_by=manager,
        decided_at=timezone.make_aware(dt.datetime(2026, 3, 6, 10, 0)),
    )
    customers.customer_status_change(by=manager, customer=customer, status="on_hold", reason="逾期过多")
    return customer


def test_every_kind_appears_newest_first_without_copying_a_record(history):
    page = selectors.timeline(history)
    kinds = [e.kind for e in page.entries]
    # The status change happened today (after March), then credit, complaint, dispute, call, statement, visit.
    assert kinds == ["status", "credit", "complaint", "dispute", "call", "statement_sent", "visit"]
    assert Interaction.objects.count() == 2  # the collections call and the dispute stay where they are
    assert "逾期过多" in page.entries[0].detail
    assert "500,000.00 CNY" in page.entries[1].title


def test_the_timeline_is_filtered_by_kind_and_paged(history):
    assert [e.kind for e in selectors.timeline(history, kinds=["call", "visit"]).entries] == ["call", "visit"]
    assert [e.kind for e in selectors.timeline(history, kinds=["statement_sent"]).entries] == ["statement_sent"]
    first = selectors.timeline(history, limit=3)
    second = selectors.timeline(history, limit=3, offset=3)
    third = selectors.timeline(history, limit=3, offset=6)
    assert (first.has_more, second.has_more, third.has_more) == (True, True, False)
    assert [e.kind for e in first.entries + second.entries + third.entries] == [
        e.kind for e in selectors.timeline(history).entries
    ]


def test_the_timeline_exports_for_a_meeting(history):
    table = selectors.timeline_table(history)
    assert table.headers[0] == "Date"
    assert len(table.rows) == 7


def test_the_timeline_screen_makes_no_query_per_entry(client, history, collector, customer):
    """Each source on the page loads its records in one query: a full page of 50 calls costs no more queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(collector)
    url = f"/relations/customers/{customer.pk}/timeline/"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    contact = customer.contacts.get(name="李娜")
    Interaction.objects.bulk_create(
        [
            Interaction(
                company=customer.company,
                customer=customer,
                contact=contact,
                channel="call",
                occurred_on=dt.date(2026, 4, 1) + dt.timedelta(days=n),
                outcome=f"电话 {n}",
                logged_by=collector,
            )
            for n in range(60)
        ]
    )
    # The first page now holds 50 interactions (one source) instead of one record of every source.
    assert queries() < few
