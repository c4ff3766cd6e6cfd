"""Benchmark: the aging as of today and as of a past date on SQLite and PostgreSQL, against DuckDB.

    .venv/bin/pip install duckdb                  # or: pip install -e '.[bench]'
    .venv/bin/python bench/aging.py               # 100,000 customers, 1,000,000 invoices, both databases
    .venv/bin/python bench/aging.py --dir /tmp/ardesk-bench-aging --repeat 5 --past-months 12 --dashboard

What it does, in one run:

1. Generates the files once with ``ardesk generate --customers N --invoices M --anchor <today>`` in
   ``DIR/files`` and loads them (``ardesk init``, then ``ardesk import`` customers, invoices and
   receipts, each in its own process, as ``bench/import_ledger.py`` does) into a SQLite database in
   ``DIR/sqlite`` and a PostgreSQL database (``--pg-database``, default ``ardesk_bench_aging``),
   both loads at once. The daily totals the imports appended are merged (what the hourly job does),
   and PostgreSQL then gets ``VACUUM ANALYZE`` (what autovacuum does shortly after such a load).
   A marker file in DIR records each finished load, so reruns skip it; ``--reload`` starts over.
   Each file's import prints its rows/s, peak memory, the load average before and after, and the
   CPU time per row of the importing process and (PostgreSQL) of the backends serving it, which
   survives other load better than the wall clock (as ``bench/import_ledger.py`` prints them).
   ``--load-only`` stops after the loads and the Parquet export (ten million items: load while the
   machine is busy, time the reports when it is quiet); ``--no-duckdb`` skips the export and the
   comparison with DuckDB (the totals are then not checked against DuckDB, only against the ledger).
2. Exports the same data from PostgreSQL to Parquet in ``DIR/parquet``: due lines (customer, dates,
   amounts), allocations (line, credit, date, amounts), credits (receipts and credit notes) and
   customers.
3. Times, in one subprocess per database (Django reads its settings once per process),
   ``reports.selectors.aging(as_of=..., by="customer")`` as of today and as of ``--past-months``
   ago: one warm-up call, then the median of ``--repeat`` calls. "query" is the call less its
   reconciliation (``selectors.ledger_balance`` and ``exchange_differences``, timed on their own);
   "whole" is the call. The same aggregation runs in DuckDB over the Parquet files from the
   allocations alone (open amount on D = amount less the allocations dated on or before D, for
   items issued by D; unapplied credits likewise), and its per-bucket and per-customer totals are
   compared with ARdesk's, to the cent.
   As of today it is timed three ways: from the open items alone (no kept aging), then, after the
   hourly job's refresh (``reports.kept.refresh_defaults``, timed too), reading the kept aging, and
   reading it with the last ``SINCE_ALLOCATIONS`` allocations counted as posted after the refresh
   (their customers recomputed from the open items). The past date is always from the open items.
4. With ``--dashboard``: times ``GET --dashboard-url`` (default ``/reports/dashboard/``) with the
   Django test client logged in as a finance manager, when that URL exists in the installation.
5. Prints a table: backend, as_of, seconds, ratio to DuckDB, target, pass/fail.

Targets (issue): PostgreSQL under 0.3 s today and 1.5 s for a past date, the past date within
5 times DuckDB's time, the dashboard under 300 ms. SQLite has no target; the table states its ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARDESK = [sys.executable, "-m", "ardesk.cli"]
PASSWORD = "Bench-pass-2026"
BUCKETS = ["not_due", "1-30", "31-60", "61-90", "91-180", "181-365", "365+", "unapplied"]
# (upper limit in days past due, bucket index); beyond the last: 365+.
UPPERS = [0, 30, 60, 90, 180, 365]
TARGETS = {("postgres", "today"): 0.3, ("postgres", "past"): 1.5}
DUCKDB_FACTOR = 5
DASHBOARD_TARGET = 0.3
# Allocations made after the kept aging's refresh in the "today_since" run (a day's receipts).
SINCE_ALLOCATIONS = 10_000
# What each run is (its label in the table) and the DuckDB aggregation it is compared with.
RUNS = {
    "today": ("today, kept aging", "today"),
    "today_since": (f"today, kept aging and {SINCE_ALLOCATIONS:,} allocations since", "today"),
    "today_items": ("today, from the open items", "today"),
    "past": ("a past date", "past"),
}

USERS_SQL = """
from django.contrib.auth.models import Group
from ardesk.accounts.services import user_create
from ardesk.companies.models import Company, CompanyGrant
for name in ('collector', 'collector2', 'analyst'):
    user_create(username=name, password='{password}', validate=False)
