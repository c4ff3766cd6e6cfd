"""Benchmark: the dunning run (preview, confirmed run, rerun) over 100,000 customers and 1,000,000 items.

    .venv/bin/python bench/dunning.py                       # both databases, copies of the aging benchmark's
    .venv/bin/python bench/dunning.py --database postgres --repeat 3

It needs the databases ``bench/aging.py`` loads (100,000 customers, 1,000,000 invoices, 931,220
receipts): PostgreSQL ``ardesk_bench_aging`` and the SQLite data folder
``/tmp/ardesk-bench-aging/sqlite``. It never writes to them: PostgreSQL is copied with
``createdb -T`` to ``--pg-copy`` and SQLite's folder to ``--dir``, then ``ardesk migrate`` adds the
collections tables to the copies.

In one subprocess per database it times, for the run date (the generator's anchor, today):

* preview: ``collections.selectors.run_preview`` (median of ``--repeat`` calls after a warm-up),
* run: the confirmed ``collections.services.dunning_run`` writing its notices, notice items and the
  items' dunning state (the e-mails and letters are left to the background job),
* rerun: the same date again, which must write nothing,
* delivery: ``notice_deliver`` (text, PDF letter, e-mail to Django's in-memory backend) for
  ``--deliver`` notices, as a rate per notice (the background job's speed).

The runs are committed (a confirmed run's time includes its commit); the copy's run tables are
emptied before and after, so each measurement is a first run on the ledger. With
``--all-open`` the measurement runs on copies of their own (``<pg-copy>_allopen``,
``<dir>/sqlite-allopen``) where every due line was made open for its full amount, committed and
analysed once: the run then faces all 1,000,000 items instead of the ~210,000 the receipts leave open.
Targets (issue 6): PostgreSQL preview under 10 s, confirmed run under 30 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"preview": 10.0, "run": 30.0}


def say(message: str) -> None:
    print(message, flush=True)


# The stress case: every due line open for its full amount, committed on the copy and analysed, so the
# run reads a table like a ledger where nothing was paid (not a million rows updated in its transaction).
ALL_OPEN_SQL = "UPDATE ledger_dueline SET settled_on = NULL, open_now = amount, open_functional_now = functional_amount"


def prepare_postgres(args) -> str:
    base = args.pg_url.rstrip("/")
    copy = f"{args.pg_copy}_allopen" if args.all_open else args.pg_copy
    if args.in_place:
        copy = args.pg_source
    exists = subprocess.run(
        ["psql", f"{base}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{copy}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not args.in_place and (not exists or args.recopy):
        if exists:
            subprocess.run(["dropdb", "--dbname", f"{base}/postgres", copy], check=True)
        say(f"copying {args.pg_source} to {copy} …")
        subprocess.run(["createdb", "--maintenance-db", f"{base}/postgres", "-T", args.pg_source, copy], check=True)
        if args.all_open:
            say("opening every due line …")
            subprocess.run(["psql", f"{base}/{copy}", "-qc", ALL_OPEN_SQL], check=True)
            subprocess.run(["psql", f"{base}/{copy}", "-qc", "VACUUM ANALYZE ledger_dueline"], check=True)
    url = f"{base}/{copy}"
    env = {**os.environ, "DATABASE_URL": url, "ARDESK_DATA_DIR": str(Path(args.dir) / "pg-data")}
    subprocess.run([sys.executable, "-m", "ardesk.cli", "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
    return url


def prepare_sqlite(args) -> str:
    target = Path(args.dir) / ("sqlite-allopen" if args.all_open else "sqlite")
    source = Path(args.sqlite_source)
    if not (target / "ardesk.sqlite3").exists() or args.recopy:
        if (source / "ardesk.sqlite3-wal").exists() and (source / "ardesk.sqlite3-wal").stat().st_size:
            raise SystemExit(f"{source} is still being written (its WAL is not empty): wait for the load to finish")
        shutil.rmtree(target, ignore_errors=True)
        say(f"copying {source} to {target} …")
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("*-wal", "*-shm", "media", "outbox"))
        if args.all_open:
            say("opening every due line …")
            with sqlite3.connect(target / "ardesk.sqlite3") as db:
                db.execute(ALL_OPEN_SQL)
            with sqlite3.connect(target / "ardesk.sqlite3") as db:
                db.execute("ANALYZE")
    env = {**os.environ, "ARDESK_DATA_DIR": str(target)}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "ardesk.cli", "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
    return str(target)


def worker(args) -> None:
    """Runs inside the configured database: prints one JSON line of figures."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count

    from ardesk.companies.models import Company
    from ardesk.ledger.models import DueLine

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = str(Path(args.dir) / f"media-{connection.vendor}")
    run_on = args.date
    company_id = (
        DueLine.objects.values("company_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("company_id", flat=True)[0]
    )
    company = Company.objects.get(pk=company_id)

    def timed(call):
        start = time.perf_counter()
        result = call()
        return time.perf_counter() - start, result

    figures: dict = {}
    clear_runs(connection, args)
    try:
        measure_in(company, run_on, figures, timed, args)
    finally:
        clear_runs(connection, args)
    print("FIGURES " + json.dumps(figures), flush=True)


RUN_TABLES = ["collections_noticeitem", "collections_dunningstate", "collections_notice", "collections_dunningrun"]


def clear_runs(connection, args) -> None:
    """Empty the run tables of the copy, so each measurement is a first run on the ledger.

    The runs are committed (the commit is part of a confirmed run's time) and cleared afterwards:
    rolled back instead, each measurement left a million dead rows for the next one to wade through.
    """
    name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        assert name != "postgres", "refusing to clear the maintenance database"
        assert args.in_place or name != args.pg_source, f"refusing to clear {name}: not a copy (see --in-place)"
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(RUN_TABLES)}")
    else:
        assert Path(name).resolve().is_relative_to(Path(args.dir).resolve()), f"refusing to clear {name}"
        with connection.cursor() as cursor:
            for table in RUN_TABLES:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608


