"""A training copy is marked in its own data, shows its banner on every page and sends no e-mail."""

from __future__ import annotations

import sqlite3

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from ardesk.customers.tests.factories import CustomerFactory
from ardesk.guide import training
from ardesk.guide.models import SuppressedEmail, TrainingCopy, TrainingCopyStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def guarded_mail(settings):
    """The product's e-mail setting: the guide's backend in front of the real one (here, the test outbox)."""
    settings.EMAIL_BACKEND = "ardesk.guide.mail.TrainingAwareBackend"
    settings.ARDESK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_a_real_installation_sends_its_e_mail(guarded_mail):
    EmailMessage("催款函", "请付款", "ar@example.com", ["buyer@example.com"]).send()
    assert len(mail.outbox) == 1
    assert SuppressedEmail.objects.count() == 0


def test_a_training_installation_sends_no_e_mail_and_records_why(guarded_mail):
    training.training_mark(source="/srv/ardesk")
    sent = EmailMessage("催款函", "请付款", "ar@example.com", ["buyer@example.com", "cfo@example.com"]).send()
    assert sent == 0
    assert mail.outbox == []
    suppressed = SuppressedEmail.objects.get()
    assert suppressed.subject == "催款函"
    assert suppressed.recipients == "buyer@example.com, cfo@example.com"
    assert suppressed.reason == training.SUPPRESSED_REASON


def test_marking_twice_keeps_one_mark():
    training.training_mark(source="a")
    training.training_mark(source="b")
    assert training.is_training()


def test_every_page_of_a_training_installation_shows_the_banner(client, collector):
    training.training_mark(source="demo")
    assert "training-banner" in client.get("/accounts/login/").content.decode()
    client.force_login(collector)
    page = client.get("/collections/").content.decode()
    assert 'id="training-banner"' in page


def test_a_real_installation_shows_no_banner(client, collector):
    client.force_login(collector)
    assert "training-banner" not in client.get("/collections/").content.decode()


def test_the_copy_leaves_out_what_it_must_not_share(tmp_path):
    env = training.serve_environment(
        tmp_path, base={"DATABASE_URL": "postgres://x/prod", "CELERY_BROKER_URL": "redis://x", "PATH": "/bin"}
    )
    assert env == {"PATH": "/bin", "ARDESK_DATA_DIR": str(tmp_path)}


def test_a_copy_needs_an_empty_directory(tmp_path):
    (tmp_path / "something").write_text("x")
    with pytest.raises(training.TrainingError):
        training.training_copy_create(directory=tmp_path)


# Transactional: the copy is taken outside a test transaction, as in production.
@pytest.mark.django_db(transaction=True)
def test_a_copy_of_this_installation_is_marked_in_its_data_and_keeps_the_key(tmp_path, company, settings):
    customer = CustomerFactory(company=company)
    target = tmp_path / "training"
    training.training_copy_create(directory=target)
    assert (target / "encryption_key").read_text() == settings.ARDESK_ENCRYPTION_KEY
    assert _copied_rows(target) == (1, [(customer.code,)])
    assert not training.is_training()  # the installation copied from is untouched


def _copied_rows(target) -> tuple[int, list]:
    """The copy's training marks and customer codes, from its SQLite file or its PostgreSQL database (then dropped)."""
    queries = ("SELECT COUNT(*) FROM guide_trainingmark", "SELECT code FROM customers_customer")
    if connection.vendor != "postgresql":
        copy = sqlite3.connect(target / "ardesk.sqlite3")
        try:
            return copy.execute(queries[0]).fetchone()[0], copy.execute(queries[1]).fetchall()
        finally:
            copy.close()
    import psycopg

    url = (target / training.DATABASE_URL_FILE).read_text().strip()
    with psycopg.connect(url) as copy:
        found = copy.execute(queries[0]).fetchone()[0], [tuple(row) for row in copy.execute(queries[1]).fetchall()]
    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return found


def test_a_failed_copy_is_recorded(tmp_path, administrator):
    (tmp_path / "taken").write_text("x")
    copy = TrainingCopy.objects.create(directory=str(tmp_path), requested_by=administrator)
    training.training_copy_run(copy)
    copy.refresh_from_db()
    assert copy.status == TrainingCopyStatus.FAILED
    assert "not empty" in copy.error


def test_the_command_refuses_a_directory_in_use(tmp_path):
    (tmp_path / "ardesk.sqlite3").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("training", "create", str(tmp_path))


def test_the_command_serves_only_a_directory_holding_a_copy(tmp_path):
    with pytest.raises(CommandError, match="holds no training copy"):
        call_command("training", "serve", str(tmp_path))
