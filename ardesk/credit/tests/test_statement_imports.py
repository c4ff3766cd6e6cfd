"""Financial statement imports read their cells as the ledger's imports do (issue 18)."""

from __future__ import annotations

import io

import pytest

from ardesk.core.errors import InvalidInput
from ardesk.credit import services
from ardesk.credit.models import FinancialStatement
from ardesk.ledger.tests.xlsx_files import xlsx


def imported(analyst, company, data: bytes, name: str = "s.csv"):
    return services.financial_statements_import(
        by=analyst, handle=io.BytesIO(data), filename=name, company_ids=[company.pk]
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("1e30", "Scientific notation (such as 1e5): write the amount out in full."),
        ("1" + "0" * 30, "1" + "0" * 30 + " is more than the largest amount the ledger holds, 9999999999999.99."),
        ("=A1*2", "Starts with '=', which a spreadsheet would run as a formula."),
    ],
)
def test_amounts_a_statement_cannot_hold_are_named_not_a_crash(analyst, company, customer, value, reason):
    data = f"customer,period_end,current_assets\nC1,2023-12-31,{value}\n".encode()
    with pytest.raises(InvalidInput) as refused:
        imported(analyst, company, data)
    assert refused.value.row == 2 and refused.value.errors == {"current_assets": [reason]}
    assert not FinancialStatement.objects.filter(customer=customer).exists()


def test_a_loss_is_a_negative_number_and_more_decimals_are_rounded_as_before(analyst, company, customer):
    data = b"customer,period_end,current_assets,net_income\nC1,2023-12-31,100.125,-5\n"
    (statement,) = imported(analyst, company, data)
    assert (statement.lines["current_assets"], statement.lines["net_income"]) == (10013, -500)


def test_a_statement_column_given_twice_is_refused(analyst, company, customer):
    data = b"customer,period_end,current_assets,current_assets\nC1,2023-12-31,1,2\n"
    with pytest.raises(InvalidInput) as refused:
        imported(analyst, company, data)
    assert refused.value.errors == {"file": ["Column current_assets appears more than once (columns C, D)."]}


def test_every_row_of_an_xlsx_statement_file_is_read_whatever_its_dimension_tag(analyst, company, customer):
    rows = [["customer", "period_end", "current_assets"], ["C1", "2022-12-31", "1"], ["C1", "2023-12-31", "2"]]
    saved = imported(analyst, company, xlsx(rows, dimension="A1:C2"), "s.xlsx")
    assert [s.lines["current_assets"] for s in saved] == [100, 200]
