"""Benchmark: the ledger's tables partitioned by RANGE (id), against the original (docs/partitioning.md).

    .venv/bin/python bench/partitioning.py --database wtscale_1m --prepare --flat   # the copies, once
    .venv/bin/python bench/partitioning.py --database wtscale_1m                      # EXPLAIN each, the table
    .venv/bin/python bench/partitioning.py --database wtscale_1m --drop               # drop the copies

It needs a database loaded by ``bench/aging.py`` (PostgreSQL). Nothing in ``public`` is written to,
except that the kept aging is emptied (``reports_keptaging``), so the aging reads the open items as
it does without the hourly job; ``bench/aging.py`` refreshes it again when it runs.

1. ``--prepare`` makes a schema ``part`` holding ``ledger_document``, ``ledger_dueline`` and
   ``ledger_allocation`` as tables partitioned by ``RANGE (id)`` in four ranges of equal width
   (``--partitions``), with every index of the original created on the parent (so on each
   partition); the unique indexes that do not hold the key become plain indexes, as PostgreSQL
   requires (docs/partitioning.md moves those constraints to a table of their own). The rows are
   copied in id order, then ``VACUUM ANALYZE`` (the visibility map the index-only scans need).
   With ``--flat``, also a schema ``flat`` with the same three tables unpartitioned, made the same
   way: the originals carry what the imports left (due lines rewritten by the receipts' updates,
   indexes grown row by row, about twice the pages), so the flat copy is what separates the effect
   of partitioning from the effect of a freshly built table.
2. Without ``--prepare``: in one process, each reader runs against the original (``search_path``
   ``public``), the flat copy (``flat, public``) if there is one, and the partitioned copy (``part,
   public``: the three tables resolve to the partitioned ones, everything else to the originals);
   with neither copy, against the original alone (its plans, to compare two sizes of ledger).
   Each call is made once to warm up, then
   timed ``--repeat`` times (median), then once more with every statement that reads a ``ledger_``
   table explained with ``EXPLAIN (ANALYZE, BUFFERS)`` in the reader's own transaction and
   session settings, just before it runs. Printed per statement: execution and planning time,
   shared buffers hit and read, and the plan's scans (index-only, index, sequential, bitmap) and
   ``Append`` nodes. The plans are written to ``--out``.

The readers: the aging by customer as of today and as of ``--past-months`` ago (from the open
items), the dunning preview, and one customer's open items today (``ledger.selectors.open_lines``,
the collections screen's ``open_lines_of``) and the credit check's exposure statement, for the
customer with the most open items and for one with a median number.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("ledger_document", "ledger_dueline", "ledger_allocation")
SCHEMA = "part"
# The same tables unpartitioned, built the same way (copied in id order, indexed after): the
# originals carry what the imports left (due lines updated by the receipts, indexes grown row by
# row), so only this copy separates what partitioning changes from what a fresh copy changes.
FLAT = "flat"
SCANS = ("Index Only Scan", "Index Scan", "Seq Scan", "Bitmap Heap Scan", "Append", "Merge Append")


def say(message: str) -> None:
    print(message, flush=True)


def months_ago(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))


# 1. The partitioned copy -------------------------------------------------------------------------


def prepare(pg, partitions: int, schema: str = SCHEMA) -> None:
    """The three tables in ``schema``: partitioned in ``partitions`` ranges of id, or unpartitioned (0)."""
    pg.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    pg.execute(f"CREATE SCHEMA {schema}")
    for table in TABLES:
        started = time.perf_counter()
        low, high = pg.execute(f"SELECT min(id), max(id) FROM public.{table}").fetchone()  # noqa: S608
        width = (high - low + 1) // max(partitions, 1) + 1
        bounds = ["MINVALUE", *(str(low + width * n) for n in range(1, partitions)), "MAXVALUE"]
        like = f"CREATE TABLE {schema}.{table} (LIKE public.{table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"
        pg.execute(like + (" PARTITION BY RANGE (id)" if partitions else ""))
        for n in range(partitions):
            pg.execute(
                f"CREATE TABLE {schema}.{table}_p{n} PARTITION OF {schema}.{table} "
                f"FOR VALUES FROM ({bounds[n]}) TO ({bounds[n + 1]})"
            )
        pg.execute(f"INSERT INTO {schema}.{table} SELECT * FROM public.{table} ORDER BY id")  # noqa: S608
        copied = time.perf_counter() - started
        plain = []
        for name, definition in pg.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = %s", [table]
        ).fetchall():
            definition = definition.replace(f" ON public.{table} ", f" ON {schema}.{table} ")
            columns = re.search(r"\((.*?)\)", definition.split(" USING ", 1)[1]).group(1)
            keyless = "id" not in [c.strip() for c in columns.split(",")]
            if partitions and definition.startswith("CREATE UNIQUE") and keyless:
                definition = definition.replace("CREATE UNIQUE INDEX", "CREATE INDEX", 1)
                plain.append(name)
            pg.execute(definition)
        pg.execute(f"VACUUM ANALYZE {schema}.{table}")
        for n in range(partitions):
            pg.execute(f"VACUUM ANALYZE {schema}.{table}_p{n}")
        rows = pg.execute(f"SELECT count(*) FROM {schema}.{table}").fetchone()[0]  # noqa: S608
        say(
            f"{schema}.{table}: {rows:,} rows in {partitions} partitions (bounds {', '.join(bounds)}); copied in "
            f"{copied:.0f} s, indexed and analysed in {time.perf_counter() - started - copied:.0f} s; "
            f"unique indexes made plain: {', '.join(plain) or 'none'}"
        )


# 2. The readers, on each schema ------------------------------------------------------------------


def parse_plan(lines: list[str]) -> dict:
    text = "\n".join(lines)
    buffers = re.search(r"Buffers: shared((?: \w+=\d+)+)", text)
    found = dict(re.findall(r"(\w+)=(\d+)", buffers.group(1))) if buffers else {}
    scans = {name: len(re.findall(rf"(?:->  |^){re.escape(name)}\b", text, re.M)) for name in SCANS}
    return {
        "execution_ms": float(re.search(r"Execution Time: ([\d.]+) ms", text).group(1)),
        "planning_ms": float(re.search(r"Planning Time: ([\d.]+) ms", text).group(1)),
        "hit": int(found.get("hit", 0)),
        "read": int(found.get("read", 0)),
        "scans": {name: count for name, count in scans.items() if count},
        "text": text,
    }


class Explainer:
    """Explains every statement reading a ledger table, in the caller's transaction, just before it runs."""

    def __init__(self):
        self.plans: list[dict] = []

    def __call__(self, execute, sql, params, many, context):
        if not many and "ledger_" in sql and sql.lstrip().upper().startswith(("SELECT", "WITH", "(")):
            raw = context["cursor"].cursor
            raw.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plan = parse_plan([row[0] for row in raw.fetchall()])
            plan["sql"] = sql
            self.plans.append(plan)
        return execute(sql, params, many, context)


