"""Benchmark: what the command line adds to a read-only report's query (process start to exit minus the query).

    ARDESK_DATA_DIR=... .venv/bin/python bench/cli_overhead.py [--as-of 2025-03-31] [--repeat 7]
        [--python OTHER_VENV/bin/python --cwd OTHER_CHECKOUT]   (the same commands with other code)
    .venv/bin/python bench/cli_overhead.py --init 3 [--pg-database cli_init]   (``ardesk init`` only)

For each command (aging as JSON, the KPIs as JSON, the dunning preview as JSON) it runs the whole
process ``--repeat`` times, output to /dev/null, and takes the median wall time and the median CPU
time (user + system) of the process. It then times the command's query alone in this process
(warm, the same median), so **overhead = process − query**: interpreter start, imports, Django
set-up, checks, argument parsing and writing the output. Target (issue 28): under 0.4 s.

The wall clock counts whatever else the machine runs; CPU time much less, so both are printed
(process CPU − query CPU is the overhead on a busy machine), with the load average.

Then, for each command once, ``python -X importtime``: the packages whose modules took the most time
to import (their own time, summed by top-level package; ARdesk's and Django's by app), wall time.

With ``--init N`` it times ``ardesk init`` instead, N times, each on a new PostgreSQL database
(created and dropped here) and in a new data folder: wall time, CPU time of the process and of the
PostgreSQL backends serving it (read from /proc while it runs). Target (issue 28): under 5 s.

The processes write and use bytecode (.pyc) as an installed ARdesk does, even where
PYTHONDONTWRITEBYTECODE is set: compiling ARdesk's sources at every start would add a fifth of a second.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fresh_database import pg_recreate
from import_ledger import PG_SERVER, BackendCpu

ROOT = Path(__file__).resolve().parent.parent


def commands(as_of: dt.date) -> dict[str, list[str]]:
    start = as_of.replace(day=1) - dt.timedelta(days=59)
    return {
        "aging": ["report", "aging", "--as-of", as_of.isoformat(), "--format", "json"],
        "kpi": [
            "report",
            "kpi",
            "--from",
            start.replace(day=1).isoformat(),
            "--to",
            as_of.isoformat(),
            "--format",
            "json",
        ],
        "dunning preview": ["dunning", "run", "--date", as_of.isoformat(), "--dry-run", "--format", "json"],
    }


def child_environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_process(python: str, cwd: str, args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as null:
        process = subprocess.Popen(
            [python, "-m", "ardesk.cli", *args], cwd=cwd, env=child_environment(), stdout=null, stderr=subprocess.PIPE
        )
        _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed: {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def init_seconds(python: str, cwd: str, database: str) -> tuple[float, float, float]:
    """(wall, CPU of the process, CPU of its PostgreSQL backends) of ``ardesk init`` on a new database."""
    pg_recreate(PG_SERVER, database)
    env = {**child_environment(), "DATABASE_URL": f"{PG_SERVER}/{database}"}
    arguments = [
        "--company-code",
        "INIT",
        "--company-name",
        "Init Co",
        "--admin",
        "boss",
        "--password",
        "Init-2026-pass",
    ]
    try:
        with tempfile.TemporaryDirectory(prefix="cli-init-") as data, BackendCpu(database) as backends:
            env["ARDESK_DATA_DIR"] = data
            started = time.perf_counter()
            process = subprocess.Popen(
                [python, "-m", "ardesk.cli", "init", *arguments, "--no-input"],
                cwd=cwd,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            _pid, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"ardesk init failed: {process.stderr.read().decode()[-2000:]}")
        return wall, usage.ru_utime + usage.ru_stime, backends.total
    finally:
        pg_recreate(PG_SERVER, database, drop_only=True)


def import_times(python: str, cwd: str, args: list[str], top: int) -> tuple[float, list[tuple[str, float]]]:
    """All imports' seconds, and the ``top`` packages by the seconds their modules took (``-X importtime``)."""
    result = subprocess.run(
        [python, "-X", "importtime", "-m", "ardesk.cli", *args],
        cwd=cwd,
        env=child_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    by_package: collections.Counter[str] = collections.Counter()
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _cumulative, module = line[len("import time:") :].split("|")
        parts = module.strip().split(".")
        package = ".".join(parts[:2]) if parts[0] in ("ardesk", "django") else parts[0]
        by_package[package] += int(own) / 1e6
    return sum(by_package.values()), by_package.most_common(top)


def query_seconds(name: str, as_of: dt.date, repeat: int) -> tuple[float, float]:
    """The median (wall, CPU) seconds of the command's query alone, in this process, after one warm-up.

    The CPU time is this process's only: on PostgreSQL the server's share is not counted.
    """
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    django.setup()
    from ardesk.collections import selectors as collections
    from ardesk.companies.models import Company
    from ardesk.reports import kpi_selectors, selectors

    companies = list(Company.objects.values_list("pk", flat=True))
    start = (as_of.replace(day=1) - dt.timedelta(days=59)).replace(day=1)
    queries = {
        "aging": lambda: selectors.aging(
            as_of=as_of, company_ids=companies, bucket_set=selectors.bucket_set_named(None, "due"), by="customer"
        ),
        "kpi": lambda: kpi_selectors.kpi_report(date_from=start, date_to=as_of, company_ids=companies, by="company"),
        "dunning preview": lambda: [
            collections.run_preview(company=company, run_on=as_of)
            for company in Company.objects.filter(is_active=True).order_by("code")
        ],
    }
    queries[name]()
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        queries[name]()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def time_init(options) -> None:
    print(f"code: {options.cwd}; {os.cpu_count()} cores; load average before {os.getloadavg()[0]:.1f}")
    print(f"{'ardesk init':<12} {'wall s':>7} {'process CPU s':>13} {'backend CPU s':>13}")
    runs = [init_seconds(options.python, options.cwd, options.pg_database) for _ in range(options.init)]
    for n, (wall, cpu, backend) in enumerate(runs, 1):
        print(f"{f'run {n}':<12} {wall:>7.2f} {cpu:>13.2f} {backend:>13.2f}")
    medians = [statistics.median(run[i] for run in runs) for i in range(3)]
    print(f"{'median':<12} {medians[0]:>7.2f} {medians[1]:>13.2f} {medians[2]:>13.2f}")
    print(f"load average after {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--as-of", default="2025-03-31")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--python", default=sys.executable, help="The interpreter of the code to measure")
    parser.add_argument("--cwd", default=str(ROOT), help="The checkout that interpreter runs")
    parser.add_argument("--import-top", type=int, default=12, help="Packages listed by import time (0: none)")
    parser.add_argument("--init", type=int, default=0, help="Time `ardesk init` this many times instead")
    parser.add_argument("--pg-database", default="cli_init", help="The PostgreSQL database --init creates and drops")
    options = parser.parse_args()
    if options.init:
        time_init(options)
        return
    as_of = dt.date.fromisoformat(options.as_of)
    print(f"ARDESK_DATA_DIR={os.environ.get('ARDESK_DATA_DIR', '')} DATABASE_URL={os.environ.get('DATABASE_URL', '')}")
    print(f"code: {options.cwd}; {os.cpu_count()} cores; load average before {os.getloadavg()[0]:.1f}")
    print(
        f"{'command':<16} {'process s':>9} {'query s':>8} {'overhead s':>10} | "
        f"{'process CPU s':>13} {'query CPU s':>11} {'overhead CPU s':>14}"
    )
    for name, args in commands(as_of).items():
        runs = [run_process(options.python, options.cwd, args) for _ in range(options.repeat)]
        wall = statistics.median(w for w, _c in runs)
        cpu = statistics.median(c for _w, c in runs)
        query, query_cpu = query_seconds(name, as_of, options.repeat)
        print(
            f"{name:<16} {wall:>9.2f} {query:>8.3f} {wall - query:>10.2f} | "
            f"{cpu:>13.2f} {query_cpu:>11.3f} {cpu - query_cpu:>14.2f}"
        )
    print(f"load average after {os.getloadavg()[0]:.1f}")
    if options.import_top:
        for name, args in commands(as_of).items():
            total, times = import_times(options.python, options.cwd, args, options.import_top)
            listed = ", ".join(f"{package} {seconds * 1000:.0f}" for package, seconds in times)
            print(f"{name}: imports {total:.2f} s (wall); the most, own ms by package: {listed}")


if __name__ == "__main__":
    main()
