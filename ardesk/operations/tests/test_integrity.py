"""ardesk integrity finds what a restore without the media folder or the key would hide."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from ardesk.core import crypto
from ardesk.core.integrity import checks
from ardesk.customers.models import CustomerAttachment
from ardesk.customers.tests.factories import CustomerFactory
from ardesk.operations import integrity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _key_cache_cleared():
    yield
    crypto._fernet.cache_clear()


def attach(customer, name: str) -> CustomerAttachment:
    attachment = CustomerAttachment(customer=customer, original_name=name, content_type="image/png", size=9, sha256="0")
    attachment.file.save(name, ContentFile(b"\x89PNG scan"), save=True)
    return attachment


def test_the_checks_are_registered_with_ardesk_integrity():
    names = [name for name, _check in checks()]
    assert names[-2:] == ["operations.stored_files", "operations.encryption_key"]
    integrity.register()  # again, as a second ready() would: still once
    assert [name for name, _check in checks()].count("operations.stored_files") == 1


def test_every_stored_file_present_passes(company):
    attach(CustomerFactory(company=company, bank_account="6222 0210 0000 0001"), "a.png")
    assert integrity.stored_files() == [] and integrity.encryption_key() == []


def test_a_missing_stored_file_is_named_with_its_row(company):
    customer = CustomerFactory(company=company)
    kept, lost = attach(customer, "kept.png"), attach(customer, "lost.png")
    Path(lost.file.path).unlink()

    [problem] = integrity.stored_files()

    assert problem.check == "customers.customerattachment.file.file"
    assert (problem.count, problem.examples) == (1, [lost.pk])
    assert "file is missing from the media folder" in problem.description
    assert Path(kept.file.path).exists()


def test_values_the_configured_key_cannot_read_are_found(company, settings):
    readable = CustomerFactory(company=company, code="C1", bank_account="6222 0210 0000 0001")
    settings.ARDESK_ENCRYPTION_KEY = Fernet.generate_key().decode()
    crypto._fernet.cache_clear()
    unreadable = CustomerFactory(company=company, code="C2", bank_account="6222 0210 0000 0002")
    CustomerFactory(company=company, code="C3")  # no bank account: nothing to read

    [problem] = integrity.encryption_key()

    assert problem.check == "customers_customer.bank_account.key"
    assert (problem.count, problem.examples) == (1, [readable.pk])
    assert problem.description.startswith("sampled encrypted values of bank_account in customers_customer (of 2)")
    assert unreadable.pk not in problem.examples


def test_ardesk_integrity_exits_with_an_error_naming_the_missing_file(company):
    attachment = attach(CustomerFactory(company=company), "lost.png")
    Path(attachment.file.path).unlink()
    out = StringIO()

    with pytest.raises(CommandError, match="problems found"):
        call_command("integrity", "--format", "json", stdout=out)

    # Only this test's attachment is looked at: once in CI the command also counted rows another
    # test had left behind ("3 problems found"; not reproduced in one process).
    problems = {problem["check"]: problem for problem in json.loads(out.getvalue())["problems"]}
    assert problems["customers.customerattachment.file.file"]["examples"] == [attachment.pk]
