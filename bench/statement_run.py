"""Benchmark: a statement mailing for 100,000 customers: queued (the draft and its recipients written, the
sending started) and then sent in the background.

    .venv/bin/python bench/statement_run.py --database postgres|sqlite [--customers 100000] [--deliver 200]

Target (issue 23): a statement run for 100,000 customers queues its e-mails in under 60 s; rendering
and sending continue in background jobs with progress.

A fresh database each run: PostgreSQL ``portal_bench`` (--db-name; created and dropped, server from
--pg-url or BENCH_PG_URL), or SQLite in a temporary ARDESK_DATA_DIR. The script migrates, creates a
company and ``--customers`` customers, each with a finance contact with an e-mail address and one
posted invoice of the last month (bulk inserts: the ledger's posting is not what is measured), then
posts ``--deliver`` more invoices through ``document_post`` for the customers whose statements are
rendered. It times:

* queue: ``statement_run_create`` (the customers with a balance or a movement, their contacts, one
  recipient row each) plus ``statement_run_send`` (the run marked sending, the job handed over);
* deliver: ``portal.tasks.deliver`` over ``--deliver`` recipients (link, statement, PDF, e-mail to
  Django's in-memory backend), as a rate per statement: the background job's speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

from fresh_database import run_in_fresh_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_QUEUE_SECONDS = 60.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--deliver", type=int, default=200)
    parser.add_argument("--db-name", default="portal_bench", help="the PostgreSQL database, dropped at the end")
    return parser.parse_args()


def main() -> None:
    run_in_fresh_database(parse_args(), prefix="bench-statements-", run=run)


def run(args: argparse.Namespace) -> None:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection

    from ardesk.companies.models import Company, CompanyGrant
    from ardesk.core import clock
    from ardesk.customers.models import Contact, Customer
    from ardesk.ledger import services as ledger
    from ardesk.ledger.models import Document
    from ardesk.portal import domain, services, tasks
    from ardesk.portal.models import StatementRecipient

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ARDESK_JOBS_INLINE = False
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"Statement mailing benchmark on {connection.vendor}, {os.cpu_count()} cores; {load}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    company = Company.objects.create(code="SH01", name="星辰实业（上海）有限公司", functional_currency="CNY")
    accountant = get_user_model().objects.create_user("accountant", password="bench-pass-2026")
    accountant.groups.add(Group.objects.get(name="ar_accountant"))
    CompanyGrant.objects.create(user=accountant, company=company)
    n = args.customers
    customers = Customer.objects.bulk_create(
        [Customer(company=company, code=f"C{i:06d}", name=f"客户{i:06d}有限公司") for i in range(n)], batch_size=5000
    )
    Contact.objects.bulk_create(
        [
            Contact(
                customer=c,
                name=f"联系人{i}",
                email=f"ap{i}@example.cn",
                preferred_language="en" if i % 5 == 0 else "zh-hans",
            )
            for i, c in enumerate(customers)
        ],
        batch_size=5000,
    )
    date_from, date_to = domain.previous_month(clock.today())
    Document.objects.bulk_create(
        [
            Document(
                company=company,
                customer=c,
                doc_type="invoice",
                number=f"B{i:07d}",
                issue_on=date_from + dt.timedelta(days=i % 28),
                due_on=date_to + dt.timedelta(days=30),
                currency="CNY",
                amount=100_000 + i,
                functional_amount=100_000 + i,
            )
            for i, c in enumerate(customers)
        ],
        batch_size=5000,
    )
    for i, customer in enumerate(customers[: args.deliver]):
        ledger.document_post(
            by=accountant,
            company=company,
            customer=customer,
            doc_type="invoice",
            number=f"R{i:07d}",
            issue_on=date_from,
            currency="CNY",
            amount="1250.00",
            due_on=date_from + dt.timedelta(days=30),
        )
    print(f"  data: {n:,} customers, contacts and invoices in {time.perf_counter() - started:.1f} s")

    begin = time.perf_counter()
    run = services.statement_run_create(by=accountant, company=company, date_from=date_from, date_to=date_to)
    written = time.perf_counter() - begin
    services.statement_run_send(by=accountant, run=run, deliver=False)
    queued = time.perf_counter() - begin
    verdict = "meets" if queued < TARGET_QUEUE_SECONDS else "misses"
    print(f"  queue: {run.recipients:,} recipients written in {written:.2f} s, sending started: {queued:.2f} s")
    print(f"         {verdict} the target of {TARGET_QUEUE_SECONDS:.0f} s")

    # The background job over the first --deliver recipients only: the rest are put out of its reach.
    sample = StatementRecipient.objects.filter(run=run).order_by("pk").values_list("pk", flat=True)[args.deliver]
    StatementRecipient.objects.filter(run=run, pk__gte=sample).update(status="sent")
    begin = time.perf_counter()
    tasks.deliver(run.pk)
    seconds = time.perf_counter() - begin
    per = seconds / args.deliver
    errors = set(StatementRecipient.objects.filter(run=run, status="failed").values_list("error", flat=True)[:3])
    print(f"  deliver: {args.deliver} statements (link, PDF, e-mail) in {seconds:.1f} s = {per * 1000:.0f} ms each;")
    print(f"           {len(getattr(mail, 'outbox', []))} e-mails, failures: {errors or 'none'}")
    print(f"           one worker would send {n:,} in about {per * n / 3600:.1f} h")


if __name__ == "__main__":
    main()
