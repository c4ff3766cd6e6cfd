from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from ardesk.audit.models import AuditEvent
from ardesk.customers.models import Customer
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import integrity, selectors
from ardesk.ledger.imports import formats
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.models import Allocation, Document, DueLine, ExchangeRate

INVOICES = """number,customer,issue_date,due_date,currency,amount,external_ref,cost
INV-1,C1,2024-01-05,2024-02-04,CNY,"1,200.50",ERP-1,900
INV-2,C1,2024/1/6,2024/2/5,CNY,300,,
INV-3,C2,2024年1月7日,2024年2月6日,CNY,99.99,,
"""

# A later-dated receipt imported first, then receipts paying INV-1 over several chunks, out of date
# order (R-5 takes the last 100.00 and leaves 0.50 unapplied), INV-2 finished and INV-3 in part.
EARLIER_RECEIPT = "number,customer,date,currency,amount,invoice\nR-0,C1,2024-03-10,CNY,100,INV-2\n"
RECEIPTS_OVER_CHUNKS = """number,customer,date,currency,amount,invoice
R-1,C1,2024-02-20,CNY,200,INV-2
R-2,C1,2024-02-01,CNY,200.50,INV-1
R-3,C1,2024-02-03,CNY,900,INV-1
R-4,C2,2024-02-04,CNY,50,INV-3
R-5,C1,2024-02-02,CNY,100.50,INV-1
"""


def run(kind, text, company, user, *, encoding="utf-8", dry_run=False, name="file.csv"):
    data = text.encode(encoding) if isinstance(text, str) else text
    return run_import(kind=kind, handle=io.BytesIO(data), file_name=name, company=company, user=user, dry_run=dry_run)


@pytest.fixture
def customers(company):
    return [CustomerFactory(company=company, code="C1"), CustomerFactory(company=company, code="C2")]


def test_invoices_import_with_every_date_form(accountant, company, customers):
    report = run("invoices", INVOICES, company, accountant)
    assert report.ok, report.problems
    assert (report.rows, report.created) == (3, 3)
    assert Document.objects.get(number="INV-1").amount == 120050
    assert DueLine.objects.get(document__number="INV-3").due_on == dt.date(2024, 2, 6)
    assert AuditEvent.objects.filter(action="import.run").count() == 1


def test_reimporting_the_same_file_changes_nothing_and_says_so(accountant, company, customers):
    run("invoices", INVOICES, company, accountant)
    again = run("invoices", INVOICES, company, accountant)
    assert again.ok and (again.created, again.unchanged, again.written) == (0, 3, False)
    assert Document.objects.count() == 3


def test_a_changed_posted_document_is_a_conflict_not_overwritten(accountant, company, customers):
    run("invoices", INVOICES, company, accountant)
    report = run("invoices", INVOICES.replace("99.99", "199.99"), company, accountant)
    assert not report.ok and report.problems[0].line == 4 and "Conflict" in report.problems[0].reason
    assert Document.objects.get(number="INV-3").amount == 9999


def test_chinese_headers_and_gbk_encoding(accountant, company, customers):
    text = "发票号,客户编码,开票日期,到期日,币种,金额\nG-1,C1,2024/3/5,2024/4/4,人民币,88.00\n"
    report = run("invoices", text, company, accountant, encoding="gbk")
    assert report.ok, report.problems
    assert Document.objects.get(number="G-1").currency == "CNY"


def test_utf8_with_bom(accountant, company, customers):
    report = run("invoices", "\ufeff" + INVOICES, company, accountant, encoding="utf-8")
    assert report.ok and report.created == 3


def test_xlsx_with_real_date_cells(accountant, company, customers):
    book = Workbook()
    sheet = book.active
    sheet.append(["number", "customer", "issue_date", "due_date", "currency", "amount"])
    sheet.append(["X-1", "C2", dt.datetime(2024, 5, 1), dt.datetime(2024, 5, 31), "CNY", 1234.5])
    buffer = io.BytesIO()
    book.save(buffer)
    report = run("invoices", buffer.getvalue(), company, accountant, name="x.xlsx")
    assert report.ok, report.problems
    assert Document.objects.get(number="X-1").amount == 123450


