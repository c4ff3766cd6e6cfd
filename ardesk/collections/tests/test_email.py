"""Notices over a real SMTP conversation: a server started by the test receives them, letter attached."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import TestCase

from ardesk.collections import services
from ardesk.collections.models import Notice, NoticeStatus
from ardesk.core.testing.smtp import free_port
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db


def run(by, company, on):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.dunning_run(by=by, company=company, run_on=on)


def test_the_smtp_server_receives_each_customers_notice_in_its_language_with_the_letter(
    smtp_server, accountant, collector, company, customer, english_customer
):
    invoice(accountant, customer, "INV-ZH", "1200.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))
    invoice(accountant, english_customer, "INV-EN", "800.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))
    run(collector, company, dt.date(2025, 2, 10))

    received = {m["To"]: m for m in smtp_server.messages}
    assert set(received) == {"li.na@example.cn", "anna@example.com"}
    chinese, english = received["li.na@example.cn"], received["anna@example.com"]
    assert chinese["Subject"].strip() == "逾期款项第一次催款通知 - 华东机电有限公司"
    assert "经核对，以下款项已逾期" in chinese.get_body(("plain",)).get_content()
    assert "INV-ZH  2025-01-01  2025-01-31  逾期 10 天  1,200.00 CNY" in chinese.get_body(("plain",)).get_content()
    assert english["Subject"].strip() == "Overdue items - first notice - Pacific Parts Ltd"
    assert "INV-EN  2025-01-01  2025-01-31  10 days overdue  800.00 CNY" in english.get_body(("plain",)).get_content()
    for message in (chinese, english):
        (letter,) = list(message.iter_attachments())
        assert letter.get_content_type() == "application/pdf"
        assert letter.get_content().startswith(b"%PDF")
    assert set(Notice.objects.values_list("status", flat=True)) == {NoticeStatus.SENT}


def test_a_refused_send_is_kept_on_the_notice_and_sent_again_later(settings, accountant, collector, company, customer):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens there
    invoice(accountant, customer, "INV-1", "300.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))
    run(collector, company, dt.date(2025, 2, 10))
    notice = Notice.objects.get()
    assert (notice.status, notice.attempts) == (NoticeStatus.FAILED, 1)
    assert "ConnectionRefusedError" in notice.error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.notices_retry_failed() == 1
    notice.refresh_from_db()
    assert (notice.status, notice.attempts, notice.error) == (NoticeStatus.SENT, 2, "")


def test_a_name_with_an_ampersand_reads_as_written_in_the_e_mail(smtp_server, accountant, collector, company):
    customer = CustomerFactory(company=company, code="C300", name="Smith & Sons <Trading>", collector=collector)
    ContactFactory(customer=customer, name="O'Brien", email="ob@example.com", is_primary=True, preferred_language="en")
    invoice(accountant, customer, "INV-AMP", "500.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))
    run(collector, company, dt.date(2025, 2, 10))

    (message,) = smtp_server.messages
    assert message["Subject"].strip() == "Overdue items - first notice - Smith & Sons <Trading>"
    text = message.get_body(("plain",)).get_content()
    assert "O'Brien" in text and "&amp;" not in text and "&#x27;" not in text
    notice = Notice.objects.get()
    assert notice.subject.endswith("Smith & Sons <Trading>")
