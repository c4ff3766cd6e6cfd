"""The cash desk screens over HTTP: permissions, import, accept, split, journal export, the API."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ardesk.banking.models import Application, LineStatus, StatementLine
from ardesk.banking.tests.helpers import bank_account, csv_statement, customer, invoice_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(company, accountant):
    account = bank_account(company)
    huaxing = customer(company, "C001", "上海华星贸易有限公司", "6222 0210 0112 3456")
    mingda = customer(company, "C002", "北京明达电子股份有限公司")
    invoice_on(accountant, huaxing, "INV-2026-0001", "300.00")
    invoice_on(accountant, mingda, "INV-2026-0002", "700.00")
    return account, huaxing, mingda


def _signed_in(client, user):
    client.force_login(user)
    return client


def _upload(client, account, content: bytes, **extra):
    data = {"account": account.pk, "file": SimpleUploadedFile("march.csv", content), **extra}
    return client.post("/banking/import/", data)


def test_the_collector_cannot_open_the_cash_desk(client, setup, collector):
    assert _signed_in(client, collector).get("/banking/").status_code == 403


def test_import_accept_split_and_export_the_journal(client, setup, accountant):
    account, huaxing, mingda = setup
    client = _signed_in(client, accountant)
    rows = [
        ("上海华星贸易", "6222021001123456", "150.00", "INV-2026-0001", "B1"),
        ("上海华星贸易公司财务部", "", "100.00", "", "B2"),
        ("某集团财务公司", "", "1000.00", "代付", "B3"),
    ]
    response = _upload(client, account, csv_statement(rows))
    assert response.status_code == 302
    assert StatementLine.objects.get(bank_ref="B1").status == LineStatus.AUTO
    desk = client.get("/banking/")
    assert desk.status_code == 200 and "上海华星贸易公司财务部" in desk.content.decode()
    waiting = StatementLine.objects.get(bank_ref="B2")
    assert client.post(f"/banking/lines/{waiting.pk}/accept/", {"index": 0}).status_code == 302
    assert StatementLine.objects.get(bank_ref="B2").status == LineStatus.MANUAL
    split = StatementLine.objects.get(bank_ref="B3")
    # B1 and B2 paid 150 + 100 of INV-2026-0001; of B3, 50 pays the rest, 250 stays on account, 700 pays Mingda.
    form = {"customer_1": "C001", "amount_1": "300.00", "customer_2": "C002", "amount_2": "700.00"}
    assert client.post(f"/banking/lines/{split.pk}/", form).status_code == 302
    assert Application.objects.filter(line=split).count() == 2
    export = client.get("/banking/journal/?export=csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0][:6] == ["entry_number", "date", "company", "kind", "line", "account"]
    debits = sum(float(r[7]) for r in rows[1:])
    credits = sum(float(r[8]) for r in rows[1:])
    assert debits == credits == 150 + 100 + 1000
    for path in ("/banking/statements/", "/banking/journal/", "/banking/accounts/", "/banking/differences/"):
        assert client.get(path).status_code == 200


def test_a_bad_file_is_refused_on_the_screen_with_its_row(client, setup, accountant):
    account, *_ = setup
    content = csv_statement([("甲", "", "100.00", "", "S1")], closing="1.00")
    response = _upload(_signed_in(client, accountant), account, content)
    assert response.status_code == 200
    assert "does not balance" in response.content.decode() or "不平" in response.content.decode()
    assert not StatementLine.objects.exists()


def test_the_api_imports_lists_and_matches(client, setup, accountant):
    account, huaxing, mingda = setup
    client = _signed_in(client, accountant)
    content = csv_statement([("某公司", "", "700.00", "", "A1")])
    response = client.post(
        f"/api/v1/banking/accounts/{account.pk}/statements", {"file": SimpleUploadedFile("a.csv", content)}
    )
    assert response.status_code == 200, response.content
    assert response.json()["new"] == 1
    lines = client.get("/api/v1/banking/lines", {"status": "open"}).json()
    assert len(lines) == 1
    matched = client.post(
        f"/api/v1/banking/lines/{lines[0]['id']}/match",
        {"parts": [{"customer": "C002"}]},
        content_type="application/json",
    )
    assert matched.status_code == 200, matched.content
    assert matched.json()["status"] == "manual"
    journal = client.get("/api/v1/banking/journal").json()
    assert [r["account"] for r in journal] == ["1002", "1122"]


def test_the_api_refuses_an_unbalanced_file_naming_the_problem(client, setup, accountant):
    account, *_ = setup
    content = csv_statement([("某公司", "", "700.00", "", "A1")], closing="5.00")
    response = _signed_in(client, accountant).post(
        f"/api/v1/banking/accounts/{account.pk}/statements", {"file": SimpleUploadedFile("a.csv", content)}
    )
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "closing_balance"
    assert not StatementLine.objects.exists()


def test_the_daily_summary_shows_the_latest_days_grouping_only_those(company, accountant):
    # Twenty days of one line each, CNY; on the last day a USD line too and an outgoing payment.
    # The latest three rows are 03-20 CNY, 03-20 USD and 03-19 CNY: days before 03-19 are not
    # grouped at all, and the outgoing payment is no incoming line.
    import datetime as dt

    from ardesk.banking import selectors
    from ardesk.banking.models import BankStatement

    account = bank_account(company)
    statement = BankStatement.objects.create(
        account=account,
        company=company,
        file_name="march.csv",
        sha256="0" * 64,
        file_format="table",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 3, 20),
    )

    def line(day: int, amount: int, currency: str = "CNY", status: str = LineStatus.OPEN) -> None:
        StatementLine.objects.create(
            account=account,
            statement=statement,
            company=company,
            booked_on=dt.date(2026, 3, day),
            seq=day,
            amount=amount,
            currency=currency,
            line_key=f"k{day}{currency}{amount}",
            status=status,
        )

    for day in range(1, 21):
        line(day, 10000 * day, status=LineStatus.AUTO if day % 2 else LineStatus.OPEN)
    line(20, 5000, "USD")
    line(20, -3000)
    rows = selectors.daily_summary(company_ids=[company.pk], limit=3)
    assert [(r["booked_on"].day, r["currency"], r["auto"], r["open"], r["open_amount"]) for r in rows] == [
        (20, "CNY", 0, 1, 200000),
        (20, "USD", 0, 1, 5000),
        (19, "CNY", 1, 0, None),
    ]
    assert rows == selectors.daily_summary(company_ids=[company.pk])[:3]


def test_an_unreadable_file_shows_its_problem_and_no_counts_of_lines_never_imported(client, setup, accountant):
    account, _, _ = setup
    response = _upload(_signed_in(client, accountant), account, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    page = response.content.decode()
    assert response.status_code == 200 and 'id="import-problems"' in page
    assert 'id="import-counts"' not in page
    assert not StatementLine.objects.exists()
