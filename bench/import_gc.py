"""Benchmark: a dry run of an import in this process, with the time the garbage collector takes.

    DATABASE_URL=... ARDESK_DATA_DIR=... .venv/bin/python bench/import_gc.py invoices FILE [--freeze]

The database must hold the company BENCH, the user boss and the file's customers (as
import_ledger.py leaves them). A dry run reads and checks every row and writes nothing, so it
can be repeated on the same database; it prints the CPU time per row of this process, the part
of it spent in collections (each generation's count and seconds, from ``gc.callbacks``), the
objects the collector tracks at the end, the peak resident memory and the load average.
``--freeze`` moves every object alive once the importer has loaded its look-ups into the
collector's permanent generation (``gc.freeze()``), so later full collections skip them.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import time
from pathlib import Path

import django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind")
    parser.add_argument("file")
    parser.add_argument("--freeze", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ardesk.config.settings")
    django.setup()
    from django.contrib.auth import get_user_model

    from ardesk.companies.models import Company
    from ardesk.ledger.imports import engine

    spent = [0.0, 0.0, 0.0]
    count = [0, 0, 0]
    started = [0.0]

    def timed(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            spent[info["generation"]] += time.process_time() - started[0]
            count[info["generation"]] += 1

    gc.callbacks.append(timed)
    if args.freeze:
        every_chunk = engine.chunks

        def frozen_first(table):
            gc.collect()
            gc.freeze()
            yield from every_chunk(table)

        engine.chunks = frozen_first
    company = Company.objects.get(code="BENCH")
    user = get_user_model().objects.get(username="boss")
    cpu, wall = time.process_time(), time.perf_counter()
    with Path(args.file).open("rb") as handle:
        report = engine.run_import(
            kind=args.kind, handle=handle, file_name=Path(args.file).name, company=company, user=user, dry_run=True
        )
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    rows = report.rows
    generations = ", ".join(f"gen{g} {count[g]:,} in {spent[g]:.1f} s" for g in range(3))
    print(
        f"{args.kind}: {rows:,} rows, {report.problem_count} problems; CPU {cpu / rows * 1e6:.1f} µs/row, "
        f"of which gc {sum(spent) / rows * 1e6:.2f} ({generations}); wall {wall:.0f} s; "
        f"{len(gc.get_objects()):,} objects tracked at the end; "
        f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB; load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
