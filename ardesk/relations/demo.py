"""Demo customer relations: interactions with a few customers, one complaint, key accounts' revisits, survey results."""

from __future__ import annotations

import datetime as dt
import secrets

from django.db.models import Count
from django.utils import timezone

from ardesk.core import clock
from ardesk.customers.models import Contact
from ardesk.relations import services
from ardesk.relations.defaults import DEFAULT_SURVEY
from ardesk.relations.models import RelationProfile, Survey, SurveyInvitation, SurveyTemplate

# (days before the anchor, channel, purpose, outcome) for the first customers of each company.
INTERACTIONS = [
    (40, "visit", "relationship", "拜访财务总监，介绍新的对账流程"),
    (28, "email", "statement_sent", "寄送上月对账单"),
    (21, "call", "statement_confirmed", "客户财务确认对账单余额无误"),
    (12, "meeting", "credit", "年度信用额度沟通会"),
    (3, "call", "relationship", "确认下月采购计划及付款安排"),
]
# A survey's answers (CSAT, NPS, comment), hand-picked: 3 promoters, 2 passives, 2 detractors of 9 invited.
ANSWERS = [
    (5, 10, "对账及时，沟通顺畅"),
    (5, 9, ""),
    (4, 9, "开票准确"),
    (4, 8, ""),
    (3, 7, "希望账单更早寄出"),
    (2, 5, "催款电话过于频繁"),
    (1, 3, "发票错误处理太慢"),
]


def demo_relations(*, companies, users, anchor: dt.date) -> dict[str, int]:
    """Log what a finance team would have logged, through the services, with the anchor as the date."""
    collector, manager = users["collector"], users["manager"]
    counts = {"interactions": 0, "complaints": 0, "survey_answers": 0}
    template = SurveyTemplate.objects.filter(code=DEFAULT_SURVEY["code"]).first()
    for n, company in enumerate(companies):
        customers = list(
            company.customers.annotate(contacts_count=Count("contacts"))
            .filter(contacts_count__gt=0)
            .order_by("code")[:12]
        )
        if len(customers) < 3:
            continue
        for customer in customers[:3]:
            contact = customer.contacts.order_by("-is_primary", "pk").first()
            for days, channel, purpose, outcome in INTERACTIONS:
                services.interaction_log(
                    by=collector,
                    customer=customer,
                    channel=channel,
                    purpose=purpose,
                    contact=contact,
                    outcome=outcome,
                    occurred_on=anchor - dt.timedelta(days=days),
                    next_action="电话回访" if days == 3 else "",
                    next_action_on=anchor + dt.timedelta(days=7) if days == 3 else None,
                )
                counts["interactions"] += 1
        RelationProfile.objects.bulk_create(
            [RelationProfile(customer=c, is_key_account=True, owner=collector) for c in customers[:2]],
            ignore_conflicts=True,
        )
        if n == 0:
            complaint = services.complaint_open(
                by=collector,
                customer=customers[0],
                category="billing",
                severity="high",
                subject="发票金额与合同单价不符",
                description="客户反映三月发票单价高于合同约定。",
                opened_on=anchor - dt.timedelta(days=6),
            )
            services.complaint_move(
                by=collector, complaint=complaint, status="in_progress", on=anchor - dt.timedelta(days=5)
            )
            services.complaints_escalate(as_of=anchor, notify=False)  # history: no e-mail now
            counts["complaints"] += 1
            if template is not None:
                counts["survey_answers"] += _survey(company, customers, template, manager, anchor)
    services.revisits_plan_by_rule(as_of=anchor)
    return counts


def _survey(company, customers, template, manager, anchor: dt.date) -> int:
    """A survey sent a fortnight ago (its e-mails were sent then: no mail now) and answered by most contacts."""
    contacts = list(Contact.objects.filter(customer__in=customers).exclude(email="").order_by("customer__code", "pk"))
    contacts = contacts[: len(ANSWERS) + 2]
    sent_on = anchor - dt.timedelta(days=14)
    survey = Survey.objects.create(
        company=company,
        template=template,
        sent_on=sent_on,
        expires_on=max(sent_on + dt.timedelta(days=template.valid_days), clock.today()),
        sent_by=manager,
    )
    invitations = SurveyInvitation.objects.bulk_create(
        [
            SurveyInvitation(
                survey=survey,
                company=company,
                customer=c.customer,
                contact=c,
                email=c.email,
                language=c.preferred_language or "zh-hans",
                nonce=secrets.token_hex(16),
                sent_at=timezone.now(),
            )
            for c in contacts
        ]
    )
    for invitation, (csat, nps, comment) in zip(invitations, ANSWERS, strict=False):
        token = services.survey_link(invitation).rstrip("/").rsplit("/", 1)[1]
        services.survey_answer(token=token, csat=csat, nps=nps, comment=comment)
    return min(len(invitations), len(ANSWERS))