def readers(args):
    from django.db.models import Count

    from ardesk.collections import selectors as collections
    from ardesk.companies.models import Company
    from ardesk.customers.models import Customer
    from ardesk.ledger import selectors as ledger
    from ardesk.ledger.models import DueLine
    from ardesk.reports import selectors as reports

    today, past = args.today, months_ago(args.today, args.past_months)
    company_ids = list(Company.objects.values_list("pk", flat=True))
    bucket_set = reports.bucket_set_named()
    company = Company.objects.get(pk=DueLine.objects.values_list("company_id", flat=True)[:1][0])
    counts = list(
        DueLine.objects.filter(settled_on__isnull=True, open_now__gt=0)
        .values("customer_id")
        .annotate(n=Count("id"))
        .order_by("-n", "customer_id")
        .values_list("customer_id", "n")
    )
    largest, median = counts[0], counts[len(counts) // 2]
    found = {}
    for label, (customer_id, items) in (("largest", largest), ("median", median)):
        customer = Customer.objects.get(pk=customer_id)
        found[label] = (customer, items)
    calls = {
        "aging today": lambda: reports.aging(as_of=today, company_ids=company_ids, bucket_set=bucket_set),
        f"aging {past}": lambda: reports.aging(as_of=past, company_ids=company_ids, bucket_set=bucket_set),
        "dunning preview": lambda: collections.run_preview(company=company, run_on=today),
    }
    for label, (customer, items) in found.items():
        calls[f"open lines, {label} ({items} open)"] = lambda c=customer: list(
            ledger.open_lines(as_of=today, customer_ids=[c.pk])
        )
        calls[f"open_lines_of, {label}"] = lambda c=customer: list(collections.open_lines_of(c))
        calls[f"exposure, {label}"] = lambda c=customer: ledger.exposure_minor(
            customer_ids=[c.pk], company_id=c.company_id, as_of=today
        )
    return calls


def measure(args) -> None:
    os.environ["DATABASE_URL"] = f"{args.pg_url}/{args.database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from ardesk.reports.models import KeptAging

    KeptAging.objects.all().delete()  # the aging from the open items, as without the hourly job
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname IN (%s, %s)", [FLAT, SCHEMA])
        copies = {name for (name,) in cursor.fetchall()}
    # Without the copies (not prepared), the original alone: its plans, e.g. to compare two sizes.
    variants = [("original", "public")]
    variants += [(label, f"{name}, public") for label, name in (("flat copy", FLAT), ("partitioned", SCHEMA))]
    variants = [v for v in variants if v[0] == "original" or v[1].split(",")[0] in copies]
    for variant, path in variants:
        with connection.cursor() as cursor:
            cursor.execute(f"SET search_path TO {path}")
        for name, call in readers(args).items():
            call()  # warm-up
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                call()
                times.append(time.perf_counter() - started)
            explainer = Explainer()
            with connection.execute_wrapper(explainer):
                call()
            results.setdefault(name, {})[variant] = {"seconds": statistics.median(times), "plans": explainer.plans}
            slug = re.sub(r"\W+", "-", name).strip("-")
            (out / f"{slug}.{variant}.txt").write_text(
                "\n\n".join(f"-- {p['sql']}\n{p['text']}" for p in explainer.plans)
            )
    with connection.cursor() as cursor:
        cursor.execute("SET search_path TO public")
        cursor.execute("SELECT version()")
        server = cursor.fetchone()[0].split(",")[0]
    say(f"{server}, database {args.database}, load {os.getloadavg()[0]:.2f}; plans in {out}")
    names = [variant for variant, _path in variants]
    say(
        "\n| reader | statement | "
        + " | ".join(f"{v}: ms (planning)" for v in names)
        + " | shared buffers: "
        + " → ".join(names)
        + " | scans: "
        + " → ".join(names)
        + " | whole call, median s: "
        + ", ".join(names)
        + " |"
    )
    say("|---|---:|" + "---:|" * len(names) + "---|---|---|")
    for name, found in results.items():
        plans = [found[v]["plans"] for v in names]
        for n, row in enumerate(zip(*plans, strict=False)):
            if all(p["execution_ms"] < args.min_ms for p in row):
                continue
            say(
                f"| {name} | {n + 1} | "
                + " | ".join(f"{p['execution_ms']:.1f} ({p['planning_ms']:.1f})" for p in row)
                + " | "
                + " → ".join(f"{p['hit'] + p['read']:,}" for p in row)
                + " | "
                + " → ".join(scans_text(p["scans"]) for p in row)
                + " | "
                + ", ".join(f"{found[v]['seconds']:.3f}" for v in names)
                + " |"
            )


def scans_text(scans: dict) -> str:
    return ", ".join(f"{name} {count}" for name, count in scans.items()) or "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True, help="a database loaded by bench/aging.py")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--prepare", action="store_true", help="(re)make the partitioned copy in schema part")
    parser.add_argument(
        "--flat", action="store_true", help="with --prepare: also (re)make the unpartitioned copy in schema flat"
    )
    parser.add_argument("--drop", action="store_true", help="drop the copies")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--past-months", type=int, default=12)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--min-ms", type=float, default=0.0, help="leave out statements faster than this on both")
    parser.add_argument("--out", default="/tmp/ardesk-partitioning-plans", help="folder for the plans")
    args = parser.parse_args()
    if args.prepare or args.drop:
        import psycopg

        with psycopg.connect(f"{args.pg_url}/{args.database}", autocommit=True) as pg:
            if args.drop:
                for schema in (SCHEMA, FLAT):
                    pg.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                say(f"dropped schemas {SCHEMA} and {FLAT}")
            else:
                prepare(pg, args.partitions)
                if args.flat:
                    prepare(pg, 0, FLAT)
        return
    measure(args)


if __name__ == "__main__":
    main()
