"""Benchmark: the month-end bad-debt run over 1,000,000 open items and 100,000 customers on PostgreSQL.

    .venv/bin/python bench/provision.py                       # copies ardesk_bench_aging once, then times
    .venv/bin/python bench/provision.py --database ardesk_h7_bench --repeat 3 --method matrix
    .venv/bin/python bench/provision.py --all-open      # stress case on the copy: all 1,000,000 items open

What it does:

1. Unless ``--database`` exists already, copies the aging benchmark's database (``--template``,
   default ``ardesk_bench_aging``, made by ``bench/aging.py``: 100,000 customers, 1,000,000
   invoices and their receipts) with ``createdb -T`` (which needs nobody connected to the template)
   and runs ``ardesk migrate`` on the copy. The template is never written to.
2. Gives the company (``--company``, default ``BENCH``) a policy: the aging method over the shipped
   ``age`` set (by document date) or, with ``--method matrix``, the IFRS 9 Example 12 rates over
   the ``overdue`` set (by due date).
3. Times, as of ``--as-of`` (the template's load date by default: its latest invoice date):
   ``services.run_compute`` (the grouped query and the apportioning to customers, nothing written)
   and ``services.run_prepare`` (the same, plus storing the draft run, its buckets and one row per
   customer and bucket). One warm-up call, then the median of ``--repeat`` calls.
4. Prints the open items read, the customers and rows written, the seconds and the target (10 s).
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
TARGET_SECONDS = 10.0


def database_exists(name: str) -> bool:
    found = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip() == "1"


def prepare_database(args) -> str:
    url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    if not database_exists(args.database):
        print(f"copying {args.template} to {args.database} ...", flush=True)
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", "-T", args.template, args.database], check=True
        )
        env = {**os.environ, "DATABASE_URL": url, "ARDESK_DATA_DIR": args.data_dir}
        subprocess.run([sys.executable, "-m", "ardesk.cli", "migrate", "-v", "0"], check=True, env=env, cwd=ROOT)
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.database, "-c", "VACUUM ANALYZE"], check=True
        )
    return url


def timed(function, repeat: int) -> tuple[float, object]:
    function()  # warm-up
    seconds, result = [], None
    for _n in range(repeat):
        started = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--template", default="ardesk_bench_aging")
    parser.add_argument("--database", default="ardesk_h7_bench")
    parser.add_argument("--data-dir", default="/tmp/h7-bench")
    parser.add_argument("--company", default="BENCH")
    parser.add_argument("--as-of", help="YYYY-MM-DD (the latest invoice date by default)")
    parser.add_argument("--method", choices=["aging", "matrix"], default="aging")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--all-open",
        action="store_true",
        help="Stress case: make every due line of the copy open (drops its allocations); never on the template",
    )
    args = parser.parse_args()
    if args.all_open and args.database == args.template:
        parser.error("--all-open rewrites the database: give a copy, not the template")

    os.environ["DATABASE_URL"] = prepare_database(args)
    os.environ.setdefault("ARDESK_DATA_DIR", args.data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from ardesk.companies.models import Company
    from ardesk.ledger import selectors as ledger_selectors
    from ardesk.ledger.models import Document
    from ardesk.provisioning import services
    from ardesk.provisioning.models import ProvisionRun, RunLine
    from ardesk.reports.models import BucketSet

    company = Company.objects.get(code=args.company)
    if args.all_open:
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM ledger_allocation)")
            paid_items_left = cursor.fetchone()[0]  # a copy made all-open by an earlier run has no allocations
    if args.all_open and paid_items_left:
        # Every invoice unpaid: the run then reads all 1,000,000 items (the loaded ledger has most paid).
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM ledger_allocation")
            cursor.execute(
                "UPDATE ledger_dueline SET open_now = amount, open_functional_now = functional_amount,"
                " settled_on = NULL WHERE NOT EXISTS"
                " (SELECT 1 FROM ledger_document r WHERE r.reversal_of_id = ledger_dueline.document_id)"
            )
            cursor.execute(
                "UPDATE ledger_document SET unapplied_now = -amount, unapplied_functional_now = -functional_amount,"
                " settled_on = NULL WHERE amount < 0 AND reversal_of_id IS NULL"
            )
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.database, "-c", "VACUUM ANALYZE"], check=True
        )
    user, _created = get_user_model().objects.get_or_create(
        username="bench-provision", defaults={"is_superuser": True, "is_staff": True}
    )
    as_of = (
        dt.date.fromisoformat(args.as_of)
        if args.as_of
        else Document.objects.filter(company=company).order_by("-issue_on").values_list("issue_on", flat=True)[0]
    )
    if args.method == "aging":
        rates = {"0-6m": "1", "6-12m": "5", "1-2y": "10", "2-3y": "30", "3y+": "100"}
        bucket_set = BucketSet.objects.prefetch_related("buckets").get(code="age")
    else:
        rates = {"not_due": "0.3", "1-30": "1.6", "31-60": "3.6", "61-90": "6.6"}
        rates |= {"91-180": "10.6", "181-365": "10.6", "365+": "10.6"}
        bucket_set = BucketSet.objects.prefetch_related("buckets").get(code="overdue")
    services.policy_save(by=user, company=company, method=args.method, bucket_set=bucket_set, rates=rates)
    open_items = ledger_selectors.open_lines(as_of=as_of, company_ids=[company.pk]).count()

    compute_seconds, figures = timed(lambda: services.run_compute(company=company, as_of=as_of), args.repeat)

    def prepare():
        with transaction.atomic():
            # A month not yet ended is prepared as provisional (the same work; it only cannot be approved).
            provisional = not services.month_has_ended(as_of)
            return services.run_prepare(by=user, company=company, as_of=as_of, provisional=provisional)

    prepare_seconds, run = timed(prepare, args.repeat)
    lines = RunLine.objects.filter(run=run).count()
    customers = RunLine.objects.filter(run=run).values("customer_id").distinct().count()
    assert sum(b.required for b in run.buckets.all()) == run.required
    ProvisionRun.objects.filter(company=company, status="draft").delete()

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        server = cursor.fetchone()[0].split(",")[0]
    print()
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; {server}")
    print(f"company {company.code}, as of {as_of}, method {args.method} ({bucket_set.code})")
    print(f"items open on {as_of}: {open_items:,}; customers in the run: {customers:,}; run lines: {lines:,}")
    print(f"required allowance: {figures.required / 100:,.2f} {figures.currency}")
    print(f"{'step':<42} {'seconds':>8}  target")
    for step, seconds in (
        ("run_compute (query + apportion)", compute_seconds),
        ("run_prepare (compute + store the draft)", prepare_seconds),
    ):
        verdict = "pass" if seconds < TARGET_SECONDS else "FAIL"
        print(f"{step:<42} {seconds:>8.2f}  < {TARGET_SECONDS:.0f} s {verdict}")


if __name__ == "__main__":
    main()
