"""Credit services on the database: the check against the ledger, orders, scoring, approvals, reviews."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission

from ardesk.audit.models import AuditEvent
from ardesk.core.errors import ApplicationError, InvalidInput, NotPermitted
from ardesk.credit import selectors, services
from ardesk.credit.defaults import DEMO_SCORECARD
from ardesk.credit.models import ApprovalLevel, CreditAccount, CreditReview, CreditScore, FinancialStatement
from ardesk.credit.tests.conftest import TODAY, give_limit

pytestmark = pytest.mark.django_db

STATEMENT = {
    "current_assets": "3000000",
    "current_liabilities": "1500000",
    "inventory": "800000",
    "cash": "600000",
    "total_assets": "10000000",
    "total_liabilities": "4000000",
    "equity": "6000000",
    "retained_earnings": "2000000",
    "revenue": "12000000",
    "cost_of_sales": "9000000",
    "operating_income": "1300000",
    "interest_expense": "100000",
    "total_profit": "1200000",  # EBIT 1,300,000 = total profit + interest
    "net_income": "1000000",
}


def audit_actions(target) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type=target._meta.label_lower, object_id=str(target.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )


# ---------------------------------------------------------------------------- statements


def test_a_statement_is_stored_in_minor_units_and_its_ratios_computed(analyst, customer):
    statement = services.financial_statement_save(
        by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT
    )
    assert statement.lines["current_assets"] == 300_000_000
    period = selectors.analysis(customer)[0]
    ratios = {r.key: r.value for r in period.ratios}
    assert ratios["current_ratio"] == Decimal("2.000000")
    assert ratios["debt_to_assets"] == Decimal("0.400000")
    assert "credit.statement_save" in audit_actions(statement)


def test_a_second_entry_for_the_same_period_replaces_the_lines(analyst, customer):
    services.financial_statement_save(by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT)
    services.financial_statement_save(
        by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines={"cash": "1.00"}
    )
    assert FinancialStatement.objects.get(customer=customer).lines == {"cash": 100}


def test_an_unknown_line_or_a_bad_amount_is_refused_naming_the_field(analyst, customer):
    with pytest.raises(InvalidInput) as error:
        services.financial_statement_save(
            by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines={"goodwill": "1", "cash": "abc"}
        )
    assert set(error.value.errors) == {"goodwill", "cash"}


def test_a_collector_cannot_enter_statements(collector, customer):
    with pytest.raises(NotPermitted):
        services.financial_statement_save(
            by=collector, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT
        )


def test_import_reads_chinese_line_names_and_writes_nothing_when_a_row_is_bad(analyst, customer, company):
    good = (
        "客户编码,期末日,报表期间,流动资产合计,流动负债合计\n"
        "C1,2023-12-31,annual,200,100\n"
        "C1,2024-12-31,annual,300,100\n"
    )
    saved = services.financial_statements_import(
        by=analyst, handle=io.BytesIO(good.encode()), filename="s.csv", company_ids=[company.pk]
    )
    assert [s.lines["current_assets"] for s in saved] == [20000, 30000]
    trends = selectors.ratio_trends(selectors.analysis(customer))
    assert trends["current_ratio"] == "up"
    bad = "customer,period_end,current_assets\nC1,2022-12-31,100\nC1,2022-13-31,100\n"
    with pytest.raises(InvalidInput) as error:
        services.financial_statements_import(
            by=analyst, handle=io.BytesIO(bad.encode()), filename="s.csv", company_ids=[company.pk]
        )
    assert error.value.row == 3 and "period_end" in error.value.errors
    assert FinancialStatement.objects.filter(period_end=dt.date(2022, 12, 31)).count() == 0


# ---------------------------------------------------------------------------- the order check


def test_exposure_is_open_receivables_less_unapplied_cash_plus_open_orders(customer, analyst, manager):
    give_limit(customer, "2000.00", analyst, manager)
    order, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-1", amount="100.00")
    # open items 600.00 + 300.00, unapplied cash 50.00, this order 100.00 → 950.00
    assert result.decision == "release"
    assert order.figures["exposure"] == "950.00"
    assert order.figures["available"] == "1050.00"
    assert order.figures["oldest_overdue_days"] == 30
    _order, second = services.credit_check(by=analyst, customer=customer, order_ref="SO-2", amount="1050.00")
    assert second.decision == "release"  # exactly the limit: 950.00 + 1,050.00
    _order, third = services.credit_check(by=analyst, customer=customer, order_ref="SO-3", amount="0.01")
    assert (third.decision, third.codes) == ("hold", ["over_limit"])


def test_an_invoiced_or_cancelled_order_leaves_the_exposure(customer, analyst, manager, accountant):
    give_limit(customer, "1000.00", analyst, manager)
    services.credit_check(by=analyst, customer=customer, order_ref="SO-1", amount="150.00")
    _order, held = services.credit_check(by=analyst, customer=customer, order_ref="SO-2", amount="100.00")
    assert held.decision == "hold"
    services.order_close(by=accountant, company=customer.company, order_ref="SO-1", status="cancelled")
    order, again = services.credit_check(by=analyst, customer=customer, order_ref="SO-2", amount="100.00")
    assert again.decision == "release" and order.figures["open_orders"] == "0.00"
    services.order_close(by=accountant, company=customer.company, order_ref="SO-2", status="invoiced")
    assert selectors.open_orders_minor(customer_ids=[customer.pk]) == 0
    with pytest.raises(ApplicationError):
        services.credit_check(by=analyst, customer=customer, order_ref="SO-2", amount="1.00")


def test_held_orders_are_rechecked_oldest_first_when_a_higher_limit_is_approved(customer, analyst, manager):
    give_limit(customer, "1000.00", analyst, manager)
    services.credit_check(by=analyst, customer=customer, order_ref="SO-1", amount="100.00")  # 950.00: released
    second, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-2", amount="200.00")
    assert result.codes == ["over_limit"]  # 1,150.00 over 1,000.00
    third, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-3", amount="1000.00")
    assert result.codes == ["over_limit"]
    give_limit(customer, "1200.00", analyst, manager)
    second.refresh_from_db()
    third.refresh_from_db()
    # SO-2 now fits (950.00 + 200.00 = 1,150.00); with it released, SO-3 would reach 2,150.00: still held.
    assert (second.status, second.figures["exposure"], second.reasons) == ("released", "1150.00", [])
    assert second.decided_by == manager and "re-checked" in second.decision_note
    assert audit_actions(second)[-1] == "credit.order_release"
    assert (third.status, third.figures["exposure"]) == ("held", "1950.00")
    assert selectors.open_orders_minor(customer_ids=[customer.pk]) == 30_000


def test_a_held_order_waits_for_a_manager_who_releases_it_with_an_audit_record(customer, analyst, manager):
    order, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-9", amount="10.00")
    assert result.codes == ["no_limit"]
    assert list(selectors.held_orders(user=manager)) == [order]
    with pytest.raises(NotPermitted):
        services.order_decide(by=analyst, order=order, release=True)
    services.order_decide(by=manager, order=order, release=True, note="Known customer")
    order.refresh_from_db()
    assert (order.status, order.decided_by) == ("released", manager)
    assert audit_actions(order) == ["credit.check", "credit.order_release"]
    assert selectors.open_orders_minor(customer_ids=[customer.pk]) == 1000


def test_a_rejected_held_order_never_counts_in_exposure(customer, analyst, manager):
    order, _result = services.credit_check(by=analyst, customer=customer, order_ref="SO-9", amount="10.00")
    services.order_decide(by=manager, order=order, release=False, note="No")
    assert selectors.open_orders_minor(customer_ids=[customer.pk]) == 0
    assert "credit.order_reject" in audit_actions(order)


def test_an_overdue_rule_and_a_blocked_status_from_the_ledger_and_the_customer(customer, analyst, manager, company):
    give_limit(customer, "5000.00", analyst, manager)
    rules = selectors.rules_for(company.pk)
    rules.hold_overdue_days = 20
    rules.save()
    _order, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-1", amount="1.00")
    assert result.codes == ["overdue_days"]  # I1 is 30 days overdue
    customer.status = "blocked"
    customer.save()
    _order, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-2", amount="1.00")
    assert result.decision == "block"


def test_a_group_limit_is_shared_by_its_members(customer, analyst, manager, company):
    from ardesk.customers.tests.factories import CustomerFactory

    sister = CustomerFactory(company=company, code="C2")
    group = services.group_save(
        by=manager, company=company, code="G1", name="Group", limit=Decimal("1000.00"), valid_until=None
    )
    for member in (customer, sister):
        give_limit(member, "5000.00", analyst, manager)
        services.account_update(by=manager, customer=member, group=group)
    _order, result = services.credit_check(by=analyst, customer=sister, order_ref="SO-1", amount="200.00")
    assert (result.decision, result.codes) == ("hold", ["over_group_limit"])  # 850.00 + 200.00 > 1,000.00
    assert result.group_exposure == 105000


def test_a_special_approval_releases_one_order_over_the_limit_once(customer, analyst, manager):
    give_limit(customer, "900.00", analyst, manager)
    special = services.credit_request_create(
        by=analyst, customer=customer, kind="special", amount="300.00", reason="Year-end order", valid_until=TODAY
    )
    services.credit_request_decide(by=manager, request=special, approve=True)
    order, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-1", amount="300.00")
    assert result.decision == "release" and order.reasons[-1]["code"] == "special_approval"
    special.refresh_from_db()
    assert (special.status, special.used_by_order) == ("used", order)
    _order, result = services.credit_check(by=analyst, customer=customer, order_ref="SO-2", amount="10.00")
    assert result.codes == ["over_limit"]


def test_an_order_in_a_foreign_currency_is_converted_at_the_days_rate(customer, analyst, manager):
    from ardesk.ledger.models import ExchangeRate

    ExchangeRate.objects.create(currency="USD", quote_currency="CNY", rate_on=dt.date(2025, 3, 1), rate="7.20")
    give_limit(customer, "5000.00", analyst, manager)
    order, _result = services.credit_check(
        by=analyst, customer=customer, order_ref="SO-1", amount="100.00", currency="USD"
    )
    assert (order.amount, order.currency) == (72000, "CNY")


# ---------------------------------------------------------------------------- scoring


def test_a_score_stores_grade_breakdown_version_and_inputs(customer, analyst):
    services.financial_statement_save(by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT)
    services.account_update(by=analyst, customer=customer, industry_risk="low", external_rating="A")
    score = services.customer_score(by=analyst, customer=customer)
    assert score.scorecard.version == 1
    assert score.inputs["ratio"]["current_ratio"] == "2.000000"
    assert score.inputs["qualitative"]["industry_risk"] == "low"
    assert sum(Decimal(f["contribution"]) for f in score.breakdown) == score.score
    account = CreditAccount.objects.get(customer=customer)
    assert (account.grade, account.last_score) == (score.grade, score)
    assert account.next_review_on is not None


def test_payment_behaviour_reads_days_late_from_the_ledger_and_disputes_from_collections(customer, analyst):
    from ardesk.collections.models import Dispute

    Dispute.objects.create(
        company=customer.company,
        customer=customer,
        reason="price",
        amount=10000,
        currency="CNY",
        opened_on=dt.date(2025, 3, 5),
    )
    behaviour = selectors.payment_behaviour(customer=customer, as_of=TODAY)
    # Nothing of C1 is settled yet (I1 is 400.00 paid of 1,000.00): no days late to average.
    assert behaviour["avg_days_late"] is None
    assert (behaviour["disputes"], behaviour["broken_promises"]) == (1, 0)
    # DSO: open 900.00 over invoiced sales of 1,300.00 in the last 90 days × 90 = 62.3 days
    assert behaviour["dso"] == Decimal("62.3")


def test_a_new_scorecard_version_leaves_past_scores_explained_by_the_old_version(customer, analyst, manager):
    services.financial_statement_save(by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT)
    first = services.customer_score(by=analyst, customer=customer)
    stricter = {
        **DEMO_SCORECARD,
        "grades": [{**g, "min_score": g["min_score"] + 5} for g in DEMO_SCORECARD["grades"][:-1]],
    }
    stricter["grades"].append(DEMO_SCORECARD["grades"][-1])
    v2 = services.scorecard_save(
        by=manager, code="DEMO", name="Demo, stricter", config=stricter, note="Stricter grades"
    )
    assert v2.version == 2
    second = services.customer_score(by=analyst, customer=customer)
    first.refresh_from_db()
    assert (first.scorecard.version, second.scorecard.version) == (1, 2)
    assert first.scorecard.config == DEMO_SCORECARD  # the old version is unchanged
    assert first.breakdown == second.breakdown  # same inputs, same factors; only the grade bands moved


def test_a_grade_drop_opens_a_credit_review(customer, analyst):
    services.financial_statement_save(by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT)
    services.customer_score(by=analyst, customer=customer)
    services.financial_statement_save(
        by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines={**STATEMENT, "current_assets": "500000"}
    )
    services.customer_score(by=analyst, customer=customer)
    review = CreditReview.objects.get(customer=customer)
    assert review.reason == "grade_drop"


def test_a_scorecard_that_breaks_the_rules_is_refused(manager):
    with pytest.raises(InvalidInput) as error:
        services.scorecard_save(by=manager, code="BAD", name="Bad", config={"factors": [], "grades": []})
    assert "config" in error.value.errors


# ---------------------------------------------------------------------------- requests and approvals


def test_nobody_approves_their_own_request(customer, manager):
    request = services.credit_request_create(by=manager, customer=customer, kind="limit", amount="1000.00", reason="x")
    with pytest.raises(NotPermitted):
        services.credit_request_decide(by=manager, request=request, approve=True)
    request.refresh_from_db()
    assert request.status == "pending"


def test_an_approver_above_their_level_is_refused_and_a_higher_level_approves(
    customer, analyst, manager, persona, company
):
    from ardesk.conftest import make_persona

    cfo_group = Group.objects.create(name="cfo")
    cfo_group.permissions.add(Permission.objects.get(codename="approve_creditrequest"))
    ApprovalLevel.objects.create(name="CFO", group=cfo_group, max_amount=None)
    cfo = make_persona("cfo", None, [company])
    cfo.groups.add(cfo_group)
    request = services.credit_request_create(
        by=analyst, customer=customer, kind="limit", amount="20000000.00", reason="Big"
    )
    assert request.level == "CFO"
    # The amounts of the refusal are grouped, with the currency's decimals.
    with pytest.raises(NotPermitted, match=r"20,000,000\.00 CNY is above your approval level of [\d,]+\.00 CNY"):
        services.credit_request_decide(by=manager, request=request, approve=True)
    services.credit_request_decide(by=cfo, request=request, approve=True, note="Board minutes attached")
    account = CreditAccount.objects.get(customer=customer)
    assert account.limit == 2_000_000_000
    assert audit_actions(request) == ["credit.request", "credit.request_approve"]
    assert "credit.account_change" in audit_actions(account)


def test_an_analyst_cannot_approve_and_a_rejection_is_audited(customer, analyst, manager):
    request = services.credit_request_create(by=manager, customer=customer, kind="term", term_days=120, reason="x")
    with pytest.raises(NotPermitted):
        services.credit_request_decide(by=analyst, request=request, approve=True)
    services.credit_request_decide(
        by=_second_manager(customer.company), request=request, approve=False, note="Too long"
    )
    request.refresh_from_db()
    assert request.status == "rejected"
    assert audit_actions(request)[-1] == "credit.request_reject"


def _second_manager(company):
    from ardesk.accounts import roles
    from ardesk.conftest import make_persona

    return make_persona("manager-two", roles.FINANCE_MANAGER, [company])


def test_a_limit_within_the_grades_recommendation_applies_without_approval(customer, analyst):
    services.financial_statement_save(by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT)
    score = services.customer_score(by=analyst, customer=customer)
    assert score.recommended_limit is not None and score.recommended_limit > 100_000
    request = services.credit_request_create(by=analyst, customer=customer, kind="limit", amount="1000.00", reason="x")
    assert (request.status, request.within_policy) == ("approved", True)
    assert CreditAccount.objects.get(customer=customer).limit == 100_000


def test_a_special_approval_needs_an_amount_and_an_expiry(customer, analyst):
    with pytest.raises(InvalidInput) as error:
        services.credit_request_create(by=analyst, customer=customer, kind="special", reason="x")
    assert set(error.value.errors) == {"amount", "valid_until"}


# ---------------------------------------------------------------------------- reviews


def test_reviews_fall_due_by_schedule_and_by_utilisation(customer, analyst, manager, company):
    from ardesk.customers.tests.factories import CustomerFactory

    give_limit(customer, "900.00", analyst, manager)  # 850.00 of 900.00: 94.4% > 90%
    scheduled = CustomerFactory(company=company, code="C2")
    services.account_update(by=analyst, customer=scheduled, next_review_on=dt.date(2025, 3, 1))
    assert services.reviews_schedule(as_of=TODAY) == 2
    reasons = {r.customer.code: r.reason for r in selectors.open_reviews(user=analyst)}
    assert reasons == {"C1": "utilisation", "C2": "schedule"}
    assert services.reviews_schedule(as_of=TODAY) == 0  # safe to run again


def test_completing_a_review_rescores_and_records_the_decision(customer, analyst):
    services.financial_statement_save(by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT)
    review = services.review_open(customer=customer, due_on=TODAY, reason="manual")
    done = services.review_complete(by=analyst, review=review, decision="keep", note="Fine")
    assert done.status == "done" and done.score == CreditScore.objects.get(customer=customer)
    assert "credit.review_complete" in audit_actions(done)
    assert CreditAccount.objects.get(customer=customer).grade == done.score.grade


@pytest.mark.parametrize(
    ("amount", "step", "rounded"),
    [
        ("1234567.89", "10000", "1230000"),
        ("10000.00", "10000", "10000"),
        ("8765.43", "10000", "8765"),
        ("1234567.89", "0", "1234567"),
    ],
)
def test_a_recommended_limit_is_rounded_down_to_the_step(amount, step, rounded):
    from ardesk.credit.services.scoring import round_limit

    assert round_limit(Decimal(amount), Decimal(step)) == Decimal(rounded)


def test_the_stored_recommendation_is_a_round_figure_and_says_so(customer, analyst, settings):
    services.financial_statement_save(by=analyst, customer=customer, period_end=dt.date(2024, 12, 31), lines=STATEMENT)
    settings.ARDESK_LIMIT_STEP = "1"
    exact = services.customer_score(by=analyst, customer=customer).recommended_limit
    settings.ARDESK_LIMIT_STEP = "50000"
    score = services.customer_score(by=analyst, customer=customer)
    assert exact % 100 == 0 and score.recommended_limit == exact // 5_000_000 * 5_000_000  # fen
    assert "50,000" in score.limit_explanation
