"""Imports read every row, and the dry run refuses exactly what the import would (issue 18)."""

from __future__ import annotations

import io
import threading

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client

from ardesk.accounts.roles import sync_all_roles
from ardesk.accounts.services import token_issue
from ardesk.customers.models import Customer
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.imports import base, formats
from ardesk.ledger.imports.base import ImportReport
from ardesk.ledger.imports.documents import InvoiceImporter
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.models import Allocation, Document
from ardesk.ledger.tests.factories import invoice, receipt
from ardesk.ledger.tests.xlsx_files import Number, xlsx

HEAD = ["number", "customer", "issue_date", "due_date", "currency", "amount"]
CSV_HEAD = ",".join(HEAD) + "\n"


def row(number="A-1", amount="10", issue="2024-01-05", due="2024-02-04", customer="C1"):
    return [number, customer, issue, due, "CNY", amount]


def run(kind, data, company, user, *, dry_run=False, name="f.csv", progress=None):
    data = data.encode() if isinstance(data, str) else data
    return run_import(
        kind=kind,
        handle=io.BytesIO(data),
        file_name=name,
        company=company,
        user=user,
        dry_run=dry_run,
        progress=progress,
    )


def both(kind, data, company, user, name="f.csv"):
    """Check, then import: both must say the same; return the import's problems as (line, field, reason)."""
    check = run(kind, data, company, user, dry_run=True, name=name)
    write = run(kind, data, company, user, name=name)
    assert [(p.line, p.field, p.reason) for p in check.problems] == [
        (p.line, p.field, p.reason) for p in write.problems
    ]
    return [(p.line, p.field, p.reason) for p in write.problems]


@pytest.fixture
def customers(company):
    return [CustomerFactory(company=company, code="C1"), CustomerFactory(company=company, code="C2")]


# Every row is read


def test_an_xlsx_whose_dimension_tag_claims_fewer_rows_loses_none(accountant, company, customers):
    data = xlsx([HEAD, row("A-1"), row("A-2"), row("A-3")], dimension="A1:F2")
    report = run("invoices", data, company, accountant, name="f.xlsx")
    assert report.ok, report.problems
    assert (report.rows, report.created) == (3, 3)
    assert sorted(Document.objects.values_list("number", flat=True)) == ["A-1", "A-2", "A-3"]


def test_an_xlsx_whose_dimension_tag_claims_fewer_columns_loses_none(accountant, company, customers):
    data = xlsx([HEAD, row("A-1", amount="12.34")], dimension="A1:C2")
    report = run("invoices", data, company, accountant, name="f.xlsx")
    assert report.ok, report.problems
    assert Document.objects.get(number="A-1").amount == 1234


def test_a_bad_row_beyond_the_dimension_tag_fails_the_import(accountant, company, customers):
    data = xlsx([HEAD, row("A-1"), row("A-2", customer="NOPE")], dimension="A1:F2")
    report = run("invoices", data, company, accountant, name="f.xlsx")
    assert [(p.line, p.field) for p in report.problems] == [(3, "customer")]
    assert not Document.objects.exists()


# The check and the write accept the same inputs


@pytest.mark.parametrize(
    ("amount", "reason"),
    [
        ("1e30", "Scientific notation (such as 1e5): write the amount out in full."),
        ("1E+300", "Scientific notation (such as 1e5): write the amount out in full."),
        ("1.5e3", "Scientific notation (such as 1e5): write the amount out in full."),
        (
            "1" + "0" * 30,
            "1000000000000000000000000000000 is more than the largest amount the ledger holds, 9999999999999.99.",
        ),
        ("10000000000000", "10000000000000 is more than the largest amount the ledger holds, 9999999999999.99."),
    ],
)
def test_amounts_the_ledger_cannot_hold_are_refused_by_the_check_and_the_import(
    accountant, company, customers, amount, reason
):
    data = CSV_HEAD + ",".join(row(amount=amount)) + "\n"
    assert both("invoices", data, company, accountant) == [(2, "amount", reason)]
    assert not Document.objects.exists()


def test_the_largest_amount_is_imported(accountant, company, customers):
    data = CSV_HEAD + ",".join(row(amount="9999999999999.99")) + "\n"
    assert both("invoices", data, company, accountant) == []
    assert Document.objects.get().amount == 999_999_999_999_999


