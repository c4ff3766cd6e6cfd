"""Customer profitability over the first quarter of 2025 (90 days), worked by hand.

Cost of capital 10 % a year; a contact costs 50.00. Balance-days are yuan-days: each document's
amount times the days of the quarter from its date (or from 1 January) to 31 March.

Customer A (A001):
    invoice of December     30,000 × 90 =  2,700,000
    invoice 11 January     100,000 × 80 =  8,000,000
    receipt 31 January     −30,000 × 60 = −1,800,000
    credit note 1 February  −2,000 × 59 =   −118,000
    receipt 2 March        −98,000 × 30 = −2,940,000
                                           5,842,000 yuan-days, average balance 64,911.11
    carrying cost 5,842,000 × 10 % / 365 = 1,600.547… → 1,600.55
    gross margin 100,000 − 70,000 = 30,000; discounts 2,000; two contacts 100.00
    net contribution 30,000 − 2,000 − 1,600.55 − 0 − 100 = 26,299.45

Customer B (B001, in A's group):
    invoice 15 February     50,000 × 45 =  2,250,000 yuan-days
    carrying cost 2,250,000 × 10 % / 365 = 616.438… → 616.44
    gross margin 5,000; provision charge 5,000 (0 at the end of 2024, 5,000 at the end of March)
    one contact 50.00; net contribution 5,000 − 616.44 − 5,000 − 50 = −666.44
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from django.core.management import call_command

from ardesk.budgets import output, selectors

Q1 = {"date_from": dt.date(2025, 1, 1), "date_to": dt.date(2025, 3, 31)}


def test_carrying_cost_and_net_contribution_of_two_customers_over_a_quarter(company, quarter):
    a, b = quarter
    report = selectors.profitability(company=company, **Q1)
    pa, pb = report.customers[a.pk], report.customers[b.pk]
    assert report.days == 90
    assert pa.balance_days == 584_200_000  # 5,842,000 yuan-days in fen-days
    assert pa.average_balance(90).quantize(Decimal(1)) == 6_491_111
    assert pa.carrying_cost == 160_055
    assert (pa.revenue, pa.cost, pa.gross_margin, pa.discounts) == (10_000_000, 7_000_000, 3_000_000, 200_000)
    assert (pa.bad_debt, pa.collection_effort) == (0, 10_000)
    assert pa.net_contribution == 2_629_945
    assert pb.carrying_cost == 61_644
    assert (pb.gross_margin, pb.bad_debt, pb.collection_effort) == (500_000, 500_000, 5_000)
    assert pb.net_contribution == -66_644
    assert report.total().net_contribution == 2_629_945 - 66_644


def test_group_of_the_two_customers_adds_up_and_ranks_most_profitable_first(company, quarter):
    a, b = quarter
    report = selectors.profitability(company=company, **Q1)
    groups = report.by("group")
    assert list(groups) == [a.pk]  # B's group is A
    assert groups[a.pk].net_contribution == 2_629_945 - 66_644
    rows = output.profit_rows(report, "customer")
    assert [r.code for r in rows] == ["A001", "B001"]
    assert rows[0].contribution_class == "A" and rows[1].contribution_class == "C"


def test_report_profitability_command_writes_json(company, quarter, capsys):
    call_command("report", "profitability", "--from", "2025-01-01", "--to", "2025-03-31", "--by", "group")
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["net_contribution"] == {"amount": "25633.01", "currency": "CNY"}
    assert data["rows"][0]["code"] == "A001"


def test_a_reversed_invoice_takes_back_its_sales_and_its_cost(company, quarter, accountant):
    from ardesk.ledger import services as ledger
    from ardesk.ledger.models import Document

    _a, b = quarter
    invoice = Document.objects.get(number="INV-2")
    ledger.document_reverse(by=accountant, document=invoice, on=dt.date(2025, 3, 1), reason="wrong customer")
    pb = selectors.profitability(company=company, **Q1).customers[b.pk]
    assert (pb.revenue, pb.cost, pb.gross_margin) == (0, 0, 0)
    # 50,000 for the 14 days from 15 February to 28 February: 700,000 yuan-days
    assert pb.balance_days == 70_000_000


def test_the_screens_summary_applies_the_rules_to_every_customer(company, quarter, accountant):
    """The page, totals, whale curve, shares and ABC classes computed in SQL are those of the rules in
    ``domain`` applied to every customer's row (twelve customers, two of them losing money)."""
    from ardesk.budgets import domain
    from ardesk.customers.tests.factories import CustomerFactory

    from .conftest import post

    for n in range(10):
        customer = CustomerFactory(company=company, code=f"C{n:02d}")
        post(
            accountant, company, customer, "invoice", f"S-{n}", dt.date(2025, 1, 2 + n), f"{1000 * (n + 1)}.00", "1.00"
        )
    report = selectors.profitability(company=company, **Q1)
    rows = output.profit_rows(report, "customer")
    contributions = [r.profit.net_contribution for r in rows]
    assert len(rows) == 12 and sum(c < 0 for c in contributions) == 1
    summary = report.summary("customer", offset=4, limit=5, curve_points=4)
    assert summary.count == 12 and summary.losing == 1
    assert [r.code for r in summary.rows] == [r.code for r in rows[4:9]]
    assert [r.profit for r in summary.rows] == [r.profit for r in rows[4:9]]
    assert summary.total == report.total() == sum((r.profit for r in rows), domain.Profit())
    curve = domain.whale_curve(contributions)
    assert summary.curve == [(n + 1, p) for n, p in enumerate(curve) if n % 3 == 0 or n == 11]
    assert summary.top10 == domain.top_share(contributions, 10)
    assert (summary.top_count, summary.top_fifth) == (2, domain.top_share(contributions, 2))
    for figure, attribute in (("revenue", "revenue_class"), ("net_contribution", "contribution_class")):
        classes = domain.abc_classes({r.key: getattr(r.profit, figure) for r in rows})
        assert {r.key: getattr(r, attribute) for r in rows} == classes
    assert {r.contribution_class for r in rows} == {"A", "B", "C"}
