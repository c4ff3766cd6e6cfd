"""The shipped dunning policy: a reminder, three notices, a final notice (催款函), a lawyer's letter (律师函).

A data migration creates it; tests whose database flush deletes it make it again. The texts use the
merge fields of ``collections.letters`` ({{ customer.name }}, {{ contact.name }}, {{ items }}, {{ total }},
{{ company.name }}, {{ company.bank_details }}, {{ date }}).
"""

from __future__ import annotations

from decimal import Decimal

_ITEMS_EN = "{{ items }}\n\nTotal: {{ total }}\n\nPlease pay to:\n{{ company.bank_details }}\n\n{{ company.name }}"
_ITEMS_ZH = "{{ items }}\n\n合计：{{ total }}\n\n请汇款至：\n{{ company.bank_details }}\n\n{{ company.name }}"

DEFAULT_POLICY = {
    "code": "STANDARD",
    "name": "Standard dunning",
    "name_zh": "标准催收",
    "min_days_between": 7,
    "levels": [
        {
            "seq": 1,
            "name": "Reminder before due",
            "name_zh": "到期前提醒",
            "days": -3,
            "channel": "email",
            "min_amount": "0.00",
            "subject_en": "Friendly reminder: invoices falling due - {{ customer.name }}",
            "body_en": "Dear {{ contact.name }},\n\nA friendly reminder that the following items fall due soon:\n\n"
            + _ITEMS_EN,
            "subject_zh": "温馨提示：即将到期的款项 - {{ customer.name }}",
            "body_zh": "{{ contact.name }} 您好：\n\n温馨提示，以下款项即将到期：\n\n" + _ITEMS_ZH,
        },
        {
            "seq": 2,
            "name": "First notice",
            "name_zh": "第一次催款通知",
            "days": 7,
            "channel": "email",
            "min_amount": "100.00",
            "subject_en": "Overdue items - first notice - {{ customer.name }}",
            "body_en": "Dear {{ contact.name }},\n\nOur records show the following items as overdue:\n\n" + _ITEMS_EN,
            "subject_zh": "逾期款项第一次催款通知 - {{ customer.name }}",
            "body_zh": "{{ contact.name }} 您好：\n\n经核对，以下款项已逾期，请尽快安排付款：\n\n" + _ITEMS_ZH,
        },
        {
            "seq": 3,
            "name": "Second notice",
            "name_zh": "第二次催款通知",
            "days": 21,
            "channel": "email",
            "min_amount": "100.00",
            "subject_en": "Overdue items - second notice - {{ customer.name }}",
            "body_en": "Dear {{ contact.name }},\n\nWe have not yet received payment of the following items:\n\n"
            + _ITEMS_EN,
            "subject_zh": "逾期款项第二次催款通知 - {{ customer.name }}",
            "body_zh": "{{ contact.name }} 您好：\n\n以下款项至今仍未收到，请于七日内付款：\n\n" + _ITEMS_ZH,
        },
        {
            "seq": 4,
            "name": "Third notice (phone)",
            "name_zh": "第三次催款（电话）",
            "days": 35,
            "channel": "phone",
            "min_amount": "100.00",
            "subject_en": "Call {{ customer.name }} about overdue items",
            "body_en": "Call about these items:\n\n{{ items }}\n\nTotal: {{ total }}",
            "subject_zh": "致电 {{ customer.name }} 催收逾期款项",
            "body_zh": "请就以下款项致电客户：\n\n{{ items }}\n\n合计：{{ total }}",
        },
        {
            "seq": 5,
            "name": "Final notice",
            "name_zh": "催款函",
            "days": 60,
            "channel": "letter",
            "min_amount": "500.00",
            "subject_en": "Final notice - {{ customer.name }}",
            "body_en": "Dear {{ contact.name }},\n\nDespite our notices the following items remain unpaid. Unless "
            "payment is received within ten days we will hand the matter to our lawyers.\n\n" + _ITEMS_EN,
            "subject_zh": "催款函 - {{ customer.name }}",
            "body_zh": "{{ contact.name }} 您好：\n\n经我司多次催告，以下款项仍未支付。请于收到本函后十日内付清，"
            "否则我司将委托律师依法追讨。\n\n" + _ITEMS_ZH,
        },
        {
            "seq": 6,
            "name": "Lawyer's letter",
            "name_zh": "律师函",
            "days": 90,
            "channel": "legal",
            "min_amount": "5000.00",
            "subject_en": "Lawyer's letter - {{ customer.name }}",
            "body_en": "To {{ customer.name }}:\n\nOn behalf of {{ company.name }} we demand payment of the following "
            "overdue items within seven days, failing which legal proceedings will follow.\n\n" + _ITEMS_EN,
            "subject_zh": "律师函 - {{ customer.name }}",
            "body_zh": "致 {{ customer.name }}：\n\n受 {{ company.name }} 委托，"
            "现正式函告贵司于七日内支付以下逾期款项，逾期未付，我方将依法提起诉讼。\n\n" + _ITEMS_ZH,
        },
    ],
}


def dunning_policy_ensure(apps) -> None:
    """Create the shipped policy if it is missing; it is the default when no other policy is."""
    policy_model = apps.get_model("collections", "DunningPolicy")
    level_model = apps.get_model("collections", "DunningLevel")
    spec = DEFAULT_POLICY
    policy, created = policy_model.objects.get_or_create(
        code=spec["code"],
        defaults={
            "name": spec["name"],
            "name_zh": spec["name_zh"],
            "min_days_between": spec["min_days_between"],
            "is_default": not policy_model.objects.filter(is_default=True).exists(),
        },
    )
    if created:
        # Migration 0002 runs this on the models of its time, whose minimum was kept in fen (0009
        # turned it into an amount in the company's currency).
        in_fen = level_model._meta.get_field("min_amount").get_internal_type() != "DecimalField"
        level_model.objects.bulk_create(
            level_model(
                policy=policy,
                **{**level, "min_amount": Decimal(level["min_amount"]) * (100 if in_fen else 1)},
            )
            for level in spec["levels"]
        )
