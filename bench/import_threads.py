"""Benchmark: what an import's two threads do over time, to see whether Python and PostgreSQL overlap.

    .venv/bin/python bench/import_threads.py SCRIPT [ARGS...]
    .venv/bin/python bench/import_threads.py bench/customer_import.py --database postgres --file customers.csv
    DATABASE_URL=... .venv/bin/python bench/import_threads.py .venv/bin/ardesk import receipts receipts.csv \
        --company BENCH --user boss

Runs the script (or console command) in this process with the import's waits timed: psycopg's waits for
the database (``Connection.wait``) and the queue between the reading thread and the writer
(core.bulk.Writer). At the end of the import (``run_import``) it prints its wall time, this process's
CPU, its PostgreSQL backend's CPU, the writer thread's own CPU, the load average, and how the wall
time divides between the two threads' states, in milliseconds: ``db`` waiting for PostgreSQL,
``wait`` waiting for the other thread (queue or look-up), ``py`` running Python (or waiting for the
interpreter; for the writer also idle, or stopped). PostgreSQL and Python overlap in ``(py, db)``;
``(wait, db)`` is the database alone, ``(db, wait)`` the import's end (index builds, final update).
"""

from __future__ import annotations

import os
import queue
import resource
import runpy
import sys
import threading
import time
from collections import Counter
from pathlib import Path

RESOLUTION = 0.001  # seconds a slot of the timeline
_spans: list[tuple[str, str, float, float]] = []  # thread, state, start, end


def _timed(owner, name: str, state: str) -> None:
    original = getattr(owner, name)

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _spans.append((threading.current_thread().name, state, started, time.perf_counter()))

    setattr(owner, name, timed)


def _cpu_of(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def _states(started: float, ended: float) -> Counter:
    """Milliseconds of the import by (reading thread's state, writer's state)."""
    slots = int((ended - started) / RESOLUTION) + 1
    timeline = {"reader": [""] * slots, "writer": [""] * slots}
    for thread, state, start, end in _spans:
        if end < started or start > ended:
            continue
        row = timeline["reader" if thread == "MainThread" else "writer"]
        first, last = int((start - started) / RESOLUTION), int((end - started) / RESOLUTION)
        for slot in range(max(0, first), min(slots, last + 1)):
            row[slot] = state
    return Counter(zip((s or "py" for s in timeline["reader"]), (s or "py" for s in timeline["writer"]), strict=True))


def _instrument_import() -> None:
    from django.db import connection

    from ardesk.core import bulk
    from ardesk.ledger.imports import engine

    work = bulk.Writer._work

    def writer_work(self, raw):
        try:
            return work(self, raw)
        finally:
            print(f"writer thread CPU {time.thread_time():.2f} s", flush=True)

    bulk.Writer._work = writer_work
    run_import = engine.run_import

    def traced_run_import(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            (backend,) = cursor.fetchone()
        load, cpu, backend_cpu = _load(), _own_cpu(), _cpu_of(backend)
        started = time.perf_counter()
        try:
            return run_import(**kwargs)
        finally:
            ended = time.perf_counter()
            print(
                f"import: {ended - started:.2f} s wall, CPU {_own_cpu() - cpu:.2f} s python"
                f" + {_cpu_of(backend) - backend_cpu:.2f} s backend, load {load} to {_load()}",
                flush=True,
            )
            print("ms by (reading thread, writer thread):", flush=True)
            for (reader, writer), ms in _states(started, ended).most_common():
                print(f"  {reader:>4} {writer:>4} {ms:8,}", flush=True)

    engine.run_import = traced_run_import


def main() -> None:
    import django
    import psycopg

    _timed(psycopg.Connection, "wait", "db")
    for name in ("put", "get", "join"):
        _timed(queue.Queue, name, "wait")
    _timed(threading.Event, "wait", "wait")
    setup = django.setup

    def setup_and_instrument(*args, **kwargs):
        setup(*args, **kwargs)
        _instrument_import()

    django.setup = setup_and_instrument
    sys.argv = sys.argv[1:]
    sys.path.insert(0, str(Path(sys.argv[0]).resolve().parent))
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main()
