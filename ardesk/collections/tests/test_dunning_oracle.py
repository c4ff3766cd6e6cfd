"""Property: on random ledgers, dunning histories, disputes, promises and blocks, the set-based dunning
run (collections.engine) gives each item the level ``domain.next_level`` states, and sends the
notices ``domain.notices_due`` states, as the aging is checked against ``domain.age_buckets``."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ardesk.collections import domain, engine
from ardesk.collections.models import (
    CollectionProfile,
    Dispute,
    DisputeItem,
    DisputeStatus,
    DunningLevel,
    DunningPolicy,
    DunningState,
    LevelChannel,
    PromiseItem,
    PromiseStatus,
    PromiseToPay,
)
from ardesk.core.money import to_minor
from ardesk.customers.models import Customer
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import DueLine
from ardesk.ledger.tests.test_invariants import START, apply, expected_open_by_line, operations

# A second policy beside the shipped one (a reminder, then notices from 7 to 90 days with minimums):
# no reminder, and its own spacing between notices.
OWN_LEVELS = ((1, 5, 0), (2, 20, 500), (3, 45, 0))  # minimums in CNY, the company's currency

customer_facts = st.fixed_dictionaries(
    {"own_policy": st.booleans(), "blocked": st.sampled_from([None, "block", "legal"]), "ops": operations}
)
line_facts = st.fixed_dictionaries(
    {
        "reached": st.one_of(st.none(), st.integers(1, 6)),
        "notice_days_before": st.integers(0, 40),
        "dispute": st.sampled_from([None, DisputeStatus.OPEN, DisputeStatus.REJECTED]),
        "promise": st.one_of(
            st.none(), st.tuples(st.sampled_from([PromiseStatus.OPEN, PromiseStatus.KEPT]), st.integers(-10, 10))
        ),
    }
)


def own_policy(min_days_between: int) -> DunningPolicy:
    policy = DunningPolicy.objects.create(code="OWN", name="Own", min_days_between=min_days_between)
    for seq, days, minimum in OWN_LEVELS:
        DunningLevel.objects.create(
            policy=policy, seq=seq, name=f"L{seq}", days=days, channel=LevelChannel.EMAIL, min_amount=minimum
        )
    return policy


def steps_of(policy: DunningPolicy) -> tuple[domain.DunningStep, ...]:
    # The oracle compares the notice totals with the minimum in the company's minor units (fen).
    return tuple(
        domain.DunningStep(level.seq, level.days, to_minor(level.min_amount, "CNY")) for level in policy.levels.all()
    )


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    customers=st.lists(customer_facts, min_size=1, max_size=3),
    run_offset=st.integers(0, 170),
    own_spacing=st.integers(1, 14),
    data=st.data(),
)
def test_the_run_gives_each_item_the_level_the_rule_states(
    customers, run_offset, own_spacing, data, accountant, company
):
    with transaction.atomic():
        run_on = START + dt.timedelta(days=run_offset)
        shipped = DunningPolicy.objects.get(is_default=True)
        own = own_policy(own_spacing)
        policy_of, blocked_of = {}, {}
        for n, facts in enumerate(customers):
            customer = CustomerFactory(company=company)
            apply(accountant, customer, facts["ops"], first=100 * n)
            policy_of[customer.pk] = own if facts["own_policy"] else shipped
            blocked_of[customer.pk] = facts["blocked"] is not None
            if facts["own_policy"] or facts["blocked"]:
                CollectionProfile.objects.create(
                    customer=customer,
                    policy=own if facts["own_policy"] else None,
                    dunning_blocked=facts["blocked"] == "block",
                    in_legal=facts["blocked"] == "legal",
                )
        # After every customer's operations: an allocation may join one customer's credit to another's line.
        expected_open = {}
        for customer_id in policy_of:
            expected_open.update(expected_open_by_line(Customer(pk=customer_id), run_on))
        steps = {policy.pk: steps_of(policy) for policy in (shipped, own)}

        # A history for each item open on the run date, drawn at random: the level it reached and its
        # last notice, a dispute, a promise.
        expected_levels, notice_items = {}, []
        lines = DueLine.objects.filter(pk__in=expected_open).order_by("pk")
        for line in lines:
            facts = data.draw(line_facts, label=f"line {line.pk}")
            policy = policy_of[line.customer_id]
            levels = {level.seq: level for level in policy.levels.all()}
            reached, last_notice_on = 0, None
            if facts["reached"] is not None and facts["reached"] in levels:
                reached = facts["reached"]
                last_notice_on = run_on - dt.timedelta(days=facts["notice_days_before"])
                DunningState.objects.create(
                    line=line, level=levels[reached], level_seq=reached, notice_on=last_notice_on
                )
            if facts["dispute"] is not None:
                dispute = Dispute.objects.create(
                    company=company,
                    customer_id=line.customer_id,
                    reason="price",
                    currency="CNY",
                    amount=1,
                    opened_on=START,
                    status=facts["dispute"],
                )
                DisputeItem.objects.create(dispute=dispute, line=line)
            promised_on = None
            if facts["promise"] is not None:
                status, days = facts["promise"]
                promise = PromiseToPay.objects.create(
                    company=company,
                    customer_id=line.customer_id,
                    currency="CNY",
                    amount=1,
                    promised_on=run_on + dt.timedelta(days=days),
                    made_on=START,
                    status=status,
                )
                PromiseItem.objects.create(promise=promise, line=line)
                if status == PromiseStatus.OPEN:
                    promised_on = promise.promised_on
            level = domain.next_level(
                run_on=run_on,
                due_on=line.due_on,
                levels=steps[policy.pk],
                min_days_between=policy.min_days_between,
                reached=reached,
                last_notice_on=last_notice_on,
                disputed=facts["dispute"] == DisputeStatus.OPEN,
                promised_on=promised_on,
                blocked=blocked_of[line.customer_id],
            )
            if level is not None:
                expected_levels[line.pk] = level.seq
                notice_items.append((line.customer_id, level, expected_open[line.pk]))

        sql, params = engine.candidates_sql(company_id=company.pk, run_on=run_on)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = {row[0]: (row[3], row[8]) for row in cursor.fetchall()}
        assert {line_id: seq for line_id, (seq, _amount) in found.items()} == expected_levels
        assert {line_id: amount for line_id, (_seq, amount) in found.items()} == {
            line_id: expected_open[line_id] for line_id in expected_levels
        }

        notices = {
            (customer_id, seq): (items, total)
            for customer_id, _level, seq, _channel, items, total in engine.preview_rows(
                company_id=company.pk, run_on=run_on
            )
        }
        assert notices == {
            key: (len(amounts), sum(amounts)) for key, amounts in domain.notices_due(notice_items).items()
        }
        transaction.set_rollback(True)