def test_a_huge_spreadsheet_number_is_refused_as_too_large(accountant, company, customers):
    data = xlsx([HEAD, row(amount=Number("1e+30"))])
    assert both("invoices", data, company, accountant, name="f.xlsx") == [
        (2, "amount", "1E+30 is more than the largest amount the ledger holds, 9999999999999.99.")
    ]


def test_a_nul_in_a_document_number_is_refused_by_the_check_and_the_import(accountant, company, customers):
    data = CSV_HEAD + ",".join(row(number="A\x00-1")) + "\n"
    assert both("invoices", data, company, accountant) == [
        (2, "number", "Contains a NUL character, which cannot be stored.")
    ]


@pytest.mark.parametrize(
    ("issue", "due", "field", "reason"),
    [
        ("1899-12-31", "1900-01-30", "issue_date", "1899-12-31: the year must be between 1900 and 2100."),
        ("2024-01-05", "2101-01-01", "due_date", "2101-01-01: the year must be between 1900 and 2100."),
        ("9999-12-31", "9999-12-31", "issue_date", "9999-12-31: the year must be between 1900 and 2100."),
        ("2024-01-05", "0024/2/4", "due_date", "0024-02-04: the year must be between 1900 and 2100."),
        ("1800年1月5日", "2024-02-04", "issue_date", "1800-01-05: the year must be between 1900 and 2100."),
    ],
)
def test_years_outside_1900_to_2100_are_refused(accountant, company, customers, issue, due, field, reason):
    data = CSV_HEAD + ",".join(row(issue=issue, due=due)) + "\n"
    assert (2, field, reason) in both("invoices", data, company, accountant)


def test_an_xlsx_date_cell_of_1899_is_refused(accountant, company, customers):
    # Excel's day 0 is 1899-12-31 (a blank date formatted as a date)
    data = xlsx([HEAD, ["A-1", "C1", "1899-12-31", "2024-02-04", "CNY", "10"]])
    assert both("invoices", data, company, accountant, name="f.xlsx") == [
        (2, "issue_date", "1899-12-31: the year must be between 1900 and 2100.")
    ]


def test_a_spreadsheet_float_and_a_text_finer_than_the_minor_unit_are_refused_alike(accountant, company, customers):
    sheet = xlsx([HEAD, row(amount=Number("0.30000000000000004"))])
    text = CSV_HEAD + ",".join(row(amount="100.123")) + "\n"
    assert both("invoices", sheet, company, accountant, name="f.xlsx") == [
        (2, "amount", "0.30000000000000004 has more than 2 decimals.")
    ]
    assert both("invoices", text, company, accountant) == [(2, "amount", "100.123 has more than 2 decimals.")]


def test_a_spreadsheet_float_exact_to_the_cent_is_imported(accountant, company, customers):
    assert both("invoices", xlsx([HEAD, row(amount=Number("1234.5"))]), company, accountant, name="f.xlsx") == []
    assert Document.objects.get().amount == 123450


# Headers


def test_a_header_given_twice_is_refused(accountant, company, customers):
    data = "number,customer,issue_date,due_date,currency,amount,amount\nA-1,C1,2024-01-05,2024-02-04,CNY,10,20\n"
    assert both("invoices", data, company, accountant) == [
        (1, "header", "Column amount appears more than once (columns F, G).")
    ]


def test_two_headers_naming_one_field_are_refused(accountant, company, customers):
    data = "number,customer,issue_date,due_date,currency,amount,金额\nA-1,C1,2024-01-05,2024-02-04,CNY,10,20\n"
    assert both("invoices", data, company, accountant) == [
        (1, "header", "Columns F (amount), G (金额) all give amount: keep one.")
    ]


def test_empty_headers_of_unused_columns_are_not_duplicates(accountant, company, customers):
    data = "number,customer,issue_date,due_date,currency,amount,,\nA-1,C1,2024-01-05,2024-02-04,CNY,10,,\n"
    assert both("invoices", data, company, accountant) == []


# Formulas (OWASP's CSV-injection rule, docs/import-formats.md)


@pytest.mark.parametrize(
    ("number", "lead"),
    [('=HYPERLINK("http://x")', "'='"), ("+1", "'+'"), ("-1", "'-'"), ("@SUM(A1)", "'@'")],
)
def test_a_formula_in_a_text_field_is_refused(accountant, company, customers, number, lead):
    data = CSV_HEAD + ",".join(row(number=number)) + "\n"
    assert both("invoices", data, company, accountant) == [
        (2, "number", f"Starts with {lead}, which a spreadsheet would run as a formula.")
    ]


