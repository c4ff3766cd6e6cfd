"""A small hand-worked ledger for the KPI tests: every figure of the tests is worked out from it.

The ledger (CNY, company SH01), period 2024-02-01 to 2024-03-31 (60 days):

Customer A (collector "collector"):
    INV A-1  2024-01-10  1,000.00  due 2024-02-09
    INV A-2  2024-02-05  2,000.00  due 2024-03-06
    RCP A-R1 2024-03-10  1,000.00  pays A-1
    CN  A-C1 2024-03-15    200.00  not allocated (an unapplied credit)
Customer B (no collector):
    DN  B-D1 2024-02-25    500.00  due 2024-03-10
    RCP B-R1 2024-03-25    500.00  pays B-D1
    INV B-1  2024-03-20  3,100.00  due 2024-04-19

Receivables (total / not yet due / past due):
    2024-01-31  A 1,000 / 1,000 / 0                 B 0                     all 1,000 / 1,000 / 0
    2024-02-29  A 3,000 / 2,000 / 1,000             B 500 / 500 / 0         all 3,500 / 2,500 / 1,000
    2024-03-31  A 1,800 / 0 / 2,000 (−200 credit)   B 3,100 / 3,100 / 0     all 4,900 / 3,100 / 2,000
Net credit sales: January 1,000 (A); February 2,500 (A 2,000, B 500); March 2,900 (A −200, B 3,100).
"""

from __future__ import annotations

import datetime as dt

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services
from ardesk.ledger.tests.factories import credit_note, invoice, receipt

FEB_1, MAR_31 = dt.date(2024, 2, 1), dt.date(2024, 3, 31)


def post_kpi_ledger(company, accountant, collector) -> dict:
    """Post the ledger above; returns the customers {"a": ..., "b": ...}."""
    a = CustomerFactory(company=company, code="A", name="甲公司", collector=collector)
    b = CustomerFactory(company=company, code="B", name="乙公司")
    invoice(accountant, a, "A-1", "1000.00", issue_on=dt.date(2024, 1, 10))
    invoice(accountant, a, "A-2", "2000.00", issue_on=dt.date(2024, 2, 5))
    receipt(accountant, a, "A-R1", "1000.00", issue_on=dt.date(2024, 3, 10), reference="A-1", auto_allocate=True)
    credit_note(accountant, a, "A-C1", "200.00", issue_on=dt.date(2024, 3, 15))
    services.document_post(
        by=accountant,
        company=company,
        customer=b,
        doc_type="debit_note",
        number="B-D1",
        issue_on=dt.date(2024, 2, 25),
        currency="CNY",
        amount="500.00",
        due_on=dt.date(2024, 3, 10),
    )
    invoice(accountant, b, "B-1", "3100.00", issue_on=dt.date(2024, 3, 20))
    receipt(accountant, b, "B-R1", "500.00", issue_on=dt.date(2024, 3, 25), reference="B-D1", auto_allocate=True)
    return {"a": a, "b": b}
