from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services
from ardesk.ledger.models import Allocation, Document, ImportJob, PaymentTerm
from ardesk.ledger.tests.factories import invoice, receipt


@pytest.fixture
def web(accountant):
    client = Client()
    client.force_login(accountant)
    client.post("/accounts/language/", {"language": "en"})
    return client


@pytest.fixture
def customer(company):
    return CustomerFactory(company=company, code="C1")


def test_customer_panel_shows_balance_and_overdue_items(web, accountant, customer):
    invoice(accountant, customer, "INV-1", "1200.50", issue_on=dt.date(2024, 1, 1))
    body = web.get(f"/ledger/customers/{customer.pk}/panel/").content.decode()
    assert "1,200.50" in body and "INV-1" in body and 'class="num overdue"' in body


def test_post_an_invoice_from_the_form(web, customer):
    response = web.post(
        f"/ledger/customers/{customer.pk}/documents/new/",
        {
            "doc_type": "invoice",
            "number": "INV-7",
            "issue_on": "2024-03-01",
            "due_on": "2024-03-31",
            "currency": "CNY",
            "amount": "99.90",
        },
    )
    document = Document.objects.get(number="INV-7")
    assert response["Location"] == f"/ledger/documents/{document.pk}/"
    assert "99.90" in web.get(response["Location"]).content.decode()


def test_a_new_document_from_the_ledger_menu_picks_a_customer_of_the_users_companies(
    web, accountant, customer, other_company
):
    CustomerFactory(company=other_company, code="C1X", name="Elsewhere Ltd")
    home = web.get("/ledger/documents/").content.decode()
    assert 'href="/ledger/new-document/"' in home
    found = web.get("/ledger/new-document/", {"q": "C1"})
    assert [c.code for c in found.context["customers"]] == ["C1"]
    form_url = f"/ledger/customers/{customer.pk}/documents/new/"
    assert f'href="{form_url}"' in found.content.decode()
    response = web.post(
        form_url,
        {
            "doc_type": "invoice",
            "number": "INV-M1",
            "issue_on": "2024-03-01",
            "due_on": "2024-03-31",
            "currency": "CNY",
            "amount": "12.00",
        },
    )
    assert response["Location"] == f"/ledger/documents/{Document.objects.get(number='INV-M1', customer=customer).pk}/"


def test_only_who_posts_documents_may_start_one_from_the_menu(client, auditor):
    client.force_login(auditor)
    assert client.get("/ledger/new-document/", {"q": "C1"}).status_code == 403
    assert 'href="/ledger/new-document/"' not in client.get("/ledger/documents/").content.decode()


def test_form_errors_are_shown_and_nothing_is_posted(web, customer):
    response = web.post(
        f"/ledger/customers/{customer.pk}/documents/new/",
        {"doc_type": "invoice", "number": "INV-8", "issue_on": "2024-03-01", "currency": "USD", "amount": "10"},
    )
    assert response.status_code == 200 and "USD/CNY" in response.content.decode()
    assert not Document.objects.exists()


