"""Published worked examples of the provision matrix and of the aging method, reproduced end to end.

Each test posts the example's receivables to the ledger, prepares and approves the month-end run
and checks the required allowance and the journal entry against the published figures.
"""

from __future__ import annotations

import datetime as dt

from ardesk.provisioning import selectors, services
from ardesk.provisioning.models import JournalLine
from ardesk.provisioning.tests.conftest import YEAR_END, money, sale


def entry_lines(run) -> list[tuple[str, int, int]]:
    lines = JournalLine.objects.filter(entry__run=run).order_by("seq")
    return [(line.account, line.debit, line.credit) for line in lines]


def test_ifrs9_example_12_provision_matrix_gives_580000(accountant, manager, company, customers, matrix_policy):
    """IFRS 9 Financial Instruments, Illustrative Examples, Example 12 'Provision matrix' (IE74–IE77).

    Company M's trade receivables of CU30,000,000 by days past due, with its provision matrix:

        Current        15,000,000 × 0.3 %  =  45,000
        1–30 days       7,500,000 × 1.6 %  = 120,000
        31–60 days      4,000,000 × 3.6 %  = 144,000
        61–90 days      2,500,000 × 6.6 %  = 165,000
        more than 90    1,000,000 × 10.6 % = 106,000
        total          30,000,000            580,000

    With no allowance booked before, the entry is 借 信用减值损失 580,000 / 贷 坏账准备 580,000.
    Customer C1 holds part of the current and the 1–30 balances so that the bucket totals are split
    over customers.
    """
    c1, c2, c3 = customers
    issued = dt.date(2024, 6, 1)
    sale(accountant, c1, "CUR1", "10000000.00", issue_on=issued, due_on=dt.date(2025, 1, 31))
    sale(accountant, c2, "CUR2", "5000000.00", issue_on=issued, due_on=dt.date(2025, 1, 15))
    sale(accountant, c1, "D30", "2500000.00", issue_on=issued, due_on=dt.date(2024, 12, 15))
    sale(accountant, c3, "D30B", "5000000.00", issue_on=issued, due_on=dt.date(2024, 12, 1))
    sale(accountant, c2, "D60", "4000000.00", issue_on=issued, due_on=dt.date(2024, 11, 15))
    sale(accountant, c3, "D90", "2500000.00", issue_on=issued, due_on=dt.date(2024, 10, 15))
    sale(accountant, c3, "D90+", "1000000.00", issue_on=issued, due_on=dt.date(2024, 8, 31))

    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    by_bucket = {b.bucket_key: (b.balance, b.required) for b in run.buckets.all()}
    assert by_bucket["not_due"] == (money("15000000"), money("45000"))
    assert by_bucket["1-30"] == (money("7500000"), money("120000"))
    assert by_bucket["31-60"] == (money("4000000"), money("144000"))
    assert by_bucket["61-90"] == (money("2500000"), money("165000"))
    assert by_bucket["91-180"] == (money("1000000"), money("106000"))
    assert (run.required, run.booked, run.difference) == (money("580000"), 0, money("580000"))
    # 1-30: C1 2,500,000 and C3 5,000,000 share 120,000 as 40,000 and 80,000.
    shares = {line.customer.code: line.required for line in run.lines.filter(bucket__bucket_key="1-30")}
    assert shares == {"C1": money("40000"), "C3": money("80000")}

    # The customers' shares add up exactly to every bucket's allowance.
    for bucket in run.buckets.all():
        assert sum(line.required for line in run.lines.filter(bucket=bucket)) == bucket.required

    services.run_approve(by=manager, run=run)
    assert entry_lines(run) == [("6702", money("580000"), 0), ("1231", 0, money("580000"))]


