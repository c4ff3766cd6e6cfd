"""Benchmark: customer profitability and budget against actual on PostgreSQL.

    .venv/bin/python bench/budgets.py                                   # 100,000 customers, 1,000,000 items
    .venv/bin/python bench/budgets.py --customers 1000 --items 10000 --budget-lines 1200   # a quick check
    .venv/bin/python bench/budgets.py --keep            # then, to measure the same data again without loading:
    .venv/bin/python bench/budgets.py --reuse

Targets (issue 24): profitability of 100,000 customers over a year of 1,000,000 items under 3 s;
budget against actual for a 100,000-line budget under 2 s.

What it does:

1. Drops and creates the database ``--database`` (default ``ardesk_budget_bench``) and migrates it.
2. Writes the data with ``INSERT … SELECT generate_series`` (the ledger's own import would take far
   longer on a shared machine, and only the documents' columns matter here): one company, N
   customers (every tenth the parent of the nine after it, so groups exist, in four industries and
   regions), M posted documents of the year spread over its days and customers: 60 % invoices with
   a cost of 70 %, 35 % receipts, 5 % credit notes; plus 20,000 contacts. Then ``VACUUM ANALYZE``.
3. A budget version of the year with ``--budget-lines`` customer lines (customers × 12 months).
4. Times, after one warm-up call, the median of ``--repeat`` calls of what the screens read: the
   profitability of the year by customer (``summary``: the first page of the ranking, the totals,
   the whale curve and the top shares, one statement) and budget against actual (customers, sales,
   year to date through December: ``page``, the first page and the totals); then what the exports
   read, every row of each (``output.profit_rows``, ``BudgetVsActual.rows``).
5. Prints the machine, the sizes, the wall seconds and pass/fail against the targets, and the CPU
   seconds of the same calls (this process plus its PostgreSQL backend, read from ``/proc``): on a
   machine shared with other work the CPU time is the steadier figure, near what an idle machine
   would take in wall time (the reports' statements run without parallel workers).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"profitability": 3.0, "budget against actual": 2.0}


def psql(sql: str, database: str = "postgres") -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qc", sql], check=True)


def insert_generated(cursor, model, count: int, expressions: dict[str, str]) -> None:
    """INSERT count rows of a model from generate_series(1, count) AS n: the given SQL per column, else its default."""
    from django.db import connection

    columns, values, defaults = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.column not in expressions:
            continue
        columns.append(field.column)
        if field.column in expressions:
            values.append(expressions[field.column].replace("%", "%%"))
        else:
            values.append("%s")
            default = field.get_default()
            defaults.append(field.get_db_prep_save(default, connection) if default is not None else None)
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "  # noqa: S608 (the models' own columns)
        f"SELECT {', '.join(values)} FROM generate_series(1, %s) AS n"
    )
    # The expressions are this script's fixed SQL; the defaults and the count are parameters.
    cursor.execute(sql, [*defaults, count])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="ardesk_budget_bench")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--budget-lines", type=int, default=100_000)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="measure a database kept by --keep without loading (and keep it)"
    )
    args = parser.parse_args()

    url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    env = {**os.environ, "DATABASE_URL": url, "ARDESK_DATA_DIR": f"/tmp/{args.database}"}
    if not args.reuse:
        psql(f"DROP DATABASE IF EXISTS {args.database}")
        psql(f"CREATE DATABASE {args.database}")
    subprocess.run([sys.executable, "-m", "ardesk.cli", "migrate", "-v", "0"], check=True, env=env, cwd=ROOT)
    os.environ.update({"DATABASE_URL": url, "ARDESK_DATA_DIR": env["ARDESK_DATA_DIR"]})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from ardesk.budgets import output, selectors
    from ardesk.budgets.models import BudgetLine, BudgetVersion
    from ardesk.collections.models import ContactLog
    from ardesk.companies.models import Company
    from ardesk.customers.models import Customer
    from ardesk.ledger.models import Document

    def load():
        started = time.perf_counter()
        user = get_user_model().objects.create(username="bench-budgets", is_superuser=True, is_staff=True)
        company = Company.objects.create(code="BENCH", name="Bench", functional_currency="CNY")
        with transaction.atomic(), connection.cursor() as cursor:
            insert_generated(
                cursor,
                Customer,
                args.customers,
                {
                    "company_id": str(company.pk),
                    "code": "'C' || lpad(n::text, 6, '0')",
                    "name": "'Customer ' || n",
                    "industry": "(ARRAY['C','F','I','E'])[1 + n % 4]",
                    "region": "(ARRAY['31','44','11','32'])[1 + (n / 7) % 4]",
                    "registered_capital": "(n % 50)::bigint * 500000000",
                    "created_at": "now()",
                    "updated_at": "now()",
                },
            )
            cursor.execute("SELECT min(id) FROM customers_customer WHERE company_id = %s", [company.pk])
            first = cursor.fetchone()[0]
            cursor.execute(
                "UPDATE customers_customer SET parent_id = %s + ((id - %s) / 10) * 10 WHERE company_id = %s"
                " AND (id - %s) %% 10 <> 0",
                [first, first, company.pk, first],
            )
            kind = "CASE WHEN n % 20 < 12 THEN 'invoice' WHEN n % 20 < 19 THEN 'receipt' ELSE 'credit_note' END"
            amount = "(10000 + (n::bigint * 7919) % 990000)"
            sign = "CASE WHEN n % 20 < 12 THEN 1 ELSE -1 END"
            insert_generated(
                cursor,
                Document,
                args.items,
                {
                    "company_id": str(company.pk),
                    "customer_id": f"{first} + (n * 37) % {args.customers}",
                    "doc_type": kind,
                    "number": "'B' || n",
                    "issue_on": f"DATE '{year_start}' + (n % 365)",
                    "due_on": f"DATE '{year_start}' + (n % 365) + 30",
                    "currency": "'CNY'",
                    "amount": f"{sign} * {amount}",
                    "functional_amount": f"{sign} * {amount}",
                    "cost": f"CASE WHEN n % 20 < 12 THEN {amount} * 7 / 10 END",
                    "status": "'posted'",
                    "posted_at": "now()",
                    "created_at": "now()",
                },
            )
            insert_generated(
                cursor,
                ContactLog,
                20_000,
                {
                    "company_id": str(company.pk),
                    "customer_id": f"{first} + (n * 13) % {args.customers}",
                    "channel": "'call'",
                    "outcome": "'reached'",
                    "logged_on": f"DATE '{year_start}' + (n % 365)",
                    "logged_at": "now()",
                },
            )
        psql("VACUUM ANALYZE", args.database)

        version = BudgetVersion.objects.create(company=company, year=args.year, name="bench", created_by=user)
        members = args.budget_lines // 12
        with connection.cursor() as cursor:
            insert_generated(
                cursor,
                BudgetLine,
                members * 12,
                {
                    "version_id": str(version.pk),
                    "dimension": "'customer'",
                    "member_id": f"{first} + (n - 1) / 12",
                    "month": "1 + (n - 1) % 12",
                    "sales": "100000000 + n",
                    "cost": "70000000",
                    "collections": "90000000",
                    "receivable": "50000000",
                },
            )

        return company, version, time.perf_counter() - started

    year_start = dt.date(args.year, 1, 1)
    if args.reuse:
        company = Company.objects.get(code="BENCH")
        version = BudgetVersion.objects.get(company=company, name="bench")
        loaded = 0.0
    else:
        company, version, loaded = load()

    def backend_cpu() -> float:
        """CPU seconds the PostgreSQL backend of this connection used so far (it runs on this machine)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def timed(function) -> tuple[float, float, object]:
        """Median wall seconds and median CPU seconds (this process plus its PostgreSQL backend) of a call."""
        function()
        seconds, cpu, result = [], [], None
        for _n in range(args.repeat):
            begun, cpu_begun = time.perf_counter(), time.process_time() + backend_cpu()
            result = function()
            seconds.append(time.perf_counter() - begun)
            cpu.append(time.process_time() + backend_cpu() - cpu_begun)
        return statistics.median(seconds), statistics.median(cpu), result

    def report():
        return selectors.profitability(company=company, date_from=year_start, date_to=dt.date(args.year, 12, 31))

    def variance():
        return selectors.budget_vs_actual(version=version, dimension="customer", measure="sales", month=12)

    page = settings.ARDESK_LIST_PAGE_SIZE
    profit_seconds, profit_cpu, summary = timed(lambda: report().summary("customer", offset=0, limit=page))
    variance_seconds, variance_cpu, shown = timed(lambda: variance().page(offset=0, limit=page))
    rows_seconds, rows_cpu, rows = timed(lambda: output.profit_rows(report(), "customer"))
    all_seconds, all_cpu, result = timed(lambda: variance().rows)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        server = cursor.fetchone()[0].split(",")[0]
    print()
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; {server}")
    if not args.reuse:
        print(f"loaded {args.customers:,} customers, {args.items:,} documents in {loaded:.1f} s")
    print(
        f"profitability: {summary.count:,} customers;"
        f" total net contribution {summary.total.net_contribution / 100:,.2f}"
        f" (every row: {sum(r.profit.net_contribution for r in rows) / 100:,.2f}); top 10 {summary.top10} %,"
        f" {len(summary.curve)} curve points"
    )
    lines = BudgetLine.objects.filter(version=version).count()
    print(
        f"budget against actual: {lines:,} lines, {shown.count:,} rows; total variance"
        f" {shown.total.variance.amount / 100:,.2f} (every row: {sum(r.actual - r.budget for r in result) / 100:,.2f})"
    )
    print(f"{'step':<44} {'seconds':>8} {'CPU s':>8}  target (wall seconds)")
    for step, seconds, cpu, target in (
        ("profitability (screen: page, totals, curve)", profit_seconds, profit_cpu, "profitability"),
        ("budget against actual (screen: page, totals)", variance_seconds, variance_cpu, "budget against actual"),
        ("profitability, every row (exports)", rows_seconds, rows_cpu, ""),
        ("budget against actual, every row (exports)", all_seconds, all_cpu, ""),
    ):
        verdict = (f"< {TARGETS[target]:.0f} s " + ("pass" if seconds < TARGETS[target] else "FAIL")) if target else ""
        print(f"{step:<44} {seconds:>8.2f} {cpu:>8.2f}  {verdict}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    if not (args.keep or args.reuse):
        connection.close()
        psql(f"DROP DATABASE {args.database}")


if __name__ == "__main__":
    main()
