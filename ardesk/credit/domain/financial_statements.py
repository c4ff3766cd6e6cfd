"""Financial statement lines (财务报表科目): the codes stored per period, with English and Chinese names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# --------------------------------------------------------------------------------------------
# Statement lines (财务报表科目): the codes stored per period, with English and Chinese names.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A line of the statements as Chinese companies file them (企业会计准则, 一般企业财务报表格式).

    ``printed_zh`` is the row as the statement prints it (一、营业收入, 减：营业成本, 其中：利息费用);
    ``section`` groups the lines on the screens (资产, 负债, 所有者权益; the three cash-flow activities).
    """

    code: str
    statement: str  # balance, income, cash_flow
    name_en: str
    name_zh: str
    section: str = ""
    printed_zh: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The line's name in the user's language."""
        return _(self.name_en)

    @property
    def is_detail(self) -> bool:
        """A "其中" line: a part of the line above it, not added to the totals."""
        return self.printed_zh.startswith("其中")


def _balance(code: str, name_en: str, name_zh: str, section: str, *aliases: str) -> Line:
    return Line(code, "balance", name_en, name_zh, section, name_zh, aliases)


def _income(code: str, name_en: str, name_zh: str, printed_zh: str, *aliases: str) -> Line:
    return Line(code, "income", name_en, name_zh, "", printed_zh, aliases)


def _cash(code: str, name_en: str, name_zh: str, section: str, *aliases: str) -> Line:
    return Line(code, "cash_flow", name_en, name_zh, section, name_zh, aliases)


# The codes of the lines kept before this layout (cash … operating_cash_flow) are unchanged, so the
# statements already entered keep their values; ``operating_income`` is 营业利润 (no longer also
# called EBIT: EBIT is 利润总额 + 利息费用, see ``analysis.ebit``).
LINES: tuple[Line, ...] = (
    # 资产负债表
    _balance("cash", gettext_noop("Cash and cash equivalents"), "货币资金", "assets"),
    _balance(
        "marketable_securities",
        gettext_noop("Trading financial assets"),
        "交易性金融资产",
        "assets",
        "short-term investments",
    ),
    _balance("notes_receivable", gettext_noop("Notes receivable"), "应收票据", "assets"),
    _balance("receivables", gettext_noop("Accounts receivable"), "应收账款", "assets"),
    _balance("prepayments", gettext_noop("Prepayments"), "预付款项", "assets", "预付账款"),
    _balance("other_receivables", gettext_noop("Other receivables"), "其他应收款", "assets"),
    _balance("inventory", gettext_noop("Inventories"), "存货", "assets"),
    _balance("current_assets", gettext_noop("Total current assets"), "流动资产合计", "assets"),
    _balance("long_term_investments", gettext_noop("Long-term equity investments"), "长期股权投资", "assets"),
    _balance("fixed_assets", gettext_noop("Fixed assets"), "固定资产", "assets"),
    _balance("intangible_assets", gettext_noop("Intangible assets"), "无形资产", "assets"),
    _balance("total_assets", gettext_noop("Total assets"), "资产总计", "assets"),
    _balance("short_term_borrowings", gettext_noop("Short-term borrowings"), "短期借款", "liabilities"),
    _balance("notes_payable", gettext_noop("Notes payable"), "应付票据", "liabilities"),
    _balance("accounts_payable", gettext_noop("Accounts payable"), "应付账款", "liabilities"),
    _balance("advances_received", gettext_noop("Advances from customers"), "预收款项", "liabilities", "预收账款"),
    _balance("current_liabilities", gettext_noop("Total current liabilities"), "流动负债合计", "liabilities"),
    _balance("long_term_borrowings", gettext_noop("Long-term borrowings"), "长期借款", "liabilities"),
    _balance("total_liabilities", gettext_noop("Total liabilities"), "负债合计", "liabilities"),
    _balance(
        "paid_in_capital",
        gettext_noop("Paid-in capital (share capital)"),
        "实收资本（或股本）",
        "equity",
        "实收资本",
        "股本",
    ),
    _balance("retained_earnings", gettext_noop("Retained earnings"), "未分配利润", "equity"),
    _balance(
        "equity",
        gettext_noop("Total equity"),
        "所有者权益（或股东权益）合计",
        "equity",
        "所有者权益合计",
        "股东权益合计",
    ),
    # Not a line of the statements: the market value of the shares, for Altman's Z of a listed company.
    _balance("market_value_equity", gettext_noop("Market value of equity"), "股权市值", "equity"),
    # 利润表
    _income("revenue", gettext_noop("Revenue"), "营业收入", "一、营业收入"),
    _income("cost_of_sales", gettext_noop("Less: cost of sales"), "营业成本", "减：营业成本", "cost of sales"),
    _income("taxes_and_surcharges", gettext_noop("Taxes and surcharges"), "税金及附加", "税金及附加", "营业税金及附加"),
    _income("selling_expenses", gettext_noop("Selling expenses"), "销售费用", "销售费用"),
    _income("admin_expenses", gettext_noop("Administrative expenses"), "管理费用", "管理费用"),
    _income("rd_expenses", gettext_noop("Research and development expenses"), "研发费用", "研发费用"),
    _income("finance_costs", gettext_noop("Finance costs"), "财务费用", "财务费用"),
    _income(
        "interest_expense", gettext_noop("of which: interest expense"), "利息费用", "其中：利息费用", "interest expense"
    ),
    _income("interest_income", gettext_noop("of which: interest income"), "利息收入", "其中：利息收入"),
    _income(
        "operating_income",
        gettext_noop("Operating profit"),
        "营业利润",
        "二、营业利润",
        "营业利润（息税前利润）",
        "operating profit (ebit)",
    ),
    _income("non_operating_income", gettext_noop("Add: non-operating income"), "营业外收入", "加：营业外收入"),
    _income("non_operating_expenses", gettext_noop("Less: non-operating expenses"), "营业外支出", "减：营业外支出"),
    _income("total_profit", gettext_noop("Total profit (profit before tax)"), "利润总额", "三、利润总额"),
    _income("income_tax", gettext_noop("Less: income tax expense"), "所得税费用", "减：所得税费用"),
    _income("net_income", gettext_noop("Net profit"), "净利润", "四、净利润"),
    # 现金流量表: the three activities
    _cash(
        "cash_from_sales",
        gettext_noop("Cash received from sales of goods and services"),
        "销售商品、提供劳务收到的现金",
        "operating",
    ),
    _cash(
        "operating_cash_inflows",
        gettext_noop("Subtotal of cash inflows from operating activities"),
        "经营活动现金流入小计",
        "operating",
    ),
    _cash(
        "operating_cash_outflows",
        gettext_noop("Subtotal of cash outflows from operating activities"),
        "经营活动现金流出小计",
        "operating",
    ),
    _cash(
        "operating_cash_flow",
        gettext_noop("Net cash from operating activities"),
        "经营活动产生的现金流量净额",
        "operating",
    ),
    _cash(
        "investing_cash_inflows",
        gettext_noop("Subtotal of cash inflows from investing activities"),
        "投资活动现金流入小计",
        "investing",
    ),
    _cash(
        "investing_cash_outflows",
        gettext_noop("Subtotal of cash outflows from investing activities"),
        "投资活动现金流出小计",
        "investing",
    ),
    _cash(
        "investing_cash_flow",
        gettext_noop("Net cash from investing activities"),
        "投资活动产生的现金流量净额",
        "investing",
    ),
    _cash(
        "financing_cash_inflows",
        gettext_noop("Subtotal of cash inflows from financing activities"),
        "筹资活动现金流入小计",
        "financing",
    ),
    _cash(
        "financing_cash_outflows",
        gettext_noop("Subtotal of cash outflows from financing activities"),
        "筹资活动现金流出小计",
        "financing",
    ),
    _cash(
        "financing_cash_flow",
        gettext_noop("Net cash from financing activities"),
        "筹资活动产生的现金流量净额",
        "financing",
    ),
    _cash(
        "net_change_in_cash",
        gettext_noop("Net increase in cash and cash equivalents"),
        "现金及现金等价物净增加额",
        "total",
    ),
)
SECTIONS = {
    "assets": gettext_noop("Assets"),
    "liabilities": gettext_noop("Liabilities"),
    "equity": gettext_noop("Equity"),
    "operating": gettext_noop("Cash flows from operating activities"),
    "investing": gettext_noop("Cash flows from investing activities"),
    "financing": gettext_noop("Cash flows from financing activities"),
    "total": gettext_noop("Net change in cash"),
}
LINE_CODES = tuple(line.code for line in LINES)
LINES_BY_CODE = {line.code: line for line in LINES}


def statement_line_name(code: str) -> str:
    """The name of a financial statement line by its code, in the current language; "" for another code."""
    line = LINES_BY_CODE.get(code)
    return line.name if line is not None else ""


# Import files may name a line by its code, its English name or its Chinese name, as printed or not.
LINE_ALIASES = {
    **{line.code: line.code for line in LINES},
    **{line.name_en.lower(): line.code for line in LINES},
    **{line.name_zh: line.code for line in LINES},
    **{alias: line.code for line in LINES for alias in line.aliases},
}

# What Chinese statements print around a row's name: its number (一、 （一） 1. ⑴), the words that
# say how it adds up (减： 加： 其中：), and a note on the sign (（亏损以“－”号填列）).
_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)）]|[⑴-⒇])\s*"
)
_HOW_IT_ADDS = re.compile(r"^(?:减|加|其中|其中的|减项|加项)\s*[：:]\s*")
_SIGN_NOTE = re.compile(r"[（(][^（()）]*(?:填列|列示)[^（()）]*[)）]")


def printed_name(label: str) -> str:
    """A row name as a Chinese statement prints it, with its numbering, sign note and 减/加/其中 taken off.

    "一、营业收入" → "营业收入"; "减：营业成本" → "营业成本"; "其中：利息费用" → "利息费用";
    "二、营业利润（亏损以“－”号填列）" → "营业利润".
    """
    text = label.replace("\u3000", " ").strip()
    text = _SIGN_NOTE.sub("", text)
    for _round in range(2):  # "一、减：…" has both
        text = _NUMBERING.sub("", text)
        text = _HOW_IT_ADDS.sub("", text)
    return text.strip(" ：:")


def line_code(label: str) -> str | None:
    """The line code an import column or row label names (code, English or Chinese name), or None."""
    text = label.strip()
    found = LINE_ALIASES.get(text) or LINE_ALIASES.get(text.lower())
    return found or LINE_ALIASES.get(printed_name(text))
