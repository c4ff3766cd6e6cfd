"""Statement runs: written as a draft, sent over a real SMTP server with the PDF and a working link in the
contact's language, answered, reminded, followed up by the owner, and scheduled each month."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from ardesk.collections import services as collections
from ardesk.collections.models import LevelChannel, Notice
from ardesk.core import clock
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.core.testing.smtp import free_port
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.ledger.models import DueLine
from ardesk.portal import domain, services
from ardesk.portal.models import (
    RecipientStatus,
    StatementRecipient,
    StatementRun,
    StatementRunStatus,
    StatementSchedule,
)
from ardesk.portal.selectors import statement_run_summary
from ardesk.portal.tests.conftest import with_items
from ardesk.relations.models import Revisit, RevisitReason

pytestmark = pytest.mark.django_db


def link_in(text: str) -> str:
    return re.search(r"https?://\S+/p/[^/\s]+/", text).group(0)


@pytest.fixture
def no_address(company, collector, accountant):
    """A third customer whose only contact has no e-mail address."""
    customer = CustomerFactory(company=company, code="N300", name="无邮箱商贸有限公司", collector=collector)
    ContactFactory(customer=customer, name="王强", email="", preferred_language="zh-hans")
    return with_items(accountant, customer, "INV-N")


@pytest.fixture
def draft(accountant, company, customer_a, customer_b, customer_c, no_address):
    today = clock.today()
    return services.statement_run_create(
        by=accountant, company=company, date_from=today - dt.timedelta(days=90), date_to=today
    )


def send(by, run):
    """Send a run; its background sending runs when the transaction commits (here: at once)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.statement_run_send(by=by, run=run)
    return StatementRun.objects.get(pk=run.pk)


def test_a_draft_names_one_recipient_per_contact_of_the_companys_customers_and_sends_nothing(draft):
    rows = {r.customer.code: r for r in StatementRecipient.objects.filter(run=draft).select_related("customer")}
    # A, B and N of SH01; C belongs to SZ01 and is not in the run.
    assert set(rows) == {"A100", "B200", "N300"}
    assert (rows["A100"].email, rows["A100"].language) == ("li.na@example.cn", "zh-hans")
    assert (rows["B200"].email, rows["B200"].language) == ("anna@example.com", "en")
    assert rows["N300"].email == ""
    assert (draft.status, draft.recipients) == (StatementRunStatus.DRAFT, 3)
    assert {r.status for r in rows.values()} == {RecipientStatus.DRAFT}
    assert mail.outbox == []


def test_the_smtp_server_receives_each_statement_with_its_pdf_and_a_working_link_in_the_contacts_language(
    smtp_server, client, accountant, draft, customer_a, customer_b
):
    run = send(accountant, draft)

    assert (run.status, run.sent, run.failed) == (StatementRunStatus.SENT, 2, 1)
    failed = StatementRecipient.objects.get(run=run, status=RecipientStatus.FAILED)
    assert (failed.customer.code, failed.error) == ("N300", "The customer has no contact with an e-mail address.")
    received = {m["To"]: m for m in smtp_server.messages}
    assert set(received) == {"li.na@example.cn", "anna@example.com"}
    chinese, english = received["li.na@example.cn"], received["anna@example.com"]
    period = f"{draft.date_from:%Y-%m-%d} – {draft.date_to:%Y-%m-%d}"
    assert chinese["Subject"].strip() == f"星辰实业（上海）有限公司 对账单 {period}"
    assert english["Subject"].strip() == f"Statement of account {period} from 星辰实业（上海）有限公司"
    zh_text = chinese.get_body(("plain",)).get_content()
    assert "尊敬的李娜：" in zh_text
    assert "请在您的专属页面确认余额" in zh_text
    for message in (chinese, english):
        (pdf,) = list(message.iter_attachments())
        assert pdf.get_content_type() == "application/pdf"
        assert pdf.get_content().startswith(b"%PDF")
    # The link opens the contact's own page, in its language, and marks the statement opened.
    page = client.get(link_in(english.get_body(("plain",)).get_content()))
    assert page.status_code == 200
    assert "Pacific Parts Ltd" in page.content.decode()
    assert "1,500.00" in page.content.decode()
    opened = StatementRecipient.objects.get(run=run, customer=customer_b)
    assert opened.opened_at is not None
    assert StatementRecipient.objects.get(run=run, customer=customer_a).opened_at is None