def test_the_invoice_medium_is_read_in_either_language_and_a_wrong_one_is_named(accountant, company, customers):
    text = (
        "发票号,客户编码,开票日期,到期日,币种,金额,发票介质\n"
        "M-1,C1,2024/3/5,2024/4/4,CNY,10,电子发票\n"
        "M-2,C1,2024/3/5,2024/4/4,CNY,10,纸质\n"
        "M-3,C2,2024/3/5,2024/4/4,CNY,10,\n"
    )
    report = run("invoices", text, company, accountant)
    assert report.ok, report.problems
    assert dict(Document.objects.values_list("number", "medium")) == {"M-1": "electronic", "M-2": "paper", "M-3": ""}
    with_medium = INVOICES.replace(",cost\n", ",cost,medium\n").replace(",900\n", ",900,fax\n")
    bad = run("invoices", with_medium, company, accountant)
    assert not bad.ok and [(p.line, p.field) for p in bad.problems] == [(2, "medium")]
    assert "'fax' is not an invoice medium" in bad.problems[0].reason
    assert not Document.objects.filter(number="INV-1").exists()


def test_every_bad_row_is_named_and_nothing_is_written(accountant, company, customers):
    bad = """number,customer,issue_date,due_date,currency,amount
B-1,C1,2024-01-05,2024-02-04,CNY,100
B-2,NOPE,2024-01-05,2024-02-04,CNY,100
B-3,C1,2024-13-45,2024-02-04,CNY,100
B-4,C1,2024-01-05,2024-02-04,CNY,-5
B-1,C1,2024-01-05,2024-02-04,CNY,100
B-6,C1,2024-01-05,2024-02-04,XX1,100
B-7,C1,2024-01-05,2024-01-01,CNY,100
"""
    report = run("invoices", bad, company, accountant)
    assert not report.ok
    found = {(p.line, p.field) for p in report.problems}
    assert {(3, "customer"), (4, "issue_date"), (5, "amount"), (6, "number"), (7, "currency"), (8, "due_date")} <= found
    assert not Document.objects.exists() and not AuditEvent.objects.filter(action="import.run").exists()


def test_missing_column_is_reported(accountant, company, customers):
    report = run("invoices", "number,customer,issue_date,currency,amount\nA,C1,2024-01-01,CNY,1\n", company, accountant)
    assert not report.ok and report.problems[0].field == "header" and "due_date" in report.problems[0].reason


def test_a_file_in_an_unknown_encoding_is_refused(accountant, company, customers):
    report = run("invoices", b"number,customer\n\xff\xfe\xfa\xfb\x81\x30\n", company, accountant)
    assert not report.ok


def test_dry_run_writes_nothing(accountant, company, customers):
    report = run("invoices", INVOICES, company, accountant, dry_run=True)
    assert report.ok and report.created == 3 and not Document.objects.exists()


def test_foreign_currency_needs_a_rate(accountant, company, customers):
    text = "number,customer,issue_date,due_date,currency,amount\nU-1,C1,2024-01-05,2024-02-04,USD,100\n"
    report = run("invoices", text, company, accountant)
    assert not report.ok and report.problems[0].field == "currency"
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2024, 1, 1), rate="7.1")
    assert run("invoices", text, company, accountant).ok
    assert Document.objects.get(number="U-1").functional_amount == 71000


