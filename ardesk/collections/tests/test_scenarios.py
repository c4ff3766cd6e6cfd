"""Collections stories: an invoice through reminder, notices, a promise, a partial payment, a dispute."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.test import TestCase

from ardesk.collections import selectors, services
from ardesk.collections.models import DunningState, Notice, NoticeItem, NoticeStatus, PromiseToPay
from ardesk.ledger import services as ledger_services
from ardesk.ledger.models import Document, DueLine
from ardesk.ledger.tests.factories import invoice, receipt

pytestmark = pytest.mark.django_db

ISSUED = dt.date(2025, 1, 1)
DUE = dt.date(2025, 1, 31)


def run(by, company, on):
    """Confirm the run of a date; its notices are delivered once the transaction commits, as in production."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.dunning_run(by=by, company=company, run_on=on)


def levels_sent(customer):
    return list(Notice.objects.filter(customer=customer).order_by("id").values_list("notice_on", "level_seq"))


def line_of(document):
    return DueLine.objects.get(document=document)


def test_an_invoice_climbs_the_levels_one_per_run_and_a_promise_a_payment_and_a_dispute_change_its_course(
    accountant, collector, manager, company, customer
):
    i1 = invoice(accountant, customer, "INV-1", "1000.00", issue_on=ISSUED, due_on=DUE)

    # Three days before the due date the friendly reminder goes out by e-mail, in Chinese, with the letter.
    reminder_run = run(collector, company, dt.date(2025, 1, 28))
    assert (reminder_run.notices, reminder_run.items, reminder_run.total_functional) == (1, 1, 100000)
    notice = Notice.objects.get(run=reminder_run)
    assert (notice.level_seq, notice.status, notice.language) == (1, NoticeStatus.SENT, "zh-hans")
    assert mail.outbox[-1].to == ["li.na@example.cn"]
    assert "温馨提示" in mail.outbox[-1].subject
    assert mail.outbox[-1].attachments[0][2] == "application/pdf"

    # Run again the same day: nothing new.
    assert run(collector, company, dt.date(2025, 1, 28)).notices == 0
    assert len(mail.outbox) == 1

    # Seven days overdue: the first notice; three days later nothing (the second is due 21 days after the due date).
    assert run(collector, company, dt.date(2025, 2, 7)).notices == 1
    assert run(collector, company, dt.date(2025, 2, 10)).notices == 0
    # A run long after the due date still moves the item one level only.
    assert run(collector, company, dt.date(2025, 2, 28)).notices == 1
    assert levels_sent(customer) == [
        (dt.date(2025, 1, 28), 1),
        (dt.date(2025, 2, 7), 2),
        (dt.date(2025, 2, 28), 3),
    ]

    # The collector calls; the customer promises 1,000.00 by 10 March: dunning pauses until then.
    services.contact_log(
        by=collector,
        customer=customer,
        channel="call",
        outcome="promised",
        promise_amount="1000.00",
        promise_on=dt.date(2025, 3, 10),
        on=dt.date(2025, 3, 1),
    )
    assert run(collector, company, dt.date(2025, 3, 10)).notices == 0

    # Nothing arrives: the daily check finds the promise broken and puts it on the worklist.
    assert services.promises_check(as_of=dt.date(2025, 3, 11)) == {"kept": 0, "broken": 1}
    due = selectors.due_today(user=collector, as_of=dt.date(2025, 3, 11))
    assert [p.customer_id for p in due.broken_promises] == [customer.pk]
    # ... and the item is back in dunning at the next level: the phone task.
    phone_run = run(collector, company, dt.date(2025, 3, 11))
    assert Notice.objects.get(run=phone_run).status == NoticeStatus.TASK

    # A partial payment of 400.00 keeps the remaining 600.00 in dunning: the final notice (催款函) asks for it.
    r1 = receipt(accountant, customer, "R-1", "400.00", issue_on=dt.date(2025, 3, 20))
    ledger_services.allocation_create(
        by=accountant, source=r1, line=line_of(i1), amount=Decimal("400.00"), on=dt.date(2025, 3, 20)
    )
    final_run = run(collector, company, dt.date(2025, 4, 1))
    final = Notice.objects.get(run=final_run)
    assert (final.level_seq, final.total_functional, final.status) == (5, 60000, NoticeStatus.PRINTED)
    assert NoticeItem.objects.get(notice=final).open_amount == 60000
    assert final.pdf.read().startswith(b"%PDF")

    # The customer disputes the 600.00 (quality): the lawyer's letter stage does not come.
    dispute = services.dispute_open(
        by=collector,
        customer=customer,
        reason="quality",
        amount="600.00",
        line_ids=[line_of(i1).pk],
        on=dt.date(2025, 4, 20),
    )
    assert run(collector, company, dt.date(2025, 5, 1)).notices == 0

    # The dispute is resolved by a credit note: the item is settled and leaves dunning for good.
    services.dispute_resolve(
        by=manager, dispute=dispute, outcome="credit", note="Agreed 600.00 credit", on=dt.date(2025, 5, 5)
    )
    dispute.refresh_from_db()
    assert dispute.credit_note.amount == -60000
    assert line_of(i1).open_now == 0
    assert run(collector, company, dt.date(2025, 6, 1)).notices == 0
    assert DunningState.objects.get(line=line_of(i1)).level_seq == 5