def test_answers_reminders_and_tasks_follow_the_days_of_the_run(
    smtp_server, accountant, collector, draft, customer_a, customer_b
):
    run = send(accountant, draft)
    smtp_server.messages.clear()
    row_a = StatementRecipient.objects.get(run=run, customer=customer_a)
    services.balance_answer(link=row_a.link, currency="CNY", agrees=True)
    today = clock.today()

    # Six days on: nobody is reminded yet (reminder after 7 days).
    assert services.statements_follow_up(as_of=today + dt.timedelta(days=6)) == {"reminded": 0, "tasks": 0}
    # Seven days on: only B, which has not answered, is reminded, with the same link.
    assert services.statements_follow_up(as_of=today + dt.timedelta(days=7)) == {"reminded": 1, "tasks": 0}
    (reminder,) = smtp_server.messages
    row_b = StatementRecipient.objects.get(run=run, customer=customer_b)
    assert reminder["To"] == "anna@example.com"
    assert reminder["Subject"].strip().startswith("Reminder: Statement of account")
    # The same link (the signature carries the second it was made, so the text is compared by the link it opens).
    assert services.link_for_token(link_in(reminder.get_body(("plain",)).get_content()).split("/")[-2]) == row_b.link
    # Fourteen days on: B's owner (its collector) gets one task, due three days later; never twice.
    assert services.statements_follow_up(as_of=today + dt.timedelta(days=14)) == {"reminded": 0, "tasks": 1}
    assert services.statements_follow_up(as_of=today + dt.timedelta(days=15)) == {"reminded": 0, "tasks": 0}
    task = Revisit.objects.get(reason=RevisitReason.STATEMENT_OPEN)
    assert (task.customer, task.owner, task.due_on) == (customer_b, collector, today + dt.timedelta(days=17))
    assert statement_run_summary(run) == {
        "draft": 0,
        "sending": 0,
        "sent": 2,
        "failed": 1,
        "opened": 0,
        "confirmed": 1,
        "disagreed": 0,
        "unanswered": 1,
        "reminded": 1,
        "task": 1,
    }


def test_a_disagreement_gives_the_owner_a_task_at_once(settings, accountant, collector, draft, customer_b):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run = send(accountant, draft)
    row = StatementRecipient.objects.get(run=run, customer=customer_b)
    line = DueLine.objects.get(customer=customer_b, document__number="INV-B-1")
    confirmation = services.balance_answer(link=row.link, currency="CNY", agrees=False, differences={line.pk: "800.00"})
    row.refresh_from_db()
    assert row.answer == confirmation
    task = Revisit.objects.get(reason=RevisitReason.STATEMENT_DIFF)
    assert (task.customer, task.owner, task.due_on) == (customer_b, collector, clock.today() + dt.timedelta(days=3))
    assert task.note == "Anna Smith 对余额 1,500.00 CNY 有异议。"  # the staff's record: the installation's language


def test_the_run_goes_draft_sending_sent_and_only_a_draft_is_sent(settings, accountant, draft, no_address):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        sending = services.statement_run_send(by=accountant, run=draft)
    assert sending.status == StatementRunStatus.SENDING
    for callback in callbacks:
        callback()
    run = StatementRun.objects.get(pk=draft.pk)
    assert (run.status, run.sent, run.failed) == (StatementRunStatus.SENT, 2, 1)
    with pytest.raises(InvalidInput):
        services.statement_run_send(by=accountant, run=run)

    # The missing address is filled in; the failed statement is sent again, the others are not.
    no_address.contacts.update(email="wang.qiang@example.cn")
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.statement_run_retry(by=accountant, run=run)
    run.refresh_from_db()
    assert (run.status, run.sent, run.failed) == (StatementRunStatus.SENT, 3, 0)
    assert [m.to for m in mail.outbox][-1] == ["wang.qiang@example.cn"]
    assert len(mail.outbox) == 3


