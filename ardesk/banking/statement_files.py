"""Reading bank statement files: Chinese online-banking CSV/XLSX, ISO 20022 camt.053, SWIFT MT940.

Each reader returns the statement and every problem it found, each naming the row and the field;
nothing is written here. Amounts become minor units of the account's currency.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from django.utils.translation import gettext as _

from ardesk.banking.domain import FileProblem, ParsedStatement, RawLine
from ardesk.core.money import to_minor
from ardesk.ledger.domain import read_amount

FIELDS = (
    "date",
    "time",
    "payer_name",
    "payer_account",
    "payer_bank",
    "credit",
    "debit",
    "amount",
    "balance",
    "remittance",
    "bank_ref",
)

# Column headings per field. The generic layout knows the usual names; a bank's preset lists its
# own first. An account's column mapping (field -> heading) is tried before both.
GENERIC = {
    "date": ["交易日期", "记账日期", "交易日", "日期", "入账日期"],
    "time": ["交易时间", "时间"],
    "payer_name": ["对方户名", "对方账户名称", "对方单位名称", "对方名称", "付款人名称", "对方账户户名"],
    "payer_account": ["对方账号", "对方账户", "付款人账号", "对方账户账号"],
    "payer_bank": ["对方开户行", "对方开户机构", "对方行名", "付款人开户行名", "对方开户行名"],
    "credit": ["收入金额", "贷方发生额", "贷方金额", "收入", "贷方发生额（收入）", "贷方发生额(收入)"],
    "debit": ["支出金额", "借方发生额", "借方金额", "支出", "借方发生额（支取）", "借方发生额(支取)"],
    "amount": ["交易金额", "发生额"],
    "balance": ["余额", "账户余额", "交易后余额", "当前余额"],
    "remittance": ["摘要", "用途", "附言", "备注", "交易附言", "个性化信息"],
    "bank_ref": ["交易流水号", "流水号", "交易序号", "凭证号", "账户明细编号-交易流水号", "交易参考号"],
}
PRESETS = {
    "generic": GENERIC,
    "icbc": {
        "date": ["交易时间"],
        "payer_name": ["对方单位名称"],
        "credit": ["贷方发生额"],
        "debit": ["借方发生额"],
        "bank_ref": ["凭证号"],
    },
    "ccb": {
        "date": ["记账日期", "交易时间"],
        "payer_name": ["对方户名"],
        "payer_bank": ["对方开户机构"],
        "credit": ["贷方发生额（收入）", "贷方发生额(收入)"],
        "debit": ["借方发生额（支取）", "借方发生额(支取)"],
        "bank_ref": ["账户明细编号-交易流水号"],
    },
    "boc": {
        "payer_name": ["付款人名称"],
        "payer_account": ["付款人账号"],
        "payer_bank": ["付款人开户行名"],
        "amount": ["交易金额"],
        "balance": ["交易后余额"],
    },
    "cmb": {"date": ["交易日"], "credit": ["贷方金额"], "debit": ["借方金额"], "bank_ref": ["流水号"]},
}
OPENING_WORDS = ("期初余额", "上期余额", "opening balance")
CLOSING_WORDS = ("期末余额", "本期余额", "closing balance")
ACCOUNT_WORDS = ("账号", "账户", "本方账号", "查询账号")
TOTAL_WORDS = ("合计", "总计", "本页合计", "total")


class Messages:
    """The words of the balance check, in the user's language."""

    def __init__(self, currency: str):
        self.currency = currency

    def _amount(self, minor: int) -> str:
        from ardesk.core.money import from_minor, grouped

        return f"{grouped(from_minor(minor, self.currency), self.currency)} {self.currency}"

    def unbalanced(self, opening: int, lines: int, expected: int, closing: int) -> str:
        return _(
            "The statement does not balance: opening %(opening)s and the lines (%(lines)s) make %(expected)s, "
            "but the closing balance is %(closing)s."
        ) % {
            "opening": self._amount(opening),
            "lines": self._amount(lines),
            "expected": self._amount(expected),
            "closing": self._amount(closing),
        }

    def gap(self, row: int, expected: int, found: int) -> str:
        return _(
            "The balance after this line is %(found)s, but the lines before it make %(expected)s: "
            "a line is missing before row %(row)s."
        ) % {"found": self._amount(found), "expected": self._amount(expected), "row": row}


def file_format(name: str, content: bytes) -> str:
    lowered = name.lower()
    head = content[:2000].lstrip()
    if lowered.endswith(".xml") or head.startswith(b"<?xml") or head.startswith(b"<Document"):
        return "camt053"
    if lowered.endswith((".sta", ".mt940", ".940")) or b":20:" in head[:200] or head.startswith(b"{1:"):
        return "mt940"
    return "table"


