"""``any_of``: the same rows as ``in``, for ids, texts and foreign keys, on every engine."""

from __future__ import annotations

import pytest

from ardesk.customers.models import Customer


@pytest.fixture
def customers(company, other_company):
    made = [
        Customer.objects.create(company=owner, code=code, name=name)
        for owner, code, name in [
            (company, "C1", '上海"引号"贸易'),
            (company, "C2", "北京明达 {brace}"),
            (company, "C3", "back\\slash, comma"),
            (other_company, "C4", "深圳华星"),
        ]
    ]
    return made


@pytest.mark.django_db
def test_any_of_finds_what_in_finds(customers, company):
    ids = [customers[0].pk, customers[2].pk, customers[3].pk, 10**9]
    names = [c.name for c in customers[:3]] + ["nobody"]
    for field, values in (("pk", ids), ("name", names), ("company_id", [company.pk]), ("code", ["C2", "C4"])):
        expected = set(Customer.objects.filter(**{f"{field}__in": values}).values_list("pk", flat=True))
        found = set(Customer.objects.filter(**{f"{field}__any_of": values}).values_list("pk", flat=True))
        assert found == expected and found, field


@pytest.mark.django_db
def test_any_of_nothing_finds_nothing(customers):
    assert list(Customer.objects.filter(pk__any_of=[])) == []
    assert Customer.objects.exclude(pk__any_of=[]).count() == len(customers)
