"""The same bad document says the same thing from the posting service, the API, the form and an import."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.test import Client

from ardesk.accounts.services import token_issue
from ardesk.core.errors import InvalidInput
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger import services
from ardesk.ledger.imports.engine import run_import
from ardesk.ledger.models import Document

GOOD = {
    "doc_type": "invoice",
    "number": "INV-1",
    "issue_on": "2024-01-05",
    "due_on": "2024-02-04",
    "currency": "CNY",
    "amount": "1200.50",
}
# The import's columns for the document's fields.
COLUMNS = {
    "number": "number",
    "issue_on": "issue_date",
    "due_on": "due_date",
    "currency": "currency",
    "amount": "amount",
}

# (what is wrong, the field at fault, the reason every channel gives)
MISTAKES = [
    ({"due_on": "2024-01-04"}, "due_on", "The due date is before the document date."),
    ({"amount": "1e30"}, "amount", "Scientific notation (such as 1e5): write the amount out in full."),
    (
        {"amount": "100000000000000000"},
        "amount",
        "100000000000000000 is more than the largest amount the ledger holds, 9999999999999.99.",
    ),
    ({"amount": "100.123"}, "amount", "100.123 has more than 2 decimals."),
    ({"amount": "-5"}, "amount", "The amount must be positive, not -5."),
    (
        {"number": '=HYPERLINK("http://evil","x")'},
        "number",
        "Starts with '=', which a spreadsheet would run as a formula.",
    ),
    ({"number": "-1"}, "number", "Starts with '-', which a spreadsheet would run as a formula."),
    ({"number": "INV\x001"}, "number", "Contains a NUL character, which cannot be stored."),
    (
        {"issue_on": "1899-12-31", "due_on": "1900-01-30"},
        "issue_on",
        "1899-12-31: the year must be between 1900 and 2100.",
    ),
]


@pytest.fixture
def customer(company):
    return CustomerFactory(company=company, code="C1")


def through_the_service(accountant, customer, document: dict) -> dict[str, list[str]]:
    fields = {**document}
    for name in ("issue_on", "due_on"):
        fields[name] = dt.date.fromisoformat(fields[name])
    with pytest.raises(InvalidInput) as refused:
        services.document_post(by=accountant, company=customer.company, customer=customer, **fields)
    return refused.value.errors


def through_the_api(accountant, document: dict) -> dict[str, list[str]]:
    _token, raw = token_issue(user=accountant)
    api = Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"})
    body = {"company": "SH01", "customer": "C1", **document}
    response = api.post("/api/v1/ledger/documents", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 422, response.content
    return response.json()["error"]["fields"]


def through_an_import(accountant, company, document: dict) -> list[tuple[str, str]]:
    """The document as a row of a CSV file, checked (dry run) and imported."""
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["number", "customer", "issue_date", "due_date", "currency", "amount"])
    writer.writerow(
        [document["number"], "C1", document["issue_on"], document["due_on"], document["currency"], document["amount"]]
    )
    data = rows.getvalue().encode()
    reports = [
        run_import(
            kind="invoices", handle=io.BytesIO(data), file_name="f.csv", company=company, user=accountant, dry_run=dry
        )
        for dry in (True, False)
    ]
    check, write = (sorted((p.field, p.reason) for p in report.problems) for report in reports)
    assert check == write  # the dry run and the import accept and refuse the same rows
    return write


@pytest.mark.parametrize(("change", "field", "reason"), MISTAKES)
def test_the_same_mistake_gets_the_same_words_everywhere(accountant, company, customer, change, field, reason):
    document = {**GOOD, **change}
    assert through_the_service(accountant, customer, document) == {field: [reason]}
    assert through_the_api(accountant, document) == {field: [reason]}
    assert through_an_import(accountant, company, document) == [(COLUMNS[field], reason)]
    assert not Document.objects.exists()


@pytest.mark.parametrize(("change", "field", "reason"), [m for m in MISTAKES if "\x00" not in m[0].get("number", "")])
def test_the_form_shows_the_same_words(accountant, customer, change, field, reason):
    web = Client()
    web.force_login(accountant)
    web.post("/accounts/language/", {"language": "en"})
    response = web.post(f"/ledger/customers/{customer.pk}/documents/new/", {**GOOD, **change})
    assert response.status_code == 200
    assert response.context["form"].errors == {field: [reason]}
    assert not Document.objects.exists()


def test_a_good_document_posts_through_every_channel(accountant, company, customer):
    report = through_an_import(accountant, company, GOOD)
    assert report == [] and Document.objects.get(number="INV-1").amount == 120050
