"""Benchmark: 100,000 credit limits taken over from an old system: prepared by an analyst, approved by a manager.

    .venv/bin/python bench/credit_limits.py --database postgres [--limits 100000] [--db-name credit_bench]
    .venv/bin/python bench/credit_limits.py --database sqlite --limits 10000

A fresh database each run (PostgreSQL ``--db-name``, created and dropped, server from --pg-url or
BENCH_PG_URL; or SQLite in a temporary ARDESK_DATA_DIR), set up as ``ardesk init`` does. Then, each
step timed in this process (wall, CPU of this process, CPU of its PostgreSQL backend, load average):

* customers: ``ardesk generate --customers N`` writes the file, the customer import reads it (with
  each customer's status and audit event);
* file: a credit-limit file of one row per customer (limit, validity, grade, term, the old system's
  approval) is written;
* prepare: the analyst imports it (``ardesk import credit-limits``): checked, kept as a batch;
* approve: a finance manager approves the batch (``ardesk credit limits approve``): every account's
  limit set, each change in the audit trail.

Targets (issue 28): 100,000 customers imported under 10 s on PostgreSQL; prepare and approve each
well under 10 s.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from fresh_database import database_arguments, run_in_fresh_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    database_arguments(parser, db_name="credit_bench")
    parser.add_argument("--limits", type=int, default=100_000, help="customers, and one limit each")
    return parser.parse_args()


def main() -> None:
    run_in_fresh_database(parse_args(), prefix="bench-credit-limits-", run=run)


class Step:
    """Wall time, this process's CPU and its database backend's CPU over a step, printed at its end."""

    def __init__(self, name: str, rows: int, backend_pid: int | None):
        self.name, self.rows, self.backend_pid = name, rows, backend_pid

    def __enter__(self) -> Step:
        self.load = _load()
        self.cpu, self.backend = _own_cpu(), _process_cpu(self.backend_pid)
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        wall = time.perf_counter() - self.started
        cpu, backend = _own_cpu() - self.cpu, _process_cpu(self.backend_pid) - self.backend
        per_row = f"{cpu / self.rows * 1e6:.0f} µs/row python"
        if self.backend_pid:
            per_row += f" + {backend / self.rows * 1e6:.0f} µs/row backend"
        print(
            f"{self.name:<10} {self.rows:>9,} rows {wall:7.2f} s wall, CPU {cpu:6.2f} s python"
            f" + {backend:6.2f} s backend ({per_row}), load {self.load} to {_load()}",
            flush=True,
        )


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int | None) -> float:
    """User and system CPU seconds of a process (the database backend, on the same machine)."""
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


LIMIT_HEADERS = ["customer", "limit", "currency", "valid to", "grade", "max term", "approved by", "approved on"]


def write_limits(customers: Path, limits: Path, today: dt.date) -> int:
    """One limit per customer of the customer file, as an old system exports them; the number written."""
    count = 0
    with customers.open(encoding="utf-8") as source, limits.open("w", newline="", encoding="utf-8") as target:
        reader, writer = csv.DictReader(source), csv.writer(target)
        writer.writerow(LIMIT_HEADERS)
        for index, row in enumerate(reader):
            limit = f"{(index % 500 + 1) * 10_000}.00"  # 10,000.00 to 5,000,000.00 CNY
            valid_to = (today + dt.timedelta(days=180 + index % 365)).isoformat()
            grade = "ABCD"[index % 4]
            approved_on = (today - dt.timedelta(days=1 + index % 300)).isoformat()
            writer.writerow([row["code"], limit, "CNY", valid_to, grade, 30 + index % 4 * 15, "王经理", approved_on])
            count += 1
    return count


def run(args: argparse.Namespace) -> None:
    from django.core.management import call_command
    from django.db import connection

    from ardesk.accounts import roles
    from ardesk.accounts.services import user_create
    from ardesk.audit.selectors import chain_break
    from ardesk.companies.models import Company
    from ardesk.core import clock
    from ardesk.credit.models import CreditAccount, CreditLimitBatch
    from ardesk.credit.services import limit_batch_decide
    from ardesk.ledger.imports.engine import run_import

    print(f"Credit-limit benchmark on {connection.vendor}, {os.cpu_count()} cores, {args.limits:,} limits")
    call_command(
        "init",
        company_code="SH01",
        company_name="星辰实业（上海）有限公司",
        admin="boss",
        password="Bench-pass-2026",
        no_input=True,
        verbosity=0,
    )
    password = "Bench-pass-2026"
    user_create(username="analyst", password=password, roles=[roles.CREDIT_ANALYST], companies=["SH01"])
    manager = user_create(username="manager", password=password, roles=[roles.FINANCE_MANAGER], companies=["SH01"])
    for name in ("collector", "collector2"):
        user_create(username=name, password=password, roles=[roles.COLLECTOR], companies=["SH01"])
    from django.contrib.auth import get_user_model

    analyst = get_user_model().objects.get(username="analyst")
    boss = get_user_model().objects.get(username="boss")
    company = Company.objects.get(code="SH01")
    folder = Path(tempfile.mkdtemp(prefix="bench-credit-limits-files-"))
    call_command("generate", customers=args.limits, out=str(folder), verbosity=0)
    backend_pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend_pid = cursor.fetchone()[0]

    def imported(kind: str, path: Path, user):
        with path.open("rb") as handle:
            report = run_import(kind=kind, handle=handle, file_name=path.name, company=company, user=user)
        if not report.ok:
            raise SystemExit(f"{kind}: {[str(p) for p in report.problems[:5]]}")
        return report

    with Step("customers", args.limits, backend_pid):
        imported("customers", folder / "customers.csv", boss)
    with Step("file", args.limits, None):
        count = write_limits(folder / "customers.csv", folder / "limits.csv", clock.today())
    with Step("prepare", count, backend_pid):
        report = imported("credit-limits", folder / "limits.csv", analyst)
    batch = CreditLimitBatch.objects.get(import_batch_id=report.batch_id)
    with Step("approve", count, backend_pid):
        limit_batch_decide(by=manager, batch=batch, approve=True)
    limited = CreditAccount.objects.filter(company=company, limit__isnull=False).count()
    print(f"accounts with a limit: {limited:,}; audit trail intact: {chain_break() is None}")


if __name__ == "__main__":
    main()
