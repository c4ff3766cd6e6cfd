"""Collections screens: who may open what, the preview-then-confirm run, logging a contact with htmx."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal

import pytest
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from ardesk.collections import services
from ardesk.collections.models import (
    ContactLog,
    Dispute,
    DunningLevel,
    DunningPolicy,
    DunningRun,
    Notice,
    NoticeStatus,
    PromiseToPay,
)
from ardesk.conftest import PASSWORD
from ardesk.core import clock
from ardesk.ledger.models import DueLine
from ardesk.ledger.tests.factories import invoice

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(accountant, customer):
    today = clock.today()
    return invoice(
        accountant,
        customer,
        "INV-9",
        "2500.00",
        issue_on=today - dt.timedelta(days=70),
        due_on=today - dt.timedelta(days=40),
    )


def signed_in(client, user):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


PAGES = [
    ("collections:worklist", {}),
    ("collections:runs", {}),
    ("collections:policies", {}),
    ("collections:disputes", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_the_collector_opens_every_collections_screen(client, collector, name, kwargs):
    assert signed_in(client, collector).get(reverse(name, kwargs=kwargs)).status_code == 200


def test_the_analyst_cannot_open_the_worklist_or_run_dunning(client, analyst, company):
    signed_in(client, analyst)
    assert client.get(reverse("collections:worklist")).status_code == 403
    response = client.post(reverse("collections:run_confirm"), {"company": company.code, "run_on": "2025-01-01"})
    assert response.status_code == 403
    assert not DunningRun.objects.exists()


def test_a_user_without_a_role_sees_nothing_of_collections(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="nobody", password=PASSWORD))
    for name, kwargs in PAGES:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 403


def test_the_worklist_ranks_the_overdue_customer_and_its_page_shows_the_timeline(client, collector, customer, overdue):
    response = signed_in(client, collector).get(reverse("collections:worklist"))
    # 2,500.00 overdue for 40 days: 25 % at risk.
    assert response.context["rows"][0].at_risk == 62500
    assert "625.00" in response.content.decode()
    page = client.get(reverse("collections:customer", args=[customer.pk]))
    assert page.status_code == 200
    assert "INV-9" in page.content.decode()
    assert client.get(reverse("collections:timeline", args=[customer.pk])).status_code == 200


def test_logging_a_call_with_a_promise_takes_one_htmx_post(client, collector, customer, overdue):
    promised = clock.today() + dt.timedelta(days=5)
    response = signed_in(client, collector).post(
        reverse("collections:contact_log", args=[customer.pk]),
        {"channel": "call", "outcome": "promised", "promise_amount": "2500.00", "promise_on": promised.isoformat()},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'id="contact-saved"' in response.content.decode()
    log = ContactLog.objects.get()
    assert log.next_action_on == promised + dt.timedelta(days=1)
    promise = PromiseToPay.objects.get()
    assert (promise.amount, promise.promised_on, promise.contact_log_id) == (250000, promised, log.pk)


def test_a_promise_without_a_date_is_refused_on_the_form(client, collector, customer, overdue):
    response = signed_in(client, collector).post(
        reverse("collections:contact_log", args=[customer.pk]),
        {"channel": "call", "outcome": "promised", "promise_amount": "100.00"},
        HTTP_HX_REQUEST="true",
    )
    assert "A promise needs an amount and a date." in response.content.decode()
    assert not ContactLog.objects.exists()


def test_the_run_is_previewed_then_confirmed(client, collector, company, customer, overdue):
    signed_in(client, collector)
    today = clock.today().isoformat()
    preview = client.get(reverse("collections:runs"), {"company": company.code, "run_on": today})
    assert preview.context["preview"].notices == 1
    assert not DunningRun.objects.exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("collections:run_confirm"), {"company": company.code, "run_on": today})
    run = DunningRun.objects.get()
    assert response.url == reverse("collections:run", args=[run.pk])
    page = client.get(response.url)
    assert page.status_code == 200
    assert run.notices == 1
    notice_page = client.get(reverse("collections:notice", args=[page.context["page"][0].pk]))
    assert notice_page.status_code == 200
    assert client.get(reverse("collections:notice_pdf", args=[page.context["page"][0].pk])).status_code == 200


def test_the_run_preview_names_the_levels_in_the_users_language(client, collector, company, customer, overdue):
    signed_in(client, collector).defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    today = clock.today().isoformat()
    page = client.get(reverse("collections:runs"), {"company": company.code, "run_on": today}).content.decode()
    largest = page[page.index('id="preview-notices"') :]
    assert "<td>2 第一次催款通知</td>" in largest and "First notice" not in largest


def test_the_worklist_names_the_level_of_a_call_in_the_users_language(client, collector, company, customer, overdue):
    signed_in(client, collector).defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("collections:run_confirm"), {"company": company.code, "run_on": clock.today().isoformat()})
    phone = DunningLevel.objects.get(policy__is_default=True, seq=4)
    Notice.objects.update(status=NoticeStatus.TASK, level=phone)  # the run's notice, as a call to make
    page = client.get(reverse("collections:worklist")).content.decode()
    assert f"{customer.name}</a> · 第三次催款（电话） ·" in page and "Third notice (phone)" not in page


def test_a_dispute_opened_on_the_screen_and_rejected_by_the_manager(client, collector, manager, customer, overdue):
    line = overdue.lines.get()
    signed_in(client, collector)
    response = client.post(
        reverse("collections:dispute_create", args=[customer.pk]),
        {"reason": "price", "amount": "300.00", "lines": [str(line.pk)], "description": "Unit price 10 % too high"},
    )
    dispute = Dispute.objects.get()
    assert response.url == reverse("collections:dispute", args=[dispute.pk])
    assert client.get(response.url).status_code == 200
    # The collector may not reject it; the manager may.
    client.post(response.url, {"action": "resolve", "outcome": "rejected", "note": "Price per contract"})
    dispute.refresh_from_db()
    assert dispute.status == "open"
    signed_in(client, manager).post(
        response.url, {"action": "resolve", "outcome": "rejected", "note": "Price per contract"}
    )
    dispute.refresh_from_db()
    assert dispute.status == "rejected"
    assert list(dispute.notes.values_list("status", flat=True)) == ["open", "rejected"]


def test_the_collector_puts_a_customer_on_hold_and_hands_it_to_legal(client, collector, customer, overdue):
    signed_in(client, collector)
    client.post(reverse("collections:escalate", args=[customer.pk, "hold"]), {"reason": "Three notices unanswered"})
    client.post(
        reverse("collections:escalate", args=[customer.pk, "legal"]),
        {"reference": "(2026)沪01民初7号", "lawyer": "金杜"},
    )
    customer.refresh_from_db()
    assert customer.status == "on_hold"
    assert customer.collection_profile.in_legal
    case = customer.legal_cases.get()
    assert (case.amount, case.lawyer) == (250000, "金杜")


def _inputs_and_labels(html: str) -> tuple[list[str], dict[str, str]]:
    """The ids of the visible inputs of the escalation panel and the text of each label by its target."""
    section = html[html.index('id="escalation"') : html.index('id="timeline"')]
    inputs = [
        re.search(r'id="([^"]+)"', tag).group(1) if 'id="' in tag else ""
        for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", section)
        if 'type="hidden"' not in tag
    ]
    labels = {target: text.strip() for target, text in re.findall(r'<label for="([^"]+)">([^<]*)</label>', section)}
    return inputs, labels


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", ["Case reference", "Law firm / lawyer", "Notes"]), ("zh-hans", ["案号", "律师事务所 / 律师", "备注"])],
)
def test_every_input_of_the_legal_hand_over_has_a_visible_label(client, collector, customer, overdue, language, words):
    signed_in(client, collector)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    inputs, labels = _inputs_and_labels(
        client.get(reverse("collections:customer", args=[customer.pk])).content.decode()
    )
    # Reason (to put on hold, to block dunning) and the three inputs of the hand-over to legal.
    assert len(inputs) == 5
    assert all(labels.get(i) for i in inputs), (inputs, labels)
    assert [labels[i] for i in inputs[-3:]] == words
    services.legal_case_open(by=collector, customer=customer, reference="(2026)沪01民初7号", lawyer="金杜")
    inputs, labels = _inputs_and_labels(
        client.get(reverse("collections:customer", args=[customer.pk])).content.decode()
    )
    assert inputs[-1].startswith("legal-close-notes-") and labels[inputs[-1]] == words[-1]


def test_policies_export_and_import_on_the_screen(client, manager, collector):
    signed_in(client, manager)
    exported = json.loads(client.get(reverse("collections:policies"), {"export": "json"}).content)
    exported["policies"][0]["code"] = "STRICT"
    exported["policies"][0]["is_default"] = False
    exported["policies"][0]["levels"][1]["days"] = 3
    upload = io.BytesIO(json.dumps(exported).encode())
    upload.name = "policies.json"
    response = client.post(reverse("collections:policies"), {"file": upload})
    assert response.status_code == 302
    assert DunningPolicy.objects.get(code="STRICT").levels.get(seq=2).days == 3
    assert DunningPolicy.objects.get(is_default=True).code == "STANDARD"
    upload = io.BytesIO(b"{}")
    upload.name = "x.json"
    assert signed_in(client, collector).post(reverse("collections:policies"), {"file": upload}).status_code == 403


def test_the_customer_page_loads_the_collections_timeline(client, collector, customer):
    services.contact_log(by=collector, customer=customer, channel="visit", outcome="reached", note="Met the CFO")
    page = signed_in(client, collector).get(reverse("customers:detail", args=[customer.pk]))
    assert reverse("collections:timeline", args=[customer.pk]) in page.content.decode()
    assert "Met the CFO" in client.get(reverse("collections:timeline", args=[customer.pk])).content.decode()


def test_the_open_disputes_by_age_export_to_csv_and_excel(client, collector, customer, overdue, django_user_model):
    today = clock.today()
    line = DueLine.objects.get(document=overdue)
    services.dispute_open(
        by=collector,
        customer=customer,
        reason="price",
        amount="300.00",
        line_ids=[line.pk],
        on=today - dt.timedelta(days=45),
    )
    signed_in(client, collector)
    response = client.get(reverse("collections:disputes"), {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Customer code", "Customer", "Opened on", "Days open", "Age band"]
    assert rows[1] == [
        "C100",
        "华东机电有限公司",
        (today - dt.timedelta(days=45)).isoformat(),
        "45",
        "31-60",
        "Price",
        "CNY",
        "300.00",
        collector.get_username(),
    ]
    response = client.get(reverse("collections:disputes"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = next(n for n, row in enumerate(values) if row[0] == "Customer code")
    assert values[header + 1][3:8] == [45, "31-60", "Price", "CNY", 300]
    # The export is the screen's: a user without the disputes permission gets neither.
    client.force_login(django_user_model.objects.create_user(username="nobody", password=PASSWORD))
    assert client.get(reverse("collections:disputes"), {"format": "csv"}).status_code == 403


def test_the_finance_manager_edits_a_policy_level_on_the_screen_with_the_imports_checks(client, manager, collector):
    standard = DunningPolicy.objects.get(code="STANDARD")
    url = reverse("collections:policy_level", args=["STANDARD", 2])
    level = standard.levels.get(seq=2)
    form = {
        "name": "First notice",
        "name_zh": "第一次催款通知",
        "days": "10",
        "channel": "email",
        "min_amount": "150.00",
        "subject_en": level.subject_en,
        "body_en": level.body_en,
        "subject_zh": level.subject_zh,
        "body_zh": level.body_zh,
    }
    # A collector may read the policies, not change them.
    assert signed_in(client, collector).get(url).status_code == 403
    assert client.post(url, form).status_code == 403

    signed_in(client, manager)
    page = client.get(url)
    assert page.status_code == 200 and 'value="7"' in page.content.decode()
    response = client.post(url, form)
    assert response.status_code == 302
    level.refresh_from_db()
    assert (level.days, level.min_amount, level.name_zh) == (10, Decimal("150.00"), "第一次催款通知")
    assert standard.levels.count() == 6

    # Level 2 after level 3 (+21 days): refused with the import's words, nothing changed.
    response = client.post(url, {**form, "days": "30"})
    assert response.status_code == 200
    refusal = "Policy STANDARD, level 3: days: each level must come later than the one before."
    assert refusal in response.content.decode()
    level.refresh_from_db()
    assert level.days == 10


def test_the_resolve_panel_offers_each_role_only_the_resolutions_it_may_take(
    client, collector, accountant, manager, customer, overdue
):
    """The AR accountant credits or rejects a dispute; the collector records only the customer's withdrawal."""
    dispute = services.dispute_open(
        by=collector, customer=customer, reason="price", amount="100.00", line_ids=[overdue.lines.get().pk]
    )
    url = reverse("collections:dispute", args=[dispute.pk])

    def outcomes(user) -> list[str]:
        page = signed_in(client, user).get(url).content.decode()
        return re.findall(r'name="outcome" value="(\w+)"', page) + re.findall(r'<option value="(\w+)"', page)

    assert outcomes(accountant) == ["credit", "rejected"]
    assert outcomes(collector) == ["withdrawn"]
    assert outcomes(manager) == ["credit", "rejected", "withdrawn"]
    signed_in(client, accountant).post(url, {"action": "resolve", "outcome": "credit", "on": clock.today()})
    dispute.refresh_from_db()
    assert dispute.status == "credited"


