from __future__ import annotations

import csv
import datetime as dt
import io
import statistics
from collections import defaultdict
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Q
from hypothesis import given, settings
from hypothesis import strategies as st

from ardesk.core import clock
from ardesk.core.money import to_minor
from ardesk.demo.generator import demo_customers
from ardesk.demo.ledger_generator import (
    BEHAVIOURS,
    TERMS,
    CustomerLedger,
    allocation_problems,
    chinese_new_year,
    demo_ledger,
    period_start,
)
from ardesk.demo.ledger_loader import ledger_problems
from ardesk.demo.loader import load_demo
from ardesk.ledger import domain, selectors
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.imports.formats import KINDS
from ardesk.ledger.models import Allocation, CustomerTerms, Document, DueLine, ExchangeRate

ANCHOR = dt.date(2026, 1, 1)


@pytest.fixture
def on_anchor_day(monkeypatch):
    """The demo is loaded on its anchor day, as `ardesk demo` does (its limits and runs start then)."""
    monkeypatch.setattr(clock, "today", lambda: ANCHOR)


@pytest.fixture(scope="module")
def demo():
    return demo_ledger(list(demo_customers(count=300, anchor=ANCHOR)), anchor=ANCHOR)


def days_late(ledger: CustomerLedger, as_of: dt.date) -> list[int]:
    """Days from due date to the day each invoice due by ``as_of`` was settled, or to ``as_of`` if still open."""
    settled = defaultdict(Decimal)
    last = {}
    for allocation in ledger.allocations:
        settled[allocation.invoice] += allocation.amount
        last[allocation.invoice] = max(last.get(allocation.invoice, allocation.allocated_on), allocation.allocated_on)
    return [
        ((last[i.number] if settled[i.number] == i.amount else as_of) - i.due_on).days
        for i in ledger.invoices
        if i.due_on <= as_of
    ]


def mean_days_late(demo, behaviour: str) -> float:
    return statistics.mean(d for c in demo.customers if c.behaviour == behaviour for d in days_late(c, demo.anchor))


def test_the_generated_ledger_is_deterministic():
    customers = list(demo_customers(count=40, anchor=ANCHOR))
    first = demo_ledger(customers, anchor=ANCHOR)
    assert first == demo_ledger(customers, anchor=ANCHOR)
    assert first.customers != demo_ledger(customers, anchor=ANCHOR, seed=7).customers


def test_the_demo_covers_24_months_up_to_the_anchor(demo):
    invoices = [i for c in demo.customers for i in c.invoices]
    assert demo.start == dt.date(2024, 1, 2) == period_start(ANCHOR)
    assert min(i.issue_on for i in invoices) < dt.date(2024, 1, 20)
    assert max(i.issue_on for i in invoices) > dt.date(2025, 12, 10)
    credits = [d for c in demo.customers for d in (*c.receipts, *c.credit_notes)]
    assert all(demo.start <= d.issue_on <= ANCHOR for d in (*invoices, *credits))
    assert 8_000 < len(invoices) < 25_000


def test_every_payer_behaviour_is_present_in_the_demo(demo):
    behaviours = {c.behaviour for c in demo.customers}
    assert behaviours == set(BEHAVIOURS)
    assert {c.payment_term for c in demo.customers} == {t.code for t in TERMS}


