"""The daily job: promises checked, one run per company and day, failed e-mails sent again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from ardesk.collections import services, tasks
from ardesk.collections.models import DunningRun, Notice, NoticeStatus, PromiseToPay, RunStatus
from ardesk.core import clock
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db


def test_the_daily_job_runs_each_company_once_a_day_and_checks_the_promises(
    accountant, collector, company, customer, english_customer, monkeypatch
):
    today = dt.date(2025, 3, 1)
    monkeypatch.setattr(clock, "today", lambda: today)
    invoice(accountant, customer, "D-1", "400.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 2, 20))
    invoice(accountant, english_customer, "D-2", "900.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 2, 1))
    services.promise_create(
        by=collector,
        customer=english_customer,
        amount="900.00",
        promised_on=dt.date(2025, 2, 25),
        on=dt.date(2025, 2, 10),
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        tasks.daily()
    assert PromiseToPay.objects.get().status == "broken"
    run = DunningRun.objects.get()
    assert (run.run_on, run.notices, run.status) == (today, 2, "done")
    assert set(Notice.objects.values_list("status", flat=True)) == {NoticeStatus.SENT}
    with TestCase.captureOnCommitCallbacks(execute=True):
        tasks.daily()
    assert DunningRun.objects.count() == 1


def test_a_delivery_whose_process_died_is_resumed_by_the_daily_job_where_it_stopped(
    accountant, collector, company, customer, english_customer, monkeypatch
):
    today = dt.date(2025, 3, 1)
    monkeypatch.setattr(clock, "today", lambda: today)
    invoice(accountant, customer, "K-1", "400.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 2, 20))
    invoice(accountant, english_customer, "K-2", "900.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 2, 1))
    # The run was written, its delivery sent the first notice, then the process was restarted.
    run = services.dunning_run(by=collector, company=company, run_on=today, deliver=False)
    first, second = Notice.objects.filter(run=run).order_by("pk")
    services.notice_deliver(notice=first)
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    DunningRun.objects.filter(pk=run.pk).update(created_at=an_hour_ago, delivery_seen_at=an_hour_ago)
    # A delivery that reported progress five minutes ago is alive: left alone.
    other = services.dunning_run(by=collector, company=company, run_on=dt.date(2025, 3, 2), deliver=False)
    DunningRun.objects.filter(pk=other.pk).update(
        status=RunStatus.DELIVERING, created_at=an_hour_ago, delivery_seen_at=timezone.now() - dt.timedelta(minutes=5)
    )
    sent_before = len(mail.outbox)

    with TestCase.captureOnCommitCallbacks(execute=True):
        tasks.daily()

    run.refresh_from_db()
    assert (run.status, run.notices, run.delivered) == (RunStatus.DONE, 2, 2)
    # Only the second notice was sent by the resumed delivery: nothing twice.
    assert len(mail.outbox) == sent_before + 1
    assert mail.outbox[-1].to == [second.customer.contacts.get().email]
    assert set(Notice.objects.filter(run=run).values_list("status", flat=True)) == {NoticeStatus.SENT}
    assert DunningRun.objects.get(pk=other.pk).status == RunStatus.DELIVERING


def test_with_a_broker_each_range_of_notices_is_a_task_and_the_last_one_done_finishes_the_run(
    accountant, collector, company, customer, english_customer, settings, monkeypatch
):
    import celery

    settings.ARDESK_JOBS_INLINE, settings.CELERY_BROKER_URL, settings.ARDESK_WORKERS = False, "redis://broker", 2
    queued = []
    monkeypatch.setattr(celery, "group", lambda signatures: queued.extend(signatures) or _Sent())
    invoice(accountant, customer, "W-1", "400.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 2, 1))
    invoice(accountant, english_customer, "W-2", "900.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 2, 1))
    run = services.dunning_run(by=collector, company=company, run_on=dt.date(2025, 3, 1), deliver=False)

    tasks.deliver(run.pk)  # returns once the ranges are handed to the workers
    assert [(s.task, s.args[0]) for s in queued] == [("ardesk.collections.tasks.deliver_shard", run.pk)] * 2
    assert DunningRun.objects.get(pk=run.pk).status == RunStatus.DELIVERING and mail.outbox == []

    first, second = queued
    tasks.deliver_shard(*first.args)  # a worker takes the first range
    run.refresh_from_db()
    assert (run.status, run.delivered, len(mail.outbox)) == (RunStatus.DELIVERING, 1, 1)
    tasks.deliver_shard(*second.args)
    run.refresh_from_db()
    assert (run.status, run.delivered, len(mail.outbox)) == (RunStatus.DONE, 2, 2)


class _Sent:
    def apply_async(self) -> None:
        """The group handed to the broker (nothing to do in the test)."""
