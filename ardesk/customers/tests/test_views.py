from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ardesk.audit.models import AuditEvent
from ardesk.customers.domain import make_uscc
from ardesk.customers.models import Customer, CustomerAttachment
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory

VALID = make_uscc("91", "310115", "MA1K4E7P")
WRONG = VALID[:17] + ("0" if VALID[17] != "0" else "1")


@pytest.fixture
def browser(accountant):
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(accountant)
    client.post("/accounts/language/", {"language": "en"})
    return client


def form(company, **extra):
    return {
        "company": company.pk,
        "code": "C7001",
        "name": "苏州博远新材料有限公司",
        "uscc": WRONG,
        "registered_capital_currency": "CNY",
        "currency": "CNY",
        **extra,
    }


def test_invalid_credit_code_is_shown_on_the_field_and_nothing_is_saved(browser, company):
    response = browser.post("/customers/new/", form(company))
    assert response.status_code == 200
    assert response.context["form"].errors["uscc"]
    assert b"check character" in response.content
    assert not Customer.objects.exists()


def test_fixed_credit_code_creates_the_customer(browser, company):
    response = browser.post("/customers/new/", form(company, uscc=VALID))
    customer = Customer.objects.get()
    assert response["Location"] == f"/customers/{customer.pk}/"
    page = browser.get(response["Location"]).content.decode()
    assert "苏州博远新材料有限公司" in page and "Customer created" in page


def test_unknown_parent_code_is_an_error_on_the_parent_field(browser, company):
    response = browser.post("/customers/new/", form(company, uscc=VALID, parent_code="NOPE"))
    assert "parent_code" in response.context["form"].errors


def test_list_search_answers_the_htmx_partial(browser, company):
    CustomerFactory(company=company, name="无锡凯旋纺织有限公司", code="W1")
    CustomerFactory(company=company, name="合肥锦程物流有限公司", code="H1")
    response = browser.get("/customers/", {"q": "wxkx"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert "无锡凯旋纺织有限公司" in body and "合肥锦程物流有限公司" not in body


def test_list_filters_and_sorts(browser, company):
    CustomerFactory(company=company, code="A1", name="甲", status="on_hold")
    CustomerFactory(company=company, code="B1", name="乙", status="active")
    CustomerFactory(company=company, code="C1", name="丙", status="on_hold")
    response = browser.get("/customers/", {"status": "on_hold", "sort": "-code"})
    assert [c.code for c in response.context["page"]] == ["C1", "A1"]


def test_the_collector_and_analyst_choices_name_people_not_sign_in_names(browser, company, collector, persona):
    collector.first_name = "王芳"
    collector.save()
    analyst = persona("analyst")
    for url in ("/customers/", "/customers/new/"):
        page = browser.get(url).content.decode()
        assert f'<option value="{collector.pk}">王芳</option>' in page, url
    page = browser.get("/customers/new/").content.decode()
    assert f'<option value="{analyst.pk}">analyst</option>' in page  # no full name: the sign-in name stands in


def test_editing_keeps_a_masked_secret_the_user_left_empty(company, persona):
    customer = CustomerFactory(company=company, bank_account="6222021001123456789")
    analyst = Client()
    analyst.force_login(persona("analyst"))
    page = analyst.get(f"/customers/{customer.pk}/edit/").content.decode()
    assert "6222021001123456789" not in page and "6789" in page
    data = form(company, code=customer.code, name="新名字", uscc=customer.uscc, bank_account="")
    response = analyst.post(f"/customers/{customer.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    customer.refresh_from_db()
    assert customer.name == "新名字" and customer.bank_account == "6222021001123456789"


def test_customer_page_masks_contact_id_numbers_for_a_collector(company, persona):
    customer = CustomerFactory(company=company)
    ContactFactory(customer=customer, id_number="310115198001011234")
    collector = Client()
    collector.force_login(persona("collector"))
    page = collector.get(f"/customers/{customer.pk}/").content.decode()
    assert "310115198001011234" not in page and "•••• 1234" in page


def test_attachment_upload_and_download(browser, company):
    customer = CustomerFactory(company=company)
    pdf = SimpleUploadedFile("licence.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    browser.post(f"/customers/{customer.pk}/attachments/", {"kind": "licence", "file": pdf})
    attachment = CustomerAttachment.objects.get()
    response = browser.get(f"/customers/{customer.pk}/attachments/{attachment.pk}/")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_wrong_type_attachment_shows_a_message_and_stores_nothing(browser, company):
    customer = CustomerFactory(company=company)
    exe = SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00", content_type="application/pdf")
    response = browser.post(f"/customers/{customer.pk}/attachments/", {"kind": "other", "file": exe}, follow=True)
    assert "invoice.pdf is not a PDF, PNG or JPEG file." in response.content.decode()
    assert not CustomerAttachment.objects.exists()
    assert not AuditEvent.objects.filter(action="attachment.add").exists()


def test_review_page_lists_overdue_reviews(browser, company):
    CustomerFactory(company=company, name="待复核客户", next_review_on=dt.date(2020, 1, 1))
    assert "待复核客户" in browser.get("/customers/review/").content.decode()


def test_user_input_is_escaped(browser, company):
    CustomerFactory(company=company, name="<script>alert(1)</script>")
    body = browser.get("/customers/").content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


def test_history_shows_each_changed_field_with_its_label_before_and_after(browser, company):
    browser.post("/customers/new/", form(company, uscc=VALID))
    customer = Customer.objects.get()
    browser.post(f"/customers/{customer.pk}/edit/", form(company, uscc=VALID, name="苏州博远科技有限公司"))
    page = browser.get(f"/customers/{customer.pk}/").content.decode()
    assert "Customer changed" in page
    expected = '<span class="muted">name</span>: <del>苏州博远新材料有限公司</del> → <ins>苏州博远科技有限公司</ins>'
    assert expected in page
