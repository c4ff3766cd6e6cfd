"""Benchmark: the daily risk scan over 100,000 customers and 1,000,000 items, and the portfolio page, on PostgreSQL.

    .venv/bin/python bench/risk_scan.py                                  # 100,000 customers, 1,000,000 items
    .venv/bin/python bench/risk_scan.py --customers 2000 --items 20000   # a quick check of the script
    .venv/bin/python bench/risk_scan.py --reuse                          # measure again a database kept by --keep

Targets (issue 21): the scan under 10 s, the portfolio page under 300 ms.

What it does:

1. Creates the database ``--database`` (default ``ardesk_risk_bench``) and migrates it.
2. Loads one company, its users, N customers (industries, regions, collectors and one in 20 in a
   group cycled), a credit account each (limit, grade), two scores for one customer in five (one in
   ten of those dropped a grade), 2,000 broken promises, 10,000 unapplied receipts, and the items:
   ``--items`` due lines spread evenly over the customers, ten a customer at the default sizes,
   issued every 35 days, due 30 days later, the last one not yet due. Each customer's last item is
   open, and for one customer in four the two before it too (overdue 25 and 60 days); the others
   are paid (days late rising by six a payment for one customer in 50, else 0–10 days in a cycle).
   The due lines are written with one INSERT … SELECT from ``generate_series`` (their open state
   set as the ledger keeps it: ``open_now``, ``settled_on``);
   the scan reads due lines and unapplied credits, not the invoice documents, so none are made.
   Each open item gets a pay-date prediction (insights): 45 days late for one customer in ten (the
   "predicted to slip" signal), else 0–19 days late in a cycle.
   Then ``VACUUM ANALYZE``, as autovacuum would after such a load.
3. Times ``services.risk_scan`` for the company: the first scan (every signal new: rows created,
   the watch list and alerts written) and a second one the next day (signals found again: only
   their last-seen dates move). Both read every customer's facts with the grouped statements. Each
   prints its wall time and its CPU time (this process plus its PostgreSQL backend, from ``/proc``):
   on a machine shared with other work the CPU time is the steadier figure.
4. Times the portfolio page (``/risk/portfolio/``) for a finance manager with the test client:
   one warm-up request, then the median and p95 of ``--repeat`` requests (server time: middleware,
   view, SQL and template).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = ["-h", "127.0.0.1", "-U", "postgres"]
AS_OF = dt.date(2026, 6, 30)


def database_exists(name: str) -> bool:
    found = subprocess.run(
        ["psql", *PG, "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip() == "1"


def create(args) -> None:
    if database_exists(args.database):
        subprocess.run(["dropdb", *PG, args.database], check=True)
    subprocess.run(["createdb", *PG, args.database], check=True)
    env = {**os.environ, "DATABASE_URL": args.url, "ARDESK_DATA_DIR": args.data_dir}
    subprocess.run([sys.executable, "-m", "ardesk.cli", "migrate", "-v", "0"], check=True, env=env, cwd=ROOT)


def load(args) -> float:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection, transaction

    from ardesk.collections.models import PromiseToPay
    from ardesk.companies.models import Company, CompanyGrant
    from ardesk.credit.defaults import credit_defaults_ensure
    from ardesk.credit.models import CreditAccount, CreditScore, Scorecard
    from ardesk.customers.models import Customer, Industry, Region
    from ardesk.insights.models import ModelVersion
    from ardesk.ledger.models import Document

    started = time.perf_counter()
    with transaction.atomic():
        from django.apps import apps

        credit_defaults_ensure(apps)
        company = Company.objects.create(code="BENCH", name="基准测试公司", functional_currency="CNY")
        users = {}
        for name, role in (("manager", "finance_manager"), ("analyst", "credit_analyst"), ("collector", "collector")):
            user = get_user_model().objects.create_user(username=name, password="bench")
            user.groups.add(Group.objects.get(name=role))
            CompanyGrant.objects.create(user=user, company=company)
            users[name] = user
        industries, regions = Industry.values, Region.values
        Customer.objects.bulk_create(
            (
                Customer(
                    company=company,
                    code=f"C{n:06d}",
                    name=f"基准客户{n:06d}有限公司",
                    industry=industries[n % len(industries)],
                    region=regions[n % len(regions)],
                    collector=users["collector"],
                    analyst=users["analyst"],
                )
                for n in range(args.customers)
            ),
            batch_size=5000,
        )
        ids = list(Customer.objects.filter(company=company).order_by("pk").values_list("pk", flat=True))
        groups = [ids[n - n % 20] for n in range(len(ids))]
        Customer.objects.bulk_update(
            [Customer(pk=pk, parent_id=groups[n]) for n, pk in enumerate(ids) if n % 20 and n % 7 == 0],
            ["parent"],
            batch_size=5000,
        )
        scorecard = Scorecard.objects.filter(is_active=True).first()
        grades = [g["grade"] for g in scorecard.config["grades"]]
        CreditAccount.objects.bulk_create(
            (
                CreditAccount(
                    customer_id=pk, company=company, limit=(5 + n % 20) * 1_000_000, grade=grades[n % len(grades)]
                )
                for n, pk in enumerate(ids)
            ),
            batch_size=5000,
        )
        scores = []
        for n, pk in enumerate(ids):
            if n % 5:
                continue
            now = grades[n % len(grades)]
            before = grades[max(n % len(grades) - 1, 0)] if n % 10 == 0 else now
            for grade, day in ((before, AS_OF - dt.timedelta(days=200)), (now, AS_OF - dt.timedelta(days=20))):
                scores.append(
                    CreditScore(
                        customer_id=pk,
                        scorecard=scorecard,
                        score=50,
                        grade=grade,
                        breakdown={},
                        inputs={},
                        currency="CNY",
                        max_term_days=30,
                        scored_on=day,
                    )
                )
        CreditScore.objects.bulk_create(scores, batch_size=5000)
        PromiseToPay.objects.bulk_create(
            (
                PromiseToPay(
                    company=company,
                    customer_id=ids[n * 37 % len(ids)],
                    currency="CNY",
                    amount=100_000,
                    promised_on=AS_OF - dt.timedelta(days=20),
                    made_on=AS_OF - dt.timedelta(days=30),
                    status="broken",
                    checked_on=AS_OF - dt.timedelta(days=19),
                )
                for n in range(min(2000, len(ids)))
            ),
            batch_size=5000,
        )
        Document.objects.bulk_create(
            (
                Document(
                    company=company,
                    customer_id=ids[n * 13 % len(ids)],
                    doc_type="receipt",
                    number=f"R{n:06d}",
                    issue_on=AS_OF - dt.timedelta(days=n % 60),
                    currency="CNY",
                    amount=-50_000,
                    functional_amount=-50_000,
                    status="posted",
                    unapplied_now=50_000,
                    unapplied_functional_now=50_000,
                )
                for n in range(min(10_000, len(ids)))
            ),
            batch_size=5000,
        )
        per_customer = max(args.items // len(ids), 1)
        with connection.cursor() as cursor:
            # Item k (0 oldest) of customer c: issued 35 × (per_customer - k) days before the date, due 30
            # days later; the older ones paid (rising lateness for one customer in 50), the last three open.
            cursor.execute(
                """
                INSERT INTO ledger_dueline (document_id, customer_id, company_id, seq, issue_on, due_on, currency,
                    amount, functional_amount, open_now, open_functional_now, settled_on)
                SELECT 1000000000 + g, c.id, %s, 1, i.issue_on, i.issue_on + 30, 'CNY', a.amount, a.amount,
                       CASE WHEN o.open THEN a.amount ELSE 0 END,
                       CASE WHEN o.open THEN a.amount ELSE 0 END,
                       CASE WHEN o.open THEN NULL
                            ELSE i.issue_on + 30 + CASE WHEN c.n %% 50 = 0 THEN i.k * 6 ELSE g %% 11 END END
                FROM generate_series(0, %s - 1) g
                JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM customers_customer
                      WHERE company_id = %s) c ON c.n = g %% %s
                CROSS JOIN LATERAL (SELECT g / %s AS k,
                                           %s::date + 15 - 35 * (%s - g / %s) AS issue_on) i
                CROSS JOIN LATERAL (SELECT 100000 + (g::bigint * 7919) %% 900000 AS amount) a
                CROSS JOIN LATERAL (SELECT i.k = %s - 1 OR (i.k >= %s - 3 AND c.n %% 4 = 0) AS open) o
                """,
                [
                    company.pk,
                    per_customer * len(ids),
                    company.pk,
                    len(ids),
                    len(ids),
                    AS_OF,
                    per_customer,
                    len(ids),
                    per_customer,
                    per_customer,
                ],
            )
        version = ModelVersion.objects.create(
            company=company,
            version=1,
            method="model",
            best_baseline="due_date",
            data_from=AS_OF - dt.timedelta(days=730),
            data_to=AS_OF,
            holdout_from=AS_OF - dt.timedelta(days=180),
            train_count=0,
            holdout_count=0,
        )
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO insights_prediction (model_version_id, company_id, customer_id, line_id, as_of, due_on,
                    expected_on, low_on, high_on, days_late, currency, open_amount, open_functional, reasons)
                SELECT %s, company_id, customer_id, id, %s, due_on, due_on + late, due_on, due_on + late + 10, late,
                       currency, open_now, open_functional_now, '[]'
                FROM ledger_dueline
                CROSS JOIN LATERAL (SELECT CASE WHEN customer_id %% 10 = 0 THEN 45 ELSE (id %% 20)::int END AS late) d
                WHERE company_id = %s AND settled_on IS NULL
                """,
                [version.pk, AS_OF, company.pk],
            )
    subprocess.run(["psql", *PG, "-d", args.database, "-qc", "VACUUM ANALYZE"], check=True)
    return time.perf_counter() - started