def test_receipts_naming_an_invoice_are_allocated_to_it(accountant, company, customers):
    run("invoices", INVOICES, company, accountant)
    receipts = """number,customer,date,currency,amount,invoice
R-1,C1,2024-02-01,CNY,1000.50,INV-1
R-2,C1,2024-02-02,CNY,500,INV-1
R-3,C1,2024-02-03,CNY,50,
"""
    report = run("receipts", receipts, company, accountant)
    assert report.ok, report.problems
    open_lines = {
        line.document.number: line.open_amount
        for line in selectors.open_lines(as_of=dt.date(2024, 3, 1), customer_ids=[customers[0].pk]).select_related(
            "document"
        )
    }
    assert open_lines == {"INV-2": 30000}
    unapplied = sorted(
        d.unapplied for d in selectors.open_credits(as_of=dt.date(2024, 3, 1), customer_ids=[customers[0].pk])
    )
    assert unapplied == [5000, 30000]
    assert selectors.balance_minor(as_of=dt.date(2024, 3, 1), customer_ids=[customers[0].pk]) == 150050 - 155050
    assert _allocation_facts() == [
        ("R-1", "INV-1", "CNY", "2024-01-05", "2024-02-04", "2024-02-01"),
        ("R-2", "INV-1", "CNY", "2024-01-05", "2024-02-04", "2024-02-02"),
    ]


def test_allocations_import_checks_the_open_amounts(accountant, company, customers):
    run("invoices", INVOICES, company, accountant)
    run("receipts", "number,customer,date,currency,amount\nR-9,C1,2024-02-01,CNY,400\n", company, accountant)
    too_much = "receipt,invoice,amount,date\nR-9,INV-2,250,2024-02-01\nR-9,INV-2,100,2024-02-02\n"
    report = run("allocations", too_much, company, accountant)
    assert not report.ok and report.problems[0].line == 3
    good = "receipt,invoice,amount,date\nR-9,INV-2,250,2024-02-01\nR-9,INV-1,150,2024-02-02\n"
    assert run("allocations", good, company, accountant).ok
    assert Allocation.objects.count() == 2
    assert integrity.open_state() == []  # ledger.allocation_facts among them
    again = run("allocations", good, company, accountant)
    assert again.ok and again.unchanged == 2 and Allocation.objects.count() == 2


def test_customers_import_creates_updates_and_links_parents(accountant, company):
    text = "客户编码,客户名称,统一社会信用代码,上级客户编码\nP1,母公司,914403001922038216,\nS1,子公司,,P1\n"
    report = run("customers", text, company, accountant)
    assert report.ok, report.problems
    assert Customer.objects.get(code="S1").parent.code == "P1"
    report = run("customers", text.replace("子公司", "子公司（更名）"), company, accountant)
    assert report.ok and (report.updated, report.unchanged) == (1, 1)


def test_customers_import_records_each_customer_in_an_intact_audit_trail(accountant, company, monkeypatch):
    from ardesk.audit.selectors import chain_break
    from ardesk.customers.models import CustomerStatusChange
    from ardesk.ledger.imports import base

    monkeypatch.setattr(base, "CHUNK", 2)  # events chained across the writer's chunks
    rows = "".join(f"K{n},宏达机械{n}号,,,,K1\n" if n > 1 else "K1,重庆银行,,,,\n" for n in range(1, 6))
    report = run("customers", "code,name,uscc,currency,payment_terms,parent_code\n" + rows, company, accountant)
    assert report.ok and report.created == 5, report.problems
    created = AuditEvent.objects.filter(action="customer.create").order_by("seq")
    assert [e.object_id for e in created] == [str(c.pk) for c in Customer.objects.order_by("code")]
    assert created[0].after["name"] == "重庆银行" and created[0].after["import_batch"] == report.batch_id
    assert CustomerStatusChange.objects.filter(to_status="active").count() == 5
    assert Customer.objects.get(code="K1").search_text == "k1 重庆银行 chongqingyinhang cqyh"
    assert set(Customer.objects.exclude(code="K1").values_list("parent__code", flat=True)) == {"K1"}
    renamed = rows.replace("宏达机械2号", "宏达机械二号")
    report = run("customers", "code,name,uscc,currency,payment_terms,parent_code\n" + renamed, company, accountant)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    update = AuditEvent.objects.get(action="customer.update")
    assert (update.before["name"], update.after["name"]) == ("宏达机械2号", "宏达机械二号")
    assert AuditEvent.objects.filter(action="import.run").count() == 2
    assert chain_break() is None


