from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ardesk.audit.models import AuditEvent
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.customers import selectors, services
from ardesk.customers.domain import make_uscc
from ardesk.customers.models import Contact, Customer, CustomerAttachment, CustomerStatusChange
from ardesk.customers.tests.factories import CustomerFactory

VALID = make_uscc("91", "310115", "MA1K4E7P")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def create(by, company, **extra):
    data = {"code": "C1001", "name": "上海宏达机械有限公司", "uscc": VALID, **extra}
    return services.customer_create(by=by, company=company, **data)


def test_customer_is_created_with_its_status_row_and_an_audit_event(accountant, company):
    customer = create(accountant, company, registered_capital=Decimal("5000000.00"))
    assert customer.registered_capital == 500000000
    assert selectors.registered_capital_amount(customer) == Decimal("5000000.00")
    assert CustomerStatusChange.objects.filter(customer=customer, to_status="active").exists()
    event = AuditEvent.objects.get(action="customer.create")
    assert event.actor == accountant and event.object_id == str(customer.pk)
    assert event.after["name"] == "上海宏达机械有限公司"


def test_invalid_credit_code_is_refused_and_nothing_is_saved(accountant, company):
    with pytest.raises(InvalidInput) as caught:
        create(accountant, company, uscc=VALID[:17] + ("0" if VALID[17] != "0" else "1"))
    assert "uscc" in caught.value.errors
    assert not Customer.objects.exists()
    assert not AuditEvent.objects.filter(action="customer.create").exists()


def test_duplicate_code_is_refused_naming_the_existing_customer(accountant, company):
    existing = create(accountant, company)
    with pytest.raises(InvalidInput) as caught:
        create(accountant, company, name="另一家公司", uscc="")
    assert str(existing) in caught.value.errors["code"][0]


def test_duplicate_credit_code_is_refused_naming_the_existing_customer(accountant, company):
    existing = create(accountant, company)
    with pytest.raises(InvalidInput) as caught:
        create(accountant, company, code="C2002", name="重复公司", uscc=VALID.lower())
    assert str(existing) in caught.value.errors["uscc"][0]


def test_same_code_may_exist_in_another_company(accountant, company, other_company):
    from ardesk.companies.models import CompanyGrant

    CompanyGrant.objects.create(user=accountant, company=other_company)
    create(accountant, company)
    assert create(accountant, other_company).company == other_company


def test_every_problem_is_reported_at_once(accountant, company):
    with pytest.raises(InvalidInput) as caught:
        services.customer_create(
            by=accountant, company=company, code="", name="", uscc="123", currency="XX", industry="Z"
        )
    assert {"code", "uscc", "currency", "name", "industry"} <= set(caught.value.errors)


def test_user_without_access_to_the_company_cannot_create(persona, company, other_company):
    accountant = persona("accountant")
    with pytest.raises(NotPermitted):
        create(accountant, other_company)


def test_role_without_add_permission_cannot_create(collector, company):
    with pytest.raises(NotPermitted):
        create(collector, company)


def test_update_records_only_changed_fields_before_and_after(accountant, company):
    customer = create(accountant, company)
    services.customer_update(by=accountant, customer=customer, name="上海宏达重工有限公司", address="浦东新区")
    event = AuditEvent.objects.filter(action="customer.update").get()
    assert event.before == {"address": "", "name": "上海宏达机械有限公司"}
    assert event.after == {"address": "浦东新区", "name": "上海宏达重工有限公司"}


def test_update_without_changes_records_nothing(accountant, company):
    customer = create(accountant, company)
    services.customer_update(by=accountant, customer=customer, name=customer.name)
    assert not AuditEvent.objects.filter(action="customer.update").exists()


def test_bank_account_is_encrypted_at_rest_and_never_in_clear_in_the_audit_trail(accountant, company):
    from django.db import connection

    customer = create(accountant, company, bank_account="6222021001123456789")
    with connection.cursor() as cursor:
        cursor.execute("SELECT bank_account FROM customers_customer WHERE id = %s", [customer.pk])
        stored = cursor.fetchone()[0]
    assert "6222021001123456789" not in stored
    assert Customer.objects.get(pk=customer.pk).bank_account == "6222021001123456789"
    event = AuditEvent.objects.get(action="customer.create")
    assert "6222021001123456789" not in str(event.after)
    assert event.after["bank_account"].startswith("sha256:")


def test_sensitive_values_are_masked_for_roles_without_the_permission(accountant, collector, company):
    assert selectors.shown_secret(accountant, "6222021001123456789") == "6222021001123456789"
    assert selectors.shown_secret(collector, "6222021001123456789") == "•••• 6789"


