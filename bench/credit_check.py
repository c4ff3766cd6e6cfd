"""Benchmark: the order credit check (POST /api/v1/credit/check) under load, over HTTP, on PostgreSQL.

Run from the repository root against a copy of the aging benchmark's database (100,000 customers,
1,000,000 invoices), migrated:

    createdb -h 127.0.0.1 -U postgres -T ardesk_bench_aging ardesk_h5_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ardesk_h5_bench .venv/bin/ardesk migrate
    .venv/bin/python bench/credit_check.py --database-url postgres://postgres@127.0.0.1:5432/ardesk_h5_bench \
        [--rate 200] [--seconds 20] [--workers 2] [--threads 2] [--server gunicorn|waitress] [--in-process 300]

What it does:

1. Setup (Django in this process, not timed): a user ``bench-orders`` with the AR accountant role
   (it holds ``credit.check_order``) granted every company, an API token for it, and a credit
   account with a limit for every customer that has none (bulk insert; the limit is drawn so that
   about one customer in ten is over it), and for every customer one earlier order, since
   invoiced (``HIST-<id>``: a ledger in use is never without orders). ``ANALYZE`` afterwards,
   and ``VACUUM`` of the orders an earlier run deleted.
2. With --in-process N: N checks through the WSGI application in this process (as a server calls
   it), one after the other, after 20 unmeasured ones: Python and PostgreSQL CPU ms and wall ms per
   check, and the SQL statements of one.
3. A real server process: by default gunicorn with --workers processes of --threads threads
   (what ``ardesk serve --workers N --threads T`` runs, without its in-process scheduler so that
   no scheduled job competes); ``--server waitress`` serves one process of --threads threads.
4. An open-loop load generator (asyncio, one thread, keep-alive connections) in this process:
   requests are scheduled every 1/--rate seconds for --seconds seconds, each for a random customer
   with a new order reference and an amount between 100 and 5,000 CNY, sent on an idle connection
   (--connections of them). Latency is measured from the request's **scheduled** time to the
   complete response, so a server that falls behind shows its queueing delay (no coordinated
   omission). A warm-up of --warmup seconds is not counted.
5. Prints p50, p90, p99 and max latency, the requests per second served (measured requests over
   the time from the window's first send to its last answer), errors, the decisions (release /
   hold / block) and the load average before and after. The orders it creates are deleted at the
   end (--keep-orders to leave them); the audit trail keeps the checks' events, as it is append-only.

Load generator and server share the machine's cores: the figures include that competition.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USERNAME = "bench-orders"
HISTORY = "HIST-"  # order references of the earlier orders setup makes, kept between runs


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
    from ardesk.credit.models import CreditAccount, OpenOrder, OrderStatus
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
    # A ledger in use has orders checked before, since invoiced: one per customer. On an empty
    # order table the server's prepared statements planned for an empty table and kept those plans
    # while the run filled it (PostgreSQL CPU per check about doubled).
    history = set(OpenOrder.objects.filter(order_ref__startswith=HISTORY).values_list("customer_id", flat=True))
    OpenOrder.objects.bulk_create(
        [
            OpenOrder(
                company_id=company_id,
                customer_id=pk,
                order_ref=f"{HISTORY}{pk}",
                amount=rng.randrange(10_000, 500_000),
                currency="CNY",
                status=OrderStatus.INVOICED,
                checked_by=user,
            )
            for pk, company_id in Customer.objects.values_list("pk", "company_id")
            if pk not in history
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE credit_creditaccount")
        # Earlier runs' deleted orders leave dead entries that each check's open-orders sum steps
        # over until autovacuum comes by (seen: 52,963 dead rows, not yet vacuumed).
        cursor.execute("VACUUM (ANALYZE) credit_openorder")
    customers = list(Customer.objects.exclude(status="closed").values_list("company__code", "code"))
    print(f"setup: {len(missing):,} credit accounts created, {len(customers):,} customers to check")
    return raw, customers


def in_process(token: str, customers, n: int) -> None:
    """N checks through the WSGI application in this process, as a server calls it: CPU and wall ms per check.

    Also the PostgreSQL backend's CPU per check and the statements of one check.
    """
    import io

    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test.utils import CaptureQueriesContext

    from ardesk.config.wsgi import application

    rng = random.Random(3)
    run_id = f"{int(time.time())}"
    # One connection for the whole run, as a server thread keeps it (CONN_MAX_AGE).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    def check(i: int) -> None:
        company, code = rng.choice(customers)
        body = json.dumps(
            {
                "company": company,
                "customer_code": code,
                "order_ref": f"BENCH-P-{run_id}-{i}",
                "amount": f"{rng.randrange(100, 5000)}.00",
            }
        ).encode()
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/api/v1/credit/check",
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_AUTHORIZATION": f"Bearer {token}",
            "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        status = []
        response = application(environ, lambda s, h, e=None: status.append(s))
        content = b"".join(response)
        response.close()
        if not status[0].startswith("200"):
            raise SystemExit(f"check failed: {status[0]} {content[:300]!r}")

    for i in range(20):
        check(i)
    with CaptureQueriesContext(connection) as queries:
        check(-1)
    statements = [q for q in queries.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()
    database, cpu, wall = process_cpu_seconds([backend]), time.process_time(), time.perf_counter()
    for i in range(20, 20 + n):
        check(i)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    database = process_cpu_seconds([backend]) - database
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    print(
        f"in-process (WSGI application): {cpu / n * 1000:.2f} ms Python CPU, {database / n * 1000:.2f} ms PostgreSQL "
        f"CPU and {wall / n * 1000:.2f} ms wall per check over {n} checks; {len(statements)} SQL round trips "
        f"(+ BEGIN/COMMIT) per check; load average {load_average()}"
    )


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def process_cpu_seconds(pids) -> float:
    """User + system CPU seconds of processes (Linux /proc); processes that ended count nothing."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def server_pids(server: subprocess.Popen) -> list[int]:
    """The server process and its workers."""
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    except OSError:
        children = []
    return [server.pid, *map(int, children)]


