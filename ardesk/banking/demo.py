"""Demo data of cash application: the first company's bank account and one small statement.

The statement is built from the demo ledger's open items and imported like any file, so some of
its receipts are matched and posted automatically and a few wait on the cash desk with suggestions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from ardesk.banking import services
from ardesk.core.money import from_minor
from ardesk.customers.models import Customer
from ardesk.ledger import selectors as ledger_selectors

HEADER = [
    "交易日期",
    "交易时间",
    "对方户名",
    "对方账号",
    "对方开户行",
    "收入金额",
    "支出金额",
    "余额",
    "摘要",
    "交易流水号",
]


def _rows(open_items: list[dict], customers: dict[int, Customer], on: dt.date) -> list[list[str]]:
    rows = []
    for n, item in enumerate(open_items[:6]):
        customer = customers[item["customer_id"]]
        amount = item["open_now"]
        name, account, text = customer.name, customer.bank_account, f"货款 {item['document__number']}"
        if n == 3:  # the name without its legal form, paying part: waits for a person
            name, account, text, amount = customer.name[:6], "", "货款", amount // 2
        if n == 4:  # 15.00 deducted by the payer's bank
            amount -= 1500
        if n == 5:  # someone unknown pays on the customer's behalf
            name, account, text = "张伟", "6217000011112222333", "代付"
        rows.append([on.isoformat(), f"09:{n:02d}:00", name, account, customer.bank_name, from_minor(amount, "CNY")])
        rows[-1] += ["", "", text, f"DEMO{on:%Y%m%d}{n:04d}"]
    rows.append([on.isoformat(), "17:00:00", "", "", "", "", "15.00", "", "账户管理费", f"DEMO{on:%Y%m%d}9999"])
    return rows


def demo_banking(*, company, accountant, anchor: dt.date) -> int:
    """The company's basic account and a statement of three days ago; returns the lines imported."""
    account = services.bank_account_save(
        by=accountant,
        company_id=company.pk,
        code="ICBC01",
        name="工行基本户",
        bank_name="中国工商银行",
        account_number=company.bank_account_number or "1001234567890123456",
        currency="CNY",
    )
    on = anchor - dt.timedelta(days=3)
    customer_ids = list(
        Customer.objects.filter(company=company, currency="CNY")
        .exclude(bank_account="")
        .values_list("pk", flat=True)[:40]
    )
    items = [
        item
        for item in ledger_selectors.open_items_of_customers(
            company_id=company.pk, customer_ids=customer_ids, currency="CNY"
        )
        if item["issue_on"] <= on and item["seq"] == 1
    ]
    seen, chosen = set(), []
    for item in items:
        if item["customer_id"] not in seen:
            seen.add(item["customer_id"])
            chosen.append(item)
    customers = Customer.objects.in_bulk([item["customer_id"] for item in chosen])
    rows = _rows(chosen, customers, on)
    balance = Decimal("1000000.00")
    for row in rows:
        balance += Decimal(str(row[5] or 0)) - Decimal(str(row[6] or 0))
        row[7] = str(balance)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["期初余额", "1000000.00"])
    writer.writerow(HEADER)
    writer.writerows(rows)
    result = services.statement_import(
        by=accountant, account=account, name=f"demo-{on.isoformat()}.csv", content=out.getvalue().encode("gbk")
    )
    return result.new