def test_a_refused_sending_is_kept_per_recipient_and_the_run_fails_when_nothing_left(
    settings, accountant, company, customer_a
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens there
    today = clock.today()
    run = services.statement_run_create(by=accountant, company=company, date_from=today.replace(day=1), date_to=today)
    run = send(accountant, run)
    row = StatementRecipient.objects.get(run=run)
    assert (run.status, row.status, row.attempts) == (StatementRunStatus.FAILED, RecipientStatus.FAILED, 1)
    assert "ConnectionRefusedError" in row.error


def test_who_may_write_and_send_runs(collector, auditor, accountant, company, customer_a):
    today = clock.today()
    with pytest.raises(NotPermitted):
        services.statement_run_create(by=collector, company=company, date_from=today, date_to=today)
    run = services.statement_run_create(by=accountant, company=company, date_from=today, date_to=today)
    with pytest.raises(NotPermitted):
        services.statement_run_send(by=auditor, run=run)


def test_a_period_ending_in_the_future_or_a_reminder_after_the_task_is_refused(accountant, company):
    today = clock.today()
    with pytest.raises(InvalidInput) as refused:
        services.statement_run_create(
            by=accountant,
            company=company,
            date_from=today,
            date_to=today + dt.timedelta(days=1),
            remind_after_days=20,
            task_after_days=10,
        )
    assert set(refused.value.errors) == {"date_to", "task_after_days"}


def test_the_monthly_schedule_sends_last_months_statements_once(settings, accountant, company, customer_a):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    services.statement_schedule_set(
        by=accountant, company=company, is_active=True, day=1, remind_after_days=5, task_after_days=10
    )
    today = clock.today()
    with TestCase.captureOnCommitCallbacks(execute=True):
        (run,) = services.scheduled_runs(today=today)
    run.refresh_from_db()
    assert (run.date_from, run.date_to) == domain.previous_month(today)
    assert (run.is_scheduled, run.status, run.remind_after_days, run.task_after_days) == (
        True,
        StatementRunStatus.SENT,
        5,
        10,
    )
    assert services.scheduled_runs(today=today) == []
    StatementSchedule.objects.filter(company=company).update(is_active=False)
    StatementRun.objects.all().delete()
    assert services.scheduled_runs(today=today) == []


def test_a_dunning_email_carries_a_fresh_link_that_opens_the_contacts_page(
    settings, client, collector, company, customer_a
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with TestCase.captureOnCommitCallbacks(execute=True):
        collections.dunning_run(by=collector, company=company, run_on=clock.today())
    notice = Notice.objects.get(customer=customer_a, channel=LevelChannel.EMAIL)
    (message,) = mail.outbox
    assert "专属页面" in message.body
    url = link_in(message.body)
    assert url in notice.body
    assert "华东机电有限公司" in client.get(url).content.decode()


def test_statement_runs_over_the_api(
    client, settings, accountant, collector, company, customer_a, customer_b, customer_c
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(accountant)
    today = clock.today()
    body = {"company": "SH01", "date_from": f"{today.replace(day=1)}", "date_to": f"{today}", "send": True}
    with TestCase.captureOnCommitCallbacks(execute=True):
        created = client.post("/api/v1/portal/statement-runs", body, content_type="application/json")
    assert created.status_code == 201
    run_id = created.json()["id"]
    detail = client.get(f"/api/v1/portal/statement-runs/{run_id}").json()
    assert (detail["status"], detail["recipients"], detail["sent"], detail["failed"]) == ("sent", 2, 2, 0)
    rows = client.get(f"/api/v1/portal/statement-runs/{run_id}/recipients", {"state": "sent"}).json()
    assert sorted(r["customer"] for r in rows["recipients"]) == ["A100", "B200"]
    # Another company's code is refused; a collector may read runs but not write one.
    other = client.post("/api/v1/portal/statement-runs", {"company": "SZ01"}, content_type="application/json")
    assert other.status_code == 422
    client.force_login(collector)
    assert client.get(f"/api/v1/portal/statement-runs/{run_id}").status_code == 200
    refused = client.post("/api/v1/portal/statement-runs", {"company": "SH01"}, content_type="application/json")
    assert refused.status_code == 403
    client.force_login(accountant)
    schedule = client.put(
        "/api/v1/portal/statement-schedules/SH01", {"day": 3, "remind_after_days": 5}, content_type="application/json"
    )
    assert schedule.status_code == 200
    assert StatementSchedule.objects.get(company=company).day == 3
    link = client.post(
        "/api/v1/portal/links", {"contact": customer_a.contacts.get().pk, "days": 7}, content_type="application/json"
    )
    assert link.status_code == 201 and "/p/" in link.json()["url"]
    foreign = client.post(
        "/api/v1/portal/links", {"contact": customer_c.contacts.get().pk}, content_type="application/json"
    )
    assert foreign.status_code == 404


def test_the_command_writes_and_sends_a_run_and_follows_up(settings, company, customer_a, customer_b):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    today = clock.today()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(
            "portal",
            "statements",
            "--company",
            "SH01",
            "--from",
            f"{today.replace(day=1)}",
            "--to",
            f"{today}",
            stdout=out,
        )
    run = StatementRun.objects.get()
    assert out.getvalue().strip() == (
        f"SH01 {today.replace(day=1)} – {today}: run {run.pk} sent, 2 recipients, 2 sent, 0 failed"
    )
    assert len(mail.outbox) == 2
    out = io.StringIO()
    call_command("portal", "follow-up", "--date", f"{today + dt.timedelta(days=7)}", stdout=out)
    assert out.getvalue().strip() == "Reminded: 2, tasks for owners: 0"
