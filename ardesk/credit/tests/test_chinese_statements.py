"""Customers' statements in the layout Chinese companies file (企业会计准则, 一般企业财务报表格式), the
ratios by the textbook definitions, trends over every period, and imports of statements as exported.

The definitions are those of the CICPA's 《财务成本管理》 (the CPA examination textbook, ch. 2
财务报表分析): 现金比率 = (货币资金 + 交易性金融资产) ÷ 流动负债; 速动比率 = 速动资产 ÷ 流动负债,
速动资产 here = 流动资产 − 存货 (the textbook's short form; we keep 预付款项 in and say so);
息税前利润 (EBIT) = 利润总额 + 利息费用; 利息保障倍数 = 息税前利润 ÷ 利息费用. The figures are worked by hand.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.test import Client

from ardesk.core.errors import InvalidInput
from ardesk.credit import domain, selectors, services

D = Decimal

# A small manufacturer's 2024 statements, in 万元, as a Chinese company files them.
FILED = {
    "cash": D(44),  # 货币资金
    "marketable_securities": D(6),  # 交易性金融资产
    "notes_receivable": D(14),
    "receivables": D(398),
    "prepayments": D(22),
    "inventory": D(119),  # 存货
    "current_assets": D(700),  # 流动资产合计
    "total_assets": D(2000),
    "short_term_borrowings": D(60),
    "current_liabilities": D(300),  # 流动负债合计
    "long_term_borrowings": D(450),
    "total_liabilities": D(1040),
    "retained_earnings": D(160),
    "equity": D(960),
    "revenue": D(3000),  # 一、营业收入
    "cost_of_sales": D(2644),  # 减：营业成本
    "finance_costs": D(110),  # 财务费用
    "interest_expense": D(110),  # 其中：利息费用
    "operating_income": D(156),  # 二、营业利润
    "non_operating_income": D(45),  # 加：营业外收入
    "non_operating_expenses": D(1),  # 减：营业外支出
    "total_profit": D(200),  # 三、利润总额 = 156 + 45 − 1
    "income_tax": D(64),
    "net_income": D(136),  # 四、净利润
}


def ratio(lines, key, months=12):
    return next(r for r in domain.ratios(lines, months) if r.key == key)


def test_the_cash_ratio_counts_cash_and_trading_financial_assets():
    # (44 + 6) ÷ 300 = 0.166667 (by cash alone it would be 0.146667)
    assert ratio(FILED, "cash_ratio").value == D("0.166667")
    # A company holding no trading financial assets leaves the row blank: 44 ÷ 300.
    without = {k: v for k, v in FILED.items() if k != "marketable_securities"}
    assert ratio(without, "cash_ratio").value == D("0.146667")


def test_the_quick_ratio_takes_out_inventories_only_and_says_so():
    # (700 − 119) ÷ 300 = 1.936667; prepayments (22) stay in.
    quick = ratio(FILED, "quick_ratio")
    assert quick.value == D("1.936667")
    assert "only inventories are excluded" in quick.formula and "prepayments" in quick.formula
    assert "财务成本管理" in quick.definition


def test_ebit_is_total_profit_plus_interest_not_the_operating_profit():
    # EBIT = 200 + 110 = 310 (营业利润 156 is after the interest and before 营业外收支).
    assert domain.ebit(FILED) == D(310)
    # 利息保障倍数 = 310 ÷ 110 = 2.818182
    assert ratio(FILED, "interest_coverage").value == D("2.818182")


def test_without_the_total_profit_ebit_is_not_available_and_says_which_line_is_missing():
    lines = {k: v for k, v in FILED.items() if k != "total_profit"}
    coverage = ratio(lines, "interest_coverage")
    assert coverage.value is None and "Total profit" in coverage.reason
    assert next(z for z in domain.z_scores(lines) if z.key == "z_prime").value is None


def test_altman_z_prime_reads_ebit_from_the_total_profit_and_interest():
    # X1 = (700 − 300) ÷ 2000 = .2, X2 = 160 ÷ 2000 = .08, X3 = 310 ÷ 2000 = .155,
    # X4 = 960 ÷ 1040 = .923077, X5 = 3000 ÷ 2000 = 1.5
    # Z′ = .717×.2 + .847×.08 + 3.107×.155 + .420×.923077 + .998×1.5
    #    = .1434 + .06776 + .481585 + .387692 + 1.497 = 2.5774 → grey (1.23 to 2.90)
    z = next(z for z in domain.z_scores(FILED) if z.key == "z_prime")
    assert (z.value, z.zone) == (D("2.5774"), "grey")


def test_the_trend_runs_over_every_period_and_each_period_is_compared_with_the_one_before():
    # Current ratio over five years: 1.2, 1.5, n/a, 1.4, 1.3 — up over the whole, down the last two years.
    series = [D("1.2"), D("1.5"), None, D("1.4"), D("1.3")]
    assert domain.trend(series) == "up"
    assert domain.changes(series) == ["", "up", "", "down", "down"]


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("一、营业收入", "revenue"),
        ("减：营业成本", "cost_of_sales"),
        ("税金及附加", "taxes_and_surcharges"),
        ("其中：利息费用", "interest_expense"),
        ("加：营业外收入", "non_operating_income"),
        ("二、营业利润（亏损以“－”号填列）", "operating_income"),
        ("三、利润总额（亏损总额以“－”号填列）", "total_profit"),
        ("减：所得税费用", "income_tax"),
        ("四、净利润（净亏损以“－”号填列）", "net_income"),
        ("所有者权益（或股东权益）合计", "equity"),
        ("预付账款", "prepayments"),
        ("经营活动产生的现金流量净额", "operating_cash_flow"),
        ("投资活动产生的现金流量净额", "investing_cash_flow"),
        ("筹资活动产生的现金流量净额", "financing_cash_flow"),
        ("营业利润（息税前利润）", "operating_income"),  # the former label still imports
        ("（一）持续经营净利润", None),
    ],
)
def test_row_names_as_chinese_statements_print_them(printed, code):
    assert domain.line_code(printed) == code


EXPORTED = (
    "项目,行次,2023-12-31,2024年12月31日\n"
    "流动资产：,,,\n"
    "货币资金,1,40,44\n"
    "交易性金融资产,2,,6\n"
    "流动资产合计,10,650,700\n"
    "流动负债合计,30,310,300\n"
    "一、营业收入,1,2800,3000\n"
    "减：营业成本,2,2500,2644\n"
    "财务费用,8,100,110\n"
    "其中：利息费用,9,100,110\n"
    "二、营业利润（亏损以“－”号填列）,15,150,156\n"
    "加：营业外收入,16,10,45\n"
    "三、利润总额（亏损总额以“－”号填列）,18,160,200\n"
    "五、其他综合收益的税后净额,25,3,4\n"
)


def test_statements_exported_by_a_chinese_company_import_for_one_customer(analyst, company, customer):
    saved = services.financial_statements_import(
        by=analyst,
        handle=io.BytesIO(EXPORTED.encode()),
        filename="利润表.csv",
        company_ids=[company.pk],
        customer_code="C1",
    )
    assert [s.period_end for s in saved] == [dt.date(2023, 12, 31), dt.date(2024, 12, 31)]
    latest = saved[-1].lines
    assert (latest["cash"], latest["marketable_securities"], latest["interest_expense"], latest["total_profit"]) == (
        4_400,
        600,
        11_000,
        20_000,
    )
    assert "marketable_securities" not in saved[0].lines  # blank: not entered
    periods = selectors.analysis(customer)
    # 2024: EBIT 200 + 110 = 310, ÷ 110 = 2.818182; 2023: (160 + 100) ÷ 100 = 2.6
    assert [p.ratios[domain.RATIO_KEYS.index("interest_coverage")].value for p in periods] == [
        D("2.600000"),
        D("2.818182"),
    ]


def test_an_exported_statement_needs_its_customer_and_names_a_bad_amount(analyst, company, customer):
    def load(text: str, code: str = "C1"):
        return services.financial_statements_import(
            by=analyst, handle=io.BytesIO(text.encode()), filename="s.csv", company_ids=[company.pk], customer_code=code
        )

    with pytest.raises(InvalidInput) as no_customer:
        load(EXPORTED, code="")
    assert no_customer.value.errors == {"customer": ["Name the customer whose statements these are."]}
    with pytest.raises(InvalidInput) as bad_amount:
        load("项目,2024-12-31\n货币资金,44\n一、营业收入,abc\n")
    assert bad_amount.value.row == 3 and list(bad_amount.value.errors) == ["2024-12-31 revenue"]
    with pytest.raises(InvalidInput, match="head each period's column with its end date"):
        load("项目,本期金额\n一、营业收入,3000\n")


def test_the_exported_layout_imports_over_the_api(analyst, company, customer):
    client = Client()
    client.force_login(analyst)
    upload = io.BytesIO(EXPORTED.encode())
    upload.name = "statements.csv"
    response = client.post("/api/v1/credit/statements/import", {"file": upload, "customer": "C1"})
    assert response.status_code == 201, response.content
    cash_ratio = next(r for r in response.json()[-1]["ratios"] if r["key"] == "cash_ratio")
    # (44 + 6) ÷ 300
    assert cash_ratio["value"] == "0.166667"


def test_the_statement_form_reads_like_the_chinese_statement(analyst, customer):
    client = Client(headers={"Accept-Language": "zh-hans"})
    client.force_login(analyst)
    page = client.get(f"/credit/customers/{customer.pk}/statements/new/").content.decode()
    for printed in (
        "一、营业收入",
        "减：营业成本",
        "其中：利息费用",
        "加：营业外收入",
        "三、利润总额",
        "筹资活动产生的现金流量净额",
    ):
        assert printed in page