def backend_cpu() -> float:
    """CPU seconds used so far by the PostgreSQL backend of Django's connection (it runs on this machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--database", default="ardesk_risk_bench")
    parser.add_argument("--data-dir", default="/tmp/risk-bench")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="Keep the database (dropped at the end otherwise)")
    parser.add_argument("--reuse", action="store_true", help="Measure a database kept by --keep without loading")
    args = parser.parse_args()
    args.url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    if not args.reuse:
        create(args)
    os.environ["DATABASE_URL"] = args.url
    os.environ.setdefault("ARDESK_DATA_DIR", args.data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from ardesk.companies.models import Company
    from ardesk.core import clock
    from ardesk.ledger.models import DueLine
    from ardesk.risk import services
    from ardesk.risk.models import RiskScan

    settings.ALLOWED_HOSTS = ["*"]
    clock.today = lambda: AS_OF
    if not args.reuse:
        print(f"loaded in {load(args):.1f} s", flush=True)
    company = Company.objects.get(code="BENCH")
    print(
        f"customers {company.customers.count():,}, due lines {DueLine.objects.filter(company=company).count():,}, "
        f"open {DueLine.objects.filter(company=company, settled_on__isnull=True).count():,}"
    )
    # A run starts from no risk rows (a database kept by --keep has the last run's), so "first scan" is one.
    with connection.cursor() as cursor:
        for table in ("risk_alert", "risk_watchaction", "risk_watchentry", "risk_risksignal"):
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (the risk tables' names)
    RiskScan.objects.filter(company=company).delete()
    subprocess.run(["psql", *PG, "-d", args.database, "-qc", "VACUUM ANALYZE"], check=True)
    for label, day in (("first scan (all new)", AS_OF), ("next day (found again)", AS_OF + dt.timedelta(days=1))):
        clock.today = lambda d=day: d
        started, cpu_started = time.perf_counter(), time.process_time() + backend_cpu()
        scan = services.risk_scan(company=company, as_of=day)
        seconds, cpu = time.perf_counter() - started, time.process_time() + backend_cpu() - cpu_started
        print(
            f"{label}: {seconds:.2f} s (CPU {cpu:.2f} s, load {os.getloadavg()[0]:.1f}) — "
            f"{scan.signals:,} signals on {scan.customers:,} customers, "
            f"{scan.new_signals:,} new or worse, {scan.cleared:,} cleared, {scan.watch_added:,} added to the "
            f"watch list, {scan.alerts:,} alerts (target 10 s)",
            flush=True,
        )
    client = Client()
    client.force_login(get_user_model().objects.get(username="manager"))
    client.get("/risk/portfolio/")
    times = []
    for _n in range(args.repeat):
        started = time.perf_counter()
        response = client.get("/risk/portfolio/")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    times.sort()
    p95 = times[max(int(len(times) * 0.95 + 0.5) - 1, 0)]
    print(f"portfolio page: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms (target 300 ms)")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, load {os.getloadavg()}")
    if not (args.keep or args.reuse):
        from django.db import connections

        connections.close_all()
        subprocess.run(["dropdb", *PG, args.database], check=True)


if __name__ == "__main__":
    main()
