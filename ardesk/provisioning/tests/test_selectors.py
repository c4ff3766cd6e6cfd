"""The database's apportioning of a bucket's allowance to its customers is the domain rule, exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ardesk.provisioning import domain, selectors

# Small balances make ties (equal remainders) common; large ones make required × balance exceed
# 64 bits, which the database must still compute exactly.
balance = st.one_of(st.integers(min_value=1, max_value=5), st.integers(min_value=1, max_value=10**13))
rate = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=4)


def database_shares(rows: list[tuple[int, int]], required: int) -> dict[int, tuple[int, int]]:
    """Run the apportioning SQL over (customer, balance) rows given as literals: customer → (balance, share)."""
    row = "SELECT CAST(%s AS BIGINT) AS customer_id, CAST(%s AS BIGINT) AS balance"
    sql, params = selectors.apportion_sql(
        " UNION ALL ".join([row] * len(rows)),
        [value for r in rows for value in r],
        required=required,
        total=sum(amount for _customer, amount in rows),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {customer: (int(amount), int(share)) for customer, amount, share in cursor}


@pytest.mark.django_db
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(balances=st.lists(balance, min_size=1, max_size=30), bucket_rate=rate, data=st.data())
def test_the_database_apportions_exactly_as_the_domain_rule(balances, bucket_rate, data):
    # Customer ids in any order: the rule orders the customers by id, the lower id first on a tie.
    ids = data.draw(st.lists(st.integers(1, 10**9), min_size=len(balances), max_size=len(balances), unique=True))
    required = domain.bucket_allowance(sum(balances), bucket_rate)
    ordered = sorted(zip(ids, balances, strict=True))
    parts = domain.apportion(required, [amount for _customer, amount in ordered])
    expected = {customer: (amount, part) for (customer, amount), part in zip(ordered, parts, strict=True)}
    assert database_shares(list(zip(ids, balances, strict=True)), required) == expected


@pytest.mark.django_db
def test_the_fen_left_over_go_to_the_largest_remainders_then_to_the_lower_customer_id():
    # 10 fen over three equal balances: 3.33 each, one fen left, to customer 5 (the lowest id).
    assert database_shares([(7, 100), (5, 100), (6, 100)], 10) == {5: (100, 4), 6: (100, 3), 7: (100, 3)}
    # 1 fen over 1 : 3: exact shares 0.25 and 0.75; customer 9's larger remainder gets it.
    assert database_shares([(8, 1), (9, 3)], 1) == {8: (1, 0), 9: (3, 1)}


@pytest.mark.django_db
def test_customers_of_a_bucket_without_balance_get_nothing():
    assert database_shares([(3, 0), (4, 0)], 0) == {3: (0, 0), 4: (0, 0)}
