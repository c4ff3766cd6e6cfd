"""Reading statement files: camt.053, MT940, a bank's XLSX layout, and files refused with the row named."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

from ardesk.banking import statement_files

CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><Othr><Id>1001234567890123456</Id></Othr></Id></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">1785.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
<Ntry><Amt Ccy="CNY">800.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-02</Dt></BookgDt>
<AcctSvcrRef>SVC001</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>上海华星贸易有限公司</Nm></Dbtr>
<DbtrAcct><Id><Othr><Id>6222021001123456</Id></Othr></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>INV-2026-0312</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="CNY">15.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-03-02</Dt></BookgDt>
<AcctSvcrRef>SVC002</AcctSvcrRef></Ntry>
</Stmt></BkToCstmrStmt></Document>""".encode()

MT940 = b""":20:STMT0302
:25:1001234567890123456
:28C:00001/001
:60F:C260302CNY1000,00
:61:2603020302C800,00NTRFNONREF//BS001
:86:/NAME/SHANGHAI HUAXING TRADING CO LTD/REMI/INV-2026-0312
:61:2603020302D15,00NCHGNONREF//BS002
:86:FEE
:62F:C260302CNY1785,00
-"""


def test_camt053_gives_balances_payer_account_and_remittance():
    kind, statement, problems = statement_files.read_statement(name="s.xml", content=CAMT, currency="CNY")
    assert (kind, problems) == ("camt053", [])
    assert (statement.opening, statement.closing) == (100000, 178500)
    first, fee = statement.lines
    assert (first.amount, first.payer_name, first.payer_account, first.remittance, first.bank_ref) == (
        80000,
        "上海华星贸易有限公司",
        "6222021001123456",
        "INV-2026-0312",
        "SVC001",
    )
    assert fee.amount == -1500 and first.booked_on == dt.date(2026, 3, 2)


def test_a_camt053_file_declaring_entities_is_refused():
    content = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Document/>'
    _kind, _statement, problems = statement_files.read_statement(name="s.xml", content=content, currency="CNY")
    assert problems and problems[0].row == 0


def test_mt940_gives_balances_and_lines_with_their_text():
    kind, statement, problems = statement_files.read_statement(name="s.sta", content=MT940, currency="CNY")
    assert (kind, problems) == ("mt940", [])
    assert (statement.opening, statement.closing) == (100000, 178500)
    assert [line.amount for line in statement.lines] == [80000, -1500]
    assert "INV-2026-0312" in statement.lines[0].remittance
    assert statement.lines[0].payer_name == "SHANGHAI HUAXING TRADING CO LTD"


def test_a_construction_bank_xlsx_is_read_by_its_preset():
    book = Workbook()
    sheet = book.active
    sheet.append(["中国建设银行 账户明细"])
    sheet.append(
        [
            "记账日期",
            "交易时间",
            "借方发生额（支取）",
            "贷方发生额（收入）",
            "余额",
            "对方户名",
            "对方账号",
            "摘要",
            "账户明细编号-交易流水号",
        ]
    )
    sheet.append([dt.datetime(2026, 3, 2), "10:00", None, 1200.5, 2200.5, "上海华星", "6222", "货款", "CCB-1"])
    sheet.append(["20260303", "10:00", "15.00", None, "2185.50", "", "", "手续费", "CCB-2"])
    buffer = io.BytesIO()
    book.save(buffer)
    _kind, statement, problems = statement_files.read_statement(
        name="ccb.xlsx", content=buffer.getvalue(), currency="CNY", layout="ccb"
    )
    assert problems == []
    assert [(line.booked_on, line.amount, line.bank_ref) for line in statement.lines] == [
        (dt.date(2026, 3, 2), 120050, "CCB-1"),
        (dt.date(2026, 3, 3), -1500, "CCB-2"),
    ]
    assert (statement.opening, statement.closing) == (100000, 218550)


def test_an_account_mapping_names_a_heading_no_preset_knows():
    content = "日期,来款单位,入账金额,说明\n2026-03-02,上海华星,100.00,货款\n".encode()
    mapping = {"payer_name": "来款单位", "credit": "入账金额", "remittance": "说明"}
    _kind, statement, problems = statement_files.read_statement(
        name="x.csv", content=content, currency="CNY", mapping=mapping
    )
    assert problems == [] and statement.lines[0].payer_name == "上海华星" and statement.lines[0].amount == 10000


def test_a_file_without_recognisable_headings_is_refused_as_a_whole():
    content = b"a,b,c\n1,2,3\n"
    _kind, _statement, problems = statement_files.read_statement(name="x.csv", content=content, currency="CNY")
    assert [(p.row, p.field) for p in problems] == [(0, "file")]


def test_a_bad_date_names_its_row():
    content = "交易日期,收入金额\n2026-03-02,1.00\n2026-13-45,2.00\n".encode()
    _kind, _statement, problems = statement_files.read_statement(name="x.csv", content=content, currency="CNY")
    assert [(p.row, p.field) for p in problems] == [(3, "date")]
