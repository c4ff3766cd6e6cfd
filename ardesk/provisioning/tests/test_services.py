"""Policies, runs and their approval, specific provisions, write-offs and recoveries, through the services."""

from __future__ import annotations

import datetime as dt

import pytest

from ardesk.accounts import roles
from ardesk.audit.models import AuditEvent
from ardesk.companies.models import CompanyGrant
from ardesk.conftest import make_persona
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.ledger import services as ledger_services
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import Allocation, DocumentType, DueLine
from ardesk.ledger.tests.factories import receipt
from ardesk.provisioning import selectors, services
from ardesk.provisioning.errors import ProvisioningError
from ardesk.provisioning.models import JournalEntry, ProvisionRun, RunStatus, WriteOffStatus
from ardesk.provisioning.tests.conftest import AGE_RATES, IFRS_RATES, YEAR_END, bucket_set, money, sale
from ardesk.reports import selectors as reports
from ardesk.reports.services import aging_snapshot_take

D = dt.date


@pytest.fixture
def ledger(accountant, customers):
    c1, c2, c3 = customers
    sale(accountant, c1, "I1", "1000.00", issue_on=D(2024, 11, 1), due_on=D(2024, 12, 1))
    sale(accountant, c2, "I2", "2000.00", issue_on=D(2024, 12, 10), due_on=D(2025, 1, 10))
    sale(accountant, c3, "I3", "300.00", issue_on=D(2024, 3, 1), due_on=D(2024, 4, 1))
    return customers


def test_the_preparer_cannot_approve_the_run(manager, company, ledger, aging_policy):
    run = services.run_prepare(by=manager, company=company, as_of=YEAR_END)
    with pytest.raises(NotPermitted):
        services.run_approve(by=manager, run=run)
    run.refresh_from_db()
    assert run.status == RunStatus.DRAFT
    assert not JournalEntry.objects.exists()


def test_an_accountant_prepares_but_cannot_approve(accountant, company, ledger, aging_policy):
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    with pytest.raises(NotPermitted):
        services.run_approve(by=accountant, run=run)


def test_an_approved_run_cannot_change_and_a_later_run_supersedes_it(
    accountant, manager, persona, company, ledger, aging_policy
):
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    services.run_approve(by=manager, run=run)
    with pytest.raises(ProvisioningError):
        services.run_approve(by=manager, run=run)
    # Preparing the period again leaves the approved run as it was.
    sale(accountant, ledger[0], "I4", "5000.00", issue_on=D(2024, 12, 20))
    again = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    run.refresh_from_db()
    assert run.status == RunStatus.APPROVED and ProvisionRun.objects.filter(pk=run.pk).exists()
    # The new run books only what changed: the new invoice at 1 % (50.00).
    assert again.booked == run.required
    assert again.difference == money("50")
    services.run_approve(by=manager, run=again)
    run.refresh_from_db()
    assert (run.status, run.superseded_by_id) == (RunStatus.SUPERSEDED, again.pk)
    assert selectors.allowance_booked(company_id=company.pk, as_of=YEAR_END) == again.required


def test_a_new_draft_replaces_the_previous_draft_of_the_period(accountant, company, ledger, aging_policy):
    first = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    second = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    assert list(ProvisionRun.objects.values_list("pk", flat=True)) == [second.pk]
    assert AuditEvent.objects.filter(action="provision_run.prepare").order_by("seq").last().after[
        "replaced_drafts"
    ] == [first.pk]


def test_approval_is_refused_when_the_allowance_changed_since_preparation(
    accountant, manager, company, ledger, aging_policy
):
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    write_off = services.write_off_request(by=accountant, customer=ledger[2], on=D(2024, 12, 15), reason="Bankrupt")
    services.write_off_approve(by=manager, write_off=write_off)
    with pytest.raises(ProvisioningError, match="prepare it again"):
        services.run_approve(by=manager, run=run)


def test_periods_are_approved_in_order(accountant, manager, company, ledger, aging_policy):
    services.run_approve(by=manager, run=services.run_prepare(by=accountant, company=company, as_of=YEAR_END))
    with pytest.raises(ProvisioningError):
        services.run_prepare(by=accountant, company=company, as_of=D(2024, 11, 30))