manager = user_create(username='manager', password='{password}', validate=False, roles=['finance_manager'])
for company in Company.objects.all():
    CompanyGrant.objects.get_or_create(user=manager, company=company)
"""


def say(message: str) -> None:
    print(message, flush=True)


def clean_env() -> dict:
    """The environment without a database, importing ARdesk from this script's checkout."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["PYTHONPATH"] = str(ROOT)
    return env


def base_env(backend: str, args) -> dict:
    env = clean_env()
    env["ARDESK_DATA_DIR"] = str(Path(args.dir) / backend)
    if backend == "postgres":
        env["DATABASE_URL"] = f"{args.pg_url}/{args.pg_database}"
    return env


def run(command: list[str], env: dict) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run([*ARDESK, *command], env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"ardesk {' '.join(command[:3])} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return time.perf_counter() - started, result.stdout


# 1. Files and loads ------------------------------------------------------------------------------


def generate(args) -> Path:
    files = Path(args.dir) / "files"
    marker = files / "generated.json"
    if marker.exists():
        spec = json.loads(marker.read_text())
        say(f"files: reusing {files} (generated {spec['customers']:,} customers, anchor {spec['anchor']})")
        return files
    files.mkdir(parents=True, exist_ok=True)
    anchor = dt.date.today().isoformat()
    env = clean_env()
    env["ARDESK_DATA_DIR"] = str(files / "var")
    seconds, output = run(
        [
            "generate",
            "--customers",
            str(args.customers),
            "--invoices",
            str(args.invoices),
            "--anchor",
            anchor,
            "--out",
            str(files),
        ],
        env,
    )
    say(f"generated in {seconds:.0f} s:\n{output.rstrip()}")
    spec = {"customers": args.customers, "invoices": args.invoices, "anchor": anchor}
    marker.write_text(json.dumps(spec))
    return files


def load(backend: str, files: Path, args, log: dict) -> None:
    try:
        _load(backend, files, args, log)
    except BaseException as error:  # a thread swallows SystemExit: say why the load stopped
        say(f"{backend}: load failed: {error}")


def _load(backend: str, files: Path, args, log: dict) -> None:
    marker = Path(args.dir) / f"{backend}.loaded.json"
    if marker.exists() and not args.reload:
        log[backend] = json.loads(marker.read_text())
        say(f"{backend}: already loaded ({marker})")
        return
    env = base_env(backend, args)
    data = Path(env["ARDESK_DATA_DIR"])
    if backend == "sqlite":
        for path in data.glob("*.sqlite3*"):
            path.unlink()
    else:
        import psycopg

        with psycopg.connect(f"{args.pg_url}/postgres", autocommit=True) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{args.pg_database}"')
            pg.execute(f'CREATE DATABASE "{args.pg_database}"')
    data.mkdir(parents=True, exist_ok=True)
    init = ["init", "--company-code", "BENCH", "--company-name", "Bench Co", "--admin", "boss"]
    run([*init, "--password", PASSWORD, "--no-input"], env)
    run(["shell", "-c", USERS_SQL.format(password=PASSWORD)], env)
    seconds, figures = {}, {}
    for kind in ("customers", "invoices", "receipts"):
        figures[kind] = import_measured(backend, files / f"{kind}.csv", kind, env, args)
        seconds[kind] = figures[kind]["seconds"]
    # The daily totals the imports appended, merged as the hourly job does in an installation.
    started = time.perf_counter()
    run(["shell", "-c", "from ardesk.ledger.daily_totals import totals_compact; totals_compact()"], env)
    figures["totals_compact_s"] = time.perf_counter() - started
    say(f"  {backend:<9} daily totals merged in {figures['totals_compact_s']:.0f} s")
    if backend == "postgres":
        import psycopg

        started = time.perf_counter()
        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as pg:
            pg.execute("VACUUM ANALYZE")
        figures["vacuum_analyze_s"] = time.perf_counter() - started
        say(f"  {backend:<9} VACUUM ANALYZE in {figures['vacuum_analyze_s']:.0f} s")
    log[backend] = {"import_s": seconds, "import": figures, "loaded_on": dt.date.today().isoformat()}
    marker.write_text(json.dumps(log[backend]))


def import_measured(backend: str, path: Path, kind: str, env: dict, args) -> dict:
    """``ardesk import`` of one file, with its rows/s, peak memory, CPU per row and the load average.

    The CPU time of the importing process (``/usr/bin/time``) and of the PostgreSQL backends serving
    it (``/proc``, as ``import_ledger.py`` reads it) is the figure that survives other load.
    """
    from import_ledger import BackendCpu, count_rows

    rows = count_rows(path)
    load_before = Path("/proc/loadavg").read_text().split()[0]
    database = args.pg_database if backend == "postgres" else None
    backend_cpu = BackendCpu(database) if database else contextlib.nullcontext()
    command = ["import", kind, str(path), "--company", "BENCH", "--user", "boss"]
    started = time.perf_counter()
    with backend_cpu:
        result = subprocess.run(
            ["/usr/bin/time", "-f", "TIME %M %U %S", *ARDESK, *command],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"ardesk import {kind} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    timing = [line for line in result.stderr.splitlines() if line.startswith("TIME ")][-1].split()
    peak_mb, python_cpu = int(timing[1]) / 1024, float(timing[2]) + float(timing[3])
    load_after = Path("/proc/loadavg").read_text().split()[0]
    figures = {
        "rows": rows,
        "seconds": seconds,
        "rows_per_s": rows / seconds,
        "peak_mb": peak_mb,
        "python_us_per_row": python_cpu / rows * 1e6,
        "backend_us_per_row": backend_cpu.total / rows * 1e6 if database else None,
        "load": f"{load_before} to {load_after}",
    }
    backend_part = f", backend {figures['backend_us_per_row']:.0f}" if database else ""
    say(
        f"  {backend:<9} imported {kind:<10} {rows:>11,} rows in {seconds:7.0f} s, {rows / seconds:>8,.0f} rows/s, "
        f"peak {peak_mb:,.0f} MB, CPU µs/row: Python {figures['python_us_per_row']:.0f}{backend_part}; "
        f"load {figures['load']}"
    )
    return figures


# 2. Parquet --------------------------------------------------------------------------------------

EXPORTS = {
    # Lines of posted debit documents that no posted reversal cancels.
    "lines": """
        SELECT l.id, l.customer_id, l.issue_on, l.due_on, l.amount, l.functional_amount
        FROM ledger_dueline l JOIN ledger_document d ON d.id = l.document_id
        WHERE d.status = 'posted'
          AND NOT EXISTS (SELECT 1 FROM ledger_document r WHERE r.reversal_of_id = d.id AND r.status = 'posted')
    """,
    "allocations": """
        SELECT line_id, source_id, allocated_on, amount, functional_amount, source_functional_amount
        FROM ledger_allocation
    """,
    # Receipts, credit notes and negative adjustments, posted and not reversed; amounts made positive.
    "credits": """
        SELECT d.id, d.customer_id, d.issue_on, -d.amount AS amount, -d.functional_amount AS functional_amount
        FROM ledger_document d
        WHERE d.amount < 0 AND d.status = 'posted' AND d.reversal_of_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM ledger_document r WHERE r.reversal_of_id = d.id AND r.status = 'posted')
    """,
    "customers": "SELECT id, code FROM customers_customer",
}


def export_parquet(args) -> Path:
    import duckdb
    import psycopg

    folder = Path(args.dir) / "parquet"
    marker = folder / "exported.json"
    if marker.exists() and not args.reload:
        say(f"parquet: reusing {folder}")
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with psycopg.connect(f"{args.pg_url}/{args.pg_database}") as pg, pg.cursor() as cursor:
        for name, sql in EXPORTS.items():
            csv_path = folder / f"{name}.csv"
            with csv_path.open("wb") as out, cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)") as copy:
                for chunk in copy:
                    out.write(chunk)
            duckdb.sql(
                f"COPY (SELECT * FROM read_csv('{csv_path}', header = true)) TO '{folder / name}.parquet' "
                "(FORMAT parquet)"
            )
            csv_path.unlink()
    counts = {name: duckdb.sql(f"SELECT count(*) FROM '{folder / name}.parquet'").fetchall()[0][0] for name in EXPORTS}
    marker.write_text(json.dumps(counts))
    say(f"parquet: exported {counts} in {time.perf_counter() - started:.0f} s")
    return folder


# 3. DuckDB ---------------------------------------------------------------------------------------

DUCKDB_SQL = """
WITH paid AS (
    SELECT line_id, SUM(functional_amount) AS paid FROM '{p}/allocations.parquet'
    WHERE allocated_on <= DATE '{d}' GROUP BY line_id
), items AS (
    SELECT l.customer_id, l.due_on, l.functional_amount - COALESCE(p.paid, 0) AS open
    FROM '{p}/lines.parquet' l LEFT JOIN paid p ON p.line_id = l.id
    WHERE l.issue_on <= DATE '{d}'
), used AS (
    SELECT source_id, SUM(source_functional_amount) AS used FROM '{p}/allocations.parquet'
    WHERE allocated_on <= DATE '{d}' GROUP BY source_id
), credits AS (
    SELECT c.customer_id, c.functional_amount - COALESCE(u.used, 0) AS unapplied
    FROM '{p}/credits.parquet' c LEFT JOIN used u ON u.source_id = c.id
    WHERE c.issue_on <= DATE '{d}'
), bucketed AS (
    SELECT customer_id, {case} AS bucket, open AS amount FROM items WHERE open > 0
    UNION ALL
    SELECT customer_id, {unapplied} AS bucket, -unapplied FROM credits WHERE unapplied > 0
)
SELECT c.code, b.bucket, SUM(b.amount)::BIGINT
FROM bucketed b JOIN '{p}/customers.parquet' c ON c.id = b.customer_id
GROUP BY 1, 2
"""


def duckdb_case(as_of: dt.date) -> str:
    days = f"(DATE '{as_of}' - due_on)"
    whens = " ".join(f"WHEN {days} <= {upper} THEN {n}" for n, upper in enumerate(UPPERS))
    return f"CASE {whens} ELSE {len(UPPERS)} END"


def duckdb_aging(folder: Path, as_of: dt.date, repeat: int) -> dict:
    import duckdb

    con = duckdb.connect()
    sql = DUCKDB_SQL.format(p=folder, d=as_of, case=duckdb_case(as_of), unapplied=len(UPPERS) + 1)
    con.sql(sql).fetchall()  # warm-up
    times, found = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        found = con.sql(sql).fetchall()
        times.append(time.perf_counter() - started)
    rows: dict[str, list[int]] = {}
    for code, bucket, amount in found:
        rows.setdefault(code, [0] * len(BUCKETS))[bucket] += int(amount)
    return {"seconds": statistics.median(times), "rows": rows, "version": duckdb.__version__}


# 3b. ARdesk, in a subprocess per database --------------------------------------------------------


def worker(args) -> None:
    """Runs in its own process with the backend's environment; prints one JSON line."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    django.setup()
    from django.db import connection

    from ardesk.companies.models import Company
    from ardesk.reports import kept, selectors
    from ardesk.reports.models import KeptAging

    company_ids = list(Company.objects.values_list("pk", flat=True))
    session = getattr(selectors, "_report_session", contextlib.nullcontext)
    bucket_set = selectors.bucket_set_named()
    result: dict = {"vendor": connection.vendor, "runs": {}}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            result["db_version"] = "PostgreSQL " + cursor.fetchone()[0]
        else:
            cursor.execute("SELECT sqlite_version()")
            result["db_version"] = "SQLite " + cursor.fetchone()[0]

    def timed(call) -> tuple[float, object]:
        call()  # warm-up
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            value = call()
            times.append(time.perf_counter() - started)
        return statistics.median(times), value

    def since(allocations: int) -> None:
        """Make the last ``allocations`` allocations count as posted after the refresh."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM ledger_allocation ORDER BY id DESC LIMIT 1 OFFSET %s", [allocations])
            KeptAging.objects.update(allocations_upto=cursor.fetchone()[0])

    # The kept aging (reports.kept) as the hourly job leaves it: timed as it is read right after a
    # refresh, with a day's allocations posted since (their customers recomputed from the open
    # items), and not at all (the report from the open items alone).
    KeptAging.objects.all().delete()
    steps = [("today_items", args.today, None), ("past", args.past, None)]
    steps += [("today", args.today, "refresh"), ("today_since", args.today, "since")]
    for label, as_of, before in steps:
        if before == "refresh":
            started = time.perf_counter()
            result["refreshed"] = kept.refresh_defaults(today=as_of)
            result["refresh_seconds"] = time.perf_counter() - started
        elif before == "since":
            since(SINCE_ALLOCATIONS)
            # None: too many customers touched (or a company's code changed), so the kept aging is not used.
            touched = kept.touched_customers(KeptAging.objects.get(bucket_set=bucket_set))
            result["touched"] = None if touched is None else len(touched)

        def report(as_of=as_of):
            return selectors.aging(as_of=as_of, company_ids=company_ids, bucket_set=bucket_set, by="customer")

        def reconciliation(as_of=as_of):
            with session():  # as aging() runs it
                return selectors.ledger_balance(as_of=as_of, company_ids=company_ids, functional=True) - (
                    selectors.exchange_differences(as_of=as_of, company_ids=company_ids, functional=True)
                )

        whole, found = timed(report)
        recon, _value = timed(reconciliation)
        result["runs"][label] = {
            "as_of": as_of.isoformat(),
            "whole": whole,
            "reconciliation": recon,
            "query": max(whole - recon, 0.0),
            "difference": found.difference,
            "ledger_balance": found.ledger_balance,
            "exchange_differences": found.exchange_differences,
            "rows": {row.key: [row.buckets[key] for key in BUCKETS] for row in found.rows},
        }
    if args.dashboard:
        result["dashboard"] = dashboard(args)
    print("RESULT " + json.dumps(result))


