"""The worklist for users without customers of their own: the auditor reads it, a manager sees everyone's."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _get(user, path: str):
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    client.post("/accounts/language/", {"language": "en", "next": "/"})
    return client.get(path)


def test_the_auditor_reads_the_worklist_but_cannot_log_a_contact(auditor, customer):
    assert _get(auditor, "/collections/").status_code == 200
    assert _get(auditor, f"/collections/customers/{customer.pk}/contacts/").status_code in (403, 405)


def test_a_manager_without_customers_is_told_so_and_sees_all_customers(manager, customer):
    page = _get(manager, "/collections/").content.decode()
    assert "No customers are assigned to you as collector" in page
    assert "None of the customers assigned to you is overdue" not in page


def test_a_collector_with_customers_sees_only_theirs_and_is_told_when_none_is_overdue(collector, customer):
    page = _get(collector, "/collections/").content.decode()
    assert "No customers are assigned to you" not in page
    assert "None of the customers assigned to you is overdue." in page
