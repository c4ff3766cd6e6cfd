"""A run's delivery shared by several processes: every notice sent once, the count true, a failed shard resumed.

The processes are forked from the test's; they need committed data (a transactional test on the
SQLite file of the test database) and send to a real SMTP server in the test's process.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter

import pytest

from ardesk.collections import letters, services, tasks
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import DunningRun, Notice, NoticeStatus, RunStatus
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db(transaction=True)
CUSTOMERS = 12
ON = dt.date(2025, 2, 26)


@pytest.fixture
def run(accountant, company, smtp_server, settings):
    settings.ARDESK_JOBS_INLINE = False  # the delivery's own processes, as without a broker
    settings.ARDESK_WORKERS = 3
    for n in range(CUSTOMERS):
        customer = CustomerFactory(company=company, code=f"K{n:03d}")
        ContactFactory(customer=customer, email=f"ap{n:03d}@example.cn", is_primary=True)
        invoice(
            accountant, customer, f"INV-{n:03d}", "800.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31)
        )
    return services.dunning_run(by=None, company=company, run_on=ON, check_access=False, deliver=False)


def received(smtp_server) -> Counter:
    return Counter(message["To"] for message in smtp_server.messages)


def everyone_once() -> Counter:
    return Counter({f"ap{n:03d}@example.cn": 1 for n in range(CUSTOMERS)})


def test_three_processes_deliver_every_notice_exactly_once_and_the_run_counts_them(run, smtp_server):
    seen = []
    tasks.deliver(run.pk, progress=lambda done, total: seen.append((done, total)))

    assert received(smtp_server) == everyone_once()
    run.refresh_from_db()
    assert (run.status, run.notices, run.delivered) == (RunStatus.DONE, CUSTOMERS, CUSTOMERS)
    assert run.finished_at is not None
    notices = Notice.objects.filter(run=run)
    assert set(notices.values_list("status", "attempts")) == {(NoticeStatus.SENT, 1)}
    assert all(notice.pdf.name and notice.sent_at for notice in notices)
    assert seen[-1] == (CUSTOMERS, CUSTOMERS)
    assert all(done <= total for done, total in seen)


def test_a_failing_shard_fails_the_run_with_its_error_and_the_resumed_delivery_finishes_it(
    run, smtp_server, monkeypatch
):
    render = letters.notice_pdf

    def failing(*, notice, **kwargs):
        if notice.customer.code == "K005":
            raise RuntimeError("the letter of K005 could not be drawn")
        return render(notice=notice, **kwargs)

    monkeypatch.setattr(letters, "notice_pdf", failing)
    with pytest.raises(CollectionsError, match="the letter of K005 could not be drawn"):
        tasks.deliver(run.pk)
    run.refresh_from_db()
    assert (run.status, run.error) == (RunStatus.FAILED, "the letter of K005 could not be drawn")
    # The other shards went on; the failing one stopped at K005 (the notices before it are recorded sent).
    sent = Notice.objects.filter(run=run, status=NoticeStatus.SENT).count()
    assert run.delivered == sent == len(smtp_server.messages) < CUSTOMERS
    assert Notice.objects.get(run=run, customer__code="K005").status == NoticeStatus.PENDING

    monkeypatch.setattr(letters, "notice_pdf", render)
    tasks.deliver(run.pk)  # what `ardesk dunning resume` and the daily job do
    run.refresh_from_db()
    assert (run.status, run.error, run.delivered) == (RunStatus.DONE, "", CUSTOMERS)
    assert received(smtp_server) == everyone_once()


def test_a_process_killed_after_sending_is_resumed_without_sending_anything_twice(run, smtp_server, monkeypatch):
    send = services.runs.PlainEmail.send

    def send_then_die(message, *args, **kwargs):
        sent = send(message, *args, **kwargs)
        if message.to == ["ap006@example.cn"]:
            os._exit(9)  # the process is gone after the e-mail left, before its outcome is saved
        return sent

    monkeypatch.setattr(services.runs.PlainEmail, "send", send_then_die)
    with pytest.raises(CollectionsError, match="A delivery process stopped"):
        tasks.deliver(run.pk)
    assert DunningRun.objects.get(pk=run.pk).status == RunStatus.FAILED

    monkeypatch.setattr(services.runs.PlainEmail, "send", send)
    tasks.deliver(run.pk)
    run.refresh_from_db()
    assert (run.status, run.delivered) == (RunStatus.DONE, CUSTOMERS)
    assert received(smtp_server) == everyone_once()
    unconfirmed = Notice.objects.filter(run=run, sent_at__isnull=True)
    assert "ap006@example.cn" in set(unconfirmed.values_list("recipients", flat=True))
    assert set(unconfirmed.values_list("status", flat=True)) == {NoticeStatus.SENT}


def test_a_delivery_inside_a_transaction_is_made_in_this_process(run, smtp_server, monkeypatch):
    """The demo's loader delivers inside its transaction: forked processes would not see the run's notices."""
    from django.db import transaction

    from ardesk.core import parallel

    monkeypatch.setattr(parallel, "in_processes", lambda *args, **kwargs: pytest.fail("processes were started"))
    with transaction.atomic():
        tasks.deliver(run.pk)
    run.refresh_from_db()
    assert (run.status, run.delivered) == (RunStatus.DONE, CUSTOMERS)
    assert received(smtp_server) == everyone_once()


def test_a_batch_is_sent_in_order_and_a_failing_claim_stops_it_with_what_left_recorded(run, smtp_server, monkeypatch):
    claim = services.runs._claim
    claimed = []

    def claim_until_the_fourth(notice):
        if len(claimed) == 3:
            raise RuntimeError("the database went away")
        claimed.append(notice.pk)
        return claim(notice)

    monkeypatch.setattr(services.runs, "_claim", claim_until_the_fourth)
    notices = list(Notice.objects.filter(run=run).order_by("pk"))
    with pytest.raises(RuntimeError, match="the database went away"):
        services.notices_deliver(notices=notices, run_id=run.pk)
    sent = list(Notice.objects.filter(run=run, status=NoticeStatus.SENT).order_by("pk"))
    assert sent == notices[:3]
    assert [message["To"] for message in smtp_server.messages] == [notice.recipients for notice in sent]
    assert DunningRun.objects.get(pk=run.pk).delivered == 3

    monkeypatch.setattr(services.runs, "_claim", claim)
    tasks.deliver(run.pk)
    assert received(smtp_server) == everyone_once()


def test_a_large_run_refreshes_the_planners_statistics_of_its_notices_before_the_delivery(
    accountant, company, monkeypatch
):
    from ardesk.collections.models import NoticeItem

    refreshed = []
    monkeypatch.setattr(services.runs, "refresh_statistics", lambda *tables: refreshed.append(tables))
    for n in range(3):
        invoice(accountant, CustomerFactory(company=company, code=f"S{n}"), f"INV-S{n}", "800.00",
                issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))  # fmt: skip
    monkeypatch.setattr(services.runs, "STATISTICS_AFTER", 4)
    services.dunning_run(by=None, company=company, run_on=ON, check_access=False, deliver=False)
    assert refreshed == []  # three notices: the statistics as they were
    monkeypatch.setattr(services.runs, "STATISTICS_AFTER", 3)
    services.dunning_run(by=None, company=company, run_on=dt.date(2025, 3, 31), check_access=False, deliver=False)
    assert refreshed == [(Notice, NoticeItem)]
