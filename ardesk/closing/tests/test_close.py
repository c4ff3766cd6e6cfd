"""Closing a month from its checklist, and reopening it only with a second finance manager's approval."""

from __future__ import annotations

import datetime as dt

import pytest

from ardesk.audit.models import AuditEvent
from ardesk.closing import selectors, services
from ardesk.closing.models import PeriodEvent, ReopenStatus
from ardesk.core.errors import Conflict, InvalidInput, NotPermitted
from ardesk.ledger import periods
from ardesk.ledger.periods import PeriodClosed
from ardesk.ledger.tests.factories import invoice

D = dt.date
NOVEMBER = D(2024, 11, 1)


def keys_done(company):
    return {item.key: item.done for item in selectors.checklist(company=company, period=NOVEMBER)}


def test_a_new_company_has_every_point_open_but_imports_and_receipts(company):
    assert keys_done(company) == {
        "imports": True,
        "receipts": True,
        "aging": False,
        "revaluation": False,
        "provision": False,
        "journals": False,
    }


def test_a_receipt_left_unallocated_is_an_open_point(accountant, company, customer):
    from ardesk.ledger.tests.factories import receipt

    receipt(accountant, customer, "R-1", "50", issue_on=D(2024, 11, 3))
    assert keys_done(company)["receipts"] is False


def test_the_journals_count_as_exported_until_a_later_entry_is_booked(accountant, manager, company, customer):
    services.journal_export(by=accountant, company=company, period=NOVEMBER, file_format="csv")
    assert keys_done(company)["journals"] is True
    from ardesk.provisioning import services as provisioning

    provisioning.allowance_opening_set(by=manager, company=company, on=D(2024, 11, 30), amount="100")
    assert keys_done(company)["journals"] is False


def test_closing_with_open_points_needs_the_managers_confirmation_and_keeps_them(manager, company):
    with pytest.raises(InvalidInput, match="Store the aging of 2024-11-30"):
        services.period_close(by=manager, company=company, period=NOVEMBER)
    assert not periods.is_closed(company.pk, NOVEMBER)
    event = services.period_close(by=manager, company=company, period=NOVEMBER, accept_open_points=True)
    assert periods.is_closed(company.pk, D(2024, 11, 30))
    assert [p["key"] for p in event.open_points] == ["aging", "revaluation", "provision", "journals"]
    assert AuditEvent.objects.filter(action="period.close", company_id=company.pk).exists()
    with pytest.raises(Conflict, match="already closed"):
        services.period_close(by=manager, company=company, period=NOVEMBER, accept_open_points=True)


def test_only_a_finance_manager_closes_and_not_a_month_still_running(accountant, manager, company):
    with pytest.raises(NotPermitted):
        services.period_close(by=accountant, company=company, period=NOVEMBER, accept_open_points=True)
    with pytest.raises(InvalidInput, match="has not ended"):
        services.period_close(by=manager, company=company, period=D(2099, 1, 1), accept_open_points=True)


def test_reopening_needs_a_reason_and_a_second_manager(accountant, manager, second_manager, company, customer):
    services.period_close(by=manager, company=company, period=NOVEMBER, accept_open_points=True)
    with pytest.raises(InvalidInput):
        services.reopen_request(by=manager, company=company, period=NOVEMBER, reason="  ")
    request = services.reopen_request(by=manager, company=company, period=NOVEMBER, reason="Late ERP invoice")
    with pytest.raises(Conflict):
        services.reopen_request(by=second_manager, company=company, period=NOVEMBER, reason="Again")
    with pytest.raises(NotPermitted, match="second finance manager"):
        services.reopen_approve(by=manager, request=request)
    with pytest.raises(NotPermitted):
        services.reopen_approve(by=accountant, request=request)
    with pytest.raises(PeriodClosed):
        invoice(accountant, customer, "I-LATE", "10", issue_on=D(2024, 11, 20))
    services.reopen_approve(by=second_manager, request=request)
    request.refresh_from_db()
    assert request.status == ReopenStatus.APPROVED and request.decided_by == second_manager
    assert invoice(accountant, customer, "I-LATE", "10", issue_on=D(2024, 11, 20)).pk
    assert [e.kind for e in PeriodEvent.objects.order_by("at", "id")] == ["close", "reopen"]
    assert AuditEvent.objects.filter(action="period.reopen", actor_id=second_manager.pk).exists()


def test_a_refused_reopening_leaves_the_month_closed(manager, second_manager, company):
    services.period_close(by=manager, company=company, period=NOVEMBER, accept_open_points=True)
    request = services.reopen_request(by=manager, company=company, period=NOVEMBER, reason="Typo")
    services.reopen_reject(by=second_manager, request=request)
    assert periods.is_closed(company.pk, NOVEMBER)
    with pytest.raises(Conflict, match="already decided"):
        services.reopen_approve(by=second_manager, request=request)


def test_a_month_is_reopened_only_while_the_later_months_are_open(manager, second_manager, company):
    services.period_close(by=manager, company=company, period=NOVEMBER, accept_open_points=True)
    services.period_close(by=manager, company=company, period=D(2024, 12, 1), accept_open_points=True)
    request = services.reopen_request(by=manager, company=company, period=NOVEMBER, reason="Late invoice")
    with pytest.raises(Conflict, match="December 2024"):
        services.reopen_approve(by=second_manager, request=request)
    assert periods.is_closed(company.pk, NOVEMBER)