def test_aging_method_tops_up_the_allowance_from_its_credit_balance(
    accountant, manager, company, customers, aging_policy
):
    """账龄分析法, the worked example of 万胜商厦 (http://www.maketool.cn/zhishi/1553.html, 2001-12-31).

    The source estimates bad debts of 4,970 on receivables of 46,398 by 账龄 and, the allowance
    (坏账准备) having a credit balance of 1,530 before the adjustment, books

        借 管理费用——坏账损失 3,440  贷 坏账准备 3,440      (4,970 − 1,530)

    (today the debit is 信用减值损失). The source's table by 账龄 is not reproduced there; the split
    below is ours, chosen to give its totals at 1 %, 5 %, 10 %, 30 % and 50 %:

        within 6 months   20,000 × 1 %  =   200.00
        6–12 months       10,000 × 5 %  =   500.00
        1–2 years          8,000 × 10 % =   800.00
        2–3 years          3,645 × 30 % = 1,093.50
        over 3 years       4,753 × 50 % = 2,376.50
        total             46,398          4,970.00
    """
    c1, c2, c3 = customers
    sale(accountant, c1, "A1", "20000.00", issue_on=dt.date(2024, 10, 1))
    sale(accountant, c2, "A2", "10000.00", issue_on=dt.date(2024, 3, 1))
    sale(accountant, c2, "A3", "8000.00", issue_on=dt.date(2023, 6, 30))
    sale(accountant, c3, "A4", "3645.00", issue_on=dt.date(2022, 6, 30))
    sale(accountant, c3, "A5", "4753.00", issue_on=dt.date(2020, 1, 15))
    services.allowance_opening_set(by=manager, company=company, on=dt.date(2024, 1, 1), amount="1530.00")

    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    assert [(b.bucket_key, b.balance, b.required) for b in run.buckets.all()] == [
        ("0-6m", money("20000"), money("200")),
        ("6-12m", money("10000"), money("500")),
        ("1-2y", money("8000"), money("800")),
        ("2-3y", money("3645"), money("1093.50")),
        ("3y+", money("4753"), money("2376.50")),
    ]
    assert (run.required, run.booked, run.difference) == (money("4970"), money("1530"), money("3440"))
    services.run_approve(by=manager, run=run)
    assert entry_lines(run) == [("6702", money("3440"), 0), ("1231", 0, money("3440"))]


def test_year_with_opening_allowance_write_off_and_recovery(accountant, manager, company, customers, aging_policy):
    """The same source's second case: the allowance has a debit balance of 360 before the adjustment,
    so the entry is 4,970 + 360 = 5,330. Here the debit balance comes from a year of events:

        opening allowance (credit)              1,200
        write-off of customer C1's old invoice −1,800   借 坏账准备 / 贷 应收账款
        recovery of part of it                   +240   借 应收账款 / 贷 坏账准备; 借 银行存款 / 贷 应收账款
        balance before the adjustment            −360   (a debit balance)
        required at year end by 账龄              4,970   (the receivables of the previous test)
        provision to book                        5,330   借 信用减值损失 5,330 / 贷 坏账准备 5,330

    The written-off invoice leaves the aging (it is closed by the write-off), and the recovery is
    reinstated and collected at once, so the year-end receivables are the 46,398 of the example.
    """
    c1, c2, c3 = customers
    sale(accountant, c1, "A1", "20000.00", issue_on=dt.date(2024, 10, 1))
    sale(accountant, c2, "A2", "10000.00", issue_on=dt.date(2024, 3, 1))
    sale(accountant, c2, "A3", "8000.00", issue_on=dt.date(2023, 6, 30))
    sale(accountant, c3, "A4", "3645.00", issue_on=dt.date(2022, 6, 30))
    sale(accountant, c3, "A5", "4753.00", issue_on=dt.date(2020, 1, 15))
    sale(accountant, c1, "OLD", "1800.00", issue_on=dt.date(2021, 5, 10))
    services.allowance_opening_set(by=manager, company=company, on=dt.date(2023, 12, 31), amount="1200.00")

    write_off = services.write_off_request(
        by=accountant,
        customer=c1,
        on=dt.date(2024, 6, 30),
        reason="Debtor deregistered",
        document=c1.documents.get(number="OLD"),
    )
    services.write_off_approve(by=manager, write_off=write_off)
    services.recovery_record(
        by=accountant, write_off=write_off, on=dt.date(2024, 11, 20), amount="240.00", receipt_number="RC-240"
    )

    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    assert (run.required, run.booked, run.difference) == (money("4970"), money("-360"), money("5330"))
    services.run_approve(by=manager, run=run)
    assert entry_lines(run) == [("6702", money("5330"), 0), ("1231", 0, money("5330"))]
    figures = selectors.roll_forward(company_id=company.pk, date_from=dt.date(2024, 1, 1), date_to=YEAR_END)
    assert figures == {
        "opening": money("1200"),
        "brought_forward": 0,
        "charged": money("5330"),
        "released": 0,
        "written_off": money("1800"),
        "recovered": money("240"),
        "closing": money("4970"),
    }