def test_customers_import_reads_every_cell_as_before_and_names_each_problem(accountant, company):
    text = (
        "code,name,uscc,currency,payment_terms,parent_code,collector\n"
        " A1 , 甲公司 , 9144-0300 1922 038216 ,rmb\n"  # a short row, cells with spaces around
        "A2,乙公司,,美金,,,\n"
        "A3,=HYPERLINK(1),,,,,\n"
        "A4,-,,,NOPE,,nobody\n"
        "A1,丙公司,,,,,\n"
        f"{'B' * 33},丁公司,,,,,\n"
        ",戊公司,,,,,\n"
    )
    report = run("customers", text, company, accountant)
    assert [(p.line, p.field) for p in report.problems] == [
        (3, "currency"),
        (4, "name"),
        (5, "payment_terms"),
        (5, "collector"),
        (6, "code"),
        (7, "code"),
        (8, "code"),
    ]
    assert report.problems[0].reason == "'美金' is not a currency code such as CNY or USD."
    assert report.problems[4].reason == "Customer code A1 appears twice in the file."
    assert report.problems[5].reason == "At most 32 characters."
    assert report.problems[6].reason == "This field is required."
    assert not Customer.objects.exists()
    report = run("customers", text.split("A2,")[0], company, accountant)
    assert report.ok, report.problems
    first = Customer.objects.get(code="A1")
    assert (first.name, first.uscc, first.currency) == ("甲公司", "91440300192203821" + "6", "CNY")


def test_customers_import_stores_names_with_copys_special_characters_and_their_events(accountant, company):
    from ardesk.audit.selectors import chain_break

    text = 'code,name\nT1,"制表\t符 \\ 反斜杠 ""引号"""\n'
    report = run("customers", text, company, accountant)
    assert report.ok, report.problems
    name = '制表\t符 \\ 反斜杠 "引号"'
    assert Customer.objects.get(code="T1").name == name
    event = AuditEvent.objects.get(action="customer.create")
    assert (event.object_repr, event.after["name"], event.before) == (f"T1 {name}", name, None)
    assert chain_break() is None


def test_customers_import_refuses_bad_credit_codes(accountant, company):
    report = run("customers", "code,name,uscc\nP1,母公司,914403001922038217\n", company, accountant)
    assert not report.ok and report.problems[0].field == "uscc"
    assert not Customer.objects.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024/3/5", dt.date(2024, 3, 5)),
        ("2024年3月5日", dt.date(2024, 3, 5)),
        ("2024-03-05 00:00:00", dt.date(2024, 3, 5)),
    ],
)
def test_date_forms(text, expected):
    assert formats.parse_date(text) == expected


@pytest.mark.parametrize("text", ["2024-02-30", "05/03/2024", "yesterday", ""])
def test_bad_dates(text):
    with pytest.raises(ValueError):
        formats.parse_date(text)


def test_the_documented_example_files_import_in_order(accountant, company):
    from pathlib import Path

    from ardesk.ledger.imports.engine import IMPORTERS

    folder = Path(__file__).resolve().parent.parent / "imports" / "examples"
    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2024, 1, 1), rate="7.1")
    for kind in [kind for kind, importer in IMPORTERS.items() if importer.ledger_documents]:
        with (folder / f"{kind}.csv").open("rb") as handle:
            report = run_import(kind=kind, handle=handle, file_name=f"{kind}.csv", company=company, user=accountant)
        assert report.ok and report.created > 0, (kind, report.problems)
    balance = selectors.balance_minor(as_of=dt.date(2024, 12, 31), company_ids=[company.pk])
    assert balance == 12000000 + 4580050 + 880000 - 10000000 - 4580050 - 3000000 - 80000
    open_items = {
        line.document.number: line.open_amount
        for line in selectors.open_lines(as_of=dt.date(2024, 12, 31), company_ids=[company.pk]).select_related(
            "document"
        )
    }
    assert open_items == {}


