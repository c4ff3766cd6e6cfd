"""Benchmark: the customer import alone, on a fresh database, optionally under cProfile.

    .venv/bin/python bench/customer_import.py --database postgres --customers 20000 [--file customers.csv]
        [--profile out.prof] [--db-name customer_bench]

A fresh database (see fresh_database.py), set up as ``ardesk init`` does; the file is ``--file`` when
given (written by ``ardesk generate --customers N`` when it does not exist yet), else a new one. Prints
wall time, this process's CPU and its PostgreSQL backend's CPU per row (as credit_limits.py's
"customers" line), and with ``--profile`` writes cProfile's statistics (the import only) and the top
functions by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

from credit_limits import Step
from fresh_database import database_arguments, run_in_fresh_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    database_arguments(parser, db_name="customer_bench")
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--file", help="the customers file (written by ardesk generate if missing)")
    parser.add_argument("--dry-run", action="store_true", help="check the file only (read, checks, search keys)")
    parser.add_argument("--profile", help="write cProfile's statistics of the import here")
    parser.add_argument(
        "--inline", action="store_true", help="run the writer's jobs in the reading thread (to profile both)"
    )
    return parser.parse_args()


def run(args: argparse.Namespace) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from ardesk.accounts import roles
    from ardesk.accounts.services import user_create
    from ardesk.audit.selectors import chain_break
    from ardesk.companies.models import Company
    from ardesk.ledger.imports.engine import run_import

    call_command("init", company_code="SH01", company_name="星辰实业（上海）有限公司", admin="boss",
                 password="Bench-pass-2026", no_input=True, verbosity=0)  # fmt: skip
    for name in ("collector", "collector2"):
        user_create(username=name, password="Bench-pass-2026", roles=[roles.COLLECTOR], companies=["SH01"])
    boss = get_user_model().objects.get(username="boss")
    company = Company.objects.get(code="SH01")
    path = Path(args.file) if args.file else Path(tempfile.mkdtemp(prefix="bench-customers-")) / "customers.csv"
    if not path.exists():
        call_command("generate", customers=args.customers, out=str(path.parent), verbosity=0)
    rows = sum(1 for _line in path.open(encoding="utf-8")) - 1
    backend_pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend_pid = cursor.fetchone()[0]
    if args.inline:
        from ardesk.core import bulk

        bulk.Writer.__init__ = _inline_writer(bulk.Writer.__init__)
    profile = cProfile.Profile() if args.profile else None
    with Step("customers", rows, backend_pid), path.open("rb") as handle:
        if profile:
            profile.enable()
        report = run_import(
            kind="customers", handle=handle, file_name=path.name, company=company, user=boss, dry_run=args.dry_run
        )
        if profile:
            profile.disable()
    if not report.ok:
        raise SystemExit(f"customers: {[str(p) for p in report.problems[:5]]}")
    print(f"created {report.created:,}; audit trail intact: {chain_break() is None}")
    if profile:
        profile.dump_stats(args.profile)
        pstats.Stats(args.profile).sort_stats("tottime").print_stats(25)


def _inline_writer(init):
    def inline(self, **kwargs):
        init(self, **kwargs)
        if self.background:
            self.jobs.put(None)
            self.thread.join()
            self.background, self.thread = False, None
            sys.setswitchinterval(self.switch_interval)

    return inline


if __name__ == "__main__":
    run_in_fresh_database(parse_args(), prefix="bench-customers-", run=run)
