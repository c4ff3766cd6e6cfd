"""Bank statements for generated receipts, with the noise of real ones, and the truth of which line pays what.

Each generated receipt becomes an incoming line of the company's bank statement as a Chinese bank
would print it: the payer is not always the customer's registered name (the name without its legal
form, a branch, the group's parent, a person paying for the company, a typing mistake), the payer's
account is the customer's known one or not given, and the remittance text names the invoices in
full, by their last digits, with a typing mistake, several at once, or not at all. Some payments
arrive short of a bank charge. Monthly statements overlap by a few days, as banks' exports do, so
an import must recognise the lines it already has. Nothing here touches the database.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ardesk.demo.generator import DemoCustomer
from ardesk.demo.ledger_generator import CustomerLedger

STATEMENT_HEADER = [
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
TRUTH_HEADER = ["serial", "date", "amount", "customer", "invoices", "difference_kind", "difference", "noise"]
SUFFIXES = ("集团有限公司", "股份有限公司", "有限公司")
PEOPLE = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴婷")
BRANCH_CITIES = ("北京", "广州", "成都", "武汉", "南京", "西安")
CHARGES = (Decimal("10.00"), Decimal("15.00"), Decimal("20.00"), Decimal("25.00"), Decimal("50.00"))
OVERLAP_DAYS = 3


@dataclass(frozen=True, slots=True)
class BankLine:
    """One incoming line and its truth: the customer and the invoices (number, amount) it pays."""

    on: dt.date
    serial: str
    payer_name: str
    payer_account: str
    payer_bank: str
    amount: Decimal
    remittance: str
    customer: str
    invoices: tuple[tuple[str, Decimal], ...]
    difference_kind: str = ""
    difference: Decimal = Decimal(0)
    noise: tuple[str, ...] = ()


def _core(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _tail(number: str) -> str:
    digits = number.rsplit("-", 1)[-1]
    return digits.lstrip("0").rjust(4, "0")


def _mistype(number: str, rng: random.Random) -> str:
    """Two neighbouring digits swapped, as typed in a hurry."""
    positions = [
        i
        for i in range(len(number) - 1)
        if number[i].isdigit() and number[i + 1].isdigit() and number[i] != number[i + 1]
    ]
    if not positions:
        return number
    i = rng.choice(positions[-4:])
    return number[:i] + number[i + 1] + number[i] + number[i + 2 :]


def _payer(customer: DemoCustomer, parent: DemoCustomer | None, rng: random.Random) -> tuple[str, str, str]:
    """(payer name, payer account, noise): who sends the money, as the bank prints it."""
    draw = rng.random()
    if draw < 0.50:
        return customer.name, customer.bank_account if rng.random() < 0.85 else "", "name_exact"
    if draw < 0.65:
        return _core(customer.name), customer.bank_account if rng.random() < 0.6 else "", "name_short"
    if draw < 0.75:
        city = rng.choice(BRANCH_CITIES)
        return f"{customer.name}{city}分公司", "", "branch"
    if draw < 0.80 and parent is not None:
        return parent.name, parent.bank_account, "parent"
    if draw < 0.88:
        name = _core(customer.name)
        cut = rng.randrange(2, max(3, len(name) - 1))
        return name[:cut] + name[cut + 1 :] + "有限公司", customer.bank_account if rng.random() < 0.7 else "", "typo"
    if draw < 0.95:
        return rng.choice(PEOPLE), "".join(str(rng.randrange(10)) for _ in range(19)), "person"
    return customer.name.replace("(", "（").replace(")", "）"), customer.bank_account, "name_exact"


def _remittance(numbers: list[str], rng: random.Random, noise: str, customer: DemoCustomer) -> tuple[str, str]:
    prefix = f"代{_core(customer.name)}付 " if noise == "person" else ""
    if not numbers:
        return prefix + rng.choice(("预付款", "往来款", "货款")), "no_reference"
    draw = rng.random()
    if draw < 0.50:
        sep = rng.choice((" ", ",", "、"))
        return prefix + "货款 " + sep.join(numbers), "ref_full" if len(numbers) == 1 else "ref_several"
    if draw < 0.65:
        return prefix + "付" + " ".join(_tail(n) for n in numbers) + "号发票", "ref_partial"
    if draw < 0.72:
        return prefix + " ".join([_mistype(numbers[0], rng), *numbers[1:]]), "ref_mistyped"
    return prefix + rng.choice(("货款", "付款", "支付货款", "")), "no_reference"


def bank_lines(
    customers: Iterable[tuple[DemoCustomer, CustomerLedger]],
    *,
    seed: int = 20240101,
    parents: dict[str, DemoCustomer] | None = None,
    since: dt.date | None = None,
) -> Iterator[BankLine]:
    """An incoming line for each generated receipt (from ``since`` on), with noise, and its truth."""
    rng = random.Random(seed + 940)
    parents = parents or {}
    serial = 0
    for customer, ledger in customers:
        paid: dict[str, list[tuple[str, Decimal]]] = {}
        for allocation in ledger.allocations:
            if allocation.source_type == "receipt":
                paid.setdefault(allocation.source, []).append((allocation.invoice, allocation.amount))
        for receipt in ledger.receipts:
            if since is not None and receipt.issue_on < since:
                continue
            serial += 1
            invoices = tuple(paid.get(receipt.number, ()))
            payer, account, payer_noise = _payer(customer, parents.get(customer.parent_code), rng)
            text, text_noise = _remittance([n for n, _ in invoices], rng, payer_noise, customer)
            amount, kind, difference = receipt.amount, "", Decimal(0)
            single = len(invoices) == 1 and sum(a for _, a in invoices) == receipt.amount
            if single and rng.random() < 0.06 and receipt.amount > Decimal("1000"):
                difference = rng.choice(CHARGES)
                amount, kind = receipt.amount - difference, "bank_charge"
            yield BankLine(
                on=receipt.issue_on,
                serial=f"B{receipt.issue_on:%Y%m%d}{serial:08d}",
                payer_name=payer,
                payer_account=account,
                payer_bank=customer.bank_name,
                amount=amount,
                remittance=text,
                customer=customer.code,
                invoices=invoices,
                difference_kind=kind,
                difference=difference,
                noise=(payer_noise, text_noise, *((kind,) if kind else ())),
            )


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return following - dt.timedelta(days=1)


def write_statements(lines: Iterable[BankLine], folder: Path, *, opening: Decimal = Decimal("5000000.00")) -> dict:
    """Monthly CSV statements in GBK (each overlapping the next month by a few days) and the truth file.

    Each statement carries its opening balance and a running balance; a bank charge of the
    company's own (money out) closes every month, so statements hold lines both ways.
    """
    folder.mkdir(parents=True, exist_ok=True)
    ordered = sorted(lines, key=lambda line: (line.on, line.serial))
    months: dict[dt.date, list[BankLine]] = {}
    for line in ordered:
        months.setdefault(line.on.replace(day=1), []).append(line)
    with (folder / "bank-ground-truth.csv").open("w", newline="", encoding="utf-8") as handle:
        truth = csv.writer(handle)
        truth.writerow(TRUTH_HEADER)
        for line in ordered:
            truth.writerow(
                [
                    line.serial,
                    line.on.isoformat(),
                    line.amount,
                    line.customer,
                    ";".join(f"{number}={amount}" for number, amount in line.invoices),
                    line.difference_kind,
                    line.difference,
                    " ".join(line.noise),
                ]
            )
    # Each month's own lines, then its fee, in booking order: the running balance of the whole account.
    booked: list[tuple[dt.date, str, list[str], Decimal]] = []
    for month, month_lines in sorted(months.items()):
        for line in month_lines:
            booked.append(
                (
                    line.on,
                    line.serial,
                    [line.payer_name, line.payer_account, line.payer_bank, f"{line.amount:.2f}", "", line.remittance],
                    line.amount,
                )
            )
        end = _month_end(month)
        booked.append((end, f"F{end:%Y%m%d}", ["", "", "", "", "15.00", "账户管理费"], Decimal("-15.00")))
    booked.sort(key=lambda b: (b[0], b[1]))
    balances, balance = [], opening
    for _on, _serial, _cells, amount in booked:
        balance += amount
        balances.append(balance)
    files = 0
    for month in sorted(months):
        end = _month_end(month) + dt.timedelta(days=OVERLAP_DAYS)
        chosen = [i for i, b in enumerate(booked) if month <= b[0] <= end]
        if not chosen:
            continue
        first, last = chosen[0], chosen[-1]
        start_balance = balances[first] - booked[first][3]
        rows = [
            ["账号", "1001234567890123456"],
            ["期初余额", f"{start_balance:.2f}"],
            STATEMENT_HEADER,
        ]
        for i in chosen:
            on, serial, cells, _amount = booked[i]
            payer, account, bank, credit, debit, text = cells
            rows.append(
                [on.isoformat(), "10:00:00", payer, account, bank, credit, debit, f"{balances[i]:.2f}", text, serial]
            )
        rows.append(["合计", "", "", "", "", "", "", "", f"期末余额：{balances[last]:.2f}", ""])
        with (folder / f"statement-{month:%Y-%m}.csv").open("w", newline="", encoding="gbk") as handle:
            csv.writer(handle).writerows(rows)
        files += 1
    return {"lines": len(ordered), "statements": files}
