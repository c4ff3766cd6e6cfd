"""A dunning delivery killed with SIGKILL in the middle of an e-mail, then `ardesk dunning resume`.

A real `ardesk dunning run --wait` process (one delivery process: ARDESK_WORKERS=1) on a SQLite
data directory of its own sends to a real SMTP server started by the test; the server kills the
process while it receives the eighth message, so the process dies before it hears "250 OK" and
before it records the notice as sent. The notices' outcomes are saved a group at a time, so the
seven sent before it are still "sending" too: none of the eight is sent again.
"""

from __future__ import annotations

import email
import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from email import policy

import pytest
from aiosmtpd.controller import Controller

from ardesk.core.testing.smtp import free_port

ARDESK = [sys.executable, "-m", "ardesk.cli"]
CUSTOMERS = 24
KILL_AT = 8

SETUP = f"""
import datetime as dt
from django.contrib.auth import get_user_model
from ardesk.companies.models import Company
from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.ledger.tests.factories import invoice

boss = get_user_model().objects.get(username="boss")
company = Company.objects.get(code="HQ01")
for n in range({CUSTOMERS}):
    customer = CustomerFactory(company=company, code=f"K{{n:03d}}")
    ContactFactory(customer=customer, email=f"ap{{n:03d}}@example.cn", is_primary=True)
    invoice(boss, customer, f"INV-{{n:03d}}", "1000.00", issue_on=dt.date(2025, 1, 1), due_on=dt.date(2025, 1, 31))
"""


class KillingInbox:
    """Keeps every message; while taking the KILL_AT-th, kills the sending process (it never hears "250 OK")."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.victim: subprocess.Popen | None = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        if self.victim is not None and len(self.messages) == KILL_AT:
            os.kill(self.victim.pid, signal.SIGKILL)
            self.victim.wait()
        return "250 OK"


@pytest.fixture
def installation(tmp_path):
    inbox = KillingInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        ARDESK_DATA_DIR=str(tmp_path),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(controller.port),
        DEFAULT_FROM_EMAIL="ar@example.cn",
        ARDESK_WORKERS="1",
    )

    def ardesk(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run([*ARDESK, *args], env=env, capture_output=True, text=True, timeout=300)
        if check and result.returncode != 0:
            raise AssertionError(f"ardesk {' '.join(args)} failed: {result.stdout}{result.stderr}")
        return result

    ardesk(
        "init",
        "--company-code",
        "HQ01",
        "--company-name",
        "示例",
        "--admin",
        "boss",
        "--password",
        "Strong-pass-2026",
        "--no-input",
    )
    ardesk("shell", "-c", SETUP)
    yield tmp_path, env, ardesk, inbox
    controller.stop()


def runs(data) -> list[tuple]:
    with sqlite3.connect(data / "ardesk.sqlite3") as db:
        return db.execute("SELECT id, status, notices, delivered FROM collections_dunningrun ORDER BY id").fetchall()


def test_a_killed_delivery_resumes_and_every_notice_is_sent_exactly_once(installation):
    data, env, ardesk, inbox = installation
    inbox.victim = subprocess.Popen(
        [*ARDESK, "dunning", "run", "--date", "2025-02-10", "--wait"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert inbox.victim.wait(timeout=300) == -signal.SIGKILL
    assert len(inbox.messages) == KILL_AT
    ((run_id, status, notices, delivered),) = runs(data)
    # Eight notices claimed and sent (the eighth received, its process dead before hearing "250 OK"),
    # their outcomes not saved yet: the run counts none of them.
    assert (status, notices, delivered) == ("delivering", CUSTOMERS, 0)
    with sqlite3.connect(data / "ardesk.sqlite3") as db:
        (sending,) = db.execute("SELECT count(*) FROM collections_notice WHERE status = 'sending'").fetchone()
    assert sending == KILL_AT

    inbox.victim = None
    out = ardesk("dunning", "resume").stdout
    assert f"resumed run {run_id}, delivered {CUSTOMERS} of {CUSTOMERS} notices (done)" in out
    assert "the delivery stopped while it was being sent; it is not sent again" in out

    recipients = Counter(message["To"] for message in inbox.messages)
    assert len(inbox.messages) == CUSTOMERS
    assert recipients == Counter({f"ap{n:03d}@example.cn": 1 for n in range(CUSTOMERS)})
    assert runs(data) == [(run_id, "done", CUSTOMERS, CUSTOMERS)]
    integrity = ardesk("integrity", check=False)
    assert integrity.returncode == 0, integrity.stdout + integrity.stderr
    assert "No dunning run to resume." in ardesk("dunning", "resume").stdout