def test_a_release_books_the_reverse_entry(accountant, manager, company, ledger, aging_policy):
    services.allowance_opening_set(by=manager, company=company, on=D(2024, 1, 1), amount="500.00")
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    # 0-6m: 1,000 + 2,000 at 1 % = 30.00; 6-12m: 300 at 5 % = 15.00; required 45.00, release 455.00.
    assert (run.required, run.difference) == (money("45"), money("-455"))
    services.run_approve(by=manager, run=run)
    entry = JournalEntry.objects.get(run=run)
    assert entry.kind == "release"
    assert [(line.account, line.debit, line.credit) for line in entry.lines.all()] == [
        ("1231", money("455"), 0),
        ("6702", 0, money("455")),
    ]


def test_the_aging_policy_by_due_date_and_a_segment_policy(accountant, manager, company, customers):
    """The segment of construction customers (industry E) provisions 10 % of the balance; everyone else
    by the overdue buckets at the IFRS matrix rates."""
    c1, c2, c3 = customers
    c3.industry = "E"
    c3.save()
    services.policy_save(
        by=manager, company=company, method="aging", bucket_set=bucket_set("overdue"), rates=IFRS_RATES
    )
    services.policy_save(by=manager, company=company, segment="E", method="balance", balance_rate="10")
    sale(accountant, c1, "I1", "1000.00", issue_on=D(2024, 11, 1), due_on=D(2024, 12, 1))  # 1-30: 1.6 %
    sale(accountant, c3, "I3", "300.00", issue_on=D(2024, 3, 1), due_on=D(2024, 4, 1))
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    assert {(b.segment, b.bucket_key): b.required for b in run.buckets.all() if b.required} == {
        ("", "1-30"): money("16"),
        ("E", "balance"): money("30"),
    }
    assert run.required == money("46")


def test_each_customer_gets_its_share_and_the_fen_left_over_goes_to_the_lower_customer_id(
    accountant, company, customers, aging_policy
):
    """Three customers owe 333.33 each in 0-6m: 999.99 at 1 % is 10.00 (9.9999 rounded once, at the bucket).

    Each exact share is 3.3333..., so each gets 3.33 and the one fen left goes to the lowest id.
    """
    for n, customer in enumerate(customers, start=1):
        sale(accountant, customer, f"I{n}", "333.33", issue_on=D(2024, 12, 1))
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    bucket = run.buckets.get(bucket_key="0-6m")
    assert (bucket.balance, bucket.required) == (money("999.99"), money("10"))
    lines = run.lines.filter(bucket=bucket).order_by("customer_id")
    assert [(line.customer_id, line.balance, line.required) for line in lines] == [
        (customers[0].pk, money("333.33"), money("3.34")),
        (customers[1].pk, money("333.33"), money("3.33")),
        (customers[2].pk, money("333.33"), money("3.33")),
    ]
    # Every other bucket is empty: no lines.
    assert run.lines.count() == 3


