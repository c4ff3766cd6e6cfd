"""Insights screens and API: the model card, the forecast, the customer panel, permissions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.insights.models import ModelVersion, Prediction
from ardesk.ledger.tests.factories import invoice

TODAY = dt.date(2024, 6, 15)


@pytest.fixture(autouse=True)
def _english_screens(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def predicted(company, accountant, settings):
    """A trained version (figures as a training stores them) and the prediction of one open invoice."""
    customer = CustomerFactory(company=company, code="C100", name="华东机电有限公司")
    document = invoice(accountant, customer, "INV-1", "120000.00", issue_on=dt.date(2024, 5, 1))
    version = ModelVersion.objects.create(
        company=company,
        version=1,
        method="model",
        best_baseline="customer_median_days_to_pay",
        data_from=dt.date(2022, 1, 1),
        data_to=dt.date(2024, 6, 1),
        holdout_from=dt.date(2024, 1, 1),
        train_count=800,
        holdout_count=200,
        figures={
            "model": {"mae_days": 5.7, "within_7_days": 0.69, "count": 200},
            "customer_median_days_to_pay": {"mae_days": 6.2, "within_7_days": 0.66, "count": 200},
            "due_date": {"mae_days": 11.2, "within_7_days": 0.39, "count": 200},
        },
        importance=[{"feature": "median_days_to_pay", "days": 3.1}],
        backtest=[{"week": "2024-01-01", "forecast": 1_000_000, "actual": 900_000}],
    )
    line = document.lines.get()
    Prediction.objects.create(
        model_version=version,
        company=company,
        customer_id=customer.pk,
        line_id=line.pk,
        as_of=TODAY,
        due_on=line.due_on,
        expected_on=dt.date(2024, 6, 25),
        low_on=dt.date(2024, 6, 18),
        high_on=dt.date(2024, 7, 20),
        days_late=25,
        currency="CNY",
        open_amount=12_000_000,
        open_functional=12_000_000,
        reasons=[{"code": "recent_payments", "days": 12, "recent_count": 6, "recent_min": 20, "recent_max": 30}],
    )
    return customer


@pytest.mark.django_db
def test_the_model_card_says_not_trained_yet_with_the_command(client, analyst):
    client.force_login(analyst)
    page = client.get(reverse("insights:model")).content.decode()
    assert "Not trained yet." in page and "ardesk insights train --company SH01" in page


@pytest.mark.django_db
def test_the_model_card_shows_the_figures_against_the_baselines(client, analyst, predicted):
    client.force_login(analyst)
    page = client.get(reverse("insights:model")).content.decode()
    assert "5.70" in page and "6.20" in page and "69.0%" in page
    assert "Customer&#x27;s median days from invoice to payment" in page


@pytest.mark.django_db
def test_training_with_too_little_history_says_how_many_items_there_are(client, analyst, company):
    client.force_login(analyst)
    response = client.post(reverse("insights:train"), {"company": company.code}, follow=True)
    assert "0 settled items; at least 50 are needed" in response.content.decode()


@pytest.mark.django_db
def test_a_collector_reads_predictions_but_may_not_train(client, collector, company):
    client.force_login(collector)
    assert client.get(reverse("insights:forecast")).status_code == 200
    assert client.post(reverse("insights:train"), {"company": company.code}).status_code == 403


@pytest.mark.django_db
def test_the_customer_page_shows_each_open_items_expected_date_and_why(client, accountant, predicted):
    client.force_login(accountant)
    detail = client.get(reverse("customers:detail", args=[predicted.pk])).content.decode()
    assert reverse("insights:customer_panel", args=[predicted.pk]) in detail
    panel = client.get(reverse("insights:customer_panel", args=[predicted.pk])).content.decode()
    assert "2024-06-25" in panel and "2024-06-18 – 2024-07-20" in panel
    assert "This customer paid its last 6 invoices 20–30 days late: 12 days later" in panel


@pytest.mark.django_db
def test_an_untrained_panel_leads_who_may_train_to_the_model_page_and_shows_no_command(
    client, company, collector, analyst
):
    customer = CustomerFactory(company=company, code="C200", name="华南五金有限公司")
    url = reverse("insights:customer_panel", args=[customer.pk])
    client.force_login(analyst)
    panel = client.get(url).content.decode()
    assert f'href="{reverse("insights:model")}?company={company.code}"' in panel
    client.force_login(collector)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    panel = client.get(url).content.decode()
    assert "尚未训练" in panel and reverse("insights:model") not in panel
    assert "ardesk" not in panel


@pytest.mark.django_db
def test_an_untrained_forecast_leads_who_may_train_to_the_model_page_and_shows_no_command(
    client, company, collector, manager
):
    url = reverse("insights:forecast") + f"?company={company.code}"
    client.force_login(manager)
    page = client.get(url).content.decode()
    assert 'id="not-trained"' in page and f'href="{reverse("insights:model")}?company={company.code}"' in page
    assert "ardesk insights" not in page
    client.force_login(collector)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    page = client.get(url).content.decode()
    assert "尚未训练" in page and "回款日预测模型页面" in page and "ardesk insights" not in page


@pytest.mark.django_db
def test_the_forecast_spreads_the_open_amount_over_the_weeks(client, accountant, predicted, monkeypatch):
    from ardesk.core import clock

    monkeypatch.setattr(clock, "today", lambda: TODAY)
    client.force_login(accountant)
    answer = client.get("/api/v1/insights/forecast?company=SH01&weeks=13").json()
    assert answer[0]["currency"] == "CNY" and answer[0]["open"]["amount"] == "120000.00"
    weeks = answer[0]["weeks"]
    assert len(weeks) == 13 and weeks[0]["week_start"] == "2024-06-16"
    # Expected 25 June, 10 % by 18 June, 90 % by 20 July. The first week (16–22 June) gets the 10 %
    # before 18 June and 40 % × 5 of the 7.5 days to the expected date: 36.67 % of 120,000 = 44,000.
    expected = [float(w["expected"]["amount"]) for w in weeks]
    assert expected[0] == 44000.0
    # The second (23–29 June): the rest to 25 June (13.33 %) and 40 % × 4.5 / 25.5 after it: 24,470.59.
    assert expected[1] == 24470.59
    # All of it is expected within the 13 weeks (20 July is in the sixth); each week rounds to the fen.
    assert abs(sum(Decimal(w["expected"]["amount"]) for w in weeks) - Decimal("120000")) <= Decimal("0.13")
    page = client.get(reverse("insights:forecast")).content.decode()
    assert "2024-06-16" in page


@pytest.mark.django_db
def test_the_api_serves_the_predictions_of_a_customer(client, accountant, predicted):
    client.force_login(accountant)
    rows = client.get(f"/api/v1/insights/predictions?customer={predicted.pk}").json()
    assert rows[0]["expected_on"] == "2024-06-25" and rows[0]["open"] == {"amount": "120000.00", "currency": "CNY"}


@pytest.mark.django_db
def test_in_chinese_the_reasons_are_in_chinese(client, accountant, predicted):
    client.force_login(accountant)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    panel = client.get(reverse("insights:customer_panel", args=[predicted.pk])).content.decode()
    assert "该客户最近6张发票逾期20–30天付款：推迟12天" in panel
