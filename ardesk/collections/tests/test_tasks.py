"""The daily job: promises checked, one run per company and day, failed e-mails sent again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import TestCase

from ardesk.collections import services, tasks
from ardesk.collections.models import DunningRun, Notice, NoticeStatus, PromiseToPay
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
