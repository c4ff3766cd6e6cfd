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
bucket = st.tuples(st.lists(balance, min_size=1, max_size=25), rate)


def database_shares(rows: list[tuple[int, int, int]], buckets: list[selectors.BucketShare]) -> dict:
    """Run the apportioning SQL over (customer, bucket, balance) rows given as literals."""
    row = "SELECT CAST(%s AS BIGINT) AS customer_id, CAST(%s AS INTEGER) AS bucket, CAST(%s AS BIGINT) AS balance"
    sql, params = selectors.apportion_sql(
        " UNION ALL ".join([row] * len(rows)), [value for r in rows for value in r], buckets
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(bucket_id, customer): (int(amount), int(share)) for bucket_id, customer, amount, share in cursor}


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(buckets=st.lists(bucket, min_size=1, max_size=4), data=st.data())
def test_the_database_apportions_exactly_as_the_domain_rule(buckets, data):
    rows, shares, expected = [], [], {}
    for n, (balances, bucket_rate) in enumerate(buckets):
        # Customer ids in any order: the rule orders the customers by id, the lower id first on a tie.
        ids = data.draw(st.lists(st.integers(1, 10**9), min_size=len(balances), max_size=len(balances), unique=True))
        total = sum(balances)
        required = domain.bucket_allowance(total, bucket_rate)
        shares.append(selectors.BucketShare(bucket=n, bucket_id=100 + n, required=required, total=total))
        rows += [(customer, n, amount) for customer, amount in zip(ids, balances, strict=True)]
        ordered = sorted(zip(ids, balances, strict=True))
        parts = domain.apportion(required, [amount for _customer, amount in ordered])
        expected |= {
            (100 + n, customer): (amount, part) for (customer, amount), part in zip(ordered, parts, strict=True)
        }
    assert database_shares(rows, shares) == expected


@pytest.mark.django_db
def test_the_fen_left_over_go_to_the_largest_remainders_then_to_the_lower_customer_id():
    # 10 fen over three equal balances: 3.33 each, one fen left, to customer 5 (the lowest id).
    # 1 fen over 1 : 3: exact shares 0.25 and 0.75; customer 9's larger remainder gets it.
    rows = [(7, 0, 100), (5, 0, 100), (6, 0, 100), (8, 1, 1), (9, 1, 3)]
    buckets = [selectors.BucketShare(0, 1, 10, 300), selectors.BucketShare(1, 2, 1, 4)]
    assert database_shares(rows, buckets) == {
        (1, 5): (100, 4),
        (1, 6): (100, 3),
        (1, 7): (100, 3),
        (2, 8): (1, 0),
        (2, 9): (3, 1),
    }
