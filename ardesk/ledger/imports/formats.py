"""The import formats: the columns of each kind, in English and Chinese, and how cells are parsed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ardesk.core.money import CurrencyError, currency_decimals, to_minor


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


def header_map(kind: str, headers: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which column holds each field, from English or Chinese headers; and the problems found."""
    columns = KINDS[kind]
    positions: dict[str, int] = {}
    normalized = [h.strip().lower().replace(" ", "_") for h in headers]
    for column in columns:
        names = {column.name, *column.chinese}
        for index, header in enumerate(normalized):
            if header in names or headers[index].strip() in names:
                positions[column.name] = index
                break
    problems = [
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


def parse_date(value) -> dt.date:
    """A date as ISO, 2024/3/5, 2024年3月5日, or an Excel date cell."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    text = text.split(" ")[0] if re.match(r"^\d{4}[-/]\d{1,2}[-/]\d{1,2} \d", text) else text
    for form in DATE_FORMS:
        match = form.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                break
    raise ValueError(_("'%(value)s' is not a date (use YYYY-MM-DD, 2024/3/5 or 2024年3月5日).") % {"value": text})


def parse_amount(value, currency: str) -> Decimal:
    """A positive amount with at most the currency's decimals; thousands separators are allowed."""
    if isinstance(value, float):
        value = repr(value)
    text = str(value).strip().replace(",", "").replace("，", "").replace(" ", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("'%(value)s' is not an amount.") % {"value": value}) from None
    if not amount.is_finite():
        raise ValueError(_("'%(value)s' is not an amount.") % {"value": value})
    if amount <= 0:
        raise ValueError(_("The amount must be positive, not %(value)s.") % {"value": value})
    try:
        to_minor(amount, currency)
    except CurrencyError:
        raise
    except ValueError:
        raise ValueError(
            _("%(value)s has more than %(places)d decimals.") % {"value": value, "places": currency_decimals(currency)}
        ) from None
    return amount


def parse_currency(value) -> str:
    code = str(value).strip().upper()
    code = {"RMB": "CNY", "人民币": "CNY", "美元": "USD", "港币": "HKD", "欧元": "EUR", "日元": "JPY"}.get(code, code)
    try:
        currency_decimals(code)
    except CurrencyError:
        raise ValueError(_("'%(value)s' is not a currency code such as CNY or USD.") % {"value": value}) from None
    return code
