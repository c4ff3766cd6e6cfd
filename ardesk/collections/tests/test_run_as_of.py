"""A run for a past date counts the items as they were open on that date, not today."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, transaction

from ardesk.collections import engine, selectors, services
from ardesk.collections.models import Notice, NoticeItem
from ardesk.ledger import open_items
from ardesk.ledger import services as ledger_services
from ardesk.ledger.models import DueLine
from ardesk.ledger.tests.factories import invoice, receipt

pytestmark = pytest.mark.django_db

ISSUED = dt.date(2025, 1, 1)
DUE = dt.date(2025, 1, 31)


def pay(by, customer, document, number: str, amount: str, on: dt.date) -> None:
    source = receipt(by, customer, number, amount, issue_on=on)
    line = DueLine.objects.get(document=document)
    ledger_services.allocation_create(by=by, source=source, line=line, amount=Decimal(amount), on=on)


def items_of(run) -> dict[str, int]:
    rows = NoticeItem.objects.filter(notice__run=run).order_by("line_id")
    return dict(rows.values_list("line__document__number", "open_amount"))


def test_a_run_for_a_past_date_uses_the_open_amounts_as_of_that_date(accountant, collector, company, customer):
    # The ledger as it stands today (all of it booked before the runs below are made):
    #   INV-A 1,000.00 due 31 Jan: 400.00 paid on 20 Feb, 100.00 on 1 Mar, 500.00 open today.
    #   INV-B   300.00 due 31 Jan: paid in full on 15 Feb, settled today.
    #   INV-C   250.00 issued 12 Feb, due 14 Mar: not yet issued on 10 Feb.
    a = invoice(accountant, customer, "INV-A", "1000.00", issue_on=ISSUED, due_on=DUE)
    b = invoice(accountant, customer, "INV-B", "300.00", issue_on=ISSUED, due_on=DUE)
    invoice(accountant, customer, "INV-C", "250.00", issue_on=dt.date(2025, 2, 12), due_on=dt.date(2025, 3, 14))
    pay(accountant, customer, b, "R-B", "300.00", dt.date(2025, 2, 15))
    pay(accountant, customer, a, "R-A1", "400.00", dt.date(2025, 2, 20))
    pay(accountant, customer, a, "R-A2", "100.00", dt.date(2025, 3, 1))
    assert DueLine.objects.get(document=b).settled_on == dt.date(2025, 2, 15)

    # 10 Feb, ten days overdue: the first notice (+7). On that day A was open for 1,000.00 and B for
    # 300.00 (both paid later); C did not exist. Today's amounts would give 500.00 for A alone.
    first_on = dt.date(2025, 2, 10)
    preview = selectors.run_preview(company=company, run_on=first_on)
    assert (preview.notices, preview.items, preview.total) == (1, 2, 130000)
    first = services.dunning_run(by=collector, company=company, run_on=first_on, deliver=False)
    assert (first.notices, first.items, first.total_functional) == (1, 2, 130000)
    assert items_of(first) == {"INV-A": 100000, "INV-B": 30000}
    assert Notice.objects.get(run=first).level_seq == 2

    # 21 Feb (+21, and 11 days after the first notice): the second notice. B was settled on 15 Feb;
    # A had 400.00 paid on 20 Feb, so 600.00 open (the 100.00 of 1 March does not count yet).
    second = services.dunning_run(by=collector, company=company, run_on=dt.date(2025, 2, 21), deliver=False)
    assert (second.notices, second.items, second.total_functional) == (1, 1, 60000)
    assert items_of(second) == {"INV-A": 60000}
    assert Notice.objects.get(run=second).level_seq == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner settings")
def test_the_run_settings_do_not_outlive_the_preview(company):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_nestloop'), current_setting('work_mem')")
        before = cursor.fetchone()
        selectors.run_preview(company=company, run_on=DUE)
        cursor.execute("SELECT current_setting('enable_nestloop'), current_setting('work_mem')")
        assert cursor.fetchone() == before


def test_the_run_reads_the_lines_that_can_be_open_from_the_open_items_ranges(company):
    # The items that can be open on the run date are the two ranges of the ledger's (settled_on)
    # covering index (never settled; settled after the date), as the aging reads them: the run's cost
    # follows the open items. A condition on the whole table ("settled_on IS NULL OR settled_on > D")
    # made PostgreSQL scan every line of the company, ten million for two million open.
    sql, params = engine.candidates_sql(company_id=company.pk, run_on=DUE)
    assert open_items.OPEN_LINES in sql
    assert "settled_on IS NULL OR" not in sql
    assert sql.count("%s") == len(params)
