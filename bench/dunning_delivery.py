"""Benchmark: a dunning run's delivery, every notice e-mailed with its PDF letter to a local SMTP server.

    .venv/bin/python bench/dunning_delivery.py                         # 100,000 notices, SQLite
    .venv/bin/python bench/dunning_delivery.py --notices 10000 --workers 2
    .venv/bin/python bench/dunning_delivery.py --notices 300 --serial   # one process, one notice at a time
    .venv/bin/python bench/dunning_delivery.py --notices 300 --serial --profile

Target (issue 28): 100,000 notices delivered (e-mail with PDF, to a local SMTP server) in under
5 minutes on 2 cores.

A fresh installation each run: SQLite in a temporary ARDESK_DATA_DIR, or PostgreSQL
``deliver_bench`` (``--database postgres``; created and dropped, server from --pg-url or
BENCH_PG_URL), set up by ``ardesk init``. The script adds ``--notices`` customers, each with a
primary contact with an e-mail address (every fifth in English) and one invoice 20 days overdue
(the invoice import), and confirms the dunning run: one first notice (e-mail, PDF attached) per
customer. An SMTP server of its own (aiosmtpd, in a process of its own) takes every message.

Timed: the run written (``dunning_run``), then its delivery end to end (``collections.tasks.deliver``:
the pool of ``--workers`` processes, each rendering and sending its share). Printed: notices/s,
the CPU seconds of the delivery processes, of the SMTP server and (PostgreSQL on this machine) of the
database's backends serving the delivery, sampled from /proc every 0.2 s (``BackendsCpu``), the load
average before and after.
``--serial`` delivers one notice at a time with ``notice_deliver`` instead (the rate per notice of
one process); ``--profile`` prints its cProfile (top functions by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from fresh_database import pg_recreate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 300.0
TARGET_NOTICES = 100_000
RUN_ON = dt.date(2025, 3, 20)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notices", type=int, default=TARGET_NOTICES)
    parser.add_argument("--workers", type=int, default=0, help="delivery processes (the setting's default: 0)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--db-name", default="deliver_bench", help="the PostgreSQL database, dropped at the end")
    parser.add_argument("--serial", action="store_true", help="notice_deliver one notice at a time, in this process")
    parser.add_argument("--profile", action="store_true", help="with --serial: print the cProfile")
    parser.add_argument("--smtp-sink", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args()


def smtp_sink(port: int) -> None:
    """Take every message and count it; on stdin's end print the count, the bytes and this process's CPU."""
    from aiosmtpd.controller import Controller

    class Sink:
        messages = 0
        size = 0

        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
            Sink.messages += 1
            Sink.size += len(envelope.content)
            return "250 OK"

    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{Sink.messages} {Sink.size} {usage.ru_utime + usage.ru_stime:.2f}", flush=True)


class BackendsCpu(threading.Thread):
    """The CPU seconds of the PostgreSQL backends connected to one database, read from /proc while they run.

    Each backend's last sample is kept, so one that ends between two samples loses at most 0.2 s of its CPU.
    """

    def __init__(self, pg_url: str, database: str) -> None:
        super().__init__(daemon=True)
        self.pg_url, self.database = pg_url, database
        self.seen: dict[int, float] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        import psycopg

        tick = os.sysconf("SC_CLK_TCK")
        with psycopg.connect(f"{self.pg_url.rstrip('/')}/postgres", autocommit=True) as conn:
            while not self.stopped.wait(0.2):
                query = "SELECT pid FROM pg_stat_activity WHERE datname = %s"
                for (pid,) in conn.execute(query, [self.database]).fetchall():
                    try:
                        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    except OSError:
                        continue
                    self.seen[pid] = (int(fields[11]) + int(fields[12])) / tick

    def seconds(self) -> float:
        self.stopped.set()
        self.join()
        return sum(self.seen.values())


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    args = parse_args()
    if args.smtp_sink:
        smtp_sink(args.smtp_sink)
        return
    from ardesk.core.testing.smtp import free_port

    data_dir = tempfile.mkdtemp(prefix="deliver-bench-")
    port = free_port()
    os.environ.update(
        ARDESK_DATA_DIR=data_dir,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        DEFAULT_FROM_EMAIL="ar@example.cn",
        DJANGO_SETTINGS_MODULE="ardesk.config.settings",
    )
    if args.workers:
        os.environ["ARDESK_WORKERS"] = str(args.workers)
    if args.database == "postgres":
        pg_recreate(args.pg_url, args.db_name)
        os.environ["DATABASE_URL"] = f"{args.pg_url.rstrip('/')}/{args.db_name}"
    else:
        os.environ.pop("DATABASE_URL", None)
    sink = subprocess.Popen(
        [sys.executable, __file__, "--smtp-sink", str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert sink.stdout.readline().strip() == "ready"
    try:
        prepare(args)
        import django

        django.setup()
        run(args, sink)
    finally:
        if sink.poll() is None:
            sink.kill()
        if args.database == "postgres":
            from django.db import connections

            connections.close_all()
            pg_recreate(args.pg_url, args.db_name, drop_only=True)


def prepare(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ardesk.cli",
            "init",
            "--company-code",
            "SH01",
            "--company-name",
            "星辰实业（上海）有限公司",
        ]
        + ["--admin", "boss", "--password", "Bench-pass-2026", "--no-input", "-v", "0"],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    print(f"installation (ardesk init) in {time.perf_counter() - started:.1f} s, load {load()}", flush=True)


def run(args: argparse.Namespace, sink: subprocess.Popen) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.urls import get_resolver

    from ardesk.collections import services, tasks
    from ardesk.collections.models import DunningRun, Notice, NoticeStatus
    from ardesk.companies.models import Company
    from ardesk.customers.models import Contact, Customer

    n = args.notices
    started = time.perf_counter()
    company = Company.objects.get(code="SH01")
    customers = Customer.objects.bulk_create(
        [Customer(company=company, code=f"C{i:06d}", name=f"客户{i:06d}机电有限公司") for i in range(n)],
        batch_size=5000,
    )
    Contact.objects.bulk_create(
        [
            Contact(
                customer=c,
                name=f"联系人{i}",
                email=f"ap{i}@example.cn",
                is_primary=True,
                preferred_language="en" if i % 5 == 0 else "zh-hans",
            )
            for i, c in enumerate(customers)
        ],
        batch_size=5000,
    )
    invoices = Path(os.environ["ARDESK_DATA_DIR"]) / "invoices.csv"
    with invoices.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["number", "customer", "issue_date", "due_date", "currency", "amount"])
        issue_on, due_on = RUN_ON - dt.timedelta(days=50), RUN_ON - dt.timedelta(days=20)
        for i in range(n):
            writer.writerow([f"INV-{i:07d}", f"C{i:06d}", issue_on, due_on, "CNY", f"{1000 + i % 9000}.50"])
    call_command(
        "import", "invoices", str(invoices), "--company", "SH01", "--format", "json", stdout=open(os.devnull, "w")
    )
    print(f"data: {n:,} customers, contacts and invoices in {time.perf_counter() - started:.1f} s", flush=True)

    begin = time.perf_counter()
    dunning = services.dunning_run(by=None, company=company, run_on=RUN_ON, check_access=False, deliver=False)
    print(f"run: {dunning.notices:,} notices written in {time.perf_counter() - begin:.2f} s", flush=True)
    assert dunning.notices == n, f"{dunning.notices} notices for {n} customers"

    get_resolver().reverse_dict  # noqa: B018 - the URLs loaded before timing (the pool loads them before it forks)
    before = load()
    usage_before = (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    backends = None
    if connection.vendor == "postgresql" and Path("/proc").is_dir():
        backends = BackendsCpu(args.pg_url, args.db_name)
        backends.start()
        time.sleep(0.3)  # the first sample: the backends' CPU before the delivery
        before_backends = dict(backends.seen)
    begin = time.perf_counter()
    profile = cProfile.Profile(time.process_time) if args.profile else None  # CPU time, not the wait
    if profile:
        profile.enable()
    if args.serial:
        for notice in Notice.objects.filter(run=dunning).order_by("pk"):
            services.notice_deliver(notice=notice)
    else:
        tasks.deliver(dunning.pk)
    if profile:
        profile.disable()
    seconds = time.perf_counter() - begin
    backend_cpu = backends.seconds() - sum(before_backends.values()) if backends else None
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    after = (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    cpu = sum(a.ru_utime + a.ru_stime - (b.ru_utime + b.ru_stime) for a, b in zip(after, usage_before, strict=True))
    sink.stdin.close()
    messages, size, sink_cpu = sink.stdout.readline().split()
    dunning = DunningRun.objects.get(pk=dunning.pk)
    sent = Notice.objects.filter(run=dunning, status=NoticeStatus.SENT).count()
    mode = "serial, 1 process" if args.serial else f"pool of {os.environ.get('ARDESK_WORKERS', 'cpu count')}"
    print(f"delivery ({connection.vendor}, {mode}, {os.cpu_count()} cores): {n:,} notices in {seconds:.1f} s")
    print(f"  {n / seconds:,.0f} notices/s, {seconds / n * 1000:.1f} ms a notice of wall time")
    print(
        f"  CPU: delivery {cpu:.1f} s ({cpu / n * 1000:.2f} ms a notice), SMTP server {float(sink_cpu):.1f} s", end=""
    )
    print(f" ({float(sink_cpu) / n * 1000:.2f} ms a notice)", end="")
    if backend_cpu is not None:
        print(f", PostgreSQL backends {backend_cpu:.1f} s ({backend_cpu / n * 1000:.2f} ms a notice)", end="")
    total = cpu + float(sink_cpu) + (backend_cpu or 0)
    print(f"; all {total / n * 1000:.2f} ms a notice")
    print(f"  load average before {before}, after {load()}")
    print(f"  run {dunning.status}, delivered {dunning.delivered:,}, sent {sent:,};", end=" ")
    print(f"the server took {int(messages):,} messages, {int(size) / 1e6:,.0f} MB")
    estimate = TARGET_NOTICES / (n / seconds)
    verdict = "meets" if estimate < TARGET_SECONDS else "misses"
    print(
        f"  {TARGET_NOTICES:,} notices at this rate: {estimate:.0f} s, {verdict} the target of {TARGET_SECONDS:.0f} s"
    )


if __name__ == "__main__":
    main()
