from __future__ import annotations

import factory

from ardesk.customers.domain import make_uscc, search_key
from ardesk.customers.models import Contact, Customer


def valid_uscc(n: int) -> str:
    return make_uscc("91", "310115", f"{n:08d}")


class CustomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Customer

    code = factory.Sequence(lambda n: f"T{n:05d}")
    name = factory.Sequence(lambda n: f"上海测试{n}号贸易有限公司")
    uscc = factory.Sequence(lambda n: valid_uscc(n + 1000))
    search_text = factory.LazyAttribute(lambda o: search_key(o.code, o.name, o.uscc))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    customer = factory.SubFactory(CustomerFactory)
    name = "王伟"
    phone = "13800138000"
    email = "wang.wei@example.cn"
