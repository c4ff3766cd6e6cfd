"""Escalation e-mails over a real SMTP conversation: in each recipient's language, never undoing the escalation."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.test import TestCase

from ardesk.accounts.models import Preference
from ardesk.core.testing.smtp import free_port
from ardesk.relations import services, tasks
from ardesk.relations.models import Complaint, ComplaintEvent, EscalationMail

pytestmark = pytest.mark.django_db
D0 = dt.date(2026, 3, 2)


@pytest.fixture
def people(manager, collector):
    """The finance manager reads Chinese, the collector who owns the complaint reads English."""
    manager.first_name, manager.email = "王伟", "wang.wei@xingchen.example.cn"
    manager.save()
    collector.first_name, collector.last_name, collector.email = "Tom", "Baker", "tom.baker@xingchen.example.cn"
    collector.save()
    Preference.objects.create(user=manager, language="zh-hans")
    Preference.objects.create(user=collector, language="en")
    return manager, collector


@pytest.fixture
def late_complaint(people, customer):
    manager, collector = people
    # Critical: due the next day (3 March); escalated on the 4th.
    return services.complaint_open(
        by=collector, customer=customer, category="delivery", severity="critical", subject="到货延误三天", opened_on=D0
    )


def test_the_manager_and_the_owner_each_receive_the_escalation_in_their_language(
    smtp_server, people, late_complaint, customer
):
    manager, collector = people
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert services.complaints_escalate(as_of=dt.date(2026, 3, 4)) == 1

    received = {m["To"]: m for m in smtp_server.messages}
    assert set(received) == {"wang.wei@xingchen.example.cn", "tom.baker@xingchen.example.cn"}
    link = f"https://ar.xingchen.example.cn/relations/complaints/{late_complaint.pk}/"

    chinese = received["wang.wei@xingchen.example.cn"]
    assert chinese["Subject"].strip() == "投诉已升级：华东机电有限公司，到货延误三天"
    body = chinese.get_body(("plain",)).get_content()
    for expected in (
        "王伟",
        "客户：C100 华东机电有限公司",
        f"投诉：#{late_complaint.pk} 到货延误三天",
        "严重程度：紧急",
        "处理期限：2026-03-03",
        link,
    ):
        assert expected in body, expected

    english = received["tom.baker@xingchen.example.cn"]
    assert english["Subject"].strip() == "Complaint escalated: 华东机电有限公司, 到货延误三天"
    body = english.get_body(("plain",)).get_content()
    for expected in (
        "Dear Tom Baker,",
        "escalated on 2026-03-04",
        "Customer: C100 华东机电有限公司",
        f"Complaint: #{late_complaint.pk} 到货延误三天",
        "Severity: Critical",
        "Deadline: 2026-03-03",
        link,
    ):
        assert expected in body, expected
    assert EscalationMail.objects.filter(sent_at__isnull=False).count() == 2


def test_an_owner_who_is_the_manager_gets_one_mail(smtp_server, people, customer):
    manager, _collector = people
    services.complaint_open(
        by=manager,
        customer=customer,
        category="billing",
        severity="critical",
        subject="重复开票",
        owner=manager,
        opened_on=D0,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.complaints_escalate(as_of=dt.date(2026, 3, 4))
    assert [m["To"] for m in smtp_server.messages] == ["wang.wei@xingchen.example.cn"]


def test_a_refused_send_leaves_the_escalation_whole_and_the_daily_job_sends_it_later(
    settings, smtp_server, people, late_complaint
):
    # No mail server listens on the configured port: the connection is refused.
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert services.complaints_escalate(as_of=dt.date(2026, 3, 4)) == 1

    complaint = Complaint.objects.get(pk=late_complaint.pk)
    assert complaint.escalated_on == dt.date(2026, 3, 4)
    assert ComplaintEvent.objects.filter(complaint=complaint, is_escalation=True).count() == 1
    mails = list(EscalationMail.objects.order_by("email"))
    assert len(mails) == 2
    assert all(m.sent_at is None and "ConnectionRefusedError" in m.send_error for m in mails)
    assert smtp_server.messages == []

    # The server is back: the daily job sends what was refused, once; the escalation is not repeated.
    settings.EMAIL_PORT = working_port
    result = tasks.daily()
    assert result["escalated"] == 0
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "tom.baker@xingchen.example.cn",
        "wang.wei@xingchen.example.cn",
    ]
    assert not EscalationMail.objects.filter(sent_at__isnull=True).exists()
    tasks.daily()
    assert len(smtp_server.messages) == 2


def test_the_daily_command_escalates_and_the_mails_leave_before_it_ends(smtp_server, people, late_complaint):
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("relations", "daily", "--date", "2026-03-04", stdout=out)
    assert json.loads(out.getvalue())["escalated"] == 1
    assert len(smtp_server.messages) == 2