def database_pids(database_url: str) -> list[int]:
    """The PostgreSQL backends serving the benchmark database (the server's connections)."""
    from django.db import connection

    name = database_url.rsplit("/", 1)[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND backend_type = 'client backend'"
            " AND pid <> pg_backend_pid()",
            [name],
        )
        return [pid for (pid,) in cursor.fetchall()]


def start_server(
    database_url: str, port: int, server: str, workers: int, threads: int, worker_class: str = "gthread"
) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "ardesk.config.settings"}
    if server == "gunicorn":
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            f"--worker-class={worker_class}",
            "--log-level=warning",
            "ardesk.config.wsgi:application",
        ]
    else:
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
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/v1/docs")
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


class Connection:
    """One keep-alive HTTP/1.1 connection: send a POST, read the answer (Content-Length framed)."""

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, request: bytes) -> tuple[int, bytes]:
        for attempt in (1, 2):  # the server may have closed an idle connection: reconnect once
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            try:
                self.writer.write(request)
                head = await self.reader.readuntil(b"\r\n\r\n")
                break
            except (OSError, asyncio.IncompleteReadError):
                self.writer.close()
                self.writer = None
                if attempt == 2:
                    raise
        status = int(head.split(b" ", 2)[1])
        fields = {}
        for line in head.split(b"\r\n")[1:]:
            name, _sep, value = line.partition(b":")
            fields[name.strip().lower()] = value.strip().lower()
        length = int(fields.get(b"content-length", b"0"))
        body = await self.reader.readexactly(length) if length else b""
        if fields.get(b"connection") == b"close":
            self.writer.close()
            self.writer = None
        return status, body