def dashboard(args) -> dict:
    """Server time of the dashboard page for a finance manager, when the installation has that page."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import Resolver404, resolve

    try:
        resolve(args.dashboard_url)
    except Resolver404:
        return {"available": False}
    client = Client(SERVER_NAME="localhost")
    client.force_login(
        get_user_model().objects.get(username="manager"), backend="django.contrib.auth.backends.ModelBackend"
    )
    status = client.get(args.dashboard_url).status_code  # warm-up
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        client.get(args.dashboard_url)
        times.append(time.perf_counter() - started)
    return {"available": True, "status": status, "seconds": statistics.median(times)}


def measure(backend: str, args, today: dt.date, past: dt.date) -> dict:
    command = [sys.executable, __file__, "--worker", "--repeat", str(args.repeat)]
    command += ["--today", today.isoformat(), "--past", past.isoformat(), "--dashboard-url", args.dashboard_url]
    if args.dashboard:
        command.append("--dashboard")
    result = subprocess.run(command, env=base_env(backend, args), cwd=ROOT, capture_output=True, text=True, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"{backend} measurement failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT ") :])


# 4. Comparison and table -------------------------------------------------------------------------


def compare(ardesk_rows: dict, duck_rows: dict | None) -> str:
    if duck_rows is None:
        return "not compared"
    totals_a = [sum(r[i] for r in ardesk_rows.values()) for i in range(len(BUCKETS))]
    totals_d = [sum(r[i] for r in duck_rows.values()) for i in range(len(BUCKETS))]
    customers = set(ardesk_rows) | set(duck_rows)
    zero = [0] * len(BUCKETS)
    differing = sum(1 for c in customers if ardesk_rows.get(c, zero) != duck_rows.get(c, zero))
    if totals_a == totals_d and not differing:
        return "OK"
    detail = ", ".join(f"{b}: {a} vs {d}" for b, a, d in zip(BUCKETS, totals_a, totals_d, strict=True) if a != d)
    return f"MISMATCH ({differing} customers differ; {detail})"


def months_ago(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", default="/tmp/ardesk-bench-aging", help="files, databases and Parquet, kept")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--pg-database", default="ardesk_bench_aging")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--past-months", type=int, default=12)
    parser.add_argument("--reload", action="store_true", help="generate nothing, but load and export again")
    parser.add_argument("--dashboard", action="store_true", help="also time the dashboard page, if it exists")
    parser.add_argument("--dashboard-url", default="/reports/dashboard/")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument(
        "--load-only", action="store_true", help="generate, load and export to Parquet (unless --no-duckdb); no timing"
    )
    parser.add_argument(
        "--no-duckdb", action="store_true", help="no Parquet export and no DuckDB comparison (large ledgers)"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)
    parser.add_argument("--past", type=dt.date.fromisoformat, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return

    with open("/proc/loadavg") as handle:
        load_average = handle.read().split()[0]
    say(
        f"{dt.date.today()}: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load {load_average}"
    )
    files = generate(args)
    backends = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    log: dict = {}
    # The two loads at once: each import is one process on one core.
    threads = [threading.Thread(target=load, args=(b, files, args, log)) for b in {*backends, "postgres"}]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if len(log) < len(threads):
        raise SystemExit("a load failed (see above)")
    parquet = None if args.no_duckdb else export_parquet(args)
    if args.load_only:
        if args.json:
            Path(args.json).write_text(json.dumps({"import": log}, indent=2))
        return
    today = dt.date.today()
    past = months_ago(today, args.past_months)
    if parquet is None:
        not_compared = {"seconds": float("nan"), "rows": None, "version": "not run (--no-duckdb)"}
        duck = {"today": not_compared, "past": not_compared}
    results = {b: measure(b, args, today, past) for b in backends}
    if parquet is not None:
        duck = {label: duckdb_aging(parquet, as_of, args.repeat) for label, as_of in (("today", today), ("past", past))}

    for backend in backends:
        say(f"{backend}: {results[backend]['db_version']}")
    say(f"DuckDB {duck['today']['version']}")
    say("\n| backend | as_of | part | seconds | ratio to DuckDB | target | pass | same totals as DuckDB |")
    say("|---|---|---|---:|---:|---|---|---|")
    table = []
    for label, (title, duck_label) in RUNS.items():
        as_of = today if duck_label == "today" else past
        if label in ("today", "past"):
            say(f"| duckdb | {as_of} ({label}) | aggregation | {duck[label]['seconds']:.3f} | 1.0 | | | |")
        for backend in backends:
            run_ = results[backend]["runs"][label]
            ratio = run_["whole"] / duck[duck_label]["seconds"]
            check = compare(run_["rows"], duck[duck_label]["rows"])
            target = TARGETS.get((backend, duck_label))
            goals, passed = [], []
            if target:
                goals.append(f"< {target} s")
                passed.append(run_["whole"] < target)
            if backend == "postgres" and label == "past":
                goals.append(f"< {DUCKDB_FACTOR}x DuckDB")
                passed.append(ratio < DUCKDB_FACTOR)
            verdict = ("pass" if all(passed) else "FAIL") if goals else "-"
            say(
                f"| {backend} | {as_of} ({title}) | whole call | {run_['whole']:.3f} | {ratio:.1f} | "
                f"{', '.join(goals) or 'none'} | {verdict} | {check} |"
            )
            say(
                f"| {backend} | {as_of} ({title}) | query (call less reconciliation) | {run_['query']:.3f} | "
                f"{run_['query'] / duck[duck_label]['seconds']:.1f} | | | |"
            )
            say(f"| {backend} | {as_of} ({title}) | reconciliation | {run_['reconciliation']:.3f} | | | | |")
            table.append(
                {
                    "backend": backend,
                    "as_of": as_of.isoformat(),
                    "label": label,
                    "whole": run_["whole"],
                    "query": run_["query"],
                    "reconciliation": run_["reconciliation"],
                    "duckdb": duck[duck_label]["seconds"],
                    "ratio": ratio,
                    "check": check,
                    "difference": run_["difference"],
                    "verdict": verdict,
                }
            )
    for backend in backends:
        found = results[backend]
        say(
            f"{backend} kept aging: {found['refreshed']} bucket sets refreshed in {found['refresh_seconds']:.2f} s; "
            + (
                f"{found['touched']:,} customers recomputed"
                if found["touched"] is not None
                else "too many customers touched (the report from the open items)"
            )
            + f" in the run with {SINCE_ALLOCATIONS:,} allocations since"
        )
        for label in RUNS:
            run_ = results[backend]["runs"][label]
            say(
                f"{backend} {label}: {len(run_['rows']):,} customers, ledger balance {run_['ledger_balance']:,}, "
                f"exchange differences {run_['exchange_differences']:,}, unreconciled {run_['difference']:,}"
            )
    if "sqlite" in results and "postgres" in results:
        for label in RUNS:
            s, p = results["sqlite"]["runs"][label]["whole"], results["postgres"]["runs"][label]["whole"]
            say(f"SQLite / PostgreSQL, {label}: {s / p:.1f}x")
    if args.dashboard:
        for backend in backends:
            found = results[backend]["dashboard"]
            if not found["available"]:
                say(f"dashboard ({backend}): {args.dashboard_url} does not exist in this installation; not timed")
            else:
                verdict = "pass" if found["seconds"] < DASHBOARD_TARGET else "FAIL"
                say(
                    f"dashboard ({backend}): GET {args.dashboard_url} {found['status']} "
                    f"{found['seconds'] * 1000:.0f} ms (target < {DASHBOARD_TARGET * 1000:.0f} ms): {verdict}"
                )
    if args.json:
        Path(args.json).write_text(json.dumps({"table": table, "import": log}, indent=2))


if __name__ == "__main__":
    main()
