"""The import formats: the columns of each kind, in English and Chinese, and how cells are parsed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ardesk.core.money import CurrencyError, currency_decimals
from ardesk.ledger import domain
from ardesk.ledger.imports.reader import column_letter, duplicate_headers


@dataclass(frozen=True)
class Column:
    name: str
    chinese: tuple[str, ...]
    required: bool


def _c(name: str, *chinese: str, required: bool = True) -> Column:
    return Column(name, chinese, required)


KINDS: dict[str, list[Column]] = {
    "customers": [
        _c("code", "客户编码", "客户代码", "客户编号"),
        _c("name", "客户名称", "名称"),
        _c("uscc", "统一社会信用代码", "信用代码", required=False),
        _c("currency", "币种", required=False),
        _c("payment_terms", "付款条件", "账期", required=False),
        _c("parent_code", "上级客户编码", "母公司编码", required=False),
        _c("collector", "催收员", "催收专员", required=False),
    ],
    "invoices": [
        _c("number", "发票号", "发票号码", "单据号"),
        _c("customer", "客户编码", "客户代码"),
        _c("issue_date", "开票日期", "发票日期", "日期"),
        _c("due_date", "到期日", "到期日期"),
        _c("currency", "币种"),
        _c("amount", "金额", "发票金额", "含税金额"),
        _c("external_ref", "外部编号", "ERP编号", required=False),
        _c("cost", "成本", "成本金额", required=False),
        _c("payment_terms", "付款条件", "账期", required=False),
        _c("order_ref", "销售订单号", "订单号", required=False),
        _c("medium", "发票介质", required=False),
    ],
    "receipts": [
        _c("number", "收款单号", "单据号"),
        _c("customer", "客户编码", "客户代码"),
        _c("date", "收款日期", "日期"),
        _c("currency", "币种"),
        _c("amount", "金额", "收款金额"),
        _c("external_ref", "外部编号", "ERP编号", required=False),
        _c("invoice", "发票号", "核销发票号", required=False),
    ],
    "credit-notes": [
        _c("number", "贷项通知单号", "红字发票号", "单据号"),
        _c("customer", "客户编码", "客户代码"),
        _c("date", "日期", "开票日期"),
        _c("currency", "币种"),
        _c("amount", "金额"),
        _c("external_ref", "外部编号", "ERP编号", required=False),
        _c("invoice", "发票号", "原发票号", required=False),
    ],
    "allocations": [
        _c("receipt", "收款单号", "贷项单号"),
        _c("invoice", "发票号"),
        _c("amount", "金额", "核销金额"),
        _c("date", "核销日期", "日期"),
    ],
}

KIND_LABELS = {
    "customers": gettext_lazy("Customers"),
    "invoices": gettext_lazy("Invoices"),
    "receipts": gettext_lazy("Receipts"),
    "credit-notes": gettext_lazy("Credit notes"),
    "allocations": gettext_lazy("Allocations"),
}


# What each column (and the two places a problem may sit outside a row: the header row, the whole
# file) is called on screen; an import problem names its field by the label, then by the column
# name the file uses, so a Chinese user reads 到期日 and still finds due_date in the file.
FIELD_LABELS = {
    "code": gettext_lazy("Customer code"),
    "name": gettext_lazy("Customer name"),
    "uscc": gettext_lazy("Unified social credit code"),
    "currency": gettext_lazy("Currency"),
    "payment_terms": gettext_lazy("Payment terms"),
    "parent_code": gettext_lazy("Parent customer code"),
    "collector": gettext_lazy("Collector"),
    "number": gettext_lazy("Document number"),
    "customer": gettext_lazy("Customer code"),
    "issue_date": gettext_lazy("Issue date"),
    "due_date": gettext_lazy("Due date"),
    "date": gettext_lazy("Date"),
    "amount": gettext_lazy("Amount"),
    "external_ref": gettext_lazy("External reference"),
    "cost": gettext_lazy("Cost"),
    "order_ref": gettext_lazy("Sales order number"),
    "medium": gettext_lazy("Invoice medium"),
    "invoice": gettext_lazy("Invoice number"),
    "receipt": gettext_lazy("Receipt or credit note number"),
}
PLACE_LABELS = {"header": gettext_lazy("Header row"), "file": gettext_lazy("The whole file")}


def labelled_problems(problems: list[dict]) -> list[dict]:
    """An import report's problems with their field as the user reads it: label and the file's column name."""
    labelled = []
    for problem in problems:
        field = problem["field"]
        if field in PLACE_LABELS:
            label, column = str(PLACE_LABELS[field]), ""
        elif field in FIELD_LABELS:
            label, column = str(FIELD_LABELS[field]), field
        else:
            label, column = field, ""
        labelled.append({**problem, "label": label, "column": column})
    return labelled


def header_map(kind: str, headers: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which column holds each field, from English or Chinese headers; and the problems found.

    A header given twice, or two headers naming the same field (amount and 金额), is refused:
    which of the two columns the file means cannot be guessed.
    """
    columns = KINDS[kind]
    positions: dict[str, int] = {}
    problems = duplicate_headers(headers)
    normalized = [h.strip().lower().replace(" ", "_") for h in headers]
    for column in columns:
        names = {column.name, *column.chinese}
        found = [i for i, header in enumerate(normalized) if header in names or headers[i].strip() in names]
        if found:
            positions[column.name] = found[0]
        if len({normalized[i] for i in found}) > 1:
            problems.append(
                _("Columns %(columns)s all give %(column)s: keep one.")
                % {"columns": ", ".join(f"{column_letter(i)} ({headers[i]})" for i in found), "column": column.name}
            )
    problems += [
        _("Column %(column)s (%(chinese)s) is missing.") % {"column": c.name, "chinese": c.chinese[0]}
        for c in columns
        if c.required and c.name not in positions
    ]
    return positions, problems