def test_a_kept_promise_is_recorded_as_kept(accountant, collector, company, customer):
    i1 = invoice(accountant, customer, "INV-2", "500.00", issue_on=ISSUED, due_on=DUE)
    promise = services.promise_create(
        by=collector, customer=customer, amount="500.00", promised_on=dt.date(2025, 2, 15), on=dt.date(2025, 2, 5)
    )
    r1 = receipt(accountant, customer, "R-2", "500.00", issue_on=dt.date(2025, 2, 14))
    ledger_services.allocation_create(
        by=accountant, source=r1, line=line_of(i1), amount=Decimal("500.00"), on=dt.date(2025, 2, 14)
    )
    assert services.promises_check(as_of=dt.date(2025, 2, 16)) == {"kept": 1, "broken": 0}
    promise.refresh_from_db()
    assert (promise.status, promise.paid) == ("kept", 50000)
    assert PromiseToPay.objects.filter(status="open").count() == 0


def test_one_notice_per_customer_and_level_groups_all_its_items(
    accountant, collector, company, customer, english_customer
):
    for n in range(3):
        invoice(accountant, customer, f"A-{n}", "200.00", issue_on=ISSUED, due_on=DUE)
    invoice(accountant, english_customer, "B-1", "50.00", issue_on=ISSUED, due_on=DUE)
    invoice(accountant, english_customer, "B-2", "80.00", issue_on=ISSUED, due_on=DUE)
    run_ = run(collector, company, dt.date(2025, 2, 10))
    notices = {n.customer_id: n for n in Notice.objects.filter(run=run_)}
    assert (notices[customer.pk].item_count, notices[customer.pk].total_functional) == (3, 60000)
    assert (notices[english_customer.pk].item_count, notices[english_customer.pk].total_functional) == (2, 13000)
    assert notices[english_customer.pk].language == "en"
    assert "Overdue items - first notice - Pacific Parts Ltd" == notices[english_customer.pk].subject
    assert len(mail.outbox) == 2


def test_a_notice_below_the_level_minimum_waits(accountant, collector, company, customer):
    invoice(accountant, customer, "S-1", "60.00", issue_on=ISSUED, due_on=DUE)
    # The first notice needs 100.00 overdue in total.
    assert run(collector, company, dt.date(2025, 2, 10)).notices == 0
    invoice(accountant, customer, "S-2", "50.00", issue_on=ISSUED, due_on=DUE)
    assert run(collector, company, dt.date(2025, 2, 11)).items == 2


