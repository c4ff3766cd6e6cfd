"""Benchmark: the customer list and search at 100,000 customers, on SQLite and on PostgreSQL.

Run from the repository root:

    .venv/bin/python bench/customer_list.py [--customers 100000] [--database sqlite|postgres|both] [--repeat 20]

Each database runs in a subprocess of this script (Django reads its settings once per process):

* SQLite: a new file in a temporary ARDESK_DATA_DIR;
* PostgreSQL: a database named ardesk_bench, dropped and created through psycopg
  (server from --pg-url, default postgres://postgres@127.0.0.1:5432), dropped again at the end.

The subprocess migrates, creates the two demo companies, a finance manager granted both and the
users the generator names (collector, collector2, analyst), loads the customers with the demo
generator and ``load_customers(audit=False)``, then measures server time with django.test.Client
(wall time of ``client.get``: middleware, view, queries and template) for each scenario: one
warm-up request, then --repeat timed requests; median and p95. The SQL queries of one more request
are captured to count them and to time each. The target is 150 ms per page.

--keep leaves the database (or the SQLite file) in place to investigate with EXPLAIN; --reuse DIR
measures such a kept database again without loading it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fresh_database import pg_recreate

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150.0
WORKER_ENV = "ARDESK_BENCH_WORKER"
RESULT_ENV = "ARDESK_BENCH_RESULT"
PG_DATABASE = "ardesk_bench"
ANCHOR = dt.date(2026, 11, 23)
PASSWORD = "bench-pass-2026"
# The manager who browses, and the users the demo generator assigns customers to; all granted both companies.
BENCH_USERS = {
    "manager": "finance_manager",
    "collector": "collector",
    "collector2": "collector",
    "analyst": "credit_analyst",
}

NAME_FRAGMENT = "上海宏达"  # city + brand: about 1 in 800 generated names
PINYIN_INITIALS = "shhd"  # 上海宏达 by its initials
CODE_NUMBER = 50_000  # the customer whose code and credit code are searched for
DEEP_PAGE = 1000


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, str]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        nproc = str(os.cpu_count())
    try:
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        memory = "?"
    return {
        "nproc": nproc,
        "cpu": model or platform.processor() or "?",
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django_version(),
    }


def django_version() -> str:
    import django

    return django.get_version()


# --------------------------------------------------------------------------- worker (one database)


class QueryTimer:
    """An execute wrapper that times each query (the debug cursor's own times are rounded to 1 ms)."""

    def __init__(self) -> None:
        self.queries: list[tuple[float, str]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append(((time.perf_counter() - started) * 1000, sql))


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def worker(args: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    import django

    django.setup()

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from ardesk.companies.models import Company, CompanyGrant
    from ardesk.customers import selectors
    from ardesk.customers.models import Contact, Customer
    from ardesk.customers.selectors import CustomerFilters
    from ardesk.demo import generator
    from ardesk.demo.loader import load_customers

    user_model = get_user_model()
    vendor = connection.vendor
    result: dict = {"database": args.database, "vendor": vendor, "customers": args.customers}

    def say(message: str) -> None:
        print(f"[{args.database}] {message}", flush=True)

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    result["migrate_s"] = time.perf_counter() - started
    say(f"migrated in {result['migrate_s']:.1f} s")

    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("SHOW server_version")
            result["db_version"] = "PostgreSQL " + cursor.fetchone()[0]
        else:
            cursor.execute("SELECT sqlite_version()")
            result["db_version"] = "SQLite " + cursor.fetchone()[0]

    def create_companies_and_users():
        companies: dict[str, Company] = {}
        for spec in generator.COMPANIES:
            companies[spec["code"]] = Company.objects.create(
                code=spec["code"],
                name=spec["name"],
                functional_currency=spec["functional_currency"],
                address=spec["address"],
            )
        users = {}
        for username, role in BENCH_USERS.items():
            user = user_model.objects.create_user(username=username, password=PASSWORD)
            user.groups.add(Group.objects.get(name=role))
            for company in companies.values():
                CompanyGrant.objects.create(user=user, company=company)
            users[username] = user
        return companies, users

    def rows_with_progress(companies):
        step = max(1, args.customers // 5)
        load_started = time.perf_counter()
        rows = generator.demo_customers(count=args.customers, seed=args.seed, anchor=ANCHOR, companies=tuple(companies))
        for number, row in enumerate(rows, start=1):
            yield row
            if number % step == 0:
                say(f"  {number:>9,} customers generated ({time.perf_counter() - load_started:.0f} s)")

    reused = Company.objects.filter(code=generator.COMPANIES[0]["code"]).exists()
    if reused:  # --reuse: measure again on a database kept by an earlier --keep run
        companies = {c.code: c for c in Company.objects.filter(code__in=[s["code"] for s in generator.COMPANIES])}
        users = {u.username: u for u in user_model.objects.filter(username__in=BENCH_USERS)}
        result["load_s"] = None
        result["loaded"] = {"customers": Customer.objects.count(), "contacts": Contact.objects.count()}
        say(f"reusing the loaded database: {result['loaded']['customers']:,} customers")
    else:
        companies, users = create_companies_and_users()
        started = time.perf_counter()
        with transaction.atomic():
            counts = load_customers(
                rows_with_progress(companies), companies=companies, users=users, audit=False, batch=args.batch
            )
        result["load_s"] = time.perf_counter() - started
        result["loaded"] = counts
        say(
            f"loaded {counts['customers']:,} customers and {counts['contacts']:,} contacts in {result['load_s']:.1f} s "
            f"({counts['customers'] / result['load_s']:,.0f} customers/s, batches of {args.batch})"
        )
    manager = users["manager"]

    with connection.cursor() as cursor:
        if vendor == "postgresql":
            # What autovacuum does shortly after a bulk load: statistics and the visibility map.
            started = time.perf_counter()
            cursor.execute("VACUUM ANALYZE")
            say(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s")
            cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('customers_customer'))")
            result["table_size"] = f"customers_customer {cursor.fetchone()[0]} (table and indexes)"
        else:
            # Steady state: the load's frames copied into the database file and the WAL emptied.
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if args.sqlite_analyze:
                cursor.execute("ANALYZE")
                say("ANALYZE done")
    if vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            result["sqlite_analyze"] = bool(cursor.fetchone()[0])  # planner statistics present
        name = Path(connection.settings_dict["NAME"])
        size = sum(p.stat().st_size for p in (name, name.with_name(name.name + "-wal")) if p.exists())
        result["table_size"] = f"database file {size / 1024 / 1024:.0f} MB"

    probe = Customer.objects.filter(code=f"C{CODE_NUMBER:07d}" if args.customers >= 100000 else f"C{CODE_NUMBER:05d}")
    probe = probe.first() or Customer.objects.order_by("id")[args.customers // 2]
    sh01 = companies[generator.COMPANIES[0]["code"]]
    collector = users["collector"]

    # label, url, query parameters, filters for the row count (None: the API answers its count), headers
    list_url = "/customers/"
    api_url = "/api/v1/customers"
    scenarios = [
        ("list, page 1, default sort (code)", list_url, {}, CustomerFilters(), {}),
        (f"list, page {DEEP_PAGE} (deep page)", list_url, {"page": DEEP_PAGE}, CustomerFilters(), {}),
        ("list, sort by name descending", list_url, {"sort": "-name"}, CustomerFilters(sort="-name"), {}),
        (
            f"search name fragment '{NAME_FRAGMENT}'",
            list_url,
            {"q": NAME_FRAGMENT},
            CustomerFilters(q=NAME_FRAGMENT),
            {},
        ),
        (f"search exact code {probe.code}", list_url, {"q": probe.code}, CustomerFilters(q=probe.code), {}),
        ("search exact credit code (18 chars)", list_url, {"q": probe.uscc}, CustomerFilters(q=probe.uscc), {}),
        (
            f"search pinyin initials '{PINYIN_INITIALS}'",
            list_url,
            {"q": PINYIN_INITIALS},
            CustomerFilters(q=PINYIN_INITIALS),
            {},
        ),
        ("filter status=on_hold", list_url, {"status": "on_hold"}, CustomerFilters(status="on_hold"), {}),
        (
            "filter company + collector + industry C",
            list_url,
            {"company": sh01.pk, "collector": collector.pk, "industry": "C"},
            CustomerFilters(company=sh01.pk, collector=collector.pk, industry="C"),
            {},
        ),
        (
            f"htmx partial, search '{NAME_FRAGMENT}'",
            list_url,
            {"q": NAME_FRAGMENT},
            CustomerFilters(q=NAME_FRAGMENT),
            {"HTTP_HX_REQUEST": "true"},
        ),
        (f"API GET {api_url}?q={NAME_FRAGMENT}", api_url, {"q": NAME_FRAGMENT}, None, {}),
    ]

    client = Client(SERVER_NAME="localhost")
    client.force_login(manager, backend="django.contrib.auth.backends.ModelBackend")

    result["loadavg_before"] = os.getloadavg()
    measured = []
    for label, url, params, filters, headers in scenarios:
        response = client.get(url, params, **headers)  # warm-up
        if response.status_code != 200:
            raise SystemExit(f"{label}: HTTP {response.status_code}")
        if filters is None:
            rows = response.json()["count"]
        else:
            rows = selectors.customer_list(user=manager, filters=filters).count()
        if url == list_url and "HTTP_HX_REQUEST" in headers and b"<html" in response.content[:500].lower():
            raise SystemExit(f"{label}: the htmx request got the full page")
        timer = QueryTimer()
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timer):
            client.get(url, params, **headers)
        captured_sql = [q["sql"] for q in captured.captured_queries]  # before the next request resets the log
        timed_queries = timer.queries
        slowest = max(range(len(timed_queries)), key=lambda i: timed_queries[i][0], default=None)
        slowest_ms = timed_queries[slowest][0] if slowest is not None else 0.0
        if slowest is None:
            slowest_sql = ""
        elif len(captured_sql) == len(timed_queries):
            slowest_sql = captured_sql[slowest]  # with its parameters
        else:
            slowest_sql = timed_queries[slowest][1]
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url, params, **headers)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        row = {
            "scenario": label,
            "median_ms": statistics.median(times),
            "p95_ms": percentile(times, 0.95),
            "min_ms": min(times),
            "queries": len(captured_sql),
            "sql_ms": sum(t for t, _ in timed_queries),
            "slowest_query_ms": slowest_ms,
            "slowest_query": slowest_sql,
            "queries_detail": [
                (ms, captured_sql[i] if len(captured_sql) == len(timed_queries) else sql)
                for i, (ms, sql) in enumerate(timed_queries)
            ],
            "rows": rows,
        }
        measured.append(row)
        say(
            f"{label:<45} median {row['median_ms']:7.1f} ms  p95 {row['p95_ms']:7.1f} ms  "
            f"{row['queries']:2d} queries  {rows:>7,} rows"
        )
    result["scenarios"] = measured
    result["loadavg_after"] = os.getloadavg()
    Path(os.environ[RESULT_ENV]).write_text(json.dumps(result, ensure_ascii=False, indent=1))


# --------------------------------------------------------------------------- parent


def admin_connect(pg_url: str):
    import psycopg

    return psycopg.connect(f"{pg_url.rstrip('/')}/postgres", autocommit=True)


def pg_drop(pg_url: str, name: str) -> None:
    with admin_connect(pg_url) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run_one(database: str, args: argparse.Namespace) -> dict:
    data_dir = args.reuse or Path(tempfile.mkdtemp(prefix=f"ardesk-bench-{database}-"))
    keep = args.keep or bool(args.reuse)
    result_file = data_dir / "result.json"
    env = {
        **os.environ,
        WORKER_ENV: database,
        RESULT_ENV: str(result_file),
        "ARDESK_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "ardesk.config.settings",
    }
    for name in ("ARDESK_DEBUG", "ARDESK_MEDIA_DIR", "SECRET_KEY", "ARDESK_ENCRYPTION_KEY"):
        env.pop(name, None)
    if database == "postgres":
        if not args.reuse:
            pg_recreate(args.pg_url, args.pg_database)
        env["DATABASE_URL"] = f"{args.pg_url.rstrip('/')}/{args.pg_database}"
    else:
        env.pop("DATABASE_URL", None)
    command = [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:], "--database", database]
    try:
        subprocess.run(command, env=env, cwd=ROOT, check=True)
        result = json.loads(result_file.read_text())
    finally:
        if keep:
            where = env.get("DATABASE_URL") or data_dir / "ardesk.sqlite3"
            print(f"[{database}] kept: {where} (ARDESK_DATA_DIR={data_dir})")
        else:
            if database == "postgres":
                pg_drop(args.pg_url, args.pg_database)
            shutil.rmtree(data_dir, ignore_errors=True)
    return result


def short_sql(sql: str, limit: int = 240) -> str:
    """One line, the column list elided."""
    sql = re.sub(r"^SELECT .*? FROM ", "SELECT ... FROM ", " ".join(sql.split()))
    return sql if len(sql) <= limit else sql[:limit] + " ..."


def print_report(results: list[dict], args: argparse.Namespace, info: dict[str, str]) -> None:
    print()
    print(f"Customer list benchmark, {args.customers:,} customers, {args.repeat} timed runs per scenario")
    print(f"Date: {dt.date.today().isoformat()}")
    print(
        f"Machine: {info['nproc']} cores, {info['cpu']}, {info['memory']} RAM; {info['os']}; "
        f"Python {info['python']}, Django {info['django']}"
    )
    print(f"Target: under {TARGET_MS:.0f} ms server time per page (median and p95)")
    for result in results:
        loaded = result["loaded"]
        print()
        extra = ""
        if result["vendor"] == "sqlite":
            extra = (
                ", with planner statistics (ANALYZE)"
                if result.get("sqlite_analyze")
                else ", no planner statistics (no ANALYZE, as installed)"
            )
        print(f"== {result['db_version']}{extra}: {result['table_size']}")
        if result["load_s"] is None:
            print(f"   reused a loaded database: {loaded['customers']:,} customers + {loaded['contacts']:,} contacts")
        else:
            print(
                f"   load: {loaded['customers']:,} customers + {loaded['contacts']:,} contacts "
                f"in {result['load_s']:.1f} s ({loaded['customers'] / result['load_s']:,.0f} customers/s); "
                f"migrate {result['migrate_s']:.1f} s"
            )
        before, after = result["loadavg_before"], result["loadavg_after"]
        print(
            f"   load average (1/5/15 min) before the measurements {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
            f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}"
        )
        header = (
            f"{'scenario':<47} {'median ms':>9} {'p95 ms':>8} {'min ms':>7} {'queries':>7} {'SQL ms':>7} "
            f"{'slowest q':>9} {'rows':>8}  "
        )
        print(header)
        print("-" * len(header))
        for row in result["scenarios"]:
            flag = "OVER" if max(row["median_ms"], row["p95_ms"]) > TARGET_MS else "ok"
            print(
                f"{row['scenario']:<47} {row['median_ms']:9.1f} {row['p95_ms']:8.1f} {row['min_ms']:7.1f} "
                f"{row['queries']:7d} {row['sql_ms']:7.1f} {row['slowest_query_ms']:9.1f} {row['rows']:8,}  {flag}"
            )
    print()
    print("SQL ms: total time of the queries of one captured request; slowest q: its slowest query, which is:")
    for result in results:
        for row in result["scenarios"]:
            sql = short_sql(row["slowest_query"])
            print(f"  [{result['vendor']}] {row['scenario']}: {row['slowest_query_ms']:.1f} ms: {sql}")
            if args.show_queries:
                for index, (ms, query) in enumerate(row["queries_detail"], start=1):
                    print(f"      {index:2d}. {ms:7.2f} ms  {short_sql(query, 160)}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument("--batch", type=int, default=2000, help="customers per load_customers batch")
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server, without a database name",
    )
    parser.add_argument(
        "--pg-database",
        default=PG_DATABASE,
        type=lambda name: name if re.fullmatch(r"[a-z_][a-z0-9_]*", name) else parser.error("bad database name"),
        help=f"PostgreSQL database to create, use and drop (default {PG_DATABASE})",
    )
    parser.add_argument("--sqlite-analyze", action="store_true", help="run ANALYZE on SQLite after the load")
    parser.add_argument("--show-queries", action="store_true", help="list every query of each scenario")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards (to run EXPLAIN)")
    parser.add_argument(
        "--reuse",
        type=Path,
        metavar="DATA_DIR",
        help="measure again, without loading, on the data directory (and ardesk_bench) kept by --keep; one database",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    if args.reuse and args.database == "both":
        parser.error("--reuse needs --database sqlite or --database postgres")
    return args


def main() -> None:
    args = parse_args()
    if os.environ.get(WORKER_ENV):
        sys.path.insert(0, str(ROOT))
        args.database = os.environ[WORKER_ENV]
        worker(args)
        return
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    info = machine()
    results = [run_one(database, args) for database in databases]
    print_report(results, args, info)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
