"""schemathesis over the whole API: no server error, and every answer is documented and matches its schema.

The OpenAPI document is taken from the NinjaAPI object and every call goes in-process to the WSGI
application, with a persona's token; each example runs in a savepoint that is rolled back, so each
one starts from the same small ledger. The examples are derandomized, so a run is reproducible.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
import schemathesis
from django.apps import apps
from django.core import signals
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.generation import GenerationMode

from ardesk.accounts.services import token_issue
from ardesk.config.api import api
from ardesk.config.wsgi import application
from ardesk.credit.defaults import credit_defaults_ensure
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.ledger.tests.factories import invoice, receipt

pytestmark = pytest.mark.django_db

# Per operation and persona: enough to reach every operation's rules, few enough that the run stays
# at a few minutes on two cores (a run at 15 + 3 examples as accountant, analyst, collector and
# manager found nothing more).
EXAMPLES = {GenerationMode.POSITIVE: 6, GenerationMode.NEGATIVE: 3}
# No server error; every status documented; the body matches the documented schema and content type;
# data outside the schema is refused. (A schema-valid call may still be refused by a rule, e.g. a company
# code that does not exist, so "positive data accepted" is not a check here.)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture
def connection_kept():
    """As in Django's test client: a request's end must not close the connection that holds the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def ledger(company, accountant):
    """Customer 1 of SH01 with an invoice and a receipt, so ids 1 and 2 name real records."""
    credit_defaults_ensure(apps)
    customer = CustomerFactory(company=company, code="C1")
    invoice(accountant, customer, "I1", "1000.00", issue_on=dt.date(2025, 2, 1), due_on=dt.date(2025, 3, 1))
    receipt(accountant, customer, "R1", "400.00", issue_on=dt.date(2025, 3, 10))
    return customer


# In positive examples, the fields that name a company, customer or currency name the seeded ones, so
# the calls get past "no such company" and reach the rules and the database.
SEEDED = {"company": "SH01", "customer": "C1", "customer_code": "C1", "currency": "CNY"}


def seeded(case, mode) -> None:
    if not mode.is_positive:
        return
    for container in (case.query, case.body):
        if isinstance(container, dict):
            for key, value in SEEDED.items():
                if key in container:
                    container[key] = value


def run_operation(operation, mode, headers, failures):
    """Call the operation with generated cases; record the first failure instead of stopping."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode],
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        if any(label == operation.label for label, _mode, _message in failures):  # one failure an operation is enough
            return
        seeded(case, mode)
        with transaction.atomic():
            try:
                case.call_and_validate(headers=headers, checks=CHECKS)
            except (Failure, FailureGroup) as exc:
                failures.append((operation.label, mode.value, str(exc)[:3000]))
            transaction.set_rollback(True)

    check()


@pytest.mark.parametrize("role", ["accountant", "manager"])
def test_the_api_keeps_its_contract(persona, ledger, connection_kept, role):
    _token, raw = token_issue(user=persona(role))
    headers = {"Authorization": f"Bearer {raw}", "Accept-Language": "en"}
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = application
    failures: list[tuple[str, str, str]] = []
    labels = []
    started = time.monotonic()
    for result in schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)
        for mode in EXAMPLES:
            run_operation(operation, mode, headers, failures)
    print(f"{role}: {len(labels)} operations in {time.monotonic() - started:.1f}s")
    assert len(labels) == len(set(labels)) > 90
    assert not failures, "\n\n".join(f"{label} [{mode}]\n{message}" for label, mode, message in failures)
