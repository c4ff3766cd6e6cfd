"""Demo collections: a few calls, promises (one open, one broken), a dispute, a legal case, and today's run."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Sum

from ardesk.collections import services, tasks
from ardesk.collections.models import DunningLevel
from ardesk.core.money import from_minor
from ardesk.ledger.models import DueLine


def demo_collections(*, companies, users, anchor: dt.date) -> dict[str, int]:
    """Work the largest overdue customers of each company as a collector would, then run dunning for the day.

    Every service is given the anchor as its date, so the story holds for any anchor.
    """
    collector, manager = users["collector"], users["manager"]
    counts = {"contacts": 0, "promises": 0, "disputes": 0, "notices": 0}
    for company in companies:
        overdue = list(
            DueLine.objects.filter(company=company, settled_on__isnull=True, open_now__gt=0, due_on__lt=anchor)
            .values("customer_id")
            .annotate(total=Sum("open_functional_now"))
            .order_by("-total")[:5]
        )
        customers = [company.customers.get(pk=row["customer_id"]) for row in overdue]
        if len(customers) < 5:
            continue
        promised, broken, disputed, visited, legal = customers
        services.contact_log(
            by=collector,
            customer=promised,
            channel="call",
            outcome="promised",
            note="财务经理确认下周安排付款",
            promise_amount=_open_amount(promised),
            promise_on=anchor + dt.timedelta(days=7),
            line_ids=[_oldest_line(promised).pk],
            on=anchor,
        )
        services.promise_create(
            by=collector,
            customer=broken,
            amount=_open_amount(broken),
            promised_on=anchor - dt.timedelta(days=3),
            line_ids=[_oldest_line(broken).pk],
            note="电话承诺月底前付款",
            on=anchor - dt.timedelta(days=20),
        )
        line = _oldest_line(disputed)
        services.dispute_open(
            by=collector,
            customer=disputed,
            reason="quality",
            amount=from_minor(line.open_now, line.currency),
            line_ids=[line.pk],
            description="客户反映部分货物有质量问题，要求退货",
            on=anchor - dt.timedelta(days=45),
        )
        services.contact_log(
            by=collector,
            customer=visited,
            channel="visit",
            outcome="reached",
            note="上门拜访，客户资金紧张，约定再次跟进",
            next_action_on=anchor,
            on=anchor - dt.timedelta(days=5),
        )
        services.legal_case_open(by=manager, customer=legal, lawyer="上海明理律师事务所", on=anchor)
        counts["contacts"] += 2
        counts["promises"] += 2
        counts["disputes"] += 1
    services.promises_check(as_of=anchor)
    # The demo's later notices carry charges (a fee and 6 % a year late-payment interest), waived until
    # the manager charges them, so the notice and run screens show them.
    DunningLevel.objects.filter(policy__is_default=True, days__gte=30).update(
        fee=Decimal(100), interest_rate=Decimal(6)
    )
    for company in companies:
        run = services.dunning_run(by=None, company=company, run_on=anchor, check_access=False, deliver=False)
        if run.notices:
            tasks.deliver_run.run(run.pk)
        counts["notices"] += run.notices
    return counts


def _oldest_line(customer) -> DueLine:
    return DueLine.objects.filter(customer=customer, settled_on__isnull=True, open_now__gt=0).order_by("due_on", "id")[
        0
    ]


def _open_amount(customer) -> Decimal:
    line = _oldest_line(customer)
    return from_minor(line.open_now, line.currency)