def test_the_stored_run_has_the_figures_of_the_preview_and_its_lines_add_up_to_every_bucket(
    accountant, manager, company, customers
):
    """Overdue buckets at the IFRS rates for all; construction (E) at 10 % of the balance; one item on its own.

    1-30 days: C1 1,000.00 + 400.00 and C2 250.00 = 1,650.00 at 1.6 % = 26.40 (C1 22.40, C2 4.00).
    Not due: C2 2,000.00 at 0.3 % = 6.00. Segment E: C3 300.00 at 10 % = 30.00. C2's I5 (500.00,
    181-365 days) is provisioned on its own at 50 % = 250.00. Required: 312.40.
    """
    c1, c2, c3 = customers
    c3.industry = "E"
    c3.save()
    services.policy_save(
        by=manager, company=company, method="aging", bucket_set=bucket_set("overdue"), rates=IFRS_RATES
    )
    services.policy_save(by=manager, company=company, segment="E", method="balance", balance_rate="10")
    sale(accountant, c1, "I1", "1000.00", issue_on=D(2024, 11, 1), due_on=D(2024, 12, 1))
    sale(accountant, c1, "I4", "400.00", issue_on=D(2024, 12, 1), due_on=D(2024, 12, 15))
    sale(accountant, c2, "I6", "250.00", issue_on=D(2024, 12, 1), due_on=D(2024, 12, 20))
    sale(accountant, c2, "I2", "2000.00", issue_on=D(2024, 12, 10), due_on=D(2025, 1, 10))
    item = sale(accountant, c2, "I5", "500.00", issue_on=D(2024, 6, 1), due_on=D(2024, 7, 1))
    sale(accountant, c3, "I3", "300.00", issue_on=D(2024, 3, 1), due_on=D(2024, 4, 1))
    services.specific_provision_create(by=manager, customer=c2, document=item, rate="50", reason="Disputed delivery")

    preview = services.run_compute(company=company, as_of=YEAR_END)
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)

    stored = [(b.segment, b.bucket_key, b.balance, b.rate, b.required) for b in run.buckets.all()]
    assert stored == [(b.segment, b.key, b.balance, b.rate, b.required) for b in preview.buckets]
    assert (run.required, preview.required) == (money("312.40"), money("312.40"))
    for bucket in run.buckets.all():
        lines = run.lines.filter(bucket=bucket)
        assert sum(line.balance for line in lines) == bucket.balance
        assert sum(line.required for line in lines) == bucket.required
    assert {line.customer_id: line.required for line in run.lines.filter(bucket__bucket_key="1-30")} == {
        c1.pk: money("22.40"),
        c2.pk: money("4.00"),
    }
    specific = run.lines.get(bucket__isnull=True)
    assert (specific.document_id, specific.balance, specific.required) == (item.pk, money("500"), money("250"))


def test_specific_provision_takes_the_customer_out_of_the_portfolio(accountant, manager, company, ledger, aging_policy):
    services.specific_provision_create(by=manager, customer=ledger[1], amount="1500.00", reason="Lawsuit pending")
    run = services.run_prepare(by=accountant, company=company, as_of=YEAR_END)
    # Portfolio: C1 1,000 at 1 % and C3 300 at 5 % = 25.00; C2 specifically 1,500.00.
    assert {b.bucket_key: b.balance for b in run.buckets.all() if b.balance} == {
        "0-6m": money("1000"),
        "6-12m": money("300"),
    }
    specific = run.lines.get(bucket__isnull=True)
    assert (specific.customer_id, specific.balance, specific.required) == (ledger[1].pk, money("2000"), money("1500"))
    assert run.required == money("1525")


def test_a_customer_cannot_have_two_specific_provisions(manager, ledger):
    services.specific_provision_create(by=manager, customer=ledger[0], rate="50", reason="Dispute")
    with pytest.raises(InvalidInput) as error:
        services.specific_provision_create(by=manager, customer=ledger[0], rate="60", reason="Again")
    assert "customer" in error.value.errors


def test_policy_rates_must_cover_every_bucket(manager, company):
    rates = dict(AGE_RATES)
    del rates["3y+"]
    rates["5y"] = "100"
    with pytest.raises(InvalidInput) as error:
        services.policy_save(by=manager, company=company, method="aging", bucket_set=bucket_set("age"), rates=rates)
    assert set(error.value.errors) == {"rates.3y+", "rates.5y"}


def test_policies_export_and_import_round_trip(manager, company, other_company, persona, aging_policy):
    exported = services.policies_export(company=company)
    assert exported["policies"][0]["rates"] == {k: f"{v}.0000" for k, v in AGE_RATES.items()}
    CompanyGrant.objects.create(user=manager, company=other_company)
    services.policies_import(by=manager, company=other_company, data=exported)
    assert services.policies_export(company=other_company)["policies"] == exported["policies"]


