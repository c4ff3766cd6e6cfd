"""On a phone, in a real browser: the contact opens its link, downloads the statement, confirms, promises, disputes."""

from __future__ import annotations

import datetime as dt
import re

from django.apps import apps
from django.test import TestCase
from playwright.sync_api import expect

from ardesk.collections.models import Dispute, PromiseToPay
from ardesk.core import clock
from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.ledger.models import DueLine
from ardesk.portal import services
from ardesk.portal.models import (
    BalanceConfirmation,
    ConfirmationStatus,
    PortalAccess,
    PortalLink,
    StatementRun,
    StatementSchedule,
)
from ardesk.relations import services as surveys
from ardesk.relations.defaults import survey_template_ensure
from ardesk.relations.models import SurveyInvitation

pytestmark = BROWSER

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def fits_the_phone(page) -> None:
    """Nothing wider than the phone: no sideways scrolling."""
    wide = page.evaluate(
        "[...document.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > 390)"
        ".map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide


def test_the_contact_uses_its_link_on_a_phone(phone_page, live_server, settings, accountant, manager, customer_a):
    settings.ARDESK_PUBLIC_URL = live_server.url
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contact = customer_a.contacts.get()
    link = services.link_issue(by=accountant, contact=contact)
    with TestCase.captureOnCommitCallbacks(execute=True):
        surveys.survey_send(
            by=manager,
            template=survey_template_ensure(apps),
            company_id=customer_a.company_id,
            contact_ids=[contact.pk],
        )
    invitation = SurveyInvitation.objects.get()
    inv1 = DueLine.objects.get(customer=customer_a, document__number="INV-A-1")
    page = phone_page

    page.goto(services.link_url(link))
    expect(page.locator("h1")).to_have_text("您的账户")
    expect(page.locator("#portal-balance")).to_contain_text("1,500.00 CNY")
    expect(page.locator("#portal-items")).to_contain_text("逾期 30 天")
    fits_the_phone(page)

    # The statement of the prefilled period, as PDF.
    with page.expect_download() as download:
        page.locator("#statement-form button[type=submit]").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # The copy of the overdue invoice, from its open item.
    with page.expect_download() as download:
        page.locator("#portal-items a.doc-pdf", has_text="INV-A-1").click()
    assert download.value.suggested_filename == "invoice-INV-A-1.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # Answer the pending survey.
    expect(page.locator("#portal-surveys")).to_contain_text("客户满意度调查")
    with page.expect_navigation():
        page.locator(f"#survey-{invitation.pk}").click()
    fits_the_phone(page)
    page.locator("#survey-form input[name=csat][value='4'] + span").click()
    page.locator("#survey-form input[name=nps][value='9'] + span").click()
    page.fill("#id_comment", "对账很及时")
    with page.expect_navigation():
        page.locator("#survey-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("感谢您的回答")
    expect(page.locator("#portal-surveys")).to_contain_text("已回答")
    assert (invitation.answer.csat, invitation.answer.nps) == (4, 9)

    # Confirm the balance.
    with page.expect_navigation():
        page.locator("#answer-CNY").click()
    fits_the_phone(page)
    page.locator("#answer-form input[name=agrees][value=yes]").check()
    with page.expect_navigation():
        page.locator("#answer-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("您的余额回复已记录")
    expect(page.locator("#portal-confirmations")).to_contain_text("已确认")

    # Promise to pay INV-A-1 in a week.
    with page.expect_navigation():
        page.locator("#go-promise").click()
    fits_the_phone(page)
    page.locator(f"#promise-form input[name=lines][value='{inv1.pk}']").check()
    page.fill("#id_amount", "1000.00")
    page.fill("#id_promised_on", (clock.today() + dt.timedelta(days=7)).isoformat())
    with page.expect_navigation():
        page.locator("#promise-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("您的付款承诺已记录")
    expect(page.locator("#portal-promises")).to_contain_text("1,000.00 CNY")

    # Dispute INV-A-2 with a photo of the delivery note (a PDF).
    inv2 = DueLine.objects.get(customer=customer_a, document__number="INV-A-2")
    with page.expect_navigation():
        page.locator("#go-dispute").click()
    fits_the_phone(page)
    page.locator(f"#dispute-form input[name=lines][value='{inv2.pk}']").check()
    page.select_option("#id_reason", "quantity")
    page.fill("#id_amount", "200.00")
    page.fill("#id_description", "少发了两箱")
    page.set_input_files("#id_attachment", files=[{"name": "送货单.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    with page.expect_navigation():
        page.locator("#dispute-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("您的争议已记录")
    expect(page.locator("#portal-disputes")).to_contain_text("200.00 CNY")

    assert BalanceConfirmation.objects.get().status == ConfirmationStatus.CONFIRMED
    assert PromiseToPay.objects.get(customer=customer_a).amount == 100000
    dispute = Dispute.objects.get(customer=customer_a)
    assert (dispute.amount, dispute.attachments.get().original_name) == (20000, "送货单.pdf")
    assert set(PortalAccess.objects.values_list("action", flat=True)) == {
        "view",
        "statement",
        "balance_answer",
        "promise",
        "dispute",
        "document",
        "survey",
    }


def test_the_accountant_issues_a_link_from_the_customer_page_and_reads_the_answers(
    page, live_server, settings, accountant, customer_a
):
    settings.ARDESK_PUBLIC_URL = live_server.url
    signed_in(page, live_server, accountant)
    page.goto(f"{live_server.url}/customers/{customer_a.pk}/")
    with page.expect_navigation():
        page.locator("#action-portal-links").click()
    expect(page.locator("h1")).to_have_text("门户链接")
    page.select_option("#id_contact", label="李娜")
    page.fill("#id_days", "14")
    with page.expect_navigation():
        page.locator("#link-form button[type=submit]").click()
    link = PortalLink.objects.get()
    expect(page.locator(".messages")).to_contain_text(f"{live_server.url}/p/")
    # The link shown is this link's (its signature carries the second it was made, so compare what it opens).
    shown = page.locator(".messages").inner_text().split(f"{live_server.url}/p/")[1].split("/")[0]
    assert services.link_for_token(shown).pk == link.pk
    expect(page.locator("#links")).to_contain_text("李娜")

    services.balance_answer(link=link, currency="CNY", agrees=True)
    page.goto(f"{live_server.url}/portal/confirmations/")
    expect(page.locator("#confirmations")).to_contain_text("A100 华东机电有限公司")
    expect(page.locator("#confirmations")).to_contain_text("1,500.00 CNY")
    expect(page.locator("#confirmations")).to_contain_text("已确认")

    page.goto(f"{live_server.url}/portal/customers/{customer_a.pk}/links/")
    with page.expect_navigation():
        page.locator("#links button[type=submit]").click()
    expect(page.locator("#links")).to_contain_text("已撤销")


def test_the_accountant_prepares_and_sends_a_statement_mailing_and_sets_the_monthly_one(
    page, live_server, settings, accountant, company, customer_a, customer_b
):
    settings.ARDESK_PUBLIC_URL = live_server.url
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    today = clock.today()
    signed_in(page, live_server, accountant)
    page.goto(f"{live_server.url}/portal/statement-runs/")
    expect(page.locator("h1")).to_have_text("对账单发送")
    page.fill("#id_date_from", (today - dt.timedelta(days=90)).isoformat())
    page.fill("#id_date_to", today.isoformat())
    page.fill("#id_remind_after_days", "5")
    with page.expect_navigation():
        page.locator("#run-form button[type=submit]").click()
    expect(page.locator("#run-state")).to_contain_text("草稿")
    expect(page.locator("#send-form")).to_contain_text("将通过电子邮件发送 2 份对账单。")
    with page.expect_navigation():
        page.locator("#send-form button[type=submit]").click()
    expect(page.locator("#run-state")).to_contain_text("已发送")
    expect(page.locator("#run-summary")).to_contain_text("已发送2")
    expect(page.locator("#recipients")).to_contain_text("A100 华东机电有限公司")
    expect(page.locator("#recipients")).to_contain_text("尚未回复")

    page.goto(f"{live_server.url}/portal/statement-runs/")
    expect(page.locator("#runs")).to_contain_text("已发送")
    page.fill("#schedule-form #id_day", "3")
    with page.expect_navigation():
        page.locator("#schedule-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("每月对账单发送设置已保存")
    schedule_row = re.compile(r"SH01 星辰实业（上海）有限公司\s*每月\s*3\s*7\s*14")
    expect(page.locator("#schedules tbody tr").first).to_have_text(schedule_row)
    run = StatementRun.objects.get()
    assert (run.status, run.sent, run.remind_after_days) == ("sent", 2, 5)
    assert StatementSchedule.objects.get(company=company).day == 3