def test_an_allocation_naming_a_number_shared_by_a_receipt_and_a_credit_note_is_refused(accountant, company, customers):
    run("invoices", INVOICES, company, accountant)
    run("receipts", "number,customer,date,currency,amount\nX-1,C1,2024-02-01,CNY,10\n", company, accountant)
    run("credit-notes", "number,customer,date,currency,amount\nX-1,C1,2024-02-01,CNY,5\n", company, accountant)
    report = run("allocations", "receipt,invoice,amount,date\nX-1,INV-2,5,2024-02-01\n", company, accountant)
    assert not report.ok and report.problems[0].field == "receipt"


def _allocation_facts() -> list[tuple]:
    """Each allocation's receipt, invoice and copied facts (Allocation.facts), in id order."""
    rows = Allocation.objects.order_by("pk").values_list(
        "source__number", "line__document__number", "currency", "line_issue_on", "line_due_on", "source_issue_on"
    )
    return [(r, i, c, *(d.isoformat() for d in dates)) for r, i, c, *dates in rows]


def _open_state():
    lines = sorted(DueLine.objects.values_list("pk", "open_now", "open_functional_now", "settled_on"))
    documents = sorted(Document.objects.values_list("pk", "unapplied_now", "unapplied_functional_now", "settled_on"))
    return lines, documents


def test_imports_keep_the_open_state_a_full_refresh_gives(accountant, company, customers):
    """Documents are written with their open state and due lines updated set-based;
    recomputing everything from the allocations (ledger.open_state) must change nothing."""
    from ardesk.ledger import open_state

    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2024, 1, 1), rate="7.1234")
    invoices = INVOICES + "U-1,C2,2024-01-08,2024-02-07,USD,100.05,,\nU-2,C2,2024-01-09,2024-02-08,USD,33.33,,\n"
    assert run("invoices", invoices, company, accountant).ok
    receipts = """number,customer,date,currency,amount,invoice
R-1,C1,2024-02-01,CNY,1000.50,INV-1
R-2,C1,2024-01-20,CNY,500,INV-1
R-3,C1,2024-02-03,CNY,50,
R-4,C2,2024-02-04,CNY,99.99,INV-3
R-5,C2,2024-02-05,USD,60.01,U-1
R-6,C2,2024-02-06,USD,40.04,U-1
R-7,C2,2024-02-07,USD,10,U-2
"""
    assert run("receipts", receipts, company, accountant).ok
    notes = (
        "number,customer,date,currency,amount,invoice\nCN-1,C2,2024-02-10,USD,23.33,U-2\nCN-2,C1,2024-02-10,CNY,1,\n"
    )
    assert run("credit-notes", notes, company, accountant).ok
    imported = _open_state()
    open_state.lines_refresh(DueLine.objects.all())
    open_state.credits_refresh(Document.objects.all())
    assert _open_state() == imported
    settled = dict(DueLine.objects.values_list("document__number", "settled_on"))
    assert settled["INV-1"] == dt.date(2024, 2, 1) and settled["U-1"] == dt.date(2024, 2, 6)
    assert settled["U-2"] == dt.date(2024, 2, 10) and settled["INV-2"] is None


