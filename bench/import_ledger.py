"""Benchmark: import generated ERP files (customers, invoices, receipts) on SQLite and PostgreSQL.

    .venv/bin/python bench/import_ledger.py [--invoices 1000000] [--customers 20000] [--database sqlite|postgres|both]

Generates the files once with `ardesk generate`, then for each database starts from an empty
installation and imports customers, invoices and receipts with `ardesk import`, each in its own
process, printing rows per second and the peak memory (maximum resident set) of the importing
process. Target (issue 3): at least 20,000 rows/s on PostgreSQL and peak memory under 500 MB.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARDESK = [sys.executable, "-m", "ardesk.cli"]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def run(args: list[str], env: dict, *, measure: bool = False) -> tuple[float, float, str]:
    """Run an ardesk command; return (seconds, peak MB of that process, output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    if measure and shutil.which("time") and Path("/usr/bin/time").exists():
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *ARDESK, *args], env=env, capture_output=True, text=True, check=False
        )
        peak_mb = int(result.stderr.strip().splitlines()[-1]) / 1024
    else:
        result = subprocess.run([*ARDESK, *args], env=env, capture_output=True, text=True, check=False)
        peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"ardesk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return seconds, peak_mb, result.stdout


def count_rows(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def bench(database: str, files: Path, pg_name: str) -> list[tuple]:
    data = Path(tempfile.mkdtemp(prefix=f"ardesk-import-{database}-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env["ARDESK_DATA_DIR"] = str(data)
    if database == "postgres":
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as pg:
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
        seconds, peak, output = run(
            ["import", kind, str(path), "--company", "BENCH", "--user", "boss"], env, measure=True
        )
        results.append((database, kind, rows, seconds, rows / seconds, peak))
        print(
            f"  {database:<9} {kind:<10} {rows:>10,} rows {seconds:8.1f} s {rows / seconds:>9,.0f} rows/s "
            f"peak {peak:6.0f} MB",
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
        seconds, _peak, output = run(
            ["generate", "--customers", str(args.customers), "--invoices", str(args.invoices), "--out", str(files)], env
        )
        print(f"generated in {seconds:.0f} s: {output.strip()}")
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = [row for database in databases for row in bench(database, files, args.pg_name)]
    print("\n| database | file | rows | seconds | rows/s | peak MB |\n|---|---|---:|---:|---:|---:|")
    for database, kind, rows, seconds, rate, peak in results:
        print(f"| {database} | {kind} | {rows:,} | {seconds:.1f} | {rate:,.0f} | {peak:.0f} |")
    for database in databases:
        rows = sum(r[2] for r in results if r[0] == database and r[1] != "customers")
        seconds = sum(r[3] for r in results if r[0] == database and r[1] != "customers")
        print(f"{database}: invoices + receipts {rows:,} rows in {seconds:.0f} s = {rows / seconds:,.0f} rows/s")


if __name__ == "__main__":
    main()