def read_statement(
    *, name: str, content: bytes, currency: str, layout: str = "generic", mapping: dict | None = None
) -> tuple[str, ParsedStatement, list[FileProblem]]:
    """The statement in a file of any supported format, with every problem found."""
    kind = file_format(name, content)
    if kind == "camt053":
        statement, problems = read_camt053(content, currency)
    elif kind == "mt940":
        statement, problems = read_mt940(content, currency)
    else:
        statement, problems = read_table(name=name, content=content, currency=currency, layout=layout, mapping=mapping)
    return kind, statement, problems


# ---------------------------------------------------------------------------------------------
# Online-banking CSV and XLSX
# ---------------------------------------------------------------------------------------------


def _decode(content: bytes) -> str | None:
    """UTF-8 (with or without its mark) or GBK, as Chinese online banking writes; None for anything else."""
    for encoding in ("utf-8-sig", "gbk"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _rows(name: str, content: bytes) -> tuple[list[list[object]], list[FileProblem]]:
    if name.lower().endswith((".xlsx", ".xlsm")):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
            return [], [FileProblem(0, "file", _("The file is not an Excel workbook (.xlsx)."))]
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)], []
    text = _decode(content)
    if text is None:
        return [], [FileProblem(0, "file", _("The file is neither UTF-8 nor GBK text: save it again in one of them."))]
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        return [list(row) for row in reader], []
    except csv.Error:
        message = _("This row cannot be read as CSV text: is the file a bank statement?")
        return [], [FileProblem(reader.line_num, "file", message)]