def test_a_bad_import_names_the_policy_and_field_and_writes_nothing(manager, company, aging_policy):
    data = services.policies_export(company=company)
    data["policies"][0]["rates"]["0-6m"] = "150"
    with pytest.raises(InvalidInput) as error:
        services.policies_import(by=manager, company=company, data=data)
    assert list(error.value.errors) == ["policies[1].rates.0-6m"]
    assert services.policies_export(company=company)["policies"][0]["rates"]["0-6m"] == "1.0000"


def test_write_off_leaves_the_aging_and_stays_traceable(accountant, manager, company, ledger, aging_policy):
    c1 = ledger[0]
    write_off = services.write_off_request(by=accountant, customer=c1, on=D(2024, 12, 20), reason="Deregistered")
    assert write_off.status == WriteOffStatus.REQUESTED
    services.write_off_approve(by=manager, write_off=write_off)
    write_off.refresh_from_db()
    assert write_off.status == WriteOffStatus.APPROVED
    assert write_off.document.doc_type == DocumentType.WRITE_OFF and write_off.document.amount == -money("1000")
    line = DueLine.objects.get(document__number="I1")
    assert line.open_now == 0 and line.settled_on == D(2024, 12, 20)
    aging = reports.aging(
        as_of=YEAR_END, company_ids=[company.pk], bucket_set=reports.bucket_set_named("overdue"), by="customer"
    )
    assert aging.difference == 0 and c1.code not in [row.key for row in aging.rows]
    # Before the write-off the item was open: the aging of an earlier date still shows it.
    before = reports.aging(
        as_of=D(2024, 12, 19), company_ids=[company.pk], bucket_set=reports.bucket_set_named("overdue")
    )
    assert c1.code in [row.key for row in before.rows] and before.difference == 0
    entry = JournalEntry.objects.get(write_off=write_off)
    assert [(line.account, line.debit, line.credit) for line in entry.lines.all()] == [
        ("1231", money("1000"), 0),
        ("1122", 0, money("1000")),
    ]


def test_a_written_off_item_cannot_be_reopened_through_the_ledger(accountant, manager, ledger, aging_policy):
    write_off = services.write_off_request(by=accountant, customer=ledger[0], on=D(2024, 12, 20), reason="Deregistered")
    services.write_off_approve(by=manager, write_off=write_off)
    write_off.refresh_from_db()
    allocation = Allocation.objects.get(source=write_off.document)
    with pytest.raises(LedgerError, match="recovery under Bad debt"):
        ledger_services.allocation_reverse(by=accountant, allocation=allocation, on=D(2024, 12, 31))
    with pytest.raises(LedgerError, match="bad-debt entry"):
        ledger_services.document_reverse(by=accountant, document=write_off.document, on=D(2024, 12, 31))
    assert DueLine.objects.get(document__number="I1").open_now == 0


def test_the_requester_cannot_approve_the_write_off(accountant, manager, persona, ledger, aging_policy):
    write_off = services.write_off_request(by=manager, customer=ledger[0], on=D(2024, 12, 20), reason="Gone")
    with pytest.raises(NotPermitted):
        services.write_off_approve(by=manager, write_off=write_off)
    with pytest.raises(NotPermitted):
        services.write_off_approve(by=accountant, write_off=write_off)


def test_large_write_offs_need_two_different_approvers(accountant, manager, persona, company, ledger):
    services.policy_save(
        by=manager,
        company=company,
        method="aging",
        bucket_set=bucket_set("age"),
        rates=AGE_RATES,
        single_approval_limit="1500.00",
    )
    write_off = services.write_off_request(by=accountant, customer=ledger[1], on=D(2024, 12, 20), reason="Fraud")
    assert write_off.approvals_required == 2
    services.write_off_approve(by=manager, write_off=write_off)
    write_off.refresh_from_db()
    assert write_off.status == WriteOffStatus.REQUESTED and write_off.document is None
    with pytest.raises(NotPermitted):
        services.write_off_approve(by=manager, write_off=write_off)
    cfo = make_persona("cfo", roles.FINANCE_MANAGER, [company])
    services.write_off_approve(by=cfo, write_off=write_off)
    write_off.refresh_from_db()
    assert write_off.status == WriteOffStatus.APPROVED