def test_parent_must_not_create_a_cycle(accountant, company):
    parent = create(accountant, company)
    child = create(accountant, company, code="C1002", name="子公司", uscc="", parent=parent.pk)
    with pytest.raises(InvalidInput) as caught:
        services.customer_update(by=accountant, customer=parent, parent=child.pk)
    assert "parent" in caught.value.errors


def test_parent_must_belong_to_the_same_company(accountant, company, other_company):
    foreign = CustomerFactory(company=other_company)
    with pytest.raises(InvalidInput) as caught:
        create(accountant, company, parent=foreign.pk)
    assert "parent" in caught.value.errors


def test_status_change_needs_a_reason_and_is_kept_as_a_row(accountant, company):
    customer = create(accountant, company)
    with pytest.raises(InvalidInput):
        services.customer_status_change(by=accountant, customer=customer, status="on_hold")
    services.customer_status_change(by=accountant, customer=customer, status="on_hold", reason="逾期90天")
    customer.refresh_from_db()
    assert customer.status == "on_hold"
    change = CustomerStatusChange.objects.filter(customer=customer).first()
    assert (change.from_status, change.to_status, change.reason) == ("active", "on_hold", "逾期90天")


def test_status_cannot_be_changed_through_an_ordinary_update(accountant, company):
    customer = create(accountant, company)
    with pytest.raises(InvalidInput):
        services.customer_update(by=accountant, customer=customer, status="blocked")


def test_contacts_need_a_phone_or_email_and_their_changes_appear_in_the_customer_history(accountant, company):
    customer = create(accountant, company)
    with pytest.raises(InvalidInput):
        services.contact_create(by=accountant, customer=customer, name="王伟")
    contact = services.contact_create(
        by=accountant, customer=customer, name="王伟", phone="13800138000", id_number="310115198001011234"
    )
    services.contact_update(by=accountant, contact=contact, phone="13900139000")
    actions = list(selectors.customer_history(customer=customer).values_list("action", flat=True))
    assert actions[:2] == ["contact.update", "contact.create"]
    assert Contact.objects.get(pk=contact.pk).id_number == "310115198001011234"


def test_only_one_primary_contact(accountant, company):
    customer = create(accountant, company)
    first = services.contact_create(by=accountant, customer=customer, name="甲", phone="1", is_primary=True)
    services.contact_create(by=accountant, customer=customer, name="乙", phone="2", is_primary=True)
    first.refresh_from_db()
    assert not first.is_primary


def test_attachment_is_stored_and_recorded(accountant, company):
    customer = create(accountant, company)
    upload = SimpleUploadedFile("营业执照.pdf", PDF, content_type="application/pdf")
    attachment = services.attachment_add(by=accountant, customer=customer, upload=upload, kind="licence")
    assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
    assert attachment.file.storage.exists(attachment.file.name)


def test_attachment_type_is_judged_by_content_not_name(accountant, company):
    customer = create(accountant, company)
    upload = SimpleUploadedFile("contract.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(InvalidInput) as caught:
        services.attachment_add(by=accountant, customer=customer, upload=upload)
    assert "contract.pdf" in caught.value.errors["file"][0]
    assert not CustomerAttachment.objects.exists()


def test_oversize_attachment_is_refused(accountant, company, settings):
    settings.ARDESK_ATTACHMENT_MAX_BYTES = 20
    customer = create(accountant, company)
    with pytest.raises(InvalidInput) as caught:
        services.attachment_add(by=accountant, customer=customer, upload=SimpleUploadedFile("big.png", PNG))
    assert "MB" in caught.value.errors["file"][0]
    assert not CustomerAttachment.objects.exists()


def test_review_list_shows_customers_due_by_the_date(accountant, company):
    today = dt.date(2026, 11, 23)
    due = CustomerFactory(company=company, next_review_on=today - dt.timedelta(days=3))
    CustomerFactory(company=company, next_review_on=today + dt.timedelta(days=60))
    CustomerFactory(company=company, next_review_on=today - dt.timedelta(days=3), status="closed")
    assert list(selectors.customers_due_for_review(user=accountant, as_of=today)) == [due]
    assert selectors.customers_due_for_review(user=accountant, as_of=today, within_days=90).count() == 2


def test_search_matches_name_code_credit_code_and_pinyin(accountant, company):
    target = create(accountant, company)
    CustomerFactory(company=company, name="北京远洋物流有限公司")
    for query in ("宏达", "c1001", VALID.lower(), "shanghaihongda", "shhd"):
        found = selectors.customer_list(user=accountant, filters=selectors.CustomerFilters(q=query))
        assert list(found) == [target], query


def test_list_shows_only_granted_companies(accountant, company, other_company):
    CustomerFactory(company=company)
    CustomerFactory(company=other_company)
    assert {c.company_id for c in selectors.customer_list(user=accountant, filters=selectors.CustomerFilters())} == {
        company.pk
    }