def _cell(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\ufeff", "").strip().strip('"').strip()


def _heading(value: object) -> str:
    return re.sub(r"\s+", "", _cell(value))


def _columns(header: list[str], layout: str, mapping: dict | None) -> dict[str, int]:
    preset = PRESETS.get(layout, GENERIC)
    positions: dict[str, int] = {}
    for field in FIELDS:
        names = []
        if mapping and mapping.get(field):
            names.append(_heading(mapping[field]))
        names += [_heading(n) for n in preset.get(field, [])] + [_heading(n) for n in GENERIC.get(field, [])]
        for candidate in names:
            if candidate in header and header.index(candidate) not in positions.values():
                positions[field] = header.index(candidate)
                break
    if "remittance" in positions:
        # 摘要, 用途 and 附言 each carry part of what the payer wrote: all of them are read.
        extra = [
            i
            for i, h in enumerate(header)
            if h in {_heading(n) for n in GENERIC["remittance"]} and i not in positions.values()
        ]
        positions.update({f"remittance_{n}": i for n, i in enumerate(extra)})
    return positions


def _balance_in(row: list[object], words: tuple[str, ...]) -> str | None:
    cells = [_cell(c) for c in row]
    for i, cell in enumerate(cells):
        if any(w in cell.lower() for w in words):
            inline = re.sub(r"^[^\d\-]*", "", cell.split(":")[-1].split("：")[-1])
            if inline:
                return inline
            rest = [c for c in cells[i + 1 :] if c]
            if rest:
                return rest[0]
    return None


def read_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _cell(value)
    match = re.match(r"^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})", text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _minor(value: object, currency: str, row: int, field: str, problems: list[FileProblem]) -> int | None:
    text = _cell(value) if not isinstance(value, int | float | Decimal) else value
    if text in ("", "-", "--"):
        return None
    amount, amount_problems = read_amount(text, field)
    if amount_problems or amount is None:
        problems.append(FileProblem(row, field, _("'%(value)s' is not an amount.") % {"value": _cell(value)}))
        return None
    try:
        return to_minor(amount, currency)
    except Exception:  # noqa: BLE001 - an amount finer than the currency's minor unit
        problems.append(
            FileProblem(
                row,
                field,
                _("'%(value)s' has more decimals than %(currency)s has.") % {"value": amount, "currency": currency},
            )
        )
        return None


def read_table(
    *, name: str, content: bytes, currency: str, layout: str = "generic", mapping: dict | None = None
) -> tuple[ParsedStatement, list[FileProblem]]:
    """A CSV or XLSX export of Chinese online banking: the header row is found, the rest read by it."""
    rows, problems = _rows(name, content)
    if problems:
        return ParsedStatement(()), problems
    header_at, columns = None, {}
    for index, row in enumerate(rows[:30]):
        found = _columns([_heading(c) for c in row], layout, mapping)
        if "date" in found and ({"credit", "amount"} & found.keys()):
            header_at, columns = index, found
            break
    if header_at is None:
        return ParsedStatement(()), [
            FileProblem(
                0,
                "file",
                _(
                    "No row of headings with a date and an incoming amount was found (such as 交易日期 and 收入金额): "
                    "check the file's encoding (UTF-8 or GBK) and the account's column mapping."
                ),
            )
        ]
    opening = closing = None
    account = ""
    for row in rows[:header_at]:
        cells = [_cell(c) for c in row]
        if cells and cells[0].rstrip(":：") in ACCOUNT_WORDS:
            account = next((c for c in cells[1:] if c), "")
        text = _balance_in(row, OPENING_WORDS)
        if text is not None:
            opening = _minor(text, currency, 0, "opening_balance", problems)
        text = _balance_in(row, CLOSING_WORDS)
        if text is not None:
            closing = _minor(text, currency, 0, "closing_balance", problems)
    lines = []
    for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        cells = list(row) + [None] * (len(rows[header_at]) - len(row))
        first = " ".join(_cell(c) for c in cells).strip()
        if not first:
            continue
        if any(first.lower().startswith(w) for w in TOTAL_WORDS) or _cell(cells[columns["date"]]).startswith(
            TOTAL_WORDS
        ):
            text = _balance_in(row, CLOSING_WORDS)
            if text is not None:
                closing = _minor(text, currency, index, "closing_balance", problems)
            continue
        booked_on = read_date(cells[columns["date"]])
        if booked_on is None:
            problems.append(
                FileProblem(index, "date", _("'%(value)s' is not a date.") % {"value": _cell(cells[columns["date"]])})
            )
            continue
        if "amount" in columns and "credit" not in columns:
            amount = _minor(cells[columns["amount"]], currency, index, "amount", problems)
        else:
            credit = _minor(cells[columns["credit"]], currency, index, "credit", problems) or 0
            debit = _minor(cells[columns["debit"]], currency, index, "debit", problems) if "debit" in columns else 0
            amount = credit - abs(debit or 0)
        if not amount:
            continue

        def text(field: str, cells=cells) -> str:
            return _cell(cells[columns[field]]) if field in columns else ""

        remittance = " ".join(
            part for part in (text(f) for f in columns if f == "remittance" or f.startswith("remittance_")) if part
        )
        balance = (
            _minor(cells[columns["balance"]], currency, index, "balance", problems) if "balance" in columns else None
        )
        lines.append(
            RawLine(
                row=index,
                booked_on=booked_on,
                amount=amount,
                payer_name=text("payer_name")[:200],
                payer_account=text("payer_account")[:64],
                payer_bank=text("payer_bank")[:200],
                remittance=remittance[:500],
                bank_ref=text("bank_ref")[:70],
                balance_after=balance,
            )
        )
    if opening is None and lines and lines[0].balance_after is not None:
        opening = lines[0].balance_after - lines[0].amount
    if closing is None and lines and lines[-1].balance_after is not None:
        closing = lines[-1].balance_after
    return ParsedStatement(tuple(lines), opening, closing, account, currency), problems


# ---------------------------------------------------------------------------------------------
# ISO 20022 camt.053
# ---------------------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(element, path: str):
    """The first descendant along a path of local names (namespaces ignored), or None."""
    current = [element]
    for step in path.split("/"):
        current = [
            child for node in current for child in node.iter() if _local(child.tag) == step and child is not node
        ]
        if not current:
            return None
    return current[0]


def _text(element, path: str) -> str:
    found = _find(element, path) if element is not None else None
    return (found.text or "").strip() if found is not None and found.text else ""


def read_camt053(content: bytes, currency: str) -> tuple[ParsedStatement, list[FileProblem]]:
    """An ISO 20022 BankToCustomerStatement (camt.053): balances OPBD/CLBD and its entries."""
    if b"<!DOCTYPE" in content[:4096].upper() or b"<!ENTITY" in content.upper():
        # A bank's camt.053 never declares entities; refusing them keeps entity-expansion attacks out.
        return ParsedStatement(()), [
            FileProblem(0, "file", _("The XML declares a document type, which camt.053 does not."))
        ]
    try:
        root = ET.fromstring(content)  # noqa: S314 - entities refused above
    except ET.ParseError as exc:
        return ParsedStatement(()), [FileProblem(0, "file", _("The XML cannot be read: %(error)s") % {"error": exc})]
    statement = _find(root, "Stmt")
    if statement is None:
        return ParsedStatement(()), [FileProblem(0, "file", _("The XML holds no camt.053 statement (Stmt)."))]
    problems: list[FileProblem] = []
    account = _text(statement, "Acct/Id/IBAN") or _text(statement, "Acct/Id/Othr/Id")
    balances = {}
    for balance in [c for c in statement if _local(c.tag) == "Bal"]:
        code = _text(balance, "Tp/CdOrPrtry/Cd")
        value = _minor(_text(balance, "Amt"), currency, 0, code, problems)
        if value is not None:
            balances[code] = -value if _text(balance, "CdtDbtInd") == "DBIT" else value
    lines = []
    for row, entry in enumerate([c for c in statement if _local(c.tag) == "Ntry"], start=1):
        amount_element = next((c for c in entry if _local(c.tag) == "Amt"), None)
        if amount_element is not None and amount_element.get("Ccy") and amount_element.get("Ccy") != currency:
            problems.append(
                FileProblem(
                    row,
                    "Amt",
                    _("The entry is in %(found)s, the account in %(currency)s.")
                    % {"found": amount_element.get("Ccy"), "currency": currency},
                )
            )
            continue
        amount = _minor(amount_element.text if amount_element is not None else "", currency, row, "Amt", problems)
        booked_on = read_date(_text(entry, "BookgDt/Dt") or _text(entry, "BookgDt/DtTm") or _text(entry, "ValDt/Dt"))
        if booked_on is None:
            problems.append(FileProblem(row, "BookgDt", _("The entry has no booking date.")))
            continue
        if amount is None:
            continue
        credit = _text(entry, "CdtDbtInd") != "DBIT"
        details = _find(entry, "TxDtls")
        party = "Dbtr" if credit else "Cdtr"
        name = _text(details, f"RltdPties/{party}/Nm") or _text(details, f"RltdPties/{party}/Pty/Nm")
        payer_account = _text(details, f"RltdPties/{party}Acct/Id/IBAN") or _text(
            details, f"RltdPties/{party}Acct/Id/Othr/Id"
        )
        remittance = " ".join(
            t
            for t in (
                _text(details, "RmtInf/Ustrd"),
                _text(details, "RmtInf/Strd/CdtrRefInf/Ref"),
                _text(entry, "AddtlNtryInf"),
            )
            if t
        )
        lines.append(
            RawLine(
                row=row,
                booked_on=booked_on,
                amount=amount if credit else -amount,
                payer_name=name[:200],
                payer_account=payer_account[:64],
                payer_bank=_text(details, f"RltdAgts/{party}Agt/FinInstnId/Nm")[:200],
                remittance=remittance[:500],
                bank_ref=(_text(entry, "AcctSvcrRef") or _text(details, "Refs/AcctSvcrRef"))[:70],
            )
        )
    return (
        ParsedStatement(
            tuple(lines), balances.get("OPBD", balances.get("PRCD")), balances.get("CLBD"), account, currency
        ),
        problems,
    )


# ---------------------------------------------------------------------------------------------
# SWIFT MT940
# ---------------------------------------------------------------------------------------------


def read_mt940(content: bytes, currency: str) -> tuple[ParsedStatement, list[FileProblem]]:
    """A SWIFT MT940 statement (:60F: opening, :61: lines with their :86: text, :62F: closing)."""
    import mt940

    text = _decode(content)
    if text is None:
        return ParsedStatement(()), [
            FileProblem(0, "file", _("The file is neither UTF-8 nor GBK text: save it again in one of them."))
        ]
    transactions = mt940.models.Transactions()
    try:
        transactions.parse(text)
    except Exception as exc:  # noqa: BLE001 - the parser raises bare exceptions for malformed tags
        return ParsedStatement(()), [
            FileProblem(0, "file", _("The MT940 file cannot be read: %(error)s") % {"error": exc})
        ]
    problems: list[FileProblem] = []

    def balance(key: str) -> int | None:
        found = transactions.data.get(key)
        return to_minor(found.amount.amount, currency) if found is not None else None

    lines = []
    for row, transaction in enumerate(transactions, start=1):
        data = transaction.data
        if data.get("currency") and data["currency"] != currency:
            problems.append(
                FileProblem(
                    row,
                    ":61:",
                    _("The entry is in %(found)s, the account in %(currency)s.")
                    % {"found": data["currency"], "currency": currency},
                )
            )
            continue
        details = (data.get("transaction_details") or "").replace("\n", " ").strip()
        name = ""
        for marker in ("?32", "/NAME/"):
            if marker in details:
                name = details.split(marker, 1)[1].split("?", 1)[0].split("/", 1)[0].strip()
        lines.append(
            RawLine(
                row=row,
                booked_on=dt.date(data["date"].year, data["date"].month, data["date"].day),
                amount=to_minor(data["amount"].amount, currency),
                payer_name=name[:200],
                remittance=details[:500],
                bank_ref=(data.get("bank_reference") or "")[:70],
            )
        )
    return (
        ParsedStatement(
            tuple(lines),
            balance("final_opening_balance"),
            balance("final_closing_balance"),
            transactions.data.get("account_identification", ""),
            currency,
        ),
        problems,
    )
