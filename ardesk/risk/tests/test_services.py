"""The scan's writes, the watch list, alerts and their e-mails, the configuration as JSON (CLI and API)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from ardesk.accounts.models import Preference
from ardesk.core import clock
from ardesk.core.errors import ApplicationError, InvalidInput, NotPermitted
from ardesk.credit.models import CreditAccount
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.insights.models import ModelVersion, Prediction
from ardesk.ledger.tests.factories import invoice
from ardesk.risk import services
from ardesk.risk.defaults import DEFAULT_CONFIG
from ardesk.risk.models import Alert, AlertEmail, RiskConfig, RiskSignal, WatchEntry

TODAY = dt.date(2025, 6, 30)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def over_limit(company, accountant, analyst, collector, today):
    """OVER owes 9,500.00 (not yet due) against a 10,000.00 limit: 95% utilisation, a medium signal."""
    customer = CustomerFactory(company=company, code="OVER", analyst=analyst, collector=collector)
    CreditAccount.objects.create(customer=customer, company=company, limit=1_000_000)
    invoice(accountant, customer, "I1", "9500.00", issue_on=dt.date(2025, 6, 20), due_on=dt.date(2025, 7, 20))
    return customer


def test_a_signal_found_again_is_told_once(company, over_limit, analyst, today):
    first = services.risk_scan(company=company, as_of=TODAY)
    assert (first.signals, first.new_signals, first.alerts) == (1, 1, 1)
    signal = RiskSignal.objects.get(customer=over_limit)
    assert (signal.kind, signal.severity, signal.measure) == ("utilisation", "medium", Decimal("95.0"))
    second = services.risk_scan(company=company, as_of=TODAY + dt.timedelta(days=1))
    assert (second.signals, second.new_signals, second.alerts) == (1, 0, 0)
    signal.refresh_from_db()
    assert signal.first_seen_on == TODAY and signal.last_seen_on == TODAY + dt.timedelta(days=1)
    assert Alert.objects.filter(user=analyst).count() == 1


def test_a_worse_signal_is_added_to_the_unread_alert_and_a_read_alert_starts_a_new_one(
    company, accountant, over_limit, analyst, today
):
    services.risk_scan(company=company, as_of=TODAY)
    # 2,000.00 more: 11,500 of 10,000 = 115% → high. The medium row is superseded, a high one opens.
    invoice(accountant, over_limit, "I2", "2000.00", issue_on=dt.date(2025, 6, 25), due_on=dt.date(2025, 7, 25))
    services.risk_scan(company=company, as_of=TODAY)
    assert sorted(RiskSignal.objects.filter(customer=over_limit).values_list("severity", "status")) == [
        ("high", "active"),
        ("medium", "superseded"),
    ]
    alert = Alert.objects.get(user=analyst)
    assert [c["severity"] for c in alert.changes if c["kind"] == "utilisation"] == ["medium", "high"]
    services.alerts_read(user=analyst)
    services.risk_scan(company=company, as_of=TODAY + dt.timedelta(days=1))
    assert Alert.objects.filter(user=analyst).count() == 1  # unchanged: nothing new to tell


def test_a_signal_no_longer_found_is_cleared(company, accountant, over_limit, today):
    services.risk_scan(company=company, as_of=TODAY)
    CreditAccount.objects.filter(customer=over_limit).update(limit=5_000_000)  # 19%
    scan = services.risk_scan(company=company, as_of=TODAY + dt.timedelta(days=1))
    assert scan.cleared == 1
    signal = RiskSignal.objects.get(customer=over_limit)
    assert (signal.status, signal.cleared_on) == ("cleared", TODAY + dt.timedelta(days=1))


def test_watch_list_by_hand_with_actions_and_leaving_by_decision(company, over_limit, analyst, collector, today):
    entry = services.watch_add(by=analyst, customer=over_limit, reason="Press reports losses", owner=collector)
    assert (entry.source, entry.owner, entry.review_on) == ("hand", collector, TODAY + dt.timedelta(days=30))
    with pytest.raises(ApplicationError):
        services.watch_add(by=analyst, customer=over_limit, reason="Again")
    services.watch_action_add(by=collector, entry=entry, kind="call", note="Call the CFO")
    with pytest.raises(InvalidInput):
        services.watch_close(by=analyst, entry=entry, decision="  ")
    with pytest.raises(NotPermitted):
        services.watch_close(by=collector, entry=entry, decision="Paid")
    services.watch_close(by=analyst, entry=entry, decision="Paid in full, limit kept")
    entry.refresh_from_db()
    assert (entry.status, entry.closed_by, entry.decision) == ("closed", analyst, "Paid in full, limit kept")


def test_the_rule_does_not_put_back_a_customer_for_the_signals_a_decision_weighed(company, over_limit, analyst, today):
    config = services.config_ensure(company).config
    config["watch_list"]["min_points"] = 10  # the medium utilisation (20 points) is enough
    RiskConfig.objects.filter(company=company).update(config=config)
    services.risk_scan(company=company, as_of=TODAY)
    entry = WatchEntry.objects.get(customer=over_limit)
    assert entry.source == "rule" and entry.owner == analyst and entry.rule_signals == [["utilisation", "medium"]]
    services.watch_close(by=analyst, entry=entry, decision="Seasonal peak, accepted")
    services.risk_scan(company=company, as_of=TODAY + dt.timedelta(days=1))
    assert WatchEntry.objects.filter(customer=over_limit).count() == 1


def test_daily_digest_in_the_users_language_and_immediate_mail_for_high(
    company, accountant, over_limit, analyst, today, django_capture_on_commit_callbacks
):
    analyst.email = "analyst@example.com"
    analyst.save()
    Preference.objects.update_or_create(user=analyst, defaults={"language": "zh-hans"})
    with django_capture_on_commit_callbacks(execute=True):
        services.risk_scan(company=company, as_of=TODAY)
    assert len(mail.outbox) == 0  # medium: waits for the digest
    assert services.alerts_digest_send(today=TODAY) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["analyst@example.com"]
    assert "额度使用率" in message.body and "OVER" in message.body
    assert services.alerts_digest_send(today=TODAY) == 0  # once a day, and nothing waits
    # Now over the limit (high): e-mailed at once after the scan, not waiting for tomorrow's digest.
    invoice(accountant, over_limit, "I2", "2000.00", issue_on=dt.date(2025, 6, 25), due_on=dt.date(2025, 7, 25))
    with django_capture_on_commit_callbacks(execute=True):
        services.risk_scan(company=company, as_of=TODAY)
    assert len(mail.outbox) == 2
    assert AlertEmail.objects.filter(user=analyst, kind="immediate").count() == 1


def test_risk_configuration_round_trips_through_the_command_line(company, administrator, tmp_path, capsys):
    administrator.is_superuser = True
    administrator.save()
    path = tmp_path / "risk.json"
    call_command("risk", "config", "export", "--company", company.code, "--output", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["config"]["signals"]["utilisation"]["medium"] = 80
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("risk", "config", "import", str(path), "--company", company.code)
    latest = RiskConfig.objects.filter(company=company).order_by("-version").first()
    assert latest.version == 2 and latest.config["signals"]["utilisation"]["medium"] == 80
    data["config"]["signals"]["utilisation"] = {"medium": 120, "high": 100}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="rise"):
        call_command("risk", "config", "import", str(path), "--company", company.code)
    assert RiskConfig.objects.filter(company=company).count() == 2


def test_scan_command_prints_json(company, over_limit, capsys):
    call_command("risk", "scan", "--date", TODAY.isoformat(), "--company", company.code, "--format", "json")
    (result,) = json.loads(capsys.readouterr().out)
    assert (result["company"], result["signals"], result["as_of"]) == (company.code, 1, TODAY.isoformat())


def _predict(company, customer, line_days: list[tuple[int, int]]) -> None:
    """Pay-date predictions made on TODAY for the customer: (open functional minor units, days late) a line."""
    version = ModelVersion.objects.get_or_create(
        company=company,
        version=1,
        defaults={
            "method": "model",
            "best_baseline": "due_date",
            "data_from": dt.date(2023, 1, 1),
            "data_to": TODAY,
            "holdout_from": dt.date(2025, 1, 1),
            "train_count": 100,
            "holdout_count": 20,
        },
    )[0]
    for n, (amount, days_late) in enumerate(line_days, start=1):
        Prediction.objects.create(
            model_version=version,
            company=company,
            customer_id=customer.pk,
            line_id=customer.pk * 100 + n,
            as_of=TODAY,
            due_on=dt.date(2025, 7, 20),
            expected_on=dt.date(2025, 7, 20) + dt.timedelta(days=days_late),
            low_on=dt.date(2025, 7, 20),
            high_on=dt.date(2025, 7, 20) + dt.timedelta(days=days_late + 10),
            days_late=days_late,
            currency="CNY",
            open_amount=amount,
            open_functional=amount,
        )


@pytest.fixture
def slipping(company, accountant, analyst, collector, today):
    """SLIP owes 40,000.00 in three items, predicted 45, 31 and 10 days late: 30,000.00 (75.0%) past 30 days."""
    customer = CustomerFactory(company=company, code="SLIP", analyst=analyst, collector=collector)
    for n, amount in enumerate(("20000.00", "10000.00", "10000.00"), start=1):
        invoice(accountant, customer, f"S{n}", amount, issue_on=dt.date(2025, 6, 20), due_on=dt.date(2025, 7, 20))
    _predict(company, customer, [(2_000_000, 45), (1_000_000, 31), (1_000_000, 10)])
    return customer


def test_the_scan_finds_the_customer_predicted_to_slip_and_not_the_one_without_predictions(
    company, slipping, over_limit, analyst, today
):
    scan = services.risk_scan(company=company, as_of=TODAY)
    signal = RiskSignal.objects.get(customer=slipping)
    assert (signal.kind, signal.severity, signal.measure) == ("predicted_slip", "high", Decimal("75.0"))
    assert signal.figures == {"late": 3_000_000, "open": 4_000_000, "share": "75.0", "days": 30}
    # OVER has no predictions: only its utilisation, and no error.
    assert list(RiskSignal.objects.filter(customer=over_limit).values_list("kind", flat=True)) == ["utilisation"]
    assert scan.signals == 2
    # High → on the watch list by the any-high rule.
    assert WatchEntry.objects.filter(customer=slipping, status="open").exists()


def test_the_watch_list_counts_predicted_slip_with_its_weight(company, slipping, manager, today):
    config = copy.deepcopy(DEFAULT_CONFIG)
    config["watch_list"].update(any_high=False, min_points=40)
    services.config_save(by=manager, company=company, config=config)
    services.risk_scan(company=company, as_of=TODAY)
    assert WatchEntry.objects.filter(customer=slipping, status="open").exists()  # high: 20 × 2 = 40 ≥ 40


def test_the_watch_list_leaves_a_customer_below_the_points(company, slipping, manager, today):
    config = copy.deepcopy(DEFAULT_CONFIG)
    config["watch_list"].update(any_high=False, min_points=41)
    services.config_save(by=manager, company=company, config=config)
    services.risk_scan(company=company, as_of=TODAY)
    assert RiskSignal.objects.filter(customer=slipping, kind="predicted_slip", severity="high").exists()
    assert not WatchEntry.objects.filter(customer=slipping).exists()  # 40 < 41


def test_a_stored_configuration_saved_before_the_signal_keeps_working_with_it_off(company, slipping, manager, today):
    old = copy.deepcopy(DEFAULT_CONFIG)
    del old["signals"]["predicted_slip"]
    RiskConfig.objects.create(company=company, version=1, config=old)
    scan = services.risk_scan(company=company, as_of=TODAY)
    assert scan.signals == 0 and not RiskSignal.objects.filter(customer=slipping).exists()
