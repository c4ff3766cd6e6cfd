"""Financial statement lines (财务报表科目): the codes stored per period, with English and Chinese names."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# --------------------------------------------------------------------------------------------
# Statement lines (财务报表科目): the codes stored per period, with English and Chinese names.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    code: str
    statement: str  # balance, income, cash_flow
    name_en: str
    name_zh: str

    @property
    def name(self) -> str:
        """The line's name in the user's language."""
        return _(self.name_en)


LINES: tuple[Line, ...] = (
    Line("cash", "balance", gettext_noop("Cash and cash equivalents"), "货币资金"),
    Line("marketable_securities", "balance", gettext_noop("Short-term investments"), "交易性金融资产"),
    Line("receivables", "balance", gettext_noop("Accounts receivable"), "应收账款"),
    Line("inventory", "balance", gettext_noop("Inventories"), "存货"),
    Line("current_assets", "balance", gettext_noop("Total current assets"), "流动资产合计"),
    Line("total_assets", "balance", gettext_noop("Total assets"), "资产总计"),
    Line("current_liabilities", "balance", gettext_noop("Total current liabilities"), "流动负债合计"),
    Line("total_liabilities", "balance", gettext_noop("Total liabilities"), "负债合计"),
    Line("retained_earnings", "balance", gettext_noop("Retained earnings"), "未分配利润"),
    Line("equity", "balance", gettext_noop("Total equity"), "所有者权益合计"),
    Line("market_value_equity", "balance", gettext_noop("Market value of equity"), "股权市值"),
    Line("revenue", "income", gettext_noop("Revenue"), "营业收入"),
    Line("cost_of_sales", "income", gettext_noop("Cost of sales"), "营业成本"),
    Line("operating_income", "income", gettext_noop("Operating profit (EBIT)"), "营业利润（息税前利润）"),
    Line("interest_expense", "income", gettext_noop("Interest expense"), "利息费用"),
    Line("net_income", "income", gettext_noop("Net profit"), "净利润"),
    Line(
        "operating_cash_flow",
        "cash_flow",
        gettext_noop("Net cash from operating activities"),
        "经营活动产生的现金流量净额",
    ),
)
LINE_CODES = tuple(line.code for line in LINES)
LINES_BY_CODE = {line.code: line for line in LINES}


def statement_line_name(code: str) -> str:
    """The name of a financial statement line by its code, in the current language; "" for another code."""
    line = LINES_BY_CODE.get(code)
    return line.name if line is not None else ""


# Import files may name a line by its code, its English name or its Chinese name.
LINE_ALIASES = {
    **{line.code: line.code for line in LINES},
    **{line.name_en.lower(): line.code for line in LINES},
    **{line.name_zh: line.code for line in LINES},
}


def line_code(label: str) -> str | None:
    """The line code an import column or row label names (code, English or Chinese name), or None."""
    text = label.strip()
    return LINE_ALIASES.get(text) or LINE_ALIASES.get(text.lower())