def test_allocate_by_hand_and_undo(web, accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    rec = receipt(accountant, customer, "R-1", "60")
    web.post(f"/ledger/documents/{rec.pk}/allocate/", {"line": inv.lines.get().pk, "amount": "60", "on": "2024-01-02"})
    allocation = Allocation.objects.get()
    assert allocation.amount == 6000
    web.post(f"/ledger/allocations/{allocation.pk}/reverse/", {"next": f"/ledger/documents/{rec.pk}/"})
    assert Allocation.objects.filter(reverses=allocation).exists()


def test_over_allocation_shows_a_message(web, accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    rec = receipt(accountant, customer, "R-1", "500")
    response = web.post(
        f"/ledger/documents/{rec.pk}/allocate/",
        {"line": inv.lines.get().pk, "amount": "150", "on": "2024-01-02"},
        follow=True,
    )
    assert "more than is open" in response.content.decode() and not Allocation.objects.exists()


def test_amounts_in_the_allocation_drop_down_and_its_messages_are_grouped(web, accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "12345.6")
    rec = receipt(accountant, customer, "R-1", "20000")
    page = web.get(f"/ledger/documents/{rec.pk}/").content.decode()
    line = inv.lines.get()
    assert f'<option value="{line.pk}">INV-1 #1 · {line.due_on} · 12,345.60 CNY</option>' in page
    response = web.post(
        f"/ledger/documents/{rec.pk}/allocate/", {"line": line.pk, "amount": "15000", "on": "2024-01-02"}, follow=True
    )
    body = response.content.decode()
    assert "15,000.00 CNY is more than is open on" in body
    assert "(12,345.60)" in body and "(20,000.00)" in body


def test_reverse_from_the_document_page(web, accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    web.post(f"/ledger/documents/{inv.pk}/reverse/", {"on": "2024-01-05", "reason": "duplicate"})
    assert Document.objects.filter(reversal_of=inv).exists()


def test_an_allocation_can_be_undone_from_the_document_page_once(web, accountant, customer):
    inv = invoice(accountant, customer, "INV-1", "100")
    rec = receipt(accountant, customer, "R-1", "100")
    allocation = services.allocation_create(
        by=accountant, source=rec, line=inv.lines.get(), amount="100", on=dt.date(2024, 1, 10)
    )
    undo = f'action="/ledger/allocations/{allocation.pk}/reverse/"'
    assert undo in web.get(f"/ledger/documents/{inv.pk}/").content.decode()
    web.post(f"/ledger/allocations/{allocation.pk}/reverse/", {"next": f"/ledger/documents/{inv.pk}/"})
    assert Allocation.objects.filter(reverses=allocation).count() == 1
    assert undo not in web.get(f"/ledger/documents/{inv.pk}/").content.decode()


def test_the_import_page_names_the_file_formats_in_the_users_language(web):
    web.post("/accounts/language/", {"language": "zh-hans"})
    body = web.get("/ledger/import/").content.decode()
    formats = body[body.index("<ul data-raw>") :]
    assert "<li><strong>贷项通知单</strong>:" in formats and "<li><strong>客户</strong>:" in formats
    assert "<strong>credit-notes</strong>" not in formats and "<strong>customers</strong>" not in formats


def test_import_problems_name_the_column_by_its_label_then_the_files_column(
    web, customer, django_capture_on_commit_callbacks
):
    bad = b"number,customer,issue_date,due_date,currency,amount\nA2,C1,2024-01-01,x,CNY,5\n"
    web.post("/accounts/language/", {"language": "zh-hans"})
    with django_capture_on_commit_callbacks(execute=True):
        response = web.post(
            "/ledger/import/",
            {"kind": "invoices", "company": customer.company_id, "file": SimpleUploadedFile("bad.csv", bad)},
        )
    body = web.get(response["Location"]).content.decode()
    problems = body[body.index('id="problems"') :]
    assert "<td>到期日 (<code>due_date</code>)</td>" in problems
    assert "<td>due_date</td>" not in problems
    missing = b"number,customer,issue_date,currency,amount\nA3,C1,2024-01-01,CNY,5\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = web.post(
            "/ledger/import/",
            {"kind": "invoices", "company": customer.company_id, "file": SimpleUploadedFile("m.csv", missing)},
        )
    body = web.get(response["Location"]).content.decode()
    assert "<td>表头行</td>" in body[body.index('id="problems"') :]


def test_document_list_filters_and_exports(web, accountant, customer):
    invoice(accountant, customer, "INV-1", "100")
    receipt(accountant, customer, "R-1", "60")
    listing = web.get("/ledger/documents/", {"doc_type": "receipt"})
    assert [d.number for d in listing.context["page"]] == ["R-1"]
    csv_text = b"".join(web.get("/ledger/documents/", {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("company,customer") and "INV-1" in csv_text
    xlsx = web.get("/ledger/documents/", {"export": "xlsx"})
    assert xlsx.content[:2] == b"PK"


def test_import_check_names_bad_rows_then_confirm_imports(web, customer, django_capture_on_commit_callbacks):
    header = b"number,customer,issue_date,due_date,currency,amount\n"
    bad = header + b"A1,C1,2024-01-01,2024-01-31,CNY,10\nA2,C9,2024-01-01,x,CNY,5\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = web.post(
            "/ledger/import/",
            {"kind": "invoices", "company": customer.company_id, "file": SimpleUploadedFile("bad.csv", bad)},
        )
    job = ImportJob.objects.get()
    assert response["Location"] == f"/ledger/import/{job.pk}/"
    body = web.get(response["Location"]).content.decode()
    assert 'id="problems"' in body and "C9" in body and not Document.objects.exists()
    good = header + b"A1,C1,2024-01-01,2024-01-31,CNY,10\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = web.post(
            "/ledger/import/",
            {"kind": "invoices", "company": customer.company_id, "file": SimpleUploadedFile("good.csv", good)},
        )
    job = ImportJob.objects.latest("pk")
    assert job.status == "checked" and 'id="import-confirm"' in web.get(response["Location"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        web.post(f"/ledger/import/{job.pk}/confirm/")
    job.refresh_from_db()
    assert job.status == "done" and job.batch is not None
    assert 'id="import-done"' in web.get(f"/ledger/import/{job.pk}/").content.decode()
    assert Document.objects.get().number == "A1"
    response = web.post(f"/ledger/import/{job.pk}/confirm/", follow=True)
    assert "Only a checked file" in response.content.decode() and Document.objects.count() == 1


def test_a_running_import_page_polls_for_progress(web, customer, accountant):
    job = ImportJob.objects.create(
        company=customer.company, kind="invoices", file_name="big.csv", created_by=accountant, status="importing"
    )
    body = web.get(f"/ledger/import/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in body and 'id="import-progress"' in body


def test_terms_and_rates_screens(web):
    web.post(
        "/ledger/terms/",
        {"code": "I2", "name": "30/70", "kind": "instalments", "days": "0", "instalments": "30:30, 70:60"},
    )
    assert [i.days for i in PaymentTerm.objects.get(code="I2").instalments.all()] == [30, 60]
    web.post("/ledger/rates/", {"currency": "USD", "quote_currency": "CNY", "rate_on": "2024-01-01", "rate": "7.1"})
    assert "7.1" in web.get("/ledger/rates/").content.decode()


def test_the_customer_panel_links_to_the_customers_documents(web, accountant, customer, company):
    other = CustomerFactory(company=company, code="C2")
    invoice(accountant, customer, "INV-1", "100")
    invoice(accountant, other, "INV-2", "100")
    panel = web.get(f"/ledger/customers/{customer.pk}/panel/")
    link = f"/ledger/documents/?customer_code=C1&amp;company={company.pk}"
    assert link in panel.content.decode()
    listing = web.get("/ledger/documents/", {"customer_code": "C1", "company": company.pk})
    assert [d.number for d in listing.context["page"]] == ["INV-1"]


def test_the_default_payment_term_is_set_from_the_customer_page_and_used_by_invoices(web, accountant, customer):
    from ardesk.ledger import services
    from ardesk.ledger.tests.factories import net_term

    net_term("N45", 45)
    web.post(f"/ledger/customers/{customer.pk}/payment-term/", {"payment_term": "N45"})
    assert customer.terms.payment_term.code == "N45"
    document = services.document_post(
        by=accountant,
        company=customer.company,
        customer=customer,
        doc_type="invoice",
        number="T-1",
        issue_on=dt.date(2024, 1, 1),
        currency="CNY",
        amount="10",
    )
    assert document.due_on == dt.date(2024, 2, 15)
    assert "selected>N45" in web.get(f"/ledger/customers/{customer.pk}/panel/").content.decode()


def test_the_default_payment_term_over_the_api(accountant, customer):
    import json

    from ardesk.ledger.tests.factories import net_term

    net_term("N30", 30)
    client = Client()
    client.force_login(accountant)
    url = f"/api/v1/ledger/customers/{customer.pk}/payment-term"
    response = client.put(url, data=json.dumps({"payment_term": "N30"}), content_type="application/json")
    assert response.json() == {"customer_id": customer.pk, "payment_term": "N30"}
    response = client.put(url, data=json.dumps({"payment_term": "NOPE"}), content_type="application/json")
    assert response.status_code == 422


def test_the_document_exports_write_a_formula_like_customer_name_as_text(web, accountant, company):
    evil = CustomerFactory(company=company, code="EVIL", name='=HYPERLINK("http://x.example","open")')
    invoice(accountant, evil, "INV-9", "100")  # a formula-like number is refused when posted (document rules)
    csv_text = b"".join(web.get("/ledger/documents/", {"export": "csv"}).streaming_content).decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(csv_text)) if r[1] == "EVIL")
    assert row[2] == "'" + evil.name and row[4] == "INV-9" and row[9] == "100.00"
    sheet = load_workbook(io.BytesIO(web.get("/ledger/documents/", {"export": "xlsx"}).content)).active
    cells = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "EVIL")
    assert (cells[2].value, cells[2].data_type) == (evil.name, "s")
    assert (cells[4].value, cells[4].data_type) == ("INV-9", "s")
    assert cells[9].value == 100 and cells[9].data_type == "n"