def test_a_recovery_reinstates_and_collects_with_an_existing_receipt(
    accountant, manager, company, ledger, aging_policy
):
    c3 = ledger[2]
    write_off = services.write_off_request(by=accountant, customer=c3, on=D(2024, 6, 30), reason="Insolvent")
    services.write_off_approve(by=manager, write_off=write_off)
    cash = receipt(accountant, c3, "BANK-77", "100.00", issue_on=D(2024, 9, 1))
    services.recovery_record(by=accountant, write_off=write_off, on=D(2024, 9, 1), amount="100.00", receipt=cash)
    cash.refresh_from_db()
    assert cash.unapplied_now == 0
    entries = JournalEntry.objects.filter(recovery__write_off=write_off)
    # The receipt came from the ERP, whose cash entry is booked there: only the reinstatement here.
    assert [(line.account, line.debit, line.credit) for e in entries for line in e.lines.all()] == [
        ("1122", money("100"), 0),
        ("1231", 0, money("100")),
    ]
    with pytest.raises(InvalidInput):
        services.recovery_record(
            by=accountant, write_off=write_off, on=D(2024, 9, 2), amount="250.00", receipt_number="R-X"
        )


def test_matrix_rates_are_derived_from_snapshots_and_later_write_offs(accountant, manager, company, customers):
    """At 2024-01-31 the overdue aging holds C1's 1,000 invoice 1-30 days past due (due 2024-01-15) and
    C2's 3,000 not yet due; C1's invoice is written off in June. Look-back 12 months as of 2024-06-30,
    factor 1.1: 1-30 = 1,000 of 1,000 written off = 100 % (capped); not due = 0 of 3,000 = 0 %."""
    c1, c2, _c3 = customers
    sale(accountant, c1, "H1", "1000.00", issue_on=D(2023, 12, 16), due_on=D(2024, 1, 15))
    sale(accountant, c2, "H2", "3000.00", issue_on=D(2024, 1, 20), due_on=D(2024, 2, 20))
    aging_snapshot_take(as_of=D(2024, 1, 31))
    policy = services.policy_save(
        by=manager,
        company=company,
        method="matrix",
        bucket_set=bucket_set("overdue"),
        rates=IFRS_RATES,
        forward_factor="1.1",
    )
    write_off = services.write_off_request(by=accountant, customer=c1, on=D(2024, 6, 15), reason="Gone")
    services.write_off_approve(by=manager, write_off=write_off)
    derivation = services.policy_derive(by=manager, policy=policy, as_of=D(2024, 6, 30))
    assert derivation.balance_totals["1-30"] == money("1000")
    assert derivation.written_off_totals["1-30"] == money("1000")
    assert str(derivation.rates["1-30"]) == "100"
    assert str(derivation.rates["not_due"]) == "0.0000"
    policy.refresh_from_db()
    assert policy.rate_source == "derived"
    assert policy.derivation["observations"][0]["balances"]["not_due"] == "3000.00"


def test_deriving_without_snapshots_says_what_is_missing(manager, company, matrix_policy):
    with pytest.raises(ProvisioningError, match="snapshots"):
        services.policy_derive(by=manager, policy=matrix_policy, as_of=YEAR_END)


def test_a_company_without_a_policy_cannot_run(accountant, company):
    with pytest.raises(ProvisioningError, match="no provision policy"):
        services.run_prepare(by=accountant, company=company, as_of=YEAR_END)


@pytest.mark.parametrize("months", [12, "12", 12.0])
def test_a_whole_number_of_months_is_a_look_back(manager, company, months):
    policy = services.policy_save(
        by=manager, company=company, method="balance", balance_rate="5", lookback_months=months
    )
    assert policy.lookback_months == 12


@pytest.mark.parametrize("months", [12.5, "12.5", "twelve", None, True, "NaN"])
def test_a_look_back_that_is_not_a_whole_number_is_refused(manager, company, months):
    with pytest.raises(InvalidInput) as error:
        services.policy_save(by=manager, company=company, method="balance", balance_rate="5", lookback_months=months)
    assert list(error.value.errors) == ["lookback_months"]
