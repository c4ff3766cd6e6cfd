"""Customer relations at size: one customer's timeline with 5,000 interactions, the complaint report over 100,000.

    .venv/bin/python bench/relations.py --database postgres|sqlite [--interactions 5000] [--complaints 100000]

Targets (issue 22): the timeline of a customer with 5,000 interactions under 200 ms; the complaint
report over 100,000 complaints under 1 s on PostgreSQL.

A fresh database each run: PostgreSQL ``ardesk_rel_bench`` (--db-name; created and dropped through psycopg,
server from --pg-url or BENCH_PG_URL), or SQLite in a temporary ARDESK_DATA_DIR. The script
migrates, creates a company, a finance manager granted it and 1,000 customers, then writes the
history with bulk inserts: for the measured customer 5,000 relations interactions plus 500
collections contacts, 100 promises and 50 disputes' worth of other kinds (so the merge has several
streams), and 100,000 complaints over the 1,000 customers (every category, severity, status and
owner, opened over two years, a third resolved). It then times, after one warm-up each, the median
and worst of --repeat runs of: the timeline selector (first page and page 20), the timeline screen
(``client.get``: view, SQL and template), the complaint report selector and its screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

from fresh_database import database_arguments, run_in_fresh_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    database_arguments(parser, db_name="ardesk_rel_bench")
    parser.add_argument("--interactions", type=int, default=5000)
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=10)
    return parser.parse_args()


def timed(label: str, call, repeat: int) -> None:
    call()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    print(f"  {label:<52} median {statistics.median(times):8.1f} ms   worst {max(times):8.1f} ms")


def main() -> None:
    run_in_fresh_database(parse_args(), prefix="bench-rel-", run=run)


def run(args: argparse.Namespace) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.utils import timezone

    from ardesk.collections.models import ContactLog, PromiseToPay
    from ardesk.companies.models import Company, CompanyGrant
    from ardesk.customers.models import Contact, Customer
    from ardesk.relations import domain, selectors
    from ardesk.relations.models import Complaint, Interaction

    print(f"Customer relations benchmark on {connection.vendor}, {os.cpu_count()} cores")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    company = Company.objects.create(code="SH01", name="星辰实业（上海）有限公司", functional_currency="CNY")
    manager = get_user_model().objects.create_user("manager", password="bench-pass-2026")
    manager.groups.add(Group.objects.get(name="finance_manager"))
    owners = [manager] + [get_user_model().objects.create_user(f"collector{n}") for n in range(9)]
    CompanyGrant.objects.bulk_create([CompanyGrant(user=u, company=company) for u in owners])
    customers = Customer.objects.bulk_create(
        [Customer(company=company, code=f"C{n:05d}", name=f"客户{n:05d}有限公司") for n in range(1000)]
    )
    customer = customers[0]
    contact = Contact.objects.create(customer=customer, name="李娜", email="li.na@example.cn")
    rng = random.Random(22)
    today = timezone.localdate()
    channels = ["call", "email", "visit", "meeting", "letter"]
    purposes = ["relationship", "collection", "statement_sent", "statement_confirmed", "revisit"]
    with transaction.atomic():
        Interaction.objects.bulk_create(
            [
                Interaction(
                    company=company,
                    customer=customer,
                    contact=contact,
                    channel=rng.choice(channels),
                    purpose=rng.choice(purposes),
                    occurred_on=today - dt.timedelta(days=rng.randrange(5 * 365)),
                    outcome=f"沟通记录 {n}",
                    logged_by=manager,
                )
                for n in range(args.interactions)
            ],
            batch_size=2000,
        )
        ContactLog.objects.bulk_create(
            [
                ContactLog(
                    company=company,
                    customer=customer,
                    channel="call",
                    outcome="reached",
                    logged_on=today - dt.timedelta(days=rng.randrange(5 * 365)),
                    logged_by=manager,
                )
                for _ in range(args.interactions // 10)
            ],
            batch_size=2000,
        )
        PromiseToPay.objects.bulk_create(
            [
                PromiseToPay(
                    company=company,
                    customer=customer,
                    currency="CNY",
                    amount=100000,
                    promised_on=today,
                    made_on=today - dt.timedelta(days=rng.randrange(5 * 365)),
                )
                for _ in range(args.interactions // 50)
            ]
        )
        statuses = ["open", "in_progress", "waiting", "resolved", "closed", "resolved"]
        complaints = []
        for n in range(args.complaints):
            opened = today - dt.timedelta(days=rng.randrange(730))
            severity = rng.choice(list(domain.SLA_DAYS))
            status = rng.choice(statuses)
            resolved = opened + dt.timedelta(days=rng.randrange(20)) if status in ("resolved", "closed") else None
            complaints.append(
                Complaint(
                    company=company,
                    customer=customers[n % len(customers)],
                    category=rng.choice(["service", "delivery", "billing", "collector", "quality", "other"]),
                    severity=severity,
                    subject=f"投诉 {n}",
                    owner=rng.choice(owners),
                    status=status,
                    opened_on=opened,
                    due_on=domain.complaint_deadline(opened_on=opened, severity=severity),
                    resolved_on=resolved,
                    resolution_days=(resolved - opened).days if resolved else None,
                )
            )
        Complaint.objects.bulk_create(complaints, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(
        f"  loaded in {time.perf_counter() - started:.0f} s: {args.interactions:,} interactions for one customer, "
        f"{args.complaints:,} complaints over {len(customers):,} customers"
    )

    client = Client(SERVER_NAME="localhost", HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(manager)
    timed("timeline selector, first page (50)", lambda: selectors.timeline(customer), args.repeat)
    timed("timeline selector, page 20", lambda: selectors.timeline(customer, offset=950), args.repeat)
    timed(
        "timeline selector, calls only",
        lambda: selectors.timeline(customer, kinds=["call"]),
        args.repeat,
    )

    def screen(url: str):
        def get():
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        return get

    timed("timeline screen (view, SQL, template)", screen(f"/relations/customers/{customer.pk}/timeline/"), args.repeat)
    timed("complaint report selector", lambda: selectors.complaint_report(manager, as_of=today), args.repeat)
    timed("complaint report screen", screen("/relations/complaints/report/"), args.repeat)


if __name__ == "__main__":
    main()