def test_blocked_customers_and_customers_with_legal_are_not_dunned(
    accountant, collector, company, customer, english_customer
):
    invoice(accountant, customer, "L-1", "500.00", issue_on=ISSUED, due_on=DUE)
    invoice(accountant, english_customer, "L-2", "500.00", issue_on=ISSUED, due_on=DUE)
    services.customer_dunning_block(by=collector, customer=customer, blocked=True, reason="Negotiating a settlement")
    services.legal_case_open(
        by=collector, customer=english_customer, reference="(2025)沪0115民初123号", on=dt.date(2025, 2, 9)
    )
    assert run(collector, company, dt.date(2025, 2, 10)).notices == 0
    services.customer_dunning_block(by=collector, customer=customer, blocked=False)
    assert run(collector, company, dt.date(2025, 2, 11)).notices == 1


def test_a_customer_follows_the_policy_of_its_credit_grade_and_a_hold_level_puts_it_on_hold(
    accountant, collector, manager, company, customer
):
    from ardesk.collections.models import DunningPolicy
    from ardesk.credit.models import CreditAccount

    services.policies_import(
        by=manager,
        data={
            "policies": [
                {
                    "code": "TIGHT",
                    "name": "Tight control for grade C",
                    "grades": ["C"],
                    "levels": [
                        {"name": "Notice", "days": 1, "channel": "email"},
                        {"name": "Hold", "days": 5, "channel": "hold"},
                    ],
                }
            ]
        },
    )
    CreditAccount.objects.create(customer=customer, company=company, grade="C")
    assert selectors.effective_policy(customer) == DunningPolicy.objects.get(code="TIGHT")
    invoice(accountant, customer, "G-1", "80.00", issue_on=ISSUED, due_on=DUE)
    assert Notice.objects.get(run=run(collector, company, dt.date(2025, 2, 1))).level.policy.code == "TIGHT"
    hold = Notice.objects.get(run=run(collector, company, dt.date(2025, 2, 8)))
    assert (hold.level.channel, hold.status) == ("hold", NoticeStatus.DONE)
    customer.refresh_from_db()
    assert customer.status == "on_hold"
    assert customer.status_changes.get().reason == "Dunning level Hold"


def test_kept_and_broken_promises_and_disputes_count_in_the_payment_behaviour(accountant, collector, customer):
    i1 = invoice(accountant, customer, "P-1", "100.00", issue_on=ISSUED, due_on=DUE)
    invoice(accountant, customer, "P-2", "200.00", issue_on=ISSUED, due_on=DUE)
    services.promise_create(
        by=collector, customer=customer, amount="300.00", promised_on=dt.date(2025, 2, 10), on=dt.date(2025, 2, 1)
    )
    services.promises_check(as_of=dt.date(2025, 2, 11))
    services.promise_create(
        by=collector,
        customer=customer,
        amount="100.00",
        promised_on=dt.date(2025, 2, 20),
        line_ids=[line_of(i1).pk],
        on=dt.date(2025, 2, 12),
    )
    r1 = receipt(accountant, customer, "R-9", "100.00", issue_on=dt.date(2025, 2, 18))
    ledger_services.allocation_create(
        by=accountant, source=r1, line=line_of(i1), amount=Decimal("100.00"), on=dt.date(2025, 2, 18)
    )
    services.promises_check(as_of=dt.date(2025, 2, 21))
    services.dispute_open(
        by=collector,
        customer=customer,
        reason="duplicate",
        amount="200.00",
        line_ids=[line_of(Document.objects.get(number="P-2")).pk],
        on=dt.date(2025, 2, 22),
    )
    counts = selectors.promise_and_dispute_counts(
        customer_ids=[customer.pk], since=dt.date(2025, 1, 1), until=dt.date(2025, 12, 31)
    )
    assert counts == {customer.pk: {"kept_promises": 1, "broken_promises": 1, "disputes": 1}}
