"""Benchmark: import generated ERP files (customers, invoices, receipts) on SQLite and PostgreSQL.

    .venv/bin/python bench/import_ledger.py [--invoices 1000000] [--customers 20000] [--database sqlite|postgres|both]

Generates the files once with `ardesk generate`, then for each database starts from an empty
installation and imports customers, invoices and receipts with `ardesk import`, each in its own
process, printing rows per second and the peak memory (maximum resident set) of the importing
process. Target (issue 3): at least 20,000 rows/s on PostgreSQL and peak memory under 500 MB.

Because the wall clock measures whatever else the machine runs, each file's line also gives the
load average before and after, and the CPU time per row of the importing process and (on
PostgreSQL) of the database backends serving it, read from /proc while the import runs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARDESK = [sys.executable, "-m", "ardesk.cli"]
# Another PostgreSQL server (one tuned for production, say): BENCH_PG_URL.
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")


class BackendCpu:
    """CPU seconds spent by the PostgreSQL backends connected to one database while it runs.

    Polls ``pg_stat_activity`` and /proc (same machine) every 0.2 s and keeps each backend's
    latest reading, so the last fraction of a second of a backend that has exited is missed.
    """

    def __init__(self, database: str):
        import psycopg

        self.database = database
        self.pg = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True)
        self.seconds: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self.stop.wait(0.2):
            pids = self.pg.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [self.database]
            ).fetchall()
            for (pid,) in pids:
                seconds = process_cpu(pid)
                if seconds is not None:
                    self.seconds[pid] = seconds

    def __enter__(self) -> BackendCpu:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()
        self.pg.close()

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def process_cpu(pid: int) -> float | None:
    """User and system CPU seconds of a process so far, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def run(args: list[str], env: dict, *, measure: bool = False) -> tuple[float, float, float | None, str]:
    """Run an ardesk command; return (seconds, peak MB and CPU seconds of that process, output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    cpu = None
    if measure and shutil.which("time") and Path("/usr/bin/time").exists():
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%M %U %S", *ARDESK, *args], env=env, capture_output=True, text=True, check=False
        )
        peak_kb, user, system = result.stderr.strip().splitlines()[-1].split()
        peak_mb, cpu = int(peak_kb) / 1024, float(user) + float(system)
    else:
        result = subprocess.run([*ARDESK, *args], env=env, capture_output=True, text=True, check=False)
        peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"ardesk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return seconds, peak_mb, cpu, result.stdout


def count_rows(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def bench(database: str, files: Path, pg_name: str) -> list[tuple]:
    data = Path(tempfile.mkdtemp(prefix=f"ardesk-import-{database}-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env["ARDESK_DATA_DIR"] = str(data)
    if database == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as pg:
            pg.execute(f"DROP DATABASE IF EXISTS {pg_name}")
            pg.execute(f"CREATE DATABASE {pg_name}")
        env["DATABASE_URL"] = f"{PG_SERVER}/{pg_name}"
    run(
        [
            "init",
            "--company-code",
            "BENCH",
            "--company-name",
            "Bench Co",
            "--admin",
            "boss",
            "--password",
            "Bench-pass-2026",
            "--no-input",
        ],
        env,
    )
    run(
        [
            "shell",
            "-c",
            "from ardesk.accounts.services import user_create\n"
            "for name in ('collector', 'collector2', 'analyst'):\n"
            "    user_create(username=name, password='Bench-pass-2026', validate=False)",
        ],
        env,
    )
    results = []
    for kind in ("customers", "invoices", "receipts"):
        path = files / f"{kind}.csv"
        rows = count_rows(path)
        load_before = load()
        backend = BackendCpu(pg_name) if database == "postgres" else contextlib.nullcontext()
        with backend:
            seconds, peak, cpu, output = run(
                ["import", kind, str(path), "--company", "BENCH", "--user", "boss"], env, measure=True
            )
        loads = f"{load_before} to {load()}"
        results.append((database, kind, rows, seconds, rows / seconds, peak, loads))
        per_row = f"python {cpu / rows * 1e6:.0f} µs/row" if cpu is not None else ""
        if database == "postgres":
            per_row += f", backend {backend.total / rows * 1e6:.0f} µs/row"
        print(
            f"  {database:<9} {kind:<10} {rows:>10,} rows {seconds:8.1f} s {rows / seconds:>9,.0f} rows/s "
            f"peak {peak:6.0f} MB, CPU {per_row}, load {loads}",
            flush=True,
        )
    shutil.rmtree(data, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--files", help="reuse generated files in this directory")
    parser.add_argument("--pg-name", default="ardesk_bench_import", help="PostgreSQL database to (re)create")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    files = Path(args.files) if args.files else Path(tempfile.mkdtemp(prefix="ardesk-import-files-"))
    if not (files / "invoices.csv").exists():
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["ARDESK_DATA_DIR"] = str(files / "var")
        seconds, _peak, _cpu, output = run(
            ["generate", "--customers", str(args.customers), "--invoices", str(args.invoices), "--out", str(files)], env
        )
        print(f"generated in {seconds:.0f} s: {output.strip()}")
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = [row for database in databases for row in bench(database, files, args.pg_name)]
    print("\n| database | file | rows | seconds | rows/s | peak MB | load average |\n|---|---|---:|---:|---:|---:|---|")
    for database, kind, rows, seconds, rate, peak, loads in results:
        print(f"| {database} | {kind} | {rows:,} | {seconds:.1f} | {rate:,.0f} | {peak:.0f} | {loads} |")
    for database in databases:
        rows = sum(r[2] for r in results if r[0] == database and r[1] != "customers")
        seconds = sum(r[3] for r in results if r[0] == database and r[1] != "customers")
        print(f"{database}: invoices + receipts {rows:,} rows in {seconds:.0f} s = {rows / seconds:,.0f} rows/s")


if __name__ == "__main__":
    main()
