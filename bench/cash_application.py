"""Benchmark: cash application accuracy and speed on generated bank statements against their ground truth.

    .venv/bin/python bench/cash_application.py [--customers 1000] [--invoices 10000] [--months 3]
        [--database sqlite|postgres] [--db-name NAME] [--snapshot | --from-snapshot FOLDER]

1. A fresh installation (a temporary data directory; on PostgreSQL a database ``ardesk_bench_cash``).
2. ``ardesk generate --bank-months N``: customers, 24 months of invoices, receipts and credit notes,
   and the company's bank statements for the receipts of the last N months with their noise, plus
   ``bank-ground-truth.csv`` (which customer and invoices each line pays).
3. Loads the customers (with their bank accounts, through the demo loader), all invoices, and the
   receipts, credit notes and allocations dated before the statements: the ledger as it stood
   when the first statement arrived. The receipts of the statement period are NOT loaded: finding
   them is the matcher's job.
4. Imports every monthly statement (they overlap by three days: the overlap must add nothing) with
   ``statement_import``, which matches and posts through the ledger's services, and times it.
5. Compares with the truth: the share of incoming lines applied automatically; the precision of the
   automatic applications (right customer; right customer and exactly the right invoices); for the
   lines left in the queue, the share whose right customer is among the top three suggestions.

On PostgreSQL, ``--snapshot`` copies the database as it stands after step 4's import, before any
matching, to ``<db-name>_imported`` and keeps the generated files; ``--from-snapshot FOLDER`` (that
folder, printed by the first run) starts again from that copy and only matches, posts and compares:
a change to the matcher is measured in a minute instead of a reload.

Targets (issue 20): automatic ≥ 90 %, precision ≥ 99.5 %, right answer in the top three ≥ 95 %.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Another PostgreSQL server (one tuned for production, say): BENCH_PG_URL.
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")


def pg_copy(source: str, target: str) -> None:
    """Drop ``target`` and create it as a copy of ``source`` (or empty when ``source`` is None)."""
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        pg.execute(f'CREATE DATABASE "{target}"' + (f' TEMPLATE "{source}"' if source else ""))


class BackendsCpu:
    """The CPU seconds of the PostgreSQL backends connected to one database, read from /proc while they run.

    Sampled every 0.2 s by a process of its own (a thread would share the matcher's interpreter lock);
    each backend's last sample is kept, so one that ends between two samples loses at most 0.2 s.
    None when the server's processes cannot be read (another machine).
    """

    def __init__(self, database: str) -> None:
        import multiprocessing

        self.reader, writer = multiprocessing.Pipe(duplex=False)
        self.stop = multiprocessing.Event()
        self.process = multiprocessing.get_context("fork").Process(
            target=self._watch, args=(database, writer), daemon=True
        )
        self.process.start()
        self.reader.recv()  # the backends already connected are read before the work starts

    def _watch(self, database: str, writer) -> None:
        import psycopg

        tick, readable = os.sysconf("SC_CLK_TCK"), True
        before: dict[int, float] = {}
        seen: dict[int, float] = {}
        query = "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            first = True
            while first or not self.stop.wait(0.2):
                for (pid,) in conn.execute(query, [database]).fetchall():
                    try:
                        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    except FileNotFoundError:
                        continue
                    except OSError:
                        readable = False
                        continue
                    seen[pid] = (int(fields[11]) + int(fields[12])) / tick
                    if first:
                        before[pid] = seen[pid]
                if first:
                    writer.send("ready")
                    first = False
        writer.send(sum(seen.values()) - sum(before.values()) if readable else None)

    def seconds(self) -> float | None:
        """Stop watching: the backends' CPU seconds since the start (of those that ran meanwhile)."""
        self.stop.set()
        seconds = self.reader.recv()
        self.process.join()
        return seconds


def process_cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of the children it has waited for (the process it posted in)."""
    times = os.times()
    return times.user + times.system, times.children_user + times.children_system


def setup(database: str, db_name: str = "ardesk_bench_cash", template: str | None = None, data: Path | None = None):
    data = data or Path(tempfile.mkdtemp(prefix="ardesk-cash-"))
    os.environ["ARDESK_DATA_DIR"] = str(data)
    os.environ.pop("DATABASE_URL", None)
    if database == "postgres":
        pg_copy(template, db_name)
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{db_name}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return data


def filtered(source: Path, target: Path, keep) -> int:
    with source.open(encoding="utf-8") as handle, target.open("w", newline="", encoding="utf-8") as out:
        reader = csv.DictReader(handle)
        writer = csv.DictWriter(out, reader.fieldnames)
        writer.writeheader()
        rows = [row for row in reader if keep(row)]
        writer.writerows(rows)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--invoices", type=int, default=10000)
    parser.add_argument("--months", type=int, default=3)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument("--db-name", default="ardesk_bench_cash", help="PostgreSQL database to create")
    parser.add_argument("--snapshot", action="store_true", help="Copy the database after the import (PostgreSQL)")
    parser.add_argument("--from-snapshot", type=Path, help="Match again from the copy: the folder of its files")
    parser.add_argument("--snapshot-db", help="The copy's database name (default: <db-name>_imported)")
    parser.add_argument(
        "--lines", type=int, help="Match only the first N incoming lines (in date order), as issue 20's 100,000"
    )
    parser.add_argument(
        "--no-matching-only",
        action="store_true",
        help="Skip the matching-only pass: match and post the freshly imported lines once, as a user's run does",
    )
    args = parser.parse_args()
    if (args.snapshot or args.from_snapshot) and args.database != "postgres":
        parser.error("--snapshot and --from-snapshot need --database postgres")
    snapshot = args.snapshot_db or f"{args.db_name}_imported"
    # The copy's encrypted fields need the key of its data directory.
    data = Path((args.from_snapshot / "data-dir").read_text()) if args.from_snapshot else None
    data = setup(args.database, args.db_name, template=snapshot if args.from_snapshot else None, data=data)

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from ardesk.banking import services
    from ardesk.banking.models import Application, BankAccount, LineStatus, StatementLine
    from ardesk.companies.models import Company, CompanyGrant
    from ardesk.core.bulk import refresh_statistics
    from ardesk.customers.models import Customer
    from ardesk.demo.generator import demo_customers
    from ardesk.demo.loader import load_customers
    from ardesk.ledger.imports.engine import run_import
    from ardesk.ledger.models import Allocation

    if args.from_snapshot:
        files, loaded, imported, timings = args.from_snapshot, 0.0, 0.0, []
        boss = get_user_model().objects.get(username="boss")
    else:
        anchor = dt.date(2026, 1, 1)
        files = Path(tempfile.mkdtemp(prefix="ardesk-cash-files-"))
        started = time.perf_counter()
        call_command(
            "generate",
            customers=args.customers,
            invoices=args.invoices,
            out=str(files),
            seed=args.seed,
            anchor=anchor,
            bank_months=args.months,
            stdout=open(os.devnull, "w"),  # noqa: SIM115 - the command's own report is not the benchmark's
        )
        company = Company.objects.create(code="SH01", name="星辰实业（上海）有限公司", functional_currency="CNY")
        boss = get_user_model().objects.create_superuser(username="boss", password="Bench-pass-2026")
        CompanyGrant.objects.create(user=boss, company=company)
        load_customers(
            demo_customers(count=args.customers, seed=args.seed, anchor=anchor, companies=("SH01",)),
            companies={"SH01": company},
            users={},
            audit=False,
        )
        statements = sorted((files / "bank").glob("statement-*.csv"))
        since = dt.date.fromisoformat(statements[0].stem.removeprefix("statement-") + "-01")
        before = lambda row: dt.date.fromisoformat(row["date"]) < since  # noqa: E731
        filtered(files / "receipts.csv", files / "receipts-before.csv", before)
        filtered(files / "credit-notes.csv", files / "credit-notes-before.csv", before)
        with (
            (files / "receipts-before.csv").open(encoding="utf-8") as a,
            (files / "credit-notes-before.csv").open(encoding="utf-8") as b,
        ):
            sources = {row["number"] for row in csv.DictReader(a)} | {row["number"] for row in csv.DictReader(b)}
        filtered(files / "allocations.csv", files / "allocations-before.csv", lambda row: row["receipt"] in sources)
        for kind, name in (
            ("invoices", "invoices.csv"),
            ("receipts", "receipts-before.csv"),
            ("credit-notes", "credit-notes-before.csv"),
            ("allocations", "allocations-before.csv"),
        ):
            with (files / name).open("rb") as handle:
                report = run_import(kind=kind, handle=handle, file_name=name, company=company, user=boss)
            if not report.ok:
                raise SystemExit(f"{name}: {report.problems[:3]}")
        refresh_statistics()
        loaded = time.perf_counter() - started
        account = BankAccount.objects.create(
            company=company, code="ICBC01", name="工行基本户", account_number="1001234567890123456"
        )
        timings = []
        tick = time.perf_counter()
        for path in statements:
            result = services.statement_import(
                by=boss, account=account, name=path.name, content=path.read_bytes(), match=False
            )
            if result.problems:
                raise SystemExit(f"{path.name}: {result.problems[:3]}")
            timings.append((path.name, result.lines, result.new))
        imported = time.perf_counter() - tick
        if args.snapshot:
            from django.db import connections

            connections.close_all()
            pg_copy(args.db_name, snapshot)
            (files / "data-dir").write_text(str(data))
            print(f"snapshot {snapshot}; files in {files} (--from-snapshot {files})")
    waiting = StatementLine.objects.filter(status=LineStatus.OPEN)
    if args.lines:
        from django.db.models import Q

        ordered = waiting.filter(amount__gt=0).order_by("booked_on", "id").values_list("booked_on", "id")
        last_on, last_id = ordered[args.lines - 1]
        chosen = Q(booked_on__lt=last_on) | Q(booked_on=last_on, id__lte=last_id)
        waiting = waiting.filter(chosen)
    StatementLine.objects.exists()  # the connection opened, so that its backend is watched from the start
    if not args.no_matching_only:
        watch = BackendsCpu(args.db_name) if args.database == "postgres" else None
        tick, cpu, load = time.perf_counter(), process_cpu(), os.getloadavg()[0]
        services.lines_match(by=boss, lines=waiting, post=False)
        ranked, ranked_cpu = time.perf_counter() - tick, [b - a for a, b in zip(cpu, process_cpu(), strict=True)]
        ranked_backends, ranked_load = watch.seconds() if watch else None, (load, os.getloadavg()[0])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    watch = BackendsCpu(args.db_name) if args.database == "postgres" else None
    tick, cpu, load = time.perf_counter(), process_cpu(), os.getloadavg()[0]
    with CaptureQueriesContext(connection) as queries:
        matched = services.lines_match(by=boss, lines=waiting)
    posted, posted_cpu = time.perf_counter() - tick, [b - a for a, b in zip(cpu, process_cpu(), strict=True)]
    posted_backends, posted_load = watch.seconds() if watch else None, (load, os.getloadavg()[0])
    truth = {row["serial"]: row for row in csv.DictReader((files / "bank" / "bank-ground-truth.csv").open())}
    codes = dict(Customer.objects.values_list("pk", "code"))
    lines = StatementLine.objects.filter(amount__gt=0)
    lines = list(lines.filter(chosen) if args.lines else lines)
    invoices_of: dict[int, set[str]] = {}
    for line_id, number in Allocation.objects.filter(
        source__bank_application__isnull=False, source__doc_type="receipt"
    ).values_list("source__bank_application__line_id", "line__document__number"):
        invoices_of.setdefault(line_id, set()).add(number)
    customer_of = dict(Application.objects.values_list("line_id", "customer_id"))
    auto = [line for line in lines if line.status == LineStatus.AUTO]
    queued = [line for line in lines if line.status == LineStatus.OPEN]
    right_customer = sum(codes[customer_of[line.pk]] == truth[line.bank_ref]["customer"] for line in auto)

    def truth_invoices(line) -> set[str]:
        text = truth[line.bank_ref]["invoices"]
        return {part.split("=")[0] for part in text.split(";") if part}

    exact = sum(
        codes[customer_of[line.pk]] == truth[line.bank_ref]["customer"]
        and invoices_of.get(line.pk, set()) == truth_invoices(line)
        for line in auto
    )
    # Applied at invoice level: the receipt paid invoices. The others were left on account (a part
    # payment naming no invoice): the customer's balance is right, the invoices wait for a person.
    at_invoice_level = [line for line in auto if invoices_of.get(line.pk)]
    exact_invoices = [
        line
        for line in at_invoice_level
        if codes[customer_of[line.pk]] == truth[line.bank_ref]["customer"]
        and invoices_of[line.pk] == truth_invoices(line)
    ]
    in_top3 = sum(
        truth[line.bank_ref]["customer"] in {codes.get(s["customer_id"]) for s in line.suggestions[:3]}
        for line in queued
    )
    noise_queued = Counter(tag for line in queued for tag in truth[line.bank_ref]["noise"].split())
    wrong = [line for line in auto if codes[customer_of[line.pk]] != truth[line.bank_ref]["customer"]]

    print(
        f"database {args.database}; {args.customers:,} customers, {args.invoices:,} invoices; loaded in {loaded:.1f} s"
    )
    for name, count, new in timings:
        print(f"  {name}: {count:>7,} lines, {new:>7,} new")
    total = len(lines)
    print(f"incoming lines {total:,}: automatic {len(auto):,} ({len(auto) / total:.1%}), queued {len(queued):,}")
    if auto:
        share, both = right_customer / len(auto), exact / len(auto)
        print(f"precision of automatic: customer {share:.2%}, customer and invoices {both:.2%}")
        on_account = len(auto) - len(at_invoice_level)
        print(
            f"applied to invoices {len(at_invoice_level):,}, left on account {on_account:,}; precision of the"
            f" applications to invoices (customer and exactly the invoices): "
            f"{len(exact_invoices) / max(len(at_invoice_level), 1):.2%}"
        )
        exact_pks = {line.pk for line in exact_invoices}
        for line in [line for line in at_invoice_level if line.pk not in exact_pks][:10]:
            print(
                "  other invoices:",
                line.remittance,
                line.amount,
                truth[line.bank_ref]["invoices"],
                sorted(invoices_of[line.pk]),
                [r["code"] for r in line.reasons],
            )
    if queued:
        print(f"queued with the right customer in the top three: {in_top3 / len(queued):.1%}")
    print("noise of the queued lines:", dict(noise_queued.most_common()))
    # Why they wait: the reasons of each queued line's first suggestion, and whether it is the right customer.
    why_queued = Counter(
        (
            " ".join(sorted({r["code"] for r in line.reasons})),
            bool(line.suggestions)
            and codes.get(line.suggestions[0]["customer_id"]) == truth[line.bank_ref]["customer"],
        )
        for line in queued
    )
    for (codes_, right), count in why_queued.most_common(15):
        print(f"  queued {count:>6,}: first suggestion {'right' if right else 'other'}; {codes_ or 'no candidate'}")
    if os.environ.get("BENCH_SHOW_QUEUED"):
        for line in queued[: int(os.environ["BENCH_SHOW_QUEUED"])]:
            t = truth[line.bank_ref]
            print(
                "  queued:",
                line.payer_name,
                "|",
                line.remittance,
                "|",
                line.amount,
                t["customer"],
                t["invoices"],
                t["noise"],
                line.confidence,
                [r["code"] for r in line.reasons],
            )
    for line in wrong[:10]:
        print(
            "  wrong:", line.bank_ref, line.payer_name, line.remittance, truth[line.bank_ref]["customer"], line.reasons
        )
    print(f"import of {len(timings)} files (read, check, store {total:,} new lines): {imported:.1f} s")
    # The run's decisions in one figure, to compare two versions of the code on the same snapshot:
    # each line's status, confidence, reasons and suggestions, and what its receipts paid.
    import hashlib
    import json

    digest = hashlib.sha256()
    for line in sorted(lines, key=lambda line: line.bank_ref):
        values = [line.bank_ref, line.status, str(line.confidence), line.reasons, line.suggestions]
        digest.update(json.dumps(values, sort_keys=True).encode())
    paid = Allocation.objects.filter(source__bank_application__isnull=False).values_list(
        "source__bank_application__line__bank_ref", "source__number", "line__document__number", "amount"
    )
    for row in sorted(paid):
        digest.update(repr(row).encode())
    print(f"decisions fingerprint {digest.hexdigest()[:16]} (lines, their suggestions and the receipts' allocations)")

    def backends(seconds: float | None) -> str:
        if seconds is None:
            return "CPU of PostgreSQL's backends not readable here"
        return f"CPU of PostgreSQL's backends {seconds:.1f} s ({seconds / total * 1000:.2f} ms a line)"

    def cpu(seconds: list[float]) -> str:
        own, children = seconds
        return (
            f"CPU of this process {own:.1f} s and of the posting process {children:.1f} s,"
            f" {own + children:.1f} s ({(own + children) / total * 1000:.2f} ms a line)"
        )

    if not args.no_matching_only:
        rate = total / ranked
        print(
            f"matching only (candidates loaded in bulk, ranked, suggestions stored): {ranked:.1f} s"
            f" ({rate:,.0f} lines/s), load {ranked_load[0]:.1f} -> {ranked_load[1]:.1f}; {cpu(ranked_cpu)};"
            f" {backends(ranked_backends)}"
        )
    print(
        f"matching and posting {matched}: {posted:.1f} s ({total / posted:,.0f} lines/s),"
        f" load {posted_load[0]:.1f} -> {posted_load[1]:.1f}; {len(queries.captured_queries):,} queries on the"
        f" matcher's connection (batches posted beside it not counted); {cpu(posted_cpu)}; {backends(posted_backends)}"
    )
    from django.test import Client

    client = Client(SERVER_NAME="localhost")
    client.force_login(boss)

    def desk(when: str) -> None:
        for path in ("/banking/", "/banking/?status="):
            client.get(path)  # warm-up
            times = []
            for _ in range(5):
                tick, cpu = time.perf_counter(), time.process_time()
                with CaptureQueriesContext(connection) as queries:
                    assert client.get(path).status_code == 200
                times.append(((time.perf_counter() - tick) * 1000, (time.process_time() - cpu) * 1000))
            wall, cpu = sorted(times)[2]
            print(
                f"cash desk {path} {when}: median {wall:.0f} ms over 5 requests (server time, test client;"
                f" CPU of this process {cpu:.0f} ms), {len(queries.captured_queries)} queries"
            )

    desk("right after the run")
    if args.database == "postgres":
        # Every line was written twice (suggestions, then posting): the dead rows are what
        # autovacuum clears after a run this size (it is off on some servers, the shared one here).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) banking_statementline")
        desk("after VACUUM (ANALYZE) of the lines, as autovacuum does")


if __name__ == "__main__":
    main()
