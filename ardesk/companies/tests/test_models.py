"""The company's bank account, printed on statements and letters."""

from __future__ import annotations

from ardesk.companies.models import Company


def test_the_payment_details_name_bank_account_name_and_number_then_the_other_lines():
    company = Company(
        code="SH01",
        name="星辰实业",
        bank_name="中国工商银行上海张江支行",
        bank_account_name="星辰实业（上海）有限公司",
        bank_account_number="1001 2345",
        bank_details="SWIFT: ICBKCNBJSHI\n",
    )
    assert company.bank_lines() == [
        ("Bank", "中国工商银行上海张江支行"),
        ("Account name", "星辰实业（上海）有限公司"),
        ("Account number", "1001 2345"),
        ("", "SWIFT: ICBKCNBJSHI"),
    ]
    assert company.payment_details.splitlines()[2:] == ["Account number: 1001 2345", "SWIFT: ICBKCNBJSHI"]


def test_a_company_without_a_bank_account_prints_no_payment_details():
    assert Company(code="X", name="X").bank_lines() == []