def test_a_line_paid_in_full_is_settled_on_its_latest_allocation_even_one_imported_before(
    accountant, company, customers, monkeypatch
):
    """On PostgreSQL the lines' open state is written once, after the whole file (credits._STAGE_CREATE):
    a line paid in full is settled on its last allocation, this import's or an earlier later-dated one,
    and lines paid over several chunks end as a full refresh from the allocations leaves them."""
    from ardesk.ledger import open_state
    from ardesk.ledger.imports import base

    assert run("invoices", INVOICES, company, accountant).ok
    assert run("receipts", EARLIER_RECEIPT, company, accountant).ok
    monkeypatch.setattr(base, "CHUNK", 1)
    report = run("receipts", RECEIPTS_OVER_CHUNKS, company, accountant)
    assert report.ok, report.problems
    state = {
        number: (open_now, settled_on)
        for number, open_now, settled_on in DueLine.objects.values_list("document__number", "open_now", "settled_on")
    }
    assert state == {
        "INV-1": (0, dt.date(2024, 2, 3)),
        "INV-2": (0, dt.date(2024, 3, 10)),
        "INV-3": (4999, None),
    }
    assert dict(Allocation.objects.filter(source__number="R-5").values_list("line__document__number", "amount")) == {
        "INV-1": 10000
    }
    imported = _open_state()
    open_state.lines_refresh(DueLine.objects.all())
    open_state.credits_refresh(Document.objects.all())
    assert _open_state() == imported


def test_a_receipt_file_larger_than_a_chunk_pays_invoices_across_chunks(accountant, company, customers, monkeypatch):
    from ardesk.ledger import open_state
    from ardesk.ledger.imports import base

    monkeypatch.setattr(base, "CHUNK", 2)
    assert run("invoices", INVOICES, company, accountant).ok
    receipts = """number,customer,date,currency,amount,invoice
R-1,C1,2024-02-01,CNY,200.50,INV-1
R-2,C1,2024-02-02,CNY,300,INV-1
R-3,C1,2024-02-03,CNY,700,INV-1
R-4,NOPE,2024-02-04,CNY,100,
"""
    report = run("receipts", receipts, company, accountant)  # the bad row comes after two chunks were written
    assert not report.ok and (report.problems[0].line, report.problems[0].field) == (5, "customer")
    assert not Document.objects.filter(doc_type="receipt").exists() and not Allocation.objects.exists()
    assert DueLine.objects.get(document__number="INV-1").open_now == 120050
    report = run("receipts", receipts.rsplit("R-4", 1)[0], company, accountant)
    assert report.ok and report.created == 3
    assert DueLine.objects.get(document__number="INV-1").settled_on == dt.date(2024, 2, 3)
    imported = _open_state()
    open_state.lines_refresh(DueLine.objects.all())
    open_state.credits_refresh(Document.objects.all())
    assert _open_state() == imported


def test_receipts_pay_an_invoice_across_chunks_still_being_written(accountant, company, customers, monkeypatch):
    """On PostgreSQL a chunk is planned while the chunks before it are still being written: the
    open amounts those chunks leave are used, not the database's older ones."""
    import time

    from ardesk.ledger import open_state
    from ardesk.ledger.imports import base, credits

    monkeypatch.setattr(base, "CHUNK", 1)
    write_lines, stage_lines = credits.lines_after_allocations, credits.stage_lines

    def slow_lines_after_allocations(cursor, changes):
        time.sleep(0.05)
        write_lines(cursor, changes)

    def slow_stage_lines(cursor, columns):
        time.sleep(0.05)
        stage_lines(cursor, columns)

    monkeypatch.setattr(credits, "lines_after_allocations", slow_lines_after_allocations)
    monkeypatch.setattr(credits, "stage_lines", slow_stage_lines)
    assert run("invoices", INVOICES, company, accountant).ok
    receipts = """number,customer,date,currency,amount,invoice
R-1,C1,2024-02-01,CNY,200.50,INV-1
R-2,C1,2024-02-02,CNY,300,INV-1
R-3,C1,2024-02-03,CNY,800,INV-1
R-4,C1,2024-02-04,CNY,50,INV-1
"""
    report = run("receipts", receipts, company, accountant)  # INV-1 (1,200.50) is paid in full by R-3
    assert [(p.line, p.field) for p in report.problems] == [(5, "invoice")]
    assert not Document.objects.filter(doc_type="receipt").exists()
    report = run("receipts", receipts.rsplit("R-4", 1)[0], company, accountant)
    assert report.ok and report.created == 3
    line = DueLine.objects.get(document__number="INV-1")
    assert (line.open_now, line.settled_on) == (0, dt.date(2024, 2, 3))
    taken = dict(Allocation.objects.values_list("source__number", "amount"))
    assert taken == {"R-1": 20050, "R-2": 30000, "R-3": 70000}
    assert Document.objects.get(number="R-3").unapplied_now == 10000
    imported = _open_state()
    open_state.lines_refresh(DueLine.objects.all())
    open_state.credits_refresh(Document.objects.all())
    assert _open_state() == imported