DATE_FORMS = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
]


def _in_range(day: dt.date) -> dt.date:
    problem = domain.date_problem(day, "date")
    if problem is not None:
        raise ValueError(problem.message)
    return day


def parse_date(value) -> dt.date:
    """A date as ISO, 2024/3/5, 2024年3月5日, or an Excel date cell."""
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    text = str(value).strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            pass
        else:
            return _in_range(day)
    text = text.split(" ")[0] if re.match(r"^\d{4}[-/]\d{1,2}[-/]\d{1,2} \d", text) else text
    for form in DATE_FORMS:
        match = form.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                found = dt.date(year, month, day)
            except ValueError:
                break
            return _in_range(found)
    raise ValueError(_("'%(value)s' is not a date (use YYYY-MM-DD, 2024/3/5 or 2024年3月5日).") % {"value": text})


def parse_amount(value, currency: str) -> Decimal:
    """A positive amount with at most the currency's decimals; thousands separators are allowed.

    The rules are the ledger's (domain.read_amount, amount_problems, positive_problem): scientific
    notation, formulas and amounts the ledger cannot hold are refused, as the posting service does.
    """
    amount, problems = domain.read_amount(value)
    if amount is not None:
        problems = domain.amount_problems(amount, currency)
        positive = domain.positive_problem(amount)
        if not problems and positive is not None:
            problems = [positive]
    if problems:
        raise ValueError(problems[0].message)
    return amount


# An invoice's medium as ERPs and people write it, in lower case.
MEDIUM_WORDS = {
    "electronic": "electronic",
    "e-invoice": "electronic",
    "电子": "electronic",
    "电子发票": "electronic",
    "数电票": "electronic",
    "paper": "paper",
    "纸质": "paper",
    "纸质发票": "paper",
}


def parse_medium(value) -> str:
    medium = MEDIUM_WORDS.get(str(value).strip().lower())
    if medium is None:
        raise ValueError(_("'%(value)s' is not an invoice medium: write electronic or paper.") % {"value": value})
    return medium


def parse_currency(value) -> str:
    code = str(value).strip().upper()
    code = {"RMB": "CNY", "人民币": "CNY", "美元": "USD", "港币": "HKD", "欧元": "EUR", "日元": "JPY"}.get(code, code)
    try:
        currency_decimals(code)
    except CurrencyError:
        raise ValueError(_("'%(value)s' is not a currency code such as CNY or USD.") % {"value": value}) from None
    return code
