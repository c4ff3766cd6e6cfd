"""A customer's own statement frequency: set on its screen, over the API and the command line, and kept by
the scheduled runs (the company's monthly run leaves out the quarterly and the excluded customers)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from ardesk.audit.models import AuditEvent
from ardesk.core import clock
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.ledger.tests.factories import invoice
from ardesk.portal import domain, services
from ardesk.portal.models import CustomerStatementSetting, StatementFrequency, StatementRecipient, StatementRun
from ardesk.portal.selectors import statement_frequency

pytestmark = pytest.mark.django_db


def quarter_start_on_or_before(today: dt.date) -> dt.date:
    """The 1st of the latest January, April, July or October not after today."""
    month = (today.month - 1) // 3 * 3 + 1
    return today.replace(month=month, day=1)


def test_previous_quarter_and_when_it_is_due():
    assert domain.previous_quarter(dt.date(2025, 1, 5)) == (dt.date(2024, 10, 1), dt.date(2024, 12, 31))
    assert domain.previous_quarter(dt.date(2025, 5, 20)) == (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert [m for m in range(1, 13) if domain.quarter_is_due(dt.date(2025, m, 1))] == [1, 4, 7, 10]


def test_the_scheduled_runs_send_each_customer_by_its_frequency(settings, accountant, company, customer_a, customer_b):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_on = quarter_start_on_or_before(clock.today())
    month_from, month_to = domain.previous_month(run_on)
    quarter_from, quarter_to = domain.previous_quarter(run_on)
    monthly = CustomerFactory(company=company, code="M300", name="月结客户有限公司")
    ContactFactory(customer=monthly, name="周敏", email="zhou@example.cn", preferred_language="zh-hans")
    for customer in (customer_a, customer_b, monthly):  # a movement in the last month of the quarter
        invoice(accountant, customer, f"Q-{customer.code}", "100.00", issue_on=month_to, due_on=month_to)
    services.customer_statement_frequency_set(by=accountant, customer=customer_a, frequency="quarterly")
    services.customer_statement_frequency_set(by=accountant, customer=customer_b, frequency="none")
    services.statement_schedule_set(
        by=accountant, company=company, is_active=True, day=1, remind_after_days=5, task_after_days=10
    )

    with TestCase.captureOnCommitCallbacks(execute=True):
        runs = services.scheduled_runs(today=run_on)
    by_frequency = {run.frequency: run for run in runs}
    assert set(by_frequency) == {"monthly", "quarterly"}
    month, quarter = by_frequency["monthly"], by_frequency["quarterly"]
    assert (month.date_from, month.date_to, quarter.date_from, quarter.date_to) == (
        month_from,
        month_to,
        quarter_from,
        quarter_to,
    )
    customers = {
        run.frequency: sorted(StatementRecipient.objects.filter(run=run).values_list("customer__code", flat=True))
        for run in runs
    }
    assert customers == {"monthly": ["M300"], "quarterly": ["A100"]}  # B200: no scheduled statements
    assert services.scheduled_runs(today=run_on) == []  # once per period

    # The month after, the quarterly customer waits for the quarter's end; a run by hand takes everybody.
    StatementRun.objects.all().delete()
    CustomerStatementSetting.objects.filter(customer=customer_a).update(frequency="quarterly")
    later = run_on + dt.timedelta(days=40)
    if later <= clock.today():
        with TestCase.captureOnCommitCallbacks(execute=True):
            (only,) = services.scheduled_runs(today=later)
        assert only.frequency == "monthly"
        assert "A100" not in StatementRecipient.objects.filter(run=only).values_list("customer__code", flat=True)
    by_hand = services.statement_run_create(by=accountant, company=company, date_from=month_from, date_to=month_to)
    assert by_hand.frequency == "" and by_hand.recipients == 3


def test_the_frequency_is_set_on_the_customers_portal_screen_by_whoever_sets_the_schedule(
    client, accountant, collector, customer_a
):
    screen = reverse("portal:customer_links", args=[customer_a.pk])
    url = reverse("portal:customer_statement_frequency", args=[customer_a.pk])
    client.force_login(accountant)
    page = client.get(screen).content.decode()
    assert 'id="frequency-form"' in page and "随公司每月发送" in page
    client.post(url, {"frequency": "quarterly"})
    assert statement_frequency(customer_a) == StatementFrequency.QUARTERLY
    event = AuditEvent.objects.get(action="portal.statement_frequency_set")
    assert (event.before, event.after) == ({"statement_frequency": "company"}, {"statement_frequency": "quarterly"})
    assert "每季度" in client.get(screen).content.decode()
    client.post(url, {"frequency": "weekly"})
    assert statement_frequency(customer_a) == StatementFrequency.QUARTERLY

    client.force_login(collector)  # reads the screen, may not change the setting
    page = client.get(screen).content.decode()
    assert 'id="frequency-form"' not in page and "每季度" in page
    assert client.post(url, {"frequency": "none"}).status_code == 403
    assert statement_frequency(customer_a) == StatementFrequency.QUARTERLY


def test_the_frequency_over_the_api_and_the_command_line(client, accountant, collector, customer_a, customer_c):
    client.force_login(accountant)
    path = f"/api/v1/portal/customers/{customer_a.pk}/statement-frequency"
    assert client.get(path).json()["frequency"] == "company"
    changed = client.put(path, {"frequency": "none"}, content_type="application/json")
    assert changed.status_code == 200 and changed.json() == {
        "customer": customer_a.pk,
        "code": "A100",
        "frequency": "none",
    }
    assert client.put(path, {"frequency": "weekly"}, content_type="application/json").status_code == 422
    foreign = f"/api/v1/portal/customers/{customer_c.pk}/statement-frequency"
    assert client.put(foreign, {"frequency": "none"}, content_type="application/json").status_code == 404
    client.force_login(collector)
    assert client.put(path, {"frequency": "company"}, content_type="application/json").status_code == 403
    assert statement_frequency(customer_a) == "none"

    out = io.StringIO()
    call_command("portal", "frequency", "--company", "SH01", "--customer", "A100", "--set", "quarterly", stdout=out)
    assert out.getvalue().strip() == "SH01 A100: quarterly"
    assert statement_frequency(customer_a) == "quarterly"