def _customer_indexes() -> dict[str, int]:
    """The customer table's indexes by name, with the object id of each one's current build."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.relfilenode FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = 'customers_customer'::regclass"
        )
        return dict(cursor.fetchall())


@pytest.fixture
def large_import_thresholds(monkeypatch):
    """A 'large' customer import of a few rows: chunks of 2, the search indexes dropped after 4 new customers."""
    from ardesk.ledger.imports import base, customers

    monkeypatch.setattr(base, "CHUNK", 2)
    monkeypatch.setattr(customers, "INDEXES_LATER_FROM", 4)


def test_a_large_customer_import_builds_the_search_indexes_once_at_its_end(
    accountant, company, large_import_thresholds
):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the indexes are built at the end on PostgreSQL only")
    before = _customer_indexes()
    rows = "".join(f"K{n},宏达机械{n}号,,,,\n" for n in range(1, 9))
    report = run("customers", "code,name,uscc,currency,payment_terms,parent_code\n" + rows, company, accountant)
    assert report.ok and report.created == 8, report.problems
    after = _customer_indexes()
    assert set(after) == set(before)
    assert after["customer_search_trgm"] != before["customer_search_trgm"]  # built again, whole
    assert after["uniq_customer_code"] == before["uniq_customer_code"]  # unique indexes are kept
    assert Customer.objects.filter(search_text__contains="hongdajixie7").count() == 1
    assert set(AuditEvent.objects.filter(action="customer.create").values_list("object_repr", flat=True)) == {
        f"K{n} 宏达机械{n}号" for n in range(1, 9)
    }


def test_a_failed_large_customer_import_leaves_the_indexes_and_the_table_as_they_were(
    accountant, company, large_import_thresholds
):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the indexes are built at the end on PostgreSQL only")
    before = _customer_indexes()
    rows = "".join(f"K{n},宏达机械{n}号,,,,\n" for n in range(1, 9)) + "K9,,,,,\n"
    report = run("customers", "code,name,uscc,currency,payment_terms,parent_code\n" + rows, company, accountant)
    assert not report.ok and [(p.line, p.field) for p in report.problems] == [(10, "name")]
    assert _customer_indexes() == before
    assert not Customer.objects.filter(code__startswith="K").exists()
    assert not AuditEvent.objects.filter(action="customer.create").exists()


def test_a_large_customer_import_keeps_the_indexes_up_while_someone_reads_the_customers(
    accountant, company, large_import_thresholds, monkeypatch
):
    import psycopg
    from django.db import connection

    from ardesk.ledger.imports import customers

    if connection.vendor != "postgresql":
        pytest.skip("the indexes are built at the end on PostgreSQL only")
    monkeypatch.setattr(customers, "_LOCK_TIMEOUT", "100ms")
    before = _customer_indexes()
    settings = connection.settings_dict
    reader = psycopg.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"] or 5432
    )
    try:
        reader.execute("SELECT count(*) FROM customers_customer")  # holds the table's share lock until rollback
        rows = "".join(f"K{n},宏达机械{n}号,,,,\n" for n in range(1, 9))
        report = run("customers", "code,name,uscc,currency,payment_terms,parent_code\n" + rows, company, accountant)
    finally:
        reader.rollback()
        reader.close()
    assert report.ok and report.created == 8, report.problems
    assert _customer_indexes() == before
    assert Customer.objects.filter(search_text__contains="hongdajixie7").count() == 1
