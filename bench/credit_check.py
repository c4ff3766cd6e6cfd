"""Benchmark: the order credit check (POST /api/v1/credit/check) under load, over HTTP, on PostgreSQL.

Run from the repository root against a copy of the aging benchmark's database (100,000 customers,
1,000,000 invoices), migrated:

    createdb -h 127.0.0.1 -U postgres -T ardesk_bench_aging ardesk_h5_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ardesk_h5_bench .venv/bin/ardesk migrate
    .venv/bin/python bench/credit_check.py --database-url postgres://postgres@127.0.0.1:5432/ardesk_h5_bench \
        [--rate 200] [--seconds 30] [--threads 8] [--port 8765]

What it does:

1. Setup (Django in this process, not timed): a user ``bench-orders`` with the AR accountant role
   (it holds ``credit.check_order``) granted every company, an API token for it, and a credit
   account with a limit for every customer that has none (bulk insert; the limit is drawn so that
   about one customer in ten is over it). ``ANALYZE`` afterwards.
2. A real server process: waitress serving ``ardesk.config.wsgi`` with --threads threads (what
   ``ardesk serve`` runs, without its in-process scheduler so that no scheduled job competes).
3. An open-loop load generator in this process: requests are scheduled every 1/--rate seconds for
   --seconds seconds, sent by a pool of keep-alive HTTP connections, each for a random customer
   with a new order reference and an amount between 100 and 5,000 CNY. Latency is measured from
   the request's **scheduled** time to the complete response, so a server that falls behind shows
   its queueing delay (no coordinated omission). A warm-up of 2 seconds is not counted.
4. Prints p50, p90, p99 and max latency, the requests per second served (measured requests over
   the time from the window's first send to its last answer), errors and the
   decisions (release / hold / block). The orders it creates are deleted at the end (--keep-orders
   to leave them); the audit trail keeps the checks' events, as it is append-only.

Load generator and server share the machine's cores: the figures include that competition.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USERNAME = "bench-orders"


def setup(database_url: str) -> tuple[str, list[tuple[str, str]]]:
    """Make the bench user, its token and the credit accounts; return the token and (company, customer code) pairs."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection

    from ardesk.accounts.services import token_issue
    from ardesk.companies.models import Company, CompanyGrant
    from ardesk.credit.models import CreditAccount
    from ardesk.customers.models import Customer

    user, _created = get_user_model().objects.get_or_create(username=USERNAME)
    user.groups.add(Group.objects.get(name="ar_accountant"))
    for company in Company.objects.all():
        CompanyGrant.objects.get_or_create(user=user, company=company)
    _token, raw = token_issue(user=user)
    have = set(CreditAccount.objects.values_list("customer_id", flat=True))
    rng = random.Random(5)
    missing = [
        CreditAccount(customer_id=pk, company_id=company_id, limit=rng.choice([5_000_000, 50_000_000, 200_000_000]))
        for pk, company_id in Customer.objects.values_list("pk", "company_id")
        if pk not in have
    ]
    CreditAccount.objects.bulk_create(missing, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE credit_creditaccount")
        cursor.execute("ANALYZE credit_openorder")
    customers = list(Customer.objects.exclude(status="closed").values_list("company__code", "code"))
    print(f"setup: {len(missing):,} credit accounts created, {len(customers):,} customers to check")
    return raw, customers


def start_server(database_url: str, port: int, threads: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "ardesk.config.settings"}
    command = [
        sys.executable,
        "-m",
        "waitress",
        f"--port={port}",
        "--host=127.0.0.1",
        f"--threads={threads}",
        "--ident=ARdesk",
        "ardesk.config.wsgi:application",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/v1/docs")
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def run_load(*, port: int, token: str, customers, rate: float, seconds: float, warmup: float, connections: int):
    """Open-loop load: one request scheduled every 1/rate s; returns (latencies in ms after warm-up, outcomes)."""
    jobs: queue.Queue = queue.Queue()
    latencies: list[float] = []
    finished: list[float] = []
    outcomes: Counter = Counter()
    lock = threading.Lock()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    start = time.monotonic() + 0.5
    total = int((warmup + seconds) * rate)
    rng = random.Random(7)
    run_id = f"{int(time.time())}"

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            job = jobs.get()
            if job is None:
                return
            n, scheduled, body = job
            delay = scheduled - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            try:
                connection.request("POST", "/api/v1/credit/check", body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                outcome = (
                    json.loads(payload).get("decision", f"http {response.status}")
                    if response.status == 200
                    else f"http {response.status}"
                )
            except (OSError, http.client.HTTPException, ValueError) as exc:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                outcome = f"error {type(exc).__name__}"
            elapsed = (time.monotonic() - scheduled) * 1000
            if scheduled - start >= warmup:
                with lock:
                    latencies.append(elapsed)
                    finished.append(time.monotonic())
                    outcomes[outcome] += 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for n in range(total):
        company, code = rng.choice(customers)
        body = json.dumps(
            {
                "company": company,
                "customer_code": code,
                "order_ref": f"BENCH-{run_id}-{n}",
                "amount": f"{rng.randrange(100, 5000)}.00",
            }
        )
        jobs.put((n, start + n / rate, body))
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join()
    # Throughput: the measured requests over the time from the window's first send to the last answer.
    served_for = max(finished) - (start + warmup) if finished else float("nan")
    return latencies, outcomes, served_for


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--threads", type=int, default=8, help="server threads")
    parser.add_argument("--connections", type=int, default=32, help="client connections")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep-orders", action="store_true")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("give --database-url postgres://... (a copy of ardesk_bench_aging, migrated)")
    token, customers = setup(args.database_url)
    server = start_server(args.database_url, args.port, args.threads)
    try:
        latencies, outcomes, served_for = run_load(
            port=args.port,
            token=token,
            customers=customers,
            rate=args.rate,
            seconds=args.seconds,
            warmup=args.warmup,
            connections=args.connections,
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    counted = len(latencies)
    print(
        f"load: {args.rate:.0f} requests/s scheduled for {args.seconds:.0f} s (+{args.warmup:.0f} s warm-up), "
        f"{args.threads} server threads, {args.connections} client connections, {os.cpu_count()} cores"
    )
    print(f"served: {counted / served_for:.1f} requests/s ({counted:,} requests answered in {served_for:.1f} s)")
    print(
        f"latency ms (from the scheduled send time): p50 {statistics.median(latencies):.2f}  "
        f"p90 {percentile(latencies, 90):.2f}  p99 {percentile(latencies, 99):.2f}  max {max(latencies):.2f}"
    )
    print("outcomes: " + ", ".join(f"{k} {v:,}" for k, v in outcomes.most_common()))
    if not args.keep_orders:
        from ardesk.credit.models import OpenOrder

        deleted, _detail = OpenOrder.objects.filter(order_ref__startswith="BENCH-").delete()
        print(f"cleanup: {deleted:,} bench orders deleted")


if __name__ == "__main__":
    main()
