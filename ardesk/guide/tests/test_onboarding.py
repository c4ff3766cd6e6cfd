"""Each onboarding step ticks itself when its data is in ARdesk (only the shipped defaults are confirmed by hand)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ardesk.audit.services import record
from ardesk.banking.tests.helpers import bank_account
from ardesk.conftest import make_persona
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.guide import onboarding
from ardesk.guide.models import OnboardingDismissal
from ardesk.ledger.tests.factories import D0, invoice, net_term
from ardesk.provisioning.models import ProvisionPolicy

pytestmark = pytest.mark.django_db


def done(key: str) -> bool:
    return next(step.done for step in onboarding.checklist() if step.key == key)


def test_a_new_installation_has_every_step_to_do(company):
    assert [step.key for step in onboarding.checklist() if step.done] == []
    assert len(onboarding.checklist()) == 10


def test_company_settings_are_done_once_tax_id_address_and_bank_are_entered(company):
    company.uscc, company.address = "91310000MA1FL0000X", "上海市浦东新区世纪大道100号"
    company.save()
    assert not done("company")
    company.bank_account_number = "1001 2345 6789"
    company.save()
    assert done("company")


def test_bank_accounts_are_done_with_one_account(company):
    bank_account(company)
    assert done("bank_accounts")


def test_users_are_done_when_someone_besides_the_administrators_has_a_role(company, persona):
    persona("administrator")
    assert not done("users")
    persona("collector")
    assert done("users")


def test_payment_terms_are_done_with_one_active_term(company):
    net_term()
    assert done("payment_terms")


def test_customers_and_open_items_are_done_once_imported(company, accountant):
    customer = CustomerFactory(company=company)
    assert done("customers") and not done("open_items")
    invoice(accountant, customer, "INV-1", "1200.00")
    assert done("open_items")


def test_the_aging_check_is_done_when_the_erp_agrees_to_the_cent(company, accountant, administrator):
    customer = CustomerFactory(company=company)
    invoice(accountant, customer, "INV-1", "1200.50")
    check = onboarding.aging_check_record(company=company, as_of=D0, erp_balance=Decimal("1200.49"), by=administrator)
    assert not check.agrees and check.difference_amount == Decimal("0.01")
    assert not done("aging_check")
    onboarding.aging_check_record(company=company, as_of=D0, erp_balance=Decimal("1200.50"), by=administrator)
    assert done("aging_check")


def test_the_aging_check_counts_only_documents_issued_by_its_date(company, accountant, administrator):
    customer = CustomerFactory(company=company)
    invoice(accountant, customer, "INV-1", "100.00", issue_on=D0 + dt.timedelta(days=5))
    check = onboarding.aging_check_record(company=company, as_of=D0, erp_balance=Decimal("0"), by=administrator)
    assert check.agrees


def test_the_dunning_policy_is_done_when_edited_or_kept_by_hand(company, administrator):
    assert not done("dunning_policy")
    record(action="dunning.policy.import", actor=administrator)
    assert done("dunning_policy")


def test_the_shipped_scorecard_can_be_confirmed_as_it_is(company, administrator):
    assert not done("scorecard")
    onboarding.step_confirm(step="scorecard", by=administrator)
    assert done("scorecard")


def test_a_step_with_data_cannot_be_ticked_by_hand(company, administrator):
    with pytest.raises(ValueError):
        onboarding.step_confirm(step="customers", by=administrator)


def test_the_provision_policy_is_done_with_one_policy(company):
    ProvisionPolicy.objects.create(company=company)
    assert done("provision_policy")


def test_the_panel_shows_to_administrators_until_hidden(company, administrator, collector):
    assert onboarding.panel_shown(administrator)
    assert not onboarding.panel_shown(collector)
    onboarding.panel_dismiss(by=administrator)
    assert not onboarding.panel_shown(administrator)
    assert OnboardingDismissal.objects.count() == 1


def test_the_panel_goes_once_every_step_is_done(company, monkeypatch):
    admin = make_persona("boss", "administrator", [company])
    monkeypatch.setattr(
        onboarding,
        "STEPS",
        tuple(step.__class__(**{**step.__dict__, "is_done": lambda: True}) for step in onboarding.STEPS),
    )
    assert not onboarding.panel_shown(admin)


def test_every_import_step_has_its_example_file():
    for step in onboarding.STEPS:
        for kind in step.examples:
            assert onboarding.example_path(kind).exists()