def test_text_with_a_dash_inside_or_a_lone_dash_is_plain_text(accountant, company, customers):
    data = (
        "number,customer,issue_date,due_date,currency,amount,order_ref\n"
        "A-1,C1,2024-01-05,2024-02-04,CNY,10,-\n"
        "A=2,C1,2024-01-05,2024-02-04,CNY,10,SO-1\n"
    )
    assert both("invoices", data, company, accountant) == []
    assert sorted(Document.objects.values_list("order_ref", flat=True)) == ["-", "SO-1"]


def test_a_negative_number_in_a_number_field_is_a_number_not_a_formula(accountant, company, customers):
    data = CSV_HEAD + ",".join(row(amount="-5")) + "\n"
    assert both("invoices", data, company, accountant) == [(2, "amount", "The amount must be positive, not -5.")]


@pytest.mark.parametrize("amount", ["=1+1", "@A1", "-2+3", "+1+cmd"])
def test_a_formula_in_a_number_field_is_refused(accountant, company, customers, amount):
    data = CSV_HEAD + ",".join(row(amount=amount)) + "\n"
    assert both("invoices", data, company, accountant) == [
        (2, "amount", f"Starts with {amount[0]!r}, which a spreadsheet would run as a formula.")
    ]


def test_a_formula_cell_in_an_xlsx_is_refused_not_its_last_value(accountant, company, customers):
    data = xlsx([HEAD, row(amount="=10*2")])
    assert both("invoices", data, company, accountant, name="f.xlsx") == [
        (2, "amount", "Starts with '=', which a spreadsheet would run as a formula.")
    ]


def test_formulas_are_refused_in_receipts_credit_notes_customers_and_allocations(accountant, company, customers):
    for kind in ("receipts", "credit-notes"):
        data = "number,customer,date,currency,amount,invoice\nR-1,C1,2024-01-05,CNY,10,=A1\nR-2,C1,2024-01-05,CNY,=5,\n"
        assert both(kind, data, company, accountant) == [
            (2, "invoice", "Starts with '=', which a spreadsheet would run as a formula."),
            (3, "amount", "Starts with '=', which a spreadsheet would run as a formula."),
        ]
    data = "code,name\nC9,=cmd|' /C calc'!A0\nC8,-\n"
    assert both("customers", data, company, accountant) == [
        (2, "name", "Starts with '=', which a spreadsheet would run as a formula.")
    ]
    assert not Customer.objects.filter(code__in=["C8", "C9"]).exists()
    invoice(accountant, customers[0], "INV-1", "100")
    receipt(accountant, customers[0], "R-1", "100")
    data = "receipt,invoice,amount,date\nR-1,INV-1,@A1,2024-01-05\nR-1,INV-1,1e2,2024-01-05\nR-1,INV-1,10,2101-01-01\n"
    assert sorted(both("allocations", data, company, accountant)) == [
        (2, "amount", "Starts with '@', which a spreadsheet would run as a formula."),
        (3, "amount", "Scientific notation (such as 1e5): write the amount out in full."),
        (4, "date", "2101-01-01: the year must be between 1900 and 2100."),
    ]
    assert not Allocation.objects.exists()


# Imports at the same moment


def test_a_document_entered_while_the_import_runs_makes_a_named_conflict_not_a_crash(
    accountant, company, customers, monkeypatch
):
    monkeypatch.setattr(base, "CHUNK", 2)
    data = CSV_HEAD + "".join(",".join(row(f"A-{n}")) + "\n" for n in range(1, 4))

    def someone_posts_a_3(rows):
        if rows == 2:  # the first chunk is written; the file's A-3 is entered by hand before the next
            invoice(accountant, customers[0], "A-3", "10")

    report = run("invoices", data, company, accountant, progress=someone_posts_a_3)
    assert [(p.line, p.field) for p in report.problems] == [(0, "file")]
    assert "at the same moment" in report.problems[0].reason
    assert not Document.objects.exists()


