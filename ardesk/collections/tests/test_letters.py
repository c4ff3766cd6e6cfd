"""A notice's text rendered once for the e-mail and the letter reads exactly as when rendered for each."""

from __future__ import annotations

import datetime as dt

import pytest

from ardesk.collections import letters
from ardesk.collections.models import DunningLevel, Notice
from ardesk.customers.models import Contact

ON = dt.date(2025, 3, 20)
ITEMS = [
    letters.LetterItem("INV-1", dt.date(2025, 1, 1), dt.date(2025, 1, 31), 48, "CNY", 120_050),
    letters.LetterItem("INV-2", dt.date(2025, 2, 1), dt.date(2025, 2, 28), 20, "CNY", 99),
]


def _notice(customer, level) -> Notice:
    return Notice(
        company=customer.company,
        customer=customer,
        level=level,
        level_seq=level.seq,
        channel=level.channel,
        notice_on=ON,
        item_count=len(ITEMS),
        currency="CNY",
        fee=5_000,
        interest=123,
        total_functional=120_149,
    )


@pytest.mark.parametrize(
    "body",
    [
        None,  # the shipped texts
        "尊敬的{{ contact.name }}：\n\n{{ items }}\n\n合计 {{ total }}",
        "Dear {{ contact.name }},\n\n{{items|upper}}\n\nOverdue items: {{ total }}",
        "{% if items %}Items:\n{{ items }}{% endif %}\n{{ total_due }}",
        "{{ items|length }} {{ items }}",
        "{% verbatim %}{{ items }}{% endverbatim %} {# items #} {{ items }}",
    ],
)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("items", [ITEMS, []])
def test_the_texts_rendered_once_are_those_rendered_for_the_e_mail_and_for_the_letter(customer, body, language, items):
    level = DunningLevel.objects.order_by("policy_id", "seq").first()
    if body is not None:
        level.body_zh = level.body_en = body
    contact = Contact.objects.get(customer=customer)
    notice = _notice(customer, level)
    arguments = {"level": level, "notice": notice, "contact": contact, "items": items, "language": language}

    subject, text, marked = letters.render_texts(**arguments)

    assert (subject, text) == letters.render_text(**arguments)
    assert marked == letters.render_text(**arguments, items_text=letters.ITEMS_MARK)
    assert "\x00" not in subject + text
