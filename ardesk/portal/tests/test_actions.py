"""What the customer does through its link: confirm or disagree, promise, dispute, complain, download."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from ardesk.collections import services as collections
from ardesk.collections.models import Dispute, Notice, PromiseToPay
from ardesk.core import clock
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.ledger.models import DueLine
from ardesk.portal import services
from ardesk.portal.models import BalanceConfirmation, ConfirmationStatus, PortalAccess
from ardesk.portal.tests.conftest import with_items
from ardesk.relations import selectors as relations
from ardesk.relations.models import Complaint

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def link(accountant, customer_a):
    return services.link_issue(by=accountant, contact=customer_a.contacts.get())


@pytest.fixture
def base(link):
    return services.link_url(link).removeprefix(settings.ARDESK_PUBLIC_URL)


def line(customer, number: str) -> DueLine:
    return DueLine.objects.get(customer=customer, document__number=number)


def test_the_contact_confirms_the_balance_and_it_lands_on_the_timeline(client, base, customer_a):
    page = client.get(base + "balance/CNY/").content.decode()
    assert "1,500.00 CNY" in page
    response = client.post(base + "balance/CNY/", {"agrees": "yes", "note": "已核对"}, follow=True)
    assert "您的余额回复已记录" in response.content.decode()
    confirmation = BalanceConfirmation.objects.get()
    assert (confirmation.status, confirmation.balance, confirmation.currency, confirmation.contact_name) == (
        ConfirmationStatus.CONFIRMED,
        150000,
        "CNY",
        "李娜",
    )
    assert confirmation.as_of == clock.today() and not confirmation.differences.exists()
    entries = relations.timeline(customer_a, kinds=["statement_confirmed"]).entries
    assert len(entries) == 1 and "李娜" in entries[0].detail + entries[0].title + entries[0].by
    assert PortalAccess.objects.filter(action="balance_answer").count() == 1


def test_the_contact_disagrees_naming_an_item_and_its_amount(client, base, customer_a):
    inv1 = line(customer_a, "INV-A-1")
    # Disagreeing without naming an item is refused and keeps nothing.
    response = client.post(base + "balance/CNY/", {"agrees": "no"})
    assert response.status_code == 200 and "请列明有差异的款项及贵方金额" in response.content.decode()
    assert not BalanceConfirmation.objects.exists()
    # The customer has 800.00 where we have 1,000.00 on INV-A-1.
    client.post(
        base + "balance/CNY/",
        {"agrees": "no", f"differs_{inv1.pk}": "on", f"amount_{inv1.pk}": "800.00", "note": "折让200元未入账"},
    )
    confirmation = BalanceConfirmation.objects.get()
    assert (confirmation.status, confirmation.balance) == (ConfirmationStatus.DISAGREED, 150000)
    difference = confirmation.differences.get()
    assert (difference.line_id, difference.our_amount, difference.their_amount) == (inv1.pk, 100000, 80000)


def test_a_portal_promise_pauses_dunning_like_a_phone_promise(client, base, accountant, collector, company, customer_a):
    by_phone = with_items(accountant, CustomerFactory(company=company, code="P300", collector=collector), "INV-P")
    ContactFactory(customer=by_phone)
    silent = with_items(accountant, CustomerFactory(company=company, code="S400", collector=collector), "INV-S")
    ContactFactory(customer=silent)
    promised_on = clock.today() + dt.timedelta(days=7)

    response = client.post(
        base + "promise/",
        {"lines": [str(line(customer_a, "INV-A-1").pk)], "amount": "1000.00", "promised_on": promised_on.isoformat()},
        follow=True,
    )
    assert "您的付款承诺已记录" in response.content.decode()
    collections.promise_create(
        by=collector,
        customer=by_phone,
        amount="1000.00",
        promised_on=promised_on,
        line_ids=[line(by_phone, "INV-P-1").pk],
    )
    portal, phone = PromiseToPay.objects.get(customer=customer_a), PromiseToPay.objects.get(customer=by_phone)
    assert (portal.amount, portal.promised_on, portal.status) == (phone.amount, phone.promised_on, phone.status)
    assert portal.note.startswith("李娜")

    with TestCase.captureOnCommitCallbacks(execute=True):
        collections.dunning_run(by=collector, company=company, run_on=clock.today())
    # Only the customer who promised nothing gets a notice for its overdue item.
    assert set(Notice.objects.values_list("customer__code", flat=True)) == {"S400"}
    # The promise is on the customer's timeline, as a phone promise is.
    assert relations.timeline(customer_a, kinds=["promise"]).entries


def test_a_dispute_with_a_document_stops_dunning_and_a_bad_file_is_refused(
    client, base, collector, company, customer_a
):
    inv1 = line(customer_a, "INV-A-1")
    form = {"lines": [str(inv1.pk)], "reason": "quality", "amount": "300.00", "description": "一批货物破损"}
    refused = client.post(base + "dispute/", {**form, "attachment": SimpleUploadedFile("x.pdf", b"MZ not a pdf")})
    assert refused.status_code == 200 and "不是PDF、PNG或JPEG文件" in refused.content.decode()
    assert not Dispute.objects.exists()

    client.post(base + "dispute/", {**form, "attachment": SimpleUploadedFile("破损照片.pdf", PDF)})
    dispute = Dispute.objects.get()
    assert (dispute.reason, dispute.amount, dispute.owner) == ("quality", 30000, collector)
    assert dispute.attachments.get().content_type == "application/pdf"
    with TestCase.captureOnCommitCallbacks(execute=True):
        collections.dunning_run(by=collector, company=company, run_on=clock.today())
    assert not Notice.objects.filter(customer=customer_a).exists()


def test_a_too_large_attachment_is_refused(client, base, settings, customer_a):
    settings.ARDESK_ATTACHMENT_MAX_BYTES = 50
    form = {"lines": [str(line(customer_a, "INV-A-1").pk)], "reason": "price", "amount": "10.00", "description": "价格"}
    response = client.post(base + "dispute/", {**form, "attachment": SimpleUploadedFile("big.pdf", PDF * 3)})
    assert "MB" in response.content.decode() and not Dispute.objects.exists()


def test_a_complaint_goes_to_the_relationship_owner(client, base, collector, customer_a):
    client.post(base + "complaint/", {"category": "collector", "subject": "催款电话太频繁", "description": "一天三次"})
    complaint = Complaint.objects.get()
    assert (complaint.customer, complaint.contact.name, complaint.owner) == (customer_a, "李娜", collector)


def test_the_statement_is_downloaded_as_pdf_and_excel_and_logged(client, base):
    today = clock.today()
    period = {"date_from": (today - dt.timedelta(days=90)).isoformat(), "date_to": today.isoformat()}
    pdf = client.get(base + "statement/", {**period, "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = client.get(base + "statement/", {**period, "format": "xlsx"})
    assert xlsx.content.startswith(b"PK")
    assert list(PortalAccess.objects.filter(action="statement").values_list("detail", flat=True).order_by("id")) == [
        f"{period['date_from']} {period['date_to']} pdf",
        f"{period['date_from']} {period['date_to']} xlsx",
    ]


def test_forms_need_the_csrf_token(base):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(base + "balance/CNY/", {"agrees": "yes"}).status_code == 403
    assert not BalanceConfirmation.objects.exists()


def test_the_audit_confirmation_report_lists_answers_of_the_users_companies(
    client, link, auditor, other_accountant, customer_a
):
    services.balance_answer(link=link, currency="CNY", agrees=True)
    client.force_login(auditor)
    page = client.get(reverse("portal:confirmations")).content.decode()
    assert "A100" in page and "1,500.00 CNY" in page and "李娜" in page
    assert client.get(reverse("portal:confirmations"), {"format": "xlsx"}).content.startswith(b"PK")
    client.force_login(other_accountant)
    assert "李娜" not in client.get(reverse("portal:confirmations")).content.decode()


def test_the_audit_trail_tells_the_portals_acts_in_chinese_words(client, link, manager, customer_a):
    import re

    from django.test import Client
    from django.utils.html import strip_tags

    inv1 = line(customer_a, "INV-A-1")
    services.balance_answer(link=link, currency="CNY", agrees=False, differences={inv1.pk: "800.00"}, ip="203.0.113.9")
    services.promise_make(
        link=link, amount="500.00", promised_on=clock.today() + dt.timedelta(days=3), line_ids=[inv1.pk]
    )
    services.link_revoke(by=manager, link=link)
    staff = Client()
    staff.force_login(manager)
    staff.post("/accounts/language/", {"language": "zh-hans", "next": "/audit/"})
    page = strip_tags(staff.get("/audit/").content.decode())
    for words in (
        "客户在门户回复余额",
        "客户在门户承诺付款",
        "已撤销门户链接",
        "客户（门户）",
        "联系人: 李娜",
        "有差异",
    ):
        assert words in page
    found = re.search(r"portal\.|disagreed|Disagreed|contact_name", page)
    assert not found, page[found.start() - 300 : found.end() + 100]


def test_the_overview_shows_the_open_items_page_by_page_oldest_due_first(client, monkeypatch, base):
    from ardesk.portal import selectors

    monkeypatch.setattr(selectors, "ITEMS_PER_PAGE", 1)

    def items(page: str) -> str:  # the open items' section (the documents are listed apart)
        return page.split('id="portal-items"', 1)[1].split("</section>", 1)[0]

    first = items(client.get(base).content.decode())
    second = items(client.get(base, {"page": 2}).content.decode())
    # INV-A-1 was due 30 days ago, INV-A-2 is due in 10 days: one a page, the overdue one first.
    assert "INV-A-1" in first and "INV-A-2" not in first
    assert "INV-A-2" in second and "INV-A-1" not in second
    assert "page=2" in first
