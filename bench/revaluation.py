"""Benchmark: the month-end FX revaluation over 1,000,000 items (10 % in USD) and the close checklist, on PostgreSQL.

    .venv/bin/python bench/revaluation.py                                   # 100,000 customers, 1,000,000 invoices
    .venv/bin/python bench/revaluation.py --customers 2000 --invoices 20000 --pg-database ardesk_close_small

What it does:

1. Generates the files once with ``ardesk generate --customers N --invoices M --foreign-share 10
   --anchor <today>`` in ``DIR/files`` (every tenth customer buys in USD; ``rates.csv`` holds the
   business-day USD/CNY rates of the 24 months).
2. Loads them into a fresh PostgreSQL database (``--pg-database``): ``ardesk init``, the rates
   (bulk insert), then ``ardesk import`` customers, invoices and receipts (each receipt allocated to
   the invoice it names), each in its own process, and ``VACUUM ANALYZE``. A marker file in DIR
   records a finished load, so a rerun only measures (``--reload`` starts over).
3. In one process, as a finance manager, for the last month before the anchor's: times
   ``ledger.selectors.foreign_open_balances`` (the one statement over the open items) and
   ``closing.services.revaluation_run`` (the statement, the closing rate, the rounding per customer
   and currency, and storing the proposal with one line per customer and currency), then
   ``closing.selectors.period_state`` (the cockpit's checklist and state). One warm-up call each,
   then the median of ``--repeat`` calls.
4. Prints the open items read, the lines written, the seconds and the targets (revaluation 10 s,
   checklist 1 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARDESK = [sys.executable, "-m", "ardesk.cli"]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PASSWORD = "Bench-pass-2026"
TARGETS = {"revaluation": 10.0, "checklist": 1.0}


def run(args: list[str], env: dict) -> str:
    started = time.perf_counter()
    result = subprocess.run([*ARDESK, *args], env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"ardesk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    print(f"  ardesk {' '.join(args[:2])}: {time.perf_counter() - started:.1f} s", flush=True)
    return result.stdout


def load(args, env: dict, files: Path) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as pg:
        pg.execute(f"DROP DATABASE IF EXISTS {args.pg_database}")
        pg.execute(f"CREATE DATABASE {args.pg_database}")
    run(
        ["init", "--company-code", "BENCH", "--company-name", "Bench Co", "--admin", "boss"]
        + ["--password", PASSWORD, "--no-input"],
        env,
    )
    run(
        [
            "shell",
            "-c",
            "import csv\n"
            "from ardesk.accounts.services import user_create\n"
            "from ardesk.ledger.models import ExchangeRate\n"
            "for name in ('collector', 'collector2', 'analyst'):\n"
            f"    user_create(username=name, password='{PASSWORD}', validate=False)\n"
            f"rows = list(csv.DictReader(open('{files / 'rates.csv'}')))\n"
            "ExchangeRate.objects.bulk_create(ExchangeRate(currency=r['currency'], quote_currency=r['quote_currency'],"
            " rate_on=r['date'], rate=r['rate']) for r in rows)\n",
        ],
        env,
    )
    for kind in ("customers", "invoices", "receipts"):
        run(["import", kind, str(files / f"{kind}.csv"), "--company", "BENCH", "--user", "boss"], env)
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.pg_database, "-c", "VACUUM ANALYZE"], check=True
    )


MEASURE = """
import json, statistics, time
from django.contrib.auth.models import Group
from ardesk.accounts import roles
from ardesk.closing import selectors, services
from ardesk.companies.models import Company, CompanyGrant
from ardesk.ledger import selectors as ledger
from django.contrib.auth import get_user_model

period, repeat = "<PERIOD>", <REPEAT>
company = Company.objects.get(code="BENCH")
user, _ = get_user_model().objects.get_or_create(username="bench-manager")
user.groups.add(Group.objects.get(name=roles.FINANCE_MANAGER))
CompanyGrant.objects.get_or_create(user=user, company=company)
user = get_user_model().objects.get(pk=user.pk)
month = selectors.parse_period(period)
end = selectors.calendar.month_end(month)


def timed(function):
    function()
    seconds = []
    for _n in range(repeat):
        started = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


query, balances = timed(lambda: ledger.foreign_open_balances(as_of=end, company=company))
revaluation, run = timed(lambda: services.revaluation_run(by=user, company=company, period=month))
checklist, state = timed(lambda: selectors.period_state(company=company, period=month))
from ardesk.ledger.models import DueLine
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*), COUNT(*) FILTER (WHERE currency <> 'CNY') FROM ledger_dueline")
    lines, foreign = cursor.fetchone()
print(json.dumps({
    "due_lines": lines, "foreign_lines": foreign, "balances": len(balances), "revaluation_lines": run.items,
    "gain": run.gain, "loss": run.loss, "rates": run.rates,
    "query": query, "revaluation": revaluation, "checklist": checklist,
    "open_points": [i.key for i in state.items if not i.done],
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--foreign-share", type=int, default=10)
    parser.add_argument("--dir", default="/tmp/ardesk-bench-close")
    parser.add_argument("--pg-database", default="ardesk_close_bench")
    parser.add_argument("--anchor", default=dt.date.today().isoformat())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reload", action="store_true")
    args = parser.parse_args()

    folder = Path(args.dir)
    files = folder / "files"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DATABASE_URL"] = f"{PG_SERVER}/{args.pg_database}"
    env["ARDESK_DATA_DIR"] = str(folder / "data")
    marker = folder / f"loaded-{args.pg_database}"
    if args.reload or not (files / "rates.csv").exists():
        started = time.perf_counter()
        run(
            ["generate", "--customers", str(args.customers), "--invoices", str(args.invoices), "--out", str(files)]
            + ["--foreign-share", str(args.foreign_share), "--anchor", args.anchor],
            env,
        )
        print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)
        marker.unlink(missing_ok=True)
    if not marker.exists():
        started = time.perf_counter()
        load(args, env, files)
        marker.write_text(dt.datetime.now().isoformat())
        print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)
    anchor = dt.date.fromisoformat(args.anchor)
    period = f"{(anchor.replace(day=1) - dt.timedelta(days=1)):%Y-%m}"
    output = run(["shell", "-c", MEASURE.replace("<PERIOD>", period).replace("<REPEAT>", str(args.repeat))], env)
    figures = json.loads(output.strip().splitlines()[-1])
    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; period {period}")
    print(
        f"{figures['due_lines']:,} due lines, {figures['foreign_lines']:,} in USD; "
        f"{figures['balances']:,} customer balances revalued at {figures['rates']}"
    )
    print("| step | seconds | target | |")
    print("|---|---:|---:|---|")
    for step, target in (("query", None), ("revaluation", TARGETS["revaluation"]), ("checklist", TARGETS["checklist"])):
        verdict = "" if target is None else ("pass" if figures[step] < target else "FAIL")
        print(f"| {step} | {figures[step]:.2f} | {target or ''} | {verdict} |")


if __name__ == "__main__":
    main()
