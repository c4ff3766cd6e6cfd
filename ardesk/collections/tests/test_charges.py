"""Dunning charges (催收费用与逾期利息): a level's fee and late-payment interest, waived unless charged.

Late-payment interest is simple interest on the open amount: principal × annual rate × days ÷ the
year's days, with the day count the policy states: actual/365 (the English convention, and the
one China's courts apply to 逾期付款利息 on a daily rate of annual rate ÷ 365) or actual/360 (the
money-market convention of the euro area and the US). See e.g. the ISDA definitions of the
"Actual/365 (Fixed)" and "Actual/360" day count fractions (2006 ISDA Definitions, section 4.16).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client, TestCase
from hypothesis import given
from hypothesis import strategies as st

from ardesk.collections import domain, selectors, services
from ardesk.collections.errors import CollectionsError
from ardesk.collections.models import CollectionProfile, DunningPolicy, Notice, NoticeCharges
from ardesk.companies.models import Company, CompanyGrant
from ardesk.core import clock
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.models import Document
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db

RUN_ON = dt.date(2025, 6, 30)


# --- the rule -----------------------------------------------------------------------------------


def test_interest_of_45_days_at_12_percent_over_365_days():
    # 100,000.00 × 12 % × 45 ÷ 365 = 1,479.452… → 1,479.45 (fen: 10,000,000 × 0.12 × 45 ÷ 365 = 147,945.2)
    assert domain.late_interest(items=[(10_000_000, 45)], annual_rate=Decimal(12), basis=365) == 147_945


def test_interest_of_45_days_at_12_percent_over_360_days():
    # 100,000.00 × 12 % × 45 ÷ 360 = 1,500.00 exactly
    assert domain.late_interest(items=[(10_000_000, 45)], annual_rate=Decimal(12), basis=360) == 150_000


def test_an_item_not_yet_overdue_bears_no_interest_and_the_items_are_summed_before_rounding():
    # 1.00 × 10 % × 1 ÷ 365 = 0.000274 per item: each rounds to 0, the ten together to 0.27 fen → 0;
    # 365 items of 1.00 one day late at 10 %: 365 × 0.0274 fen = 10 fen = 0.10.
    assert domain.late_interest(items=[(100, -3), (100, 0)], annual_rate=Decimal(10), basis=365) == 0
    assert domain.late_interest(items=[(100, 1)] * 365, annual_rate=Decimal(10), basis=365) == 10


def test_a_day_count_other_than_365_or_360_is_refused():
    with pytest.raises(ValueError, match="365 or 360"):
        domain.late_interest(items=[(100, 1)], annual_rate=Decimal(10), basis=366)


@given(
    amount=st.integers(min_value=1, max_value=10**12),
    days=st.integers(min_value=1, max_value=3650),
    rate=st.decimals(min_value=0, max_value=100, places=4),
)
def test_interest_over_360_days_is_never_less_than_over_365(amount, days, rate):
    over_365 = domain.late_interest(items=[(amount, days)], annual_rate=rate, basis=365)
    over_360 = domain.late_interest(items=[(amount, days)], annual_rate=rate, basis=360)
    assert 0 <= over_365 <= over_360


# --- a run with charges -------------------------------------------------------------------------


def charging_policy(*, code="FEES", company=None, basis=365, fee="50.00", rate="12", minimum="0") -> dict:
    return {
        "code": code,
        "name": "With charges",
        "company": company.code if company else "",
        "interest_basis": basis,
        "levels": [
            {
                "name": "Notice with charges",
                "days": 1,
                "channel": "letter",
                "min_amount": minimum,
                "fee": fee,
                "interest_rate": rate,
                "subject_en": "Overdue",
                "body_en": "Please pay {{ total }}.",
                "subject_zh": "逾期通知",
                "body_zh": "请支付 {{ total }}。",
            }
        ],
    }


@pytest.fixture
def overdue_45_days(monkeypatch, accountant, manager, company):
    """C500 owes 100,000.00 due 2025-05-16: 45 days overdue on the run date 2025-06-30."""
    monkeypatch.setattr(clock, "today", lambda: RUN_ON)
    customer = CustomerFactory(company=company, code="C500", name="华南五金有限公司")
    invoice(accountant, customer, "INV-45", "100000.00", issue_on=dt.date(2025, 4, 16), due_on=dt.date(2025, 5, 16))
    return customer


def run_notice(by, company, customer) -> Notice:
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.dunning_run(by=by, company=company, run_on=RUN_ON)
    return Notice.objects.select_related("debit_note").get(customer=customer)


@pytest.mark.parametrize(("basis", "interest"), [(365, 147_945), (360, 150_000)])
def test_the_notice_shows_the_fee_and_interest_waived_and_its_total(overdue_45_days, manager, company, basis, interest):
    policy = services.policies_import(by=manager, data={"policies": [charging_policy(basis=basis)]})[0]
    services.customer_policy_set(by=manager, customer=overdue_45_days, policy=policy)
    notice = run_notice(manager, company, overdue_45_days)
    # 100,000.00 open + 50.00 fee + 1,479.45 (÷365) or 1,500.00 (÷360) interest.
    assert (notice.total_functional, notice.fee, notice.interest) == (10_000_000, 5_000, interest)
    assert notice.total_due == 10_000_000 + 5_000 + interest
    assert notice.charges == NoticeCharges.WAIVED and notice.debit_note is None
    # The customer has no contact: the letter is in Chinese.
    shown = "101,529.45" if basis == 365 else "101,550.00"
    assert f"应付合计（未清金额 100,000.00 CNY + 费用及利息）：{shown} CNY" in notice.body
    assert "催收费用：50.00 CNY" in notice.body
    assert f"逾期利息（年利率 12 %，逾期天数 ÷ {basis}）" in notice.body
    assert not Document.objects.filter(doc_type="debit_note").exists()  # waived until charged


def test_the_manager_charges_a_notice_by_one_debit_note(overdue_45_days, manager, collector, company):
    policy = services.policies_import(by=manager, data={"policies": [charging_policy()]})[0]
    services.customer_policy_set(by=manager, customer=overdue_45_days, policy=policy)
    notice = run_notice(manager, company, overdue_45_days)
    with pytest.raises(NotPermitted):
        services.notice_charge(by=collector, notice=notice)
    notice = services.notice_charge(by=manager, notice=notice)
    # 50.00 + 1,479.45 = 1,529.45, dated the day it is charged and due at once.
    debit_note = notice.debit_note
    assert (debit_note.doc_type, debit_note.amount, debit_note.issue_on, debit_note.customer) == (
        "debit_note",
        152_945,
        RUN_ON,
        overdue_45_days,
    )
    assert notice.charges == NoticeCharges.CHARGED
    with pytest.raises(CollectionsError, match="already charged"):
        services.notice_charge(by=manager, notice=notice)
    assert Document.objects.filter(doc_type="debit_note").count() == 1


def test_charges_over_the_api_and_on_the_run_screen(overdue_45_days, manager, company):
    policy = services.policies_import(by=manager, data={"policies": [charging_policy()]})[0]
    services.customer_policy_set(by=manager, customer=overdue_45_days, policy=policy)
    notice = run_notice(manager, company, overdue_45_days)
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(manager)
    shown = client.get(f"/api/v1/collections/notices/{notice.pk}").json()
    assert (shown["fee"], shown["interest"], shown["total_due"], shown["charges"]) == (
        {"amount": "50.00", "currency": "CNY"},
        {"amount": "1479.45", "currency": "CNY"},
        {"amount": "101529.45", "currency": "CNY"},
        "waived",
    )
    page = client.get(f"/collections/runs/{notice.run_id}/").content.decode()
    assert 'id="charge-run"' in page and "1,529.45" in page
    client.post(f"/collections/runs/{notice.run_id}/charge/")
    charged = client.get(f"/api/v1/collections/notices/{notice.pk}").json()
    assert (charged["charges"], charged["debit_note"]) == ("charged", f"DN-N{notice.pk:07d}")
    assert client.post(f"/api/v1/collections/notices/{notice.pk}/charge").status_code == 409


def test_a_level_without_charges_writes_none(overdue_45_days, manager, company):
    notice = run_notice(manager, company, overdue_45_days)  # the shipped policy has no charges
    assert (notice.fee, notice.interest, notice.charges, notice.total_due) == (0, 0, "none", 10_000_000)
    with pytest.raises(CollectionsError, match="no fee or interest"):
        services.notice_charge(by=manager, notice=notice)


# --- minimums in each company's currency; a policy of one company ------------------------------


def test_a_minimum_is_in_the_running_companys_own_currency(monkeypatch, accountant, manager):
    """A minimum of 1,000 is ¥1,000 for a company keeping its books in yen: ¥999 waits, ¥1,000 is dunned.
    (Kept in fen as if in CNY, the ¥1,000 would have needed ¥100,000.)"""
    monkeypatch.setattr(clock, "today", lambda: RUN_ON)
    tokyo = Company.objects.create(code="TK01", name="星辰日本株式会社", functional_currency="JPY")
    CompanyGrant.objects.create(user=manager, company=tokyo)
    CompanyGrant.objects.create(user=accountant, company=tokyo)
    policy = services.policies_import(
        by=manager,
        data={"policies": [charging_policy(code="TOKYO", company=tokyo, fee="500", rate="0", minimum="1000")]},
    )[0]
    short, enough = (CustomerFactory(company=tokyo, code=code) for code in ("J1", "J2"))
    for customer, amount in ((short, "999"), (enough, "1000")):
        services.customer_policy_set(by=manager, customer=customer, policy=policy)
        invoice(accountant, customer, f"I-{customer.code}", amount, currency="JPY", issue_on=dt.date(2025, 5, 1))
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.dunning_run(by=manager, company=tokyo, run_on=RUN_ON)
    [notice] = Notice.objects.all()
    assert (notice.customer, notice.total_functional, notice.fee, notice.currency) == (enough, 1000, 500, "JPY")


def test_a_policy_of_one_company_never_applies_to_another(overdue_45_days, manager, company, other_company):
    CompanyGrant.objects.create(user=manager, company=other_company)
    theirs = services.policies_import(by=manager, data={"policies": [charging_policy(company=other_company)]})[0]
    with pytest.raises(InvalidInput, match="another company"):
        services.customer_policy_set(by=manager, customer=overdue_45_days, policy=theirs)
    # Even set behind the service's back, it is not used: the customer gets the shared default.
    CollectionProfile.objects.update_or_create(customer=overdue_45_days, defaults={"policy": theirs})
    assert selectors.effective_policy(overdue_45_days).is_default
    notice = run_notice(manager, company, overdue_45_days)
    assert notice.level.policy.is_default and notice.charges == "none"


def test_only_a_user_of_the_company_sets_its_policy(manager, company, other_company):
    with pytest.raises(NotPermitted):
        services.policies_import(by=manager, data={"policies": [charging_policy(company=other_company)]})
    CompanyGrant.objects.create(user=manager, company=other_company)
    services.policies_import(by=manager, data={"policies": [charging_policy(company=other_company)]})
    CompanyGrant.objects.filter(user=manager, company=other_company).delete()
    # Now the policy is out of the manager's sight: neither listed nor changed.
    assert [p["code"] for p in selectors.policies_json(manager)["policies"]] == ["STANDARD"]
    with pytest.raises(NotPermitted):
        services.policies_import(by=manager, data={"policies": [charging_policy()]})


def test_a_policy_import_names_a_bad_fee_rate_or_day_count():
    bad = charging_policy(fee="-1", rate="150", basis=364)
    _specs, problems = domain.parse_policies({"policies": [bad]})
    assert sorted(problems) == [
        "Policy FEES, level 1: fee: give a number of 0 or more with at most 4 decimals.",
        "Policy FEES, level 1: interest_rate: give an annual rate of at most 100 %.",
        "Policy FEES: interest_basis: give 365 or 360 (days in the year).",
    ]


def test_the_default_policy_is_shared_by_every_company(manager, company):
    with pytest.raises(InvalidInput, match="shared by every company"):
        services.policies_import(
            by=manager, data={"policies": [{**charging_policy(company=company), "is_default": True}]}
        )
    assert DunningPolicy.objects.get(is_default=True).code == "STANDARD"
