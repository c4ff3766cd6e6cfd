"""Small statement files and a company with customers, invoices and a bank account, for the tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ardesk.banking.models import BankAccount
from ardesk.core.crypto import blind_index
from ardesk.customers.models import Customer
from ardesk.ledger.tests.factories import invoice

HEADER = "交易日期,交易时间,对方户名,对方账号,对方开户行,收入金额,支出金额,余额,摘要,交易流水号"
D = dt.date(2026, 3, 2)


def bank_account(company, **extra) -> BankAccount:
    return BankAccount.objects.create(
        company=company, code="ICBC01", name="工行基本户", account_number="1001 2345 6789 0123 456", **extra
    )


def customer(company, code: str, name: str, account: str = "") -> Customer:
    return Customer.objects.create(
        company=company, code=code, name=name, bank_account=account, bank_account_index=blind_index(account)
    )


def csv_statement(rows, *, opening: str = "10000.00", encoding: str = "utf-8", closing: str | None = None) -> bytes:
    """rows: (payer name, payer account, amount, remittance, serial); the balance column runs from the opening."""
    balance = Decimal(opening)
    lines = ["账号,1001234567890123456", f"期初余额,{opening}", HEADER]
    for index, (name, account, amount, remittance, serial) in enumerate(rows, start=1):
        balance += Decimal(amount)
        credit, debit = (amount, "") if Decimal(amount) > 0 else ("", str(-Decimal(amount)))
        lines.append(
            f"{D.isoformat()},10:{index:02d}:00,{name},{account},中国银行,{credit},{debit},{balance},{remittance},{serial}"
        )
    if closing is not None:
        lines.append(f"合计,,,,,,,,期末余额：{closing},")
    return ("\n".join(lines) + "\n").encode(encoding)


def invoice_on(by, who, number: str, amount: str, issue_on=dt.date(2026, 1, 5), **extra):
    return invoice(by, who, number, amount, issue_on=issue_on, **extra)