def test_invoices_are_plausible_for_the_customer(demo):
    for ledger in demo.customers[:60]:
        for invoice in ledger.invoices:
            assert invoice.currency == ledger.currency
            assert Decimal("0.70") * invoice.amount <= invoice.cost + Decimal("0.01")
            assert invoice.cost <= Decimal("0.90") * invoice.amount + Decimal("0.01")
            term = next(t for t in TERMS if t.code == invoice.payment_term)
            assert invoice.due_on == domain.due_date(invoice.issue_on, term.rule)
    cny = sorted(i.amount for c in demo.customers if c.currency == "CNY" for i in c.invoices)
    assert Decimal(15_000) < cny[len(cny) // 2] < Decimal(500_000)
    numbers = [(c.company, i.number) for c in demo.customers for i in c.invoices]
    assert len(numbers) == len(set(numbers))


def test_usd_customers_are_invoiced_in_usd_and_rates_stay_around_7_1(demo):
    usd = [c for c in demo.customers if c.currency == "USD"]
    assert usd and all(i.currency == "USD" for c in usd for i in c.invoices)
    assert all(c.company == "SZ01" for c in usd)
    assert all(Decimal("7.0") <= r.rate <= Decimal("7.3") for r in demo.rates)
    assert demo.rates[0].rate_on <= demo.start and demo.rates[-1].rate_on >= ANCHOR - dt.timedelta(days=3)
    gaps = [(b.rate_on - a.rate_on).days for a, b in zip(demo.rates, demo.rates[1:], strict=False)]
    assert max(gaps) <= 3  # every business day


def test_prompt_payers_pay_much_sooner_than_slow_and_defaulting_ones(demo):
    prompt = mean_days_late(demo, "prompt")
    assert prompt <= 0
    assert mean_days_late(demo, "slow") > prompt + 25
    assert mean_days_late(demo, "defaulting") > prompt + 25


def test_seasonal_payers_are_late_around_chinese_new_year_and_quarter_ends(demo):
    def in_season(due_on: dt.date) -> bool:
        near_new_year = any(
            abs((due_on - chinese_new_year(year)).days) <= 20 for year in (due_on.year, due_on.year + 1)
        )
        near_quarter_end = (due_on.month % 3 == 0 and due_on.day >= 15) or (due_on.month % 3 == 1 and due_on.day <= 10)
        return near_new_year or near_quarter_end

    season, rest = [], []
    for ledger in (c for c in demo.customers if c.behaviour == "seasonal"):
        due = [i for i in ledger.invoices if i.due_on <= ANCHOR - dt.timedelta(days=90)]
        for invoice, late in zip(due, days_late(ledger, ANCHOR - dt.timedelta(days=90)), strict=True):
            (season if in_season(invoice.due_on) else rest).append(late)
    assert statistics.mean(rest) < 5
    assert statistics.mean(season) > statistics.mean(rest) + 15


def test_deteriorating_payers_get_later_and_pay_in_parts_over_the_last_six_months(demo):
    window = ANCHOR - dt.timedelta(days=183)
    before, during = [], []
    parts_during = 0
    for ledger in (c for c in demo.customers if c.behaviour == "deteriorating"):
        paid_by = defaultdict(int)
        for allocation in ledger.allocations:
            paid_by[allocation.invoice] += 1
        for invoice, late in zip(
            [i for i in ledger.invoices if i.due_on <= ANCHOR], days_late(ledger, ANCHOR), strict=True
        ):
            (during if invoice.due_on >= window else before).append(late)
            parts_during += invoice.due_on >= window and paid_by[invoice.number] >= 2
    assert statistics.mean(during) > statistics.mean(before) + 20
    assert parts_during > 10


def test_defaulting_customers_leave_a_large_overdue_balance(demo):
    def overdue_share(ledger: CustomerLedger) -> Decimal:
        paid = defaultdict(Decimal)
        for allocation in ledger.allocations:
            paid[allocation.invoice] += allocation.amount
        overdue = sum((i.amount - paid[i.number] for i in ledger.invoices if i.due_on < ANCHOR), Decimal(0))
        return overdue / sum((i.amount for i in ledger.invoices), Decimal(0))

    defaulting = [overdue_share(c) for c in demo.customers if c.behaviour == "defaulting"]
    prompt = [overdue_share(c) for c in demo.customers if c.behaviour == "prompt"]
    assert min(defaulting) > Decimal("0.10")
    assert statistics.mean(defaulting) > 10 * statistics.mean(prompt)


def test_disputes_partial_payments_batches_and_cash_on_account_all_occur(demo):
    disputed = [n for c in demo.customers if c.behaviour == "disputing" for n in c.credit_notes]
    assert len(disputed) > 50
    receipts_per_invoice = defaultdict(set)
    invoices_per_receipt = defaultdict(set)
    allocated = defaultdict(Decimal)
    for ledger in demo.customers:
        for a in ledger.allocations:
            if a.source_type == "receipt":
                receipts_per_invoice[(ledger.company, a.invoice)].add(a.source)
                invoices_per_receipt[(ledger.company, a.source)].add(a.invoice)
                allocated[(ledger.company, a.source)] += a.amount
    assert sum(len(r) in (2, 3) for r in receipts_per_invoice.values()) > 100
    assert sum(len(i) >= 2 for i in invoices_per_receipt.values()) > 100
    on_account = [r for c in demo.customers for r in c.receipts if r.amount > allocated[(c.company, r.number)]]
    assert 5 <= len(on_account) < 100


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_an_allocation_never_exceeds_the_open_invoice_or_the_rest_of_the_credit(seed):
    anchor = dt.date(2025, 6, 30) + dt.timedelta(days=seed % 400)
    ledger = demo_ledger(list(demo_customers(count=40, seed=seed, anchor=anchor)), anchor=anchor, seed=seed)
    for customer in ledger.customers:
        assert allocation_problems(customer, anchor=anchor) == []
        open_amount = {i.number: i.amount for i in customer.invoices}
        left = {(c.doc_type, c.number): c.amount for c in (*customer.receipts, *customer.credit_notes)}
        for allocation in sorted(customer.allocations, key=lambda a: a.allocated_on):
            assert Decimal(0) < allocation.amount <= open_amount[allocation.invoice]
            assert allocation.amount <= left[(allocation.source_type, allocation.source)]
            open_amount[allocation.invoice] -= allocation.amount
            left[(allocation.source_type, allocation.source)] -= allocation.amount


@pytest.mark.django_db
def test_the_demo_ledger_loads_in_bulk_and_keeps_the_ledger_invariants(on_anchor_day):
    counts = load_demo(anchor=ANCHOR, customers=60)
    generated = demo_ledger(list(demo_customers(count=60, anchor=ANCHOR)), anchor=ANCHOR)
    assert counts["invoices"] == DueLine.objects.count() == sum(len(c.invoices) for c in generated.customers)
    # The cash desk's demo statement posts a few receipts of its own (banking), beside the generated ledger.
    bank_receipts = Document.objects.filter(bank_application__isnull=False)
    bank_documents = Document.objects.filter(Q(bank_application__isnull=False) | Q(bank_difference__isnull=False))
    ledger_allocations = Allocation.objects.exclude(source__in=bank_documents)
    assert counts["allocations"] == ledger_allocations.count() == sum(len(c.allocations) for c in generated.customers)
    receipts = Document.objects.filter(doc_type="receipt").exclude(pk__in=bank_receipts)
    assert receipts.count() == sum(len(c.receipts) for c in generated.customers)
    assert CustomerTerms.objects.count() == 60
    assert ExchangeRate.objects.filter(currency="USD").count() == len(generated.rates)
    assert ledger_problems(as_of=ANCHOR) == []
    assert ledger_problems(as_of=dt.date(2025, 3, 31)) == []
    usd = Document.objects.filter(currency="USD", doc_type="invoice").first()
    rate = ExchangeRate.objects.filter(currency="USD", rate_on__lte=usd.issue_on).order_by("-rate_on").first().rate
    assert usd.rate == rate
    assert usd.functional_amount == to_minor(domain.functional_amount(Decimal(usd.amount) / 100, rate, "CNY"), "CNY")
    assert selectors.open_credits(as_of=ANCHOR).exists()  # the cash left on account


@pytest.mark.django_db
def test_the_invariant_check_finds_an_over_allocated_line(on_anchor_day):
    load_demo(anchor=ANCHOR, customers=10)
    allocation = Allocation.objects.order_by("pk").first()
    Allocation.objects.create(
        company_id=allocation.company_id,
        customer_id=allocation.customer_id,
        source_id=allocation.source_id,
        line_id=allocation.line_id,
        allocated_on=allocation.allocated_on,
        amount=allocation.line.amount,
        functional_amount=allocation.line.functional_amount,
        source_functional_amount=allocation.line.functional_amount,
        **Allocation.facts(line=allocation.line, source=allocation.source),
    )
    problems = ledger_problems(as_of=ANCHOR)
    assert any(f"Due line {allocation.line_id}:" in p for p in problems)
    assert any(f"Credit {allocation.source_id}:" in p for p in problems)


def read(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_generate_writes_the_ledger_in_the_import_formats(tmp_path):
    out = io.StringIO()
    call_command("generate", customers=50, invoices=2000, out=str(tmp_path), stdout=out)
    files = {kind: read(tmp_path / f"{kind}.csv") for kind in KINDS if kind != "credit-limits"}
    for kind, rows in files.items():
        assert list(rows[0]) == [c.name for c in KINDS[kind]], kind
        assert f"{len(rows):,} rows to {tmp_path / kind}.csv" in out.getvalue()
    invoices = {r["number"]: r for r in files["invoices"]}
    assert len(files["invoices"]) == len(invoices) == 2000
    assert {r["customer"] for r in files["invoices"]} <= {r["code"] for r in files["customers"]}
    credits = {r["number"]: r for r in (*files["receipts"], *files["credit-notes"])}
    assert len(credits) == len(files["receipts"]) + len(files["credit-notes"])
    assert all(r["invoice"] in invoices for r in credits.values() if r["invoice"])
    per_invoice, per_credit = defaultdict(Decimal), defaultdict(Decimal)
    for row in files["allocations"]:
        invoice, credit = invoices[row["invoice"]], credits[row["receipt"]]
        assert invoice["customer"] == credit["customer"] and invoice["currency"] == credit["currency"]
        assert row["date"] >= max(invoice["issue_date"], credit["date"])
        per_invoice[row["invoice"]] += Decimal(row["amount"])
        per_credit[row["receipt"]] += Decimal(row["amount"])
    assert all(total <= Decimal(invoices[number]["amount"]) for number, total in per_invoice.items())
    assert all(total <= Decimal(credits[number]["amount"]) for number, total in per_credit.items())
    amounts = [r["amount"] for r in files["invoices"]] + [r["amount"] for r in files["allocations"]]
    assert all(a.count(".") == 1 and len(a.split(".")[1]) == 2 for a in amounts)
    assert all(dt.date.fromisoformat(r["issue_date"]) <= dt.date(2026, 1, 1) for r in files["invoices"])


def test_generate_names_payment_terms_only_when_asked(tmp_path):
    call_command("generate", customers=20, invoices=100, out=str(tmp_path / "plain"), stdout=io.StringIO())
    call_command(
        "generate", customers=20, invoices=100, out=str(tmp_path / "terms"), payment_terms=True, stdout=io.StringIO()
    )
    assert {r["payment_terms"] for r in read(tmp_path / "plain" / "invoices.csv")} == {""}
    codes = {t.code for t in TERMS}
    assert {r["payment_terms"] for r in read(tmp_path / "terms" / "customers.csv")} <= codes
    terms = read(tmp_path / "terms" / "invoices.csv")
    assert {r["payment_terms"] for r in terms} <= codes
    assert [r["due_date"] for r in terms] == [r["due_date"] for r in read(tmp_path / "plain" / "invoices.csv")]


@pytest.mark.django_db
def test_generated_files_import_in_order_and_reconcile(tmp_path, accountant, company):
    call_command("generate", customers=12, invoices=300, out=str(tmp_path), stdout=io.StringIO())
    for username in ("collector", "collector2"):
        get_user_model().objects.get_or_create(username=username)
    for kind in ("customers", "invoices", "receipts", "credit-notes", "allocations"):  # the files `generate` writes
        with (tmp_path / f"{kind}.csv").open("rb") as handle:
            report = run_import(kind=kind, handle=handle, file_name=f"{kind}.csv", company=company, user=accountant)
        assert report.ok, (kind, report.problems[:3])
    files = {kind: read(tmp_path / f"{kind}.csv") for kind in ("invoices", "receipts", "credit-notes", "allocations")}
    expected = sum(Decimal(r["amount"]) for r in files["invoices"]) - sum(
        Decimal(r["amount"]) for r in (*files["receipts"], *files["credit-notes"])
    )
    assert selectors.balance_minor(as_of=ANCHOR, company_ids=[company.pk]) == to_minor(expected, "CNY")
    assert Allocation.objects.count() == len(files["allocations"])
    assert ledger_problems(as_of=ANCHOR) == []
