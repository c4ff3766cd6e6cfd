"""The customer portal's pages for a customer with many open items, as the customer's browser asks for them.

    .venv/bin/python bench/portal_page.py --database postgres|sqlite [--items 2000] [--others 200] [--repeat 20]

Target (issue 23): a portal page under 200 ms.

A fresh database each run: PostgreSQL ``ardesk_portal_bench`` (--db-name; created and dropped, server from
--pg-url or BENCH_PG_URL), or SQLite in a temporary ARDESK_DATA_DIR. The script migrates, creates a
company, an AR accountant, the measured customer with a contact reading Chinese, --items invoices
posted through the ledger's own service over the last two years (one in three overdue, one in ten
part-paid by a receipt), a promise and a dispute, and --others other customers with ten invoices
each (so the ledger is not the customer's alone). It issues the contact's link as a collector
would, then times with Django's test client (middleware, view, SQL, template), after one warm-up,
the median and worst of --repeat requests of: the portal's overview (balance, the first page of
50 open items, documents, promises, disputes, surveys, bank details), its last page of open items,
and the promise and dispute forms (which list every open item to choose from).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

from fresh_database import database_arguments, run_in_fresh_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    database_arguments(parser, db_name="ardesk_portal_bench")
    parser.add_argument("--items", type=int, default=2000, help="open invoices of the measured customer")
    parser.add_argument("--others", type=int, default=200, help="other customers, ten invoices each")
    parser.add_argument("--repeat", type=int, default=20)
    return parser.parse_args()


def timed(label: str, call, repeat: int) -> None:
    from django.core.cache import cache

    cache.clear()  # the portal's per-address rate limit counts a minute's requests; each page starts afresh
    response = call()  # warm-up
    assert response.status_code == 200, (label, response.status_code)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    print(f"  {label:<44} median {statistics.median(times):7.1f} ms   worst {max(times):7.1f} ms")


def main() -> None:
    run_in_fresh_database(parse_args(), prefix="bench-portal-", run=run)


def run(args: argparse.Namespace) -> None:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from ardesk.collections.defaults import dunning_policy_ensure
    from ardesk.collections.services import dispute_open, promise_create
    from ardesk.companies.models import Company, CompanyGrant
    from ardesk.core import clock
    from ardesk.customers.models import Contact, Customer
    from ardesk.ledger.models import DueLine
    from ardesk.ledger.services import allocation_create, document_post
    from ardesk.portal import services

    print(f"Customer portal benchmark on {connection.vendor}, {os.cpu_count()} cores, load {os.getloadavg()}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from django.apps import apps

    dunning_policy_ensure(apps)
    company = Company.objects.create(code="SH01", name="星辰实业（上海）有限公司", functional_currency="CNY")
    users = get_user_model().objects
    accountant = users.create_user("accountant", password="bench-pass-2026")
    accountant.groups.add(Group.objects.get(name="ar_accountant"))
    collector = users.create_user("collector", password="bench-pass-2026")
    collector.groups.add(Group.objects.get(name="collector"))
    CompanyGrant.objects.bulk_create([CompanyGrant(user=u, company=company) for u in (accountant, collector)])
    today = clock.today()
    customer = Customer.objects.create(company=company, code="C00000", name="华东机电有限公司", collector=collector)
    contact = Contact.objects.create(
        customer=customer, name="李娜", email="li.na@example.cn", preferred_language="zh-hans"
    )
    for n in range(args.items):
        issue_on = today - dt.timedelta(days=(n * 730) // max(args.items, 1))
        due_on = issue_on + dt.timedelta(days=30 if n % 3 else -200)
        invoice = document_post(
            by=accountant,
            company=company,
            customer=customer,
            doc_type="invoice",
            number=f"INV-{n:06d}",
            issue_on=issue_on,
            due_on=max(due_on, issue_on),
            currency="CNY",
            amount=f"{1000 + (n * 37) % 90000}.{n % 100:02d}",
        )
        if n % 10 == 0:
            receipt = document_post(
                by=accountant,
                company=company,
                customer=customer,
                doc_type="receipt",
                number=f"RC-{n:06d}",
                issue_on=issue_on + dt.timedelta(days=20),
                currency="CNY",
                amount="500.00",
            )
            line = DueLine.objects.get(document=invoice)
            allocation_create(by=accountant, source=receipt, line=line, amount="500.00", on=receipt.issue_on)
    for c in range(args.others):
        other = Customer.objects.create(company=company, code=f"C{c + 1:05d}", name=f"客户{c + 1:05d}有限公司")
        for n in range(10):
            document_post(
                by=accountant,
                company=company,
                customer=other,
                doc_type="invoice",
                number=f"INV-{c + 1:05d}-{n}",
                issue_on=today - dt.timedelta(days=n * 30),
                due_on=today - dt.timedelta(days=n * 30 - 30),
                currency="CNY",
                amount="2500.00",
            )
    open_lines = list(DueLine.objects.filter(document__customer=customer, open_now__gt=0).order_by("due_on")[:3])
    promise_create(
        by=collector,
        customer=customer,
        promised_on=today + dt.timedelta(days=7),
        amount="1000.00",
        line_ids=[open_lines[0].pk],
    )
    dispute_open(
        by=collector,
        customer=customer,
        reason="quantity",
        amount="100.00",
        line_ids=[open_lines[1].pk],
        description="数量不符",
    )
    link = services.link_issue(by=collector, contact=contact)
    path = services.link_url(link).removeprefix(settings.ARDESK_PUBLIC_URL)
    open_count = DueLine.objects.filter(document__customer=customer, open_now__gt=0).count()
    print(
        f"loaded in {time.perf_counter() - started:.1f} s: {args.items:,} invoices of the measured customer "
        f"({open_count:,} open), {args.others:,} other customers"
    )
    client = Client(SERVER_NAME="localhost", HTTP_ACCEPT_LANGUAGE="zh-hans")
    last_page = (open_count + 49) // 50
    timed("overview (first 50 open items)", lambda: client.get(path), args.repeat)
    timed(f"overview, open items page {last_page}", lambda: client.get(path, {"page": last_page}), args.repeat)
    timed("promise form (every open item listed)", lambda: client.get(f"{path}promise/"), args.repeat)
    timed("dispute form (every open item listed)", lambda: client.get(f"{path}dispute/"), args.repeat)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