def test_a_dispute_credited_on_the_screen_dates_the_credit_note_as_the_manager_says(
    client, collector, manager, customer, overdue
):
    """The dispute was opened five days ago; the manager credits it as of three days ago. A date in the
    future is refused next to the field, and nothing is posted."""
    line = overdue.lines.get()
    today = clock.today()
    dispute = services.dispute_open(
        by=collector,
        customer=customer,
        reason="quantity",
        amount="200.00",
        line_ids=[line.pk],
        on=today - dt.timedelta(days=5),
    )
    url = reverse("collections:dispute", args=[dispute.pk])
    signed_in(client, manager)
    page = client.get(url).content.decode()
    assert f'value="{today:%Y-%m-%d}"' in page  # the date field starts at today
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    refused = client.post(url, {"action": "resolve", "outcome": "credit", "on": tomorrow})
    assert refused.status_code == 200
    assert "A credit note cannot be dated after today" in refused.content.decode()
    dispute.refresh_from_db()
    assert dispute.status == "open" and dispute.credit_note is None
    three_days_ago = today - dt.timedelta(days=3)
    client.post(url, {"action": "resolve", "outcome": "credit", "on": three_days_ago.isoformat()})
    dispute.refresh_from_db()
    assert (dispute.status, dispute.resolved_on, dispute.credit_note.issue_on) == (
        "credited",
        three_days_ago,
        three_days_ago,
    )
    assert set(dispute.credit_note.allocations_out.values_list("allocated_on", flat=True)) == {three_days_ago}
