"""The one validation of a document (domain.document_problems and the reading of amounts), by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from ardesk.ledger import domain
from ardesk.ledger.domain import DocumentDraft, Problem

JAN_5, FEB_4 = dt.date(2024, 1, 5), dt.date(2024, 2, 4)


def invoice(**changes) -> DocumentDraft:
    fields = {
        "doc_type": "invoice",
        "number": "INV-1",
        "issue_on": JAN_5,
        "currency": "CNY",
        "amount": D("1200.50"),
        "due_on": FEB_4,
    }
    return DocumentDraft(**{**fields, **changes})


def codes(draft: DocumentDraft, **options) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in domain.document_problems(draft, **options)]


def test_a_clean_invoice_has_no_problem():
    assert domain.document_problems(invoice()) == []


def test_a_due_date_before_the_document_date_is_named_in_the_documents_words():
    assert domain.document_problems(invoice(due_on=dt.date(2024, 1, 4))) == [
        Problem("due_on", "due_before_date", "The due date is before the document date.")
    ]
    assert domain.document_problems(invoice(due_on=JAN_5)) == []  # due the same day is fine


def test_every_problem_of_a_document_is_reported_at_once():
    draft = invoice(number="", currency="XX1", due_on=dt.date(2023, 12, 31), issue_on=dt.date(2024, 1, 1))
    assert codes(draft) == [("currency", "unknown_currency"), ("number", "required"), ("due_on", "due_before_date")]


@pytest.mark.parametrize(
    ("doc_type", "amount", "expected"),
    [
        ("invoice", D("0"), [("amount", "not_positive")]),
        ("receipt", D("-5"), [("amount", "not_positive")]),
        ("credit_note", D("0.01"), []),
        ("adjustment", D("-5"), []),  # an adjustment carries its sign
        ("adjustment", D("0"), [("amount", "zero")]),
    ],
)
def test_only_an_adjustment_may_be_negative_and_none_may_be_zero(doc_type, amount, expected):
    assert codes(invoice(doc_type=doc_type, amount=amount, due_on=None)) == expected


def test_the_amount_must_be_exact_to_the_currencys_minor_unit():
    assert codes(invoice(amount=D("100.123"))) == [("amount", "too_many_decimals")]
    assert codes(invoice(currency="JPY", amount=D("100.5"))) == [("amount", "too_many_decimals")]
    assert codes(invoice(currency="JPY", amount=D("100"))) == []
    message = domain.document_problems(invoice(amount=D("100.123")))[0].message
    assert message == "100.123 has more than 2 decimals."


def test_the_amount_must_fit_the_ledgers_integer_column():
    # 15 digits of minor units: 9,999,999,999,999.99 yuan is the largest; a cent more is refused
    assert codes(invoice(amount=D("9999999999999.99"))) == []
    assert codes(invoice(amount=D("10000000000000.00"))) == [("amount", "too_large")]
    assert codes(invoice(currency="JPY", amount=D("999999999999999"))) == []
    assert codes(invoice(currency="JPY", amount=D("1000000000000000"))) == [("amount", "too_large")]
    assert codes(invoice(amount=D("1E+300"))) == [("amount", "too_large")]
    assert codes(invoice(cost=D("1E+30"))) == [("cost", "too_large")]


def test_the_cost_may_be_zero_but_not_negative():
    assert codes(invoice(cost=D("0"))) == []
    assert codes(invoice(cost=D("-1"))) == [("cost", "negative")]


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (dt.date(1899, 12, 31), False),
        (dt.date(1900, 1, 1), True),
        (dt.date(2100, 12, 31), True),
        (dt.date(2101, 1, 1), False),
    ],
)
def test_dates_are_between_1900_and_2100(day, ok):
    assert (codes(invoice(issue_on=day, due_on=None)) == []) is ok
    assert (domain.date_problem(day, "issue_on") is None) is ok


def test_a_year_out_of_range_names_the_date():
    assert domain.date_problem(dt.date(2202, 1, 5), "due_on") == Problem(
        "due_on", "year_out_of_range", "2202-01-05: the year must be between 1900 and 2100."
    )


def test_unknown_types_and_bad_debt_by_hand_are_refused():
    assert codes(invoice(doc_type="bill")) == [("doc_type", "unknown_type")]
    assert codes(invoice(doc_type="write_off", due_on=None)) == [("doc_type", "bad_debt")]
    assert codes(invoice(doc_type="write_off", due_on=None), by_hand=False) == []


def test_texts_are_limited_in_length_nul_and_formulas():
    assert codes(invoice(number="N" * 40)) == []
    assert codes(invoice(number="N" * 41)) == [("number", "too_long")]
    assert codes(invoice(external_ref="ERP\x001")) == [("external_ref", "nul_character")]
    assert codes(invoice(description='=HYPERLINK("http://x","y")')) == [("description", "formula")]
    assert codes(invoice(order_ref="SO\t1")) == []  # a tab inside is stored as read; only a leading one is a lead


def test_fields_not_read_are_not_judged_twice():
    draft = DocumentDraft(doc_type="invoice", number=None, issue_on=None, currency=None, amount=None, due_on=None)
    assert domain.document_problems(draft) == []


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1+1", True),
        ("+86 21 5555", True),
        ("-2+3+cmd|' /C calc'!A0", True),
        ("@SUM(A1:A2)", True),
        ("\tINV-1", True),
        ("\rINV-1", True),
        ("-", False),  # a lone dash or plus is an ERP's "none", text to every spreadsheet
        ("+", False),
        ("INV-1", False),
        ("A=B", False),
        ("", False),
    ],
)
def test_a_formula_is_text_with_a_formula_lead(text, formula):
    assert domain.is_formula(text) is formula


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        ("1,200.50", D("1200.50")),
        ("1，200.50", D("1200.50")),
        ("-5", D("-5")),  # a negative number is a number, not a formula; the document's rule decides
        ("+5", D("5")),
        (" 12.30 ", D("12.30")),
        (1200, D("1200")),
        (0.1, D("0.1")),  # a spreadsheet's number: the shortest decimal that gives it back
        (0.1 + 0.2, D("0.30000000000000004")),
        (1e30, D("1E+30")),  # a spreadsheet's huge number is not notation the user typed
        (D("12.30"), D("12.30")),
    ],
)
def test_amounts_are_read_as_given(value, amount):
    read, problems = domain.read_amount(value)
    assert (read, problems) == (amount, [])


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "required"),
        (None, "required"),
        ("abc", "not_an_amount"),
        ("-", "not_an_amount"),
        ("NaN", "not_an_amount"),
        ("Infinity", "not_an_amount"),
        (float("nan"), "not_an_amount"),
        (float("inf"), "not_an_amount"),
        (True, "not_an_amount"),
        ("1e30", "scientific_notation"),
        ("1E+300", "scientific_notation"),
        ("1.5e3", "scientific_notation"),
        (D("1E+30"), "scientific_notation"),  # as a JSON client's 1e30 arrives
        ("=1+1", "formula"),
        ("=SUM(A1:A3)", "formula"),
        ("@A1", "formula"),
        ("-2+3", "formula"),
    ],
)
def test_amounts_that_are_not_plain_numbers_are_refused_with_a_reason(value, code):
    read, problems = domain.read_amount(value, "cost")
    assert read is None and [(p.field, p.code) for p in problems] == [("cost", code)]


def test_a_float_not_exact_to_the_minor_unit_is_refused_like_the_text():
    from_sheet, _ = domain.read_amount(0.1 + 0.2)
    from_text, _ = domain.read_amount("100.123")
    assert [p.code for p in domain.amount_problems(from_sheet, "CNY")] == ["too_many_decimals"]
    assert [p.code for p in domain.amount_problems(from_text, "CNY")] == ["too_many_decimals"]


def test_the_functional_amount_must_fit_too():
    assert domain.functional_problem(D("9999999999999.99"), "CNY") is None
    assert domain.functional_problem(D("10000000000000.00"), "CNY").code == "too_large"


def test_problems_by_field_keep_every_message():
    problems = [Problem("amount", "a", "one"), Problem("number", "b", "two"), Problem("amount", "c", "three")]
    assert domain.problems_by_field(problems) == {"amount": ["one", "three"], "number": ["two"]}
