"""Statements of account (对账单): a hand-worked February, its PDF and Excel files, the screens, the command."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from ardesk.core import clock, progress
from ardesk.core.errors import InvalidInput
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services
from ardesk.ledger.models import ExchangeRate
from ardesk.ledger.statement_files import statement_pdf, statement_xlsx, statements_bulk
from ardesk.ledger.statements import (
    AgingBand,
    OpenItem,
    StatementOutOfBalance,
    aging,
    build_section,
    statement,
    statement_json,
)
from ardesk.ledger.tests.factories import credit_note, invoice, receipt

D = Decimal
JAN_10, FEB_1, FEB_5, FEB_12, FEB_20, FEB_29 = (
    dt.date(2024, 1, 10),
    dt.date(2024, 2, 1),
    dt.date(2024, 2, 5),
    dt.date(2024, 2, 12),
    dt.date(2024, 2, 20),
    dt.date(2024, 2, 29),
)
CHINESE_NAME = "杭州星河电子有限公司"


@pytest.fixture
def customer(company):
    return CustomerFactory(company=company, code="C1043", name=CHINESE_NAME, address="杭州市西湖区文三路 90 号")


@pytest.fixture
def february(accountant, customer):
    """January: INV-1 1,000.00 due 9 Feb. February: INV-2 500.00, R-1 800.00 paying INV-1, CN-1 50.00."""
    inv1 = invoice(accountant, customer, "INV-1", "1000.00", issue_on=JAN_10, due_on=dt.date(2024, 2, 9))
    invoice(accountant, customer, "INV-2", "500.00", issue_on=FEB_5, due_on=dt.date(2024, 3, 6))
    r1 = receipt(accountant, customer, "R-1", "800.00", issue_on=FEB_12, reference="INV-1")
    services.allocation_create(by=accountant, source=r1, line=inv1.lines.get(), amount="800.00", on=FEB_12)
    credit_note(accountant, customer, "CN-1", "50.00", issue_on=FEB_20)
    return customer


@pytest.fixture
def with_dollars(accountant, february):
    """A USD invoice of January, still open: its own section, never added to the yuan."""
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2024, 1, 2), rate=D("7.1"))
    invoice(
        accountant,
        february,
        "US-1",
        "100.00",
        issue_on=dt.date(2024, 1, 15),
        due_on=dt.date(2024, 2, 14),
        currency="USD",
    )
    return february


def february_statement(customer):
    return statement(customer=customer, date_from=FEB_1, date_to=FEB_29)


# --- the figures ------------------------------------------------------------------------------


def test_february_runs_from_the_january_invoice_to_650(february):
    (cny,) = february_statement(february).sections
    assert cny.currency == "CNY"
    assert cny.opening == D("1000.00")
    lines = [(m.on, m.kind, m.number, m.debit, m.credit, m.balance) for m in cny.movements]
    assert lines == [
        (FEB_5, "document", "INV-2", D("500.00"), D(0), D("1500.00")),
        (FEB_12, "document", "R-1", D(0), D("800.00"), D("700.00")),
        (FEB_12, "allocation", "R-1", D(0), D(0), None),
        (FEB_20, "document", "CN-1", D(0), D("50.00"), D("650.00")),
    ]
    assert cny.total_debit == D("500.00") and cny.total_credit == D("850.00")
    assert cny.closing == D("650.00") == cny.opening + cny.total_debit - cny.total_credit


def test_an_allocation_is_listed_but_does_not_move_the_balance(february):
    (cny,) = february_statement(february).sections
    allocation = next(m for m in cny.movements if m.is_allocation)
    assert (allocation.number, allocation.reference, allocation.allocated) == ("R-1", "INV-1", D("800.00"))
    assert allocation.memo == "R-1 allocated to INV-1: 800.00 CNY"
    receipt_line = next(m for m in cny.movements if m.number == "R-1" and not m.is_allocation)
    assert receipt_line.memo == "For INV-1"


def test_open_items_at_the_end_of_february_age_from_their_due_dates(february):
    (cny,) = february_statement(february).sections
    items = [(i.number, i.due_on, i.days_past_due, i.open_amount) for i in cny.open_items]
    assert items == [
        ("INV-1", dt.date(2024, 2, 9), 20, D("200.00")),  # 29 Feb (a leap year) less 9 Feb
        ("INV-2", dt.date(2024, 3, 6), 0, D("500.00")),  # not yet due
        ("CN-1", None, 0, D("-50.00")),  # an unallocated credit note
    ]
    assert cny.open_total == cny.closing == D("650.00")
    assert cny.overdue_total == D("200.00")
    bands = {band.key: band.amount for band in cny.aging}
    assert bands == {
        "current": D("500.00"),
        "1-30": D("200.00"),
        "31-60": D(0),
        "61-90": D(0),
        "over-90": D(0),
        "credits": D("-50.00"),
    }


def test_each_currency_has_its_own_section(with_dollars):
    cny, usd = february_statement(with_dollars).sections
    assert cny.currency == "CNY" and cny.closing == D("650.00")
    assert (usd.currency, usd.opening, usd.movements, usd.closing) == ("USD", D("100.00"), (), D("100.00"))
    assert [(i.number, i.days_past_due, i.open_amount) for i in usd.open_items] == [("US-1", 15, D("100.00"))]


def test_the_opening_balance_is_the_balance_of_the_day_before(accountant, customer):
    invoice(accountant, customer, "INV-0", "10.00", issue_on=dt.date(2024, 1, 31))
    invoice(accountant, customer, "INV-1", "20.00", issue_on=FEB_1)
    (cny,) = february_statement(customer).sections
    assert cny.opening == D("10.00") and [m.number for m in cny.movements] == ["INV-1"]


def test_a_reversal_in_the_period_is_a_movement_that_names_the_original(accountant, february):
    original = invoice(accountant, february, "INV-3", "70.00", issue_on=FEB_5)
    services.document_reverse(by=accountant, document=original, on=FEB_20, reason="wrong price")
    (cny,) = february_statement(february).sections
    reversal = next(m for m in cny.movements if m.reverses == "INV-3")
    assert reversal.credit == D("70.00") and reversal.memo == "Reverses INV-3 · wrong price"
    assert cny.closing == D("650.00") and "INV-3" not in [i.number for i in cny.open_items]


def test_a_customer_without_anything_has_an_empty_statement(customer):
    assert february_statement(customer).is_empty


def test_a_period_that_ends_before_it_starts_is_refused(customer):
    with pytest.raises(InvalidInput):
        statement(customer=customer, date_from=FEB_29, date_to=FEB_1)


def test_a_statement_costs_the_same_queries_however_many_documents(accountant, february, django_assert_num_queries):
    for n in range(20):
        invoice(accountant, february, f"X-{n}", "1.00", issue_on=FEB_20)
    with django_assert_num_queries(5):
        february_statement(february)


def test_aging_bands_add_up_to_the_open_total():
    items = [
        OpenItem("invoice", f"I{days}", 1, FEB_1, FEB_1, days, D("10.00"))
        for days in (0, 1, 30, 31, 60, 61, 90, 91, 400)
    ] + [OpenItem("receipt", "R", 1, FEB_1, None, 0, D("-5.00"))]
    bands = aging(items)
    assert [b.amount for b in bands] == [D(10), D(20), D(20), D(20), D(20), D(-5)]
    assert sum(b.amount for b in bands) == sum(i.open_amount for i in items)
    assert AgingBand("over-90", 91, None, D(0)).label == "Over 90 days"


def test_a_section_whose_movements_do_not_reach_the_closing_balance_is_refused():
    document = {
        "id": 1,
        "issue_on": FEB_5,
        "doc_type": "invoice",
        "number": "INV-2",
        "amount": 50000,
        "reference": "",
        "description": "",
        "reversal_of__number": None,
    }
    with pytest.raises(StatementOutOfBalance, match="opening 1,000.00 plus the movements gives 1,500.00"):
        build_section(
            currency="CNY",
            opening_minor=100000,
            closing_minor=140000,
            documents=[document],
            allocations=[],
            open_lines=[],
            open_credits=[],
            as_of=FEB_29,
        )


def test_json_has_amounts_as_strings_next_to_their_currency(with_dollars):
    data = statement_json(february_statement(with_dollars))
    cny, usd = data["sections"]
    assert cny["opening_balance"] == {"amount": "1000.00", "currency": "CNY"}
    assert cny["closing_balance"] == {"amount": "650.00", "currency": "CNY"}
    assert cny["movements"][2] == {
        "date": "2024-02-12",
        "kind": "allocation",
        "source_type": "receipt",
        "source": "R-1",
        "invoice": "INV-1",
        "amount": {"amount": "800.00", "currency": "CNY"},
    }
    assert usd["open_items"][0]["days_past_due"] == 15
    json.dumps(data, ensure_ascii=False)


# --- PDF and Excel ----------------------------------------------------------------------------


def pdf_text(data: bytes, tmp_path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    path = tmp_path / "statement.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


@pytest.mark.parametrize(("language", "title"), [("zh-hans", "对账单"), ("en", "Statement of account")])
def test_the_pdf_shows_the_chinese_name_and_the_figures_in_both_languages(with_dollars, tmp_path, language, title):
    data = statement_pdf(february_statement(with_dollars), language)
    assert data.startswith(b"%PDF") and len(data) > 1024
    text = pdf_text(data, tmp_path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the text of the PDF is not checked")
    with translation.override(language):
        # Two currencies fill the first page; the confirmation slip, kept in one piece, takes the second.
        labels = [_("Opening balance"), _("Closing balance"), _("Page %(page)d of %(pages)d") % {"page": 1, "pages": 2}]
    for word in [title, CHINESE_NAME, "星辰实业（上海）有限公司", "650.00", "1,000.00", "USD", "2024-02-29", *labels]:
        assert word in text, word


def test_a_long_statement_runs_over_pages_with_page_numbers(accountant, customer, tmp_path):
    for n in range(80):
        invoice(accountant, customer, f"INV-{n:03}", "10.00", issue_on=FEB_5, description="货款" * 10)
    data = statement_pdf(february_statement(customer), "en")
    text = pdf_text(data, tmp_path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = text.count("\f")
    assert pages > 2 and "Page 1 of" in text and f"Page {pages} of {pages}" in text
    assert text.split("\f")[1].lstrip().startswith(f"{customer.company.name} · C1043 {CHINESE_NAME} · 2024-02-01")
    assert "800.00" in text  # the closing balance, on the last page of the movements


def test_the_excel_file_has_a_sheet_per_currency_with_the_figures(with_dollars):
    book = load_workbook(io.BytesIO(statement_xlsx(february_statement(with_dollars), "en")))
    assert book.sheetnames == ["CNY", "USD"]
    sheet = book["CNY"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    opening = next(r for r in rows if r[1] == "Opening balance")
    closing = next(r for r in rows if r[1] == "Closing balance")
    assert opening[0] == dt.datetime(2024, 2, 1) and D(str(opening[6])) == D("1000.00")
    assert closing[0] == dt.datetime(2024, 2, 29) and D(str(closing[6])) == D("650.00")
    balances = [D(str(r[6])) for r in rows if r[2] in ("INV-2", "R-1", "CN-1") and r[6] is not None]
    assert balances == [D("1500.00"), D("700.00"), D("650.00")]
    inv1 = next(r for r in rows if r[1] == "INV-1")
    assert inv1[3] == dt.datetime(2024, 2, 9) and inv1[4] == 20 and D(str(inv1[5])) == D("200.00")
    amount_cell = next(row for row in sheet.iter_rows() if row[1].value == "Closing balance")[6]
    assert amount_cell.number_format == "#,##0.00" and amount_cell.data_type == "n"
    assert sheet.cell(row=4, column=1).value == "Period" and sheet["C3"].value == CHINESE_NAME


def test_the_excel_file_speaks_chinese_when_asked(february):
    book = load_workbook(io.BytesIO(statement_xlsx(february_statement(february), "zh-hans")))
    values = {cell.value for row in book["CNY"].iter_rows() for cell in row}
    assert "对账单" in values and CHINESE_NAME in values


# --- the screens ------------------------------------------------------------------------------


@pytest.fixture
def urls(settings):
    settings.ROOT_URLCONF = "ardesk.ledger.tests.statement_test_urls"


def signed_in(user):
    client = Client()
    client.force_login(user)
    client.post("/accounts/language/", {"language": "en"})
    return client


def test_the_statement_page_defaults_to_this_month_up_to_today(urls, accountant, february, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: FEB_29)
    response = signed_in(accountant).get(f"/ledger/customers/{february.pk}/statement/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="2024-02-01"' in body and 'value="2024-02-29"' in body
    assert 'data-opening="CNY">1,000.00 CNY' in body and 'data-closing="CNY">650.00 CNY' in body
    assert "R-1 allocated to INV-1: 800.00 CNY" in body
    assert "statement.pdf?date_from=2024-02-01&amp;date_to=2024-02-29&amp;language=en" in body


def test_the_statement_page_takes_a_period(urls, accountant, february):
    response = signed_in(accountant).get(
        f"/ledger/customers/{february.pk}/statement/", {"date_from": "2024-01-01", "date_to": "2024-01-31"}
    )
    assert response.status_code == 200 and 'data-closing="CNY">1,000.00 CNY' in response.content.decode()


def test_a_reversed_period_shows_the_form_error(urls, accountant, february):
    response = signed_in(accountant).get(
        f"/ledger/customers/{february.pk}/statement.pdf", {"date_from": "2024-03-01", "date_to": "2024-02-01"}
    )
    assert response.status_code == 400 and "The period starts after it ends." in response.content.decode()


def test_pdf_and_excel_downloads(urls, accountant, february):
    client = signed_in(accountant)
    period = {"date_from": "2024-02-01", "date_to": "2024-02-29", "language": "zh-hans"}
    pdf = client.get(f"/ledger/customers/{february.pk}/statement.pdf", period)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert 'filename="statement-C1043-20240201-20240229.pdf"' in pdf["Content-Disposition"]
    xlsx = client.get(f"/ledger/customers/{february.pk}/statement.xlsx", period)
    assert xlsx.status_code == 200 and "对账单" in str(load_workbook(io.BytesIO(xlsx.content))["CNY"]["A2"].value)


@pytest.mark.parametrize("name", ["accountant", "analyst", "collector", "manager", "auditor"])
def test_every_role_with_ledger_access_sees_statements(urls, persona, february, name):
    assert signed_in(persona(name)).get(f"/ledger/customers/{february.pk}/statement/").status_code == 200


@pytest.mark.parametrize("suffix", ["statement/", "statement.pdf", "statement.xlsx"])
def test_an_administrator_without_ledger_access_is_refused(urls, administrator, february, suffix):
    assert signed_in(administrator).get(f"/ledger/customers/{february.pk}/{suffix}").status_code == 403


@pytest.mark.parametrize("suffix", ["statement/", "statement.pdf", "statement.xlsx"])
def test_a_customer_of_a_company_not_granted_is_not_found(urls, accountant, other_company, suffix):
    stranger = CustomerFactory(company=other_company)
    assert signed_in(accountant).get(f"/ledger/customers/{stranger.pk}/{suffix}").status_code == 404


# --- in bulk and from the command line --------------------------------------------------------


def test_bulk_writes_a_pdf_for_each_customer_with_a_balance_or_a_movement(accountant, company, february, tmp_path):
    settled = CustomerFactory(company=company, code="C2")  # paid in full in February: a movement, no balance
    invoice(accountant, settled, "S-1", "10.00", issue_on=JAN_10)
    r = receipt(accountant, settled, "S-R", "10.00", issue_on=FEB_5)
    services.allocation_auto(by=accountant, source=r, on=FEB_5)
    quiet = CustomerFactory(company=company, code="C3")  # settled in January: nothing to say in February
    invoice(accountant, quiet, "Q-1", "10.00", issue_on=JAN_10)
    receipt(accountant, quiet, "Q-R", "10.00", issue_on=JAN_10)
    CustomerFactory(company=company, code="C4")  # never bought anything
    calls = []
    paths = statements_bulk(
        company=company,
        date_from=FEB_1,
        date_to=FEB_29,
        out_dir=tmp_path / "out",
        language="zh-hans",
        progress=lambda done, total: calls.append((done, total)),
    )
    assert [p.name for p in paths] == ["statement-C1043-20240201-20240229.pdf", "statement-C2-20240201-20240229.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths)
    assert calls == [(0, 2), (1, 2), (2, 2)]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_command_draws_its_progress_on_a_terminal_and_writes_the_files(february, company, tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "EVERY", 0)
    out, screen = io.StringIO(), Terminal()
    folder = tmp_path / "statements"
    call_command(
        "statements", "--company", "SH01", "--from", "2024-02-01", "--to", "2024-02-29", "--out", str(folder),
        "--format", "xlsx", "--language", "en", stdout=out, stderr=screen,
    )  # fmt: skip
    assert "100%  1/1" in screen.getvalue() and screen.getvalue().endswith("\n")
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and "1 statements (xlsx, en)" in lines[0]
    assert [p.name for p in folder.iterdir()] == ["statement-C1043-20240201-20240229.xlsx"]


def test_the_command_prints_one_statement_as_json(february):
    out = io.StringIO()
    call_command(
        "statements", "--company", "SH01", "--customer", "C1043", "--from", "2024-02-01", "--to", "2024-02-29",
        "--format", "json", stdout=out,
    )  # fmt: skip
    data = json.loads(out.getvalue())
    assert data["customer"] == {"code": "C1043", "name": CHINESE_NAME}
    assert data["sections"][0]["closing_balance"] == {"amount": "650.00", "currency": "CNY"}


def test_the_excel_statement_writes_a_formula_like_name_as_text(february):
    february.name = '=HYPERLINK("http://x.example","open")'
    february.save()
    sheet = load_workbook(io.BytesIO(statement_xlsx(february_statement(february), "en")))["CNY"]
    assert (sheet["C3"].value, sheet["C3"].data_type) == (february.name, "s")
    closing = next(row for row in sheet.iter_rows() if row[1].value == "Closing balance")[6]
    assert closing.value == 650 and closing.data_type == "n"


def test_the_pdf_ends_with_the_bank_account_and_a_confirmation_slip_for_the_closing_balance(with_dollars, tmp_path):
    company = with_dollars.company
    company.bank_name, company.bank_account_name = "中国工商银行上海张江支行", "星辰实业（上海）有限公司"
    company.bank_account_number = "1001 2345 6789"
    company.save()
    text = pdf_text(statement_pdf(february_statement(with_dollars), "en"), tmp_path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the text of the PDF is not checked")
    flat = " ".join(text.split())
    assert "Please pay to" in flat and "Account number 1001 2345 6789" in flat
    assert "Balance confirmation (please return)" in flat
    # The closing balance of each currency as of the last day: 650.00 CNY, and the January dollars.
    assert "as of 2024-02-29 is 650.00 CNY; 100.00 USD." in flat
    assert "does not agree with our records; the differences are:" in flat
    assert "Company seal" in flat and "Authorised signature" in flat