def measure_in(company, run_on, figures: dict, timed, args) -> None:
    from django.db import connection

    from ardesk.collections import selectors, services
    from ardesk.collections.models import Notice
    from ardesk.ledger.models import DueLine

    open_items = DueLine.objects.filter(company=company, settled_on__isnull=True, open_now__gt=0).count()
    selectors.run_preview(company=company, run_on=run_on)  # warm-up
    previews = [timed(lambda: selectors.run_preview(company=company, run_on=run_on)) for _ in range(args.repeat)]
    preview = previews[-1][1]
    figures |= {
        "backend": connection.vendor,
        "run_on": run_on.isoformat(),
        "open_items": open_items,
        "preview_s": statistics.median(t for t, _ in previews),
        "preview_notices": preview.notices,
        "preview_items": preview.items,
    }

    figures["run_s"], run = timed(
        lambda: services.dunning_run(by=None, company=company, run_on=run_on, check_access=False, deliver=False)
    )
    figures["run_notices"], figures["run_items"] = run.notices, run.items
    figures["rerun_s"], rerun = timed(
        lambda: services.dunning_run(by=None, company=company, run_on=run_on, check_access=False, deliver=False)
    )
    figures["rerun_notices"] = rerun.notices
    sample = list(Notice.objects.filter(run=run).order_by("id")[: args.deliver])
    start = time.perf_counter()
    for notice in sample:
        services.notice_deliver(notice=notice)
    figures["deliver_ms_per_notice"] = (time.perf_counter() - start) / max(len(sample), 1) * 1000
    figures["delivered_sample"] = len(sample)


def measure(backend: str, location: str, args) -> dict:
    env = {**os.environ}
    if backend == "postgres":
        env["DATABASE_URL"] = location
        env["ARDESK_DATA_DIR"] = str(Path(args.dir) / "pg-data")
    else:
        env.pop("DATABASE_URL", None)
        env["ARDESK_DATA_DIR"] = location
    command = [
        sys.executable,
        __file__,
        "--worker",
        "--dir",
        args.dir,
        "--repeat",
        str(args.repeat),
        "--deliver",
        str(args.deliver),
        "--date",
        args.date.isoformat(),
        "--pg-source",
        args.pg_source,
        *(["--all-open"] if args.all_open else []),
        *(["--in-place"] if args.in_place else []),
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if output.returncode:
        raise SystemExit(f"{backend} worker failed:\n{output.stderr[-4000:]}")
    line = next(line for line in output.stdout.splitlines() if line.startswith("FIGURES "))
    return json.loads(line.removeprefix("FIGURES "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", default="/tmp/h6-bench", help="the SQLite copy, media and the PostgreSQL data folder")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--pg-source", default="ardesk_bench_aging")
    parser.add_argument("--pg-copy", default="ardesk_h6_bench")
    parser.add_argument("--sqlite-source", default="/tmp/ardesk-bench-aging/sqlite")
    parser.add_argument("--recopy", action="store_true", help="copy the source databases again")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--deliver", type=int, default=200, help="notices to deliver for the rate per notice")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(), help="run date")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--all-open", action="store_true", help="on copies where every item is open")
    parser.add_argument(
        "--in-place",
        action="store_true",
        help=(
            "PostgreSQL: measure on --pg-source itself, without a copy (a ledger too large to copy); its run "
            "tables are emptied before and after, the ledger is otherwise left as it was"
        ),
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_place and args.all_open:
        parser.error("--all-open rewrites the ledger: it needs a copy, not --in-place")
    if args.worker:
        worker(args)
        return
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    results = []
    backends = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for backend in backends:
        location = prepare_postgres(args) if backend == "postgres" else prepare_sqlite(args)
        say(f"measuring {backend} …")
        results.append(measure(backend, location, args))
    say(f"\nmachine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()}")
    header = (
        f"{'backend':<11}{'open items':>11}{'notices':>9}{'items':>9}"
        f"{'preview s':>11}{'run s':>8}{'rerun s':>9}{'ms/notice':>11}"
    )
    say(header)
    for r in results:
        say(
            f"{r['backend']:<11}{r['open_items']:>11,}{r['run_notices']:>9,}{r['run_items']:>9,}"
            f"{r['preview_s']:>11.2f}{r['run_s']:>8.2f}{r['rerun_s']:>9.2f}{r['deliver_ms_per_notice']:>11.1f}"
        )
        if r["backend"] == "postgresql":
            for key, target in TARGETS.items():
                verdict = "pass" if r[f"{key}_s"] < target else "FAIL"
                say(f"  {key}: {r[f'{key}_s']:.2f} s, target < {target:.0f} s: {verdict}")
        assert r["rerun_notices"] == 0, "the rerun of the same date wrote notices"
        assert (r["preview_notices"], r["preview_items"]) == (r["run_notices"], r["run_items"]), (
            "preview and run differ"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