async def run_load(*, port: int, token: str, customers, rate: float, seconds: float, warmup: float, connections: int):
    """Open-loop load: one request scheduled every 1/rate s; returns (latencies in ms after warm-up, outcomes, span)."""
    latencies: list[float] = []
    finished: list[float] = []
    outcomes: Counter = Counter()
    idle: asyncio.Queue = asyncio.Queue()
    for _ in range(connections):
        idle.put_nowait(Connection(port))
    rng = random.Random(7)
    run_id = f"{int(time.time())}"
    start = time.monotonic() + 0.5
    total = int((warmup + seconds) * rate)

    async def send(n: int, scheduled: float, request: bytes) -> None:
        connection = await idle.get()
        try:
            status, payload = await connection.post(request)
            outcome = json.loads(payload).get("decision", "?") if status == 200 else f"http {status}"
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            outcome = f"error {type(exc).__name__}"
        finally:
            idle.put_nowait(connection)
        done = time.monotonic()
        if scheduled - start >= warmup:
            latencies.append((done - scheduled) * 1000)
            finished.append(done)
            outcomes[outcome] += 1

    tasks = []
    for n in range(total):
        company, code = rng.choice(customers)
        body = json.dumps(
            {
                "company": company,
                "customer_code": code,
                "order_ref": f"BENCH-{run_id}-{n}",
                "amount": f"{rng.randrange(100, 5000)}.00",
            }
        ).encode()
        request = (
            f"POST /api/v1/credit/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        scheduled = start + n / rate
        delay = scheduled - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(send(n, scheduled, request)))
    await asyncio.gather(*tasks)
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
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--server", choices=["gunicorn", "waitress"], default="gunicorn")
    parser.add_argument("--workers", type=int, default=2, help="server processes (gunicorn)")
    parser.add_argument("--threads", type=int, default=2, help="threads per server process")
    parser.add_argument(
        "--worker-class", default="gthread", help="gunicorn worker class (gthread keeps connections alive; sync)"
    )
    parser.add_argument("--connections", type=int, default=32, help="client keep-alive connections")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--in-process", type=int, default=0, metavar="N", help="first measure N checks in-process")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP load (with --in-process)")
    parser.add_argument("--keep-orders", action="store_true")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("give --database-url postgres://... (a copy of ardesk_bench_aging, migrated)")
    token, customers = setup(args.database_url)
    if args.in_process:
        in_process(token, customers, args.in_process)
    if not args.no_http:
        before = load_average()
        from django.db import connections

        connections.close_all()
        server = start_server(args.database_url, args.port, args.server, args.workers, args.threads, args.worker_class)
        try:
            if sys.platform == "linux":
                python_pids = server_pids(server)
                cpu_before = process_cpu_seconds(python_pids)
            latencies, outcomes, served_for = asyncio.run(
                run_load(
                    port=args.port,
                    token=token,
                    customers=customers,
                    rate=args.rate,
                    seconds=args.seconds,
                    warmup=args.warmup,
                    connections=args.connections,
                )
            )
            if sys.platform == "linux":
                # Backends that served the load; those that existed before it only count from their start.
                python_cpu = process_cpu_seconds(python_pids) - cpu_before
                database_cpu = process_cpu_seconds(database_pids(args.database_url))
        finally:
            server.terminate()
            server.wait(timeout=10)
        counted = len(latencies)
        processes = (
            f"{args.workers} {args.worker_class} processes x {args.threads} threads"
            if args.server == "gunicorn"
            else ""
        )
        print(
            f"load: {args.rate:.0f} requests/s scheduled for {args.seconds:.0f} s (+{args.warmup:.0f} s warm-up), "
            f"{args.server} {processes or f'{args.threads} threads'}, {args.connections} client connections, "
            f"{os.cpu_count()} cores; load average before {before}, after {load_average()}"
        )
        print(f"served: {counted / served_for:.1f} requests/s ({counted:,} requests answered in {served_for:.1f} s)")
        print(
            f"latency ms (from the scheduled send time): p50 {statistics.median(latencies):.2f}  "
            f"p90 {percentile(latencies, 90):.2f}  p99 {percentile(latencies, 99):.2f}  max {max(latencies):.2f}"
        )
        print("outcomes: " + ", ".join(f"{k} {v:,}" for k, v in outcomes.most_common()))
        if sys.platform == "linux":
            total = int((args.warmup + args.seconds) * args.rate)
            print(
                f"server CPU per request: {python_cpu / total * 1000:.2f} ms in the server processes, "
                f"{database_cpu / total * 1000:.2f} ms in PostgreSQL"
            )
    if not args.keep_orders:
        from ardesk.credit.models import OpenOrder

        deleted, _detail = OpenOrder.objects.filter(order_ref__startswith="BENCH-").delete()
        print(f"cleanup: {deleted:,} bench orders deleted")


if __name__ == "__main__":
    main()
