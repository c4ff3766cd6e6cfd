"""A run whose delivery stopped: the same date run again resumes it, integrity names it, nothing is sent twice."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ardesk.collections import services
from ardesk.collections.integrity import delivered_counts, stopped_runs
from ardesk.collections.models import DunningRun, Notice, NoticeStatus, RunStatus
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db
ON = dt.date(2025, 2, 26)


def dunning(*args) -> str:
    out = StringIO()
    call_command("dunning", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def stopped(accountant, customer, english_customer, company):
    """What a killed delivery leaves: C100's e-mail was "sending", C200's not started, the count stale."""
    invoice(accountant, customer, "INV-1", "700.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))
    invoice(accountant, english_customer, "INV-2", "900.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))
    run = services.dunning_run(by=None, company=company, run_on=ON, check_access=False, deliver=False)
    first = Notice.objects.get(customer=customer)
    Notice.objects.filter(pk=first.pk).update(status=NoticeStatus.SENDING, recipients="li.na@example.cn")
    long_ago = timezone.now() - services.DELIVERY_SILENT * 2
    DunningRun.objects.filter(pk=run.pk).update(delivery_seen_at=long_ago, delivered=0)
    return run


def test_integrity_names_a_run_whose_delivery_stopped(stopped):
    (problem,) = stopped_runs()
    assert (problem.check, problem.count, problem.examples) == ("collections.stopped_runs", 1, [stopped.pk])


def test_a_run_still_reporting_progress_is_not_called_stopped(stopped):
    DunningRun.objects.filter(pk=stopped.pk).update(delivery_seen_at=timezone.now())
    assert stopped_runs() == []


def test_running_the_same_date_again_resumes_the_run_and_never_resends_the_sending_notice(stopped, customer):
    data = json.loads(dunning("run", "--date", ON.isoformat(), "--format", "json"))
    (result,) = data["runs"]
    assert (result["run"], result["resumed"], result["delivered"], result["status"]) == (stopped.pk, True, 2, "done")
    assert result["unconfirmed"] == [
        {"notice": Notice.objects.get(customer=customer).pk, "customer": "C100", "recipients": "li.na@example.cn"}
    ]
    assert [m.to for m in mail.outbox] == [["anna@example.com"]]  # only C200's: C100's may have left already
    assert DunningRun.objects.count() == 1
    settled = Notice.objects.get(customer=customer)
    assert (settled.status, settled.sent_at) == (NoticeStatus.SENT, None)
    assert "Check the mail server's log" in settled.error
    assert stopped_runs() == [] and delivered_counts() == []


def test_resume_of_a_finished_or_unknown_run_is_an_error(stopped):
    assert "resumed run" in dunning("resume", str(stopped.pk))
    with pytest.raises(Exception, match=f"Run {stopped.pk} has no delivery to resume"):
        dunning("resume", str(stopped.pk))


def test_a_finished_run_with_a_wrong_count_is_named_by_integrity(stopped):
    dunning("resume")
    DunningRun.objects.filter(pk=stopped.pk).update(delivered=1)
    (problem,) = delivered_counts()
    assert (problem.check, problem.examples) == ("collections.delivered_counts", [stopped.pk])
    assert DunningRun.objects.get().status == RunStatus.DONE


def test_a_notice_another_delivery_took_is_not_sent_by_this_one(stopped, english_customer):
    notice = Notice.objects.get(customer=english_customer)
    Notice.objects.filter(pk=notice.pk).update(status=NoticeStatus.SENDING)
    notice.status = NoticeStatus.PENDING  # what this delivery read before the other claimed it
    services.notice_deliver(notice=notice)
    assert mail.outbox == []