def test_a_customer_entered_while_the_customer_import_runs_makes_a_named_conflict_not_a_crash(
    accountant, company, monkeypatch
):
    # The reading thread reserves the next chunk's ids while the writer's COPY may already have
    # failed: the conflict is reported, not the aborted transaction the reservation then meets.
    monkeypatch.setattr(base, "CHUNK", 2)
    data = "code,name\n" + "".join(f"K{n},客户{n}号\n" for n in range(1, 9))

    def someone_enters_k3(rows):
        if rows == 2:
            CustomerFactory(company=company, code="K3")

    report = run("customers", data, company, accountant, progress=someone_enters_k3)
    assert [(p.line, p.field) for p in report.problems] == [(0, "file")]
    assert "at the same moment" in report.problems[0].reason
    assert list(Customer.objects.values_list("code", flat=True)) == []


@pytest.mark.django_db(transaction=True)
def test_the_same_file_imported_twice_at_once_is_written_once(company, persona):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; the turn-taking lock is PostgreSQL's")
    sync_all_roles(apps)  # an earlier transactional test's flush removed the role groups the migrations made
    accountant = persona("accountant")
    CustomerFactory(company=company, code="C1")
    data = CSV_HEAD + "".join(",".join(row(f"A-{n}")) + "\n" for n in range(1, 501))
    reports = []
    start = threading.Barrier(2)

    def one_import():
        try:
            start.wait()
            reports.append(run("invoices", data, company, accountant))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one_import) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(report.ok for report in reports), [r.problems for r in reports]
    assert sorted((r.created, r.unchanged) for r in reports) == [(0, 500), (500, 0)]
    assert Document.objects.filter(company=company).count() == 500


@pytest.mark.parametrize("dry_run", ["true", "false"])
@pytest.mark.parametrize("amount", ["1e30", "1e300"])
def test_the_api_answers_a_named_422_for_amounts_it_used_to_crash_on(accountant, company, customers, dry_run, amount):
    _token, raw = token_issue(user=accountant)
    api = Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"})
    data = (CSV_HEAD + ",".join(row(amount=amount)) + "\n").encode()
    response = api.post(
        "/api/v1/ledger/imports/invoices",
        {"file": SimpleUploadedFile("f.csv", data), "company": "SH01", "dry_run": dry_run},
    )
    assert response.status_code == 422
    assert response.json()["problems"] == [
        {"line": 2, "field": "amount", "reason": "Scientific notation (such as 1e5): write the amount out in full."}
    ]


# The fast path takes only what the full checks accept, and reads it the same


VARIANTS = [
    {},
    {"amount": "9999999999999.99"},
    {"amount": "10000000000000"},
    {"amount": "1e3"},
    {"number": "-"},
    {"number": "-1"},
    {"number": "A\x00"},
    {"number": "=1"},
    {"issue_date": "1900-01-01", "due_date": "1900-01-31"},
    {"issue_date": "2100-12-01", "due_date": "2100-12-31"},
    {"due_date": "2101-01-01"},
    {"issue_date": "1899-12-31"},
    {"cost": "0"},
    {"cost": "12.5"},
    {"cost": "1e3"},
    {"order_ref": "=x"},
    {"order_ref": "-"},
    {"external_ref": "@x"},
    {"external_ref": "ERP-1"},
]


@pytest.mark.parametrize("change", VARIANTS)
def test_the_fast_path_accepts_only_what_the_full_checks_accept(accountant, company, customers, change):
    cells = {
        "number": "A-1",
        "customer": "C1",
        "issue_date": "2024-01-05",
        "due_date": "2024-02-04",
        "currency": "CNY",
        "amount": "10",
        "external_ref": "",
        "cost": "",
        "order_ref": "",
        **change,
    }
    headers = list(cells)

    def importer():
        one = InvoiceImporter(company=company, user=accountant, report=ImportReport(kind="invoices", file_name="f"))
        one.positions, _problems = formats.header_map("invoices", headers)
        one.start()
        return one

    fast = importer().plain_invoice(2, list(cells.values()))
    if change in ({}, {"amount": "9999999999999.99"}, {"cost": "12.5"}, {"external_ref": "ERP-1"}):
        assert fast is not None  # plain rows do take the fast path
    full_importer = importer()
    full = full_importer.checked_invoice(2, cells)
    if full is None:
        assert fast is None and full_importer.report.problem_count > 0
    elif fast is not None:
        read = ("number", "customer_id", "issue_on", "due_on", "currency", "minor", "cost", "order_ref", "external_ref")
        assert {k: fast[k] for k in read} == {k: full[k] for k in read}
