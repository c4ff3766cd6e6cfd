"""Shards of a long job: ranges of ids of nearly equal size, done by forked processes."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from django.db import connection

from ardesk.core.parallel import Worker, id_ranges, in_processes


def test_ids_are_split_into_ranges_holding_nearly_as_many_each():
    assert id_ranges([1, 2, 3, 5, 8, 13, 21], 3) == [(1, 3), (5, 8), (13, 21)]
    assert id_ranges([4, 9], 5) == [(4, 4), (9, 9)]
    assert id_ranges([], 3) == []


def _write_or_fail(folder: str, shard: int) -> None:
    if shard == 2:
        raise RuntimeError("shard 2 fails")
    with open(os.path.join(folder, f"shard-{shard}"), "w") as handle:
        handle.write(str(os.getpid()))


def test_each_shard_runs_in_a_process_of_its_own_and_a_failing_one_is_named_by_its_exit_code(tmp_path):
    watched = []
    codes = in_processes(
        _write_or_fail, [(str(tmp_path), n) for n in range(4)], workers=2, watch=lambda: watched.append(1), every=0.05
    )
    assert codes == [0, 0, 1, 0]
    pids = {(tmp_path / f"shard-{n}").read_text() for n in (0, 1, 3)}
    assert len(pids) == 3 and str(os.getpid()) not in pids
    assert watched


def test_from_a_thread_of_the_web_server_the_processes_are_started_afresh_not_forked(tmp_path, monkeypatch):
    import multiprocessing
    import threading

    methods = []
    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: methods.append(method) or real(method))
    result = {}
    thread = threading.Thread(
        target=lambda: result.update(
            codes=in_processes(_write_or_fail, [(str(tmp_path), 0), (str(tmp_path), 1)], workers=2)
        )
    )
    thread.start()
    thread.join(timeout=120)
    assert result["codes"] == [0, 0]
    assert methods == ["spawn"]
    assert {(tmp_path / f"shard-{n}").exists() for n in (0, 1)} == {True}


def _note_the_connection(folder: str, shard: int) -> None:
    inherited = connection.connection is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    Path(folder, f"shard-{shard}").write_text("inherited" if inherited else "own")


@pytest.fixture
def no_running_event_loop():
    """The main thread as in a command or a worker: no asyncio loop marked as running in it.

    After a browser test in the same process, Playwright's loop counts as running in the main
    thread, and Django then keeps its connections per async context, not per thread. A forked
    process, where that loop does not run (another process id), would read the thread's other
    store of connections: not what a command's processes see.
    """
    loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    yield
    asyncio.events._set_running_loop(loop)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("no_running_event_loop")
def test_no_process_inherits_its_parents_database_connection_even_after_the_watch_used_it(tmp_path):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite database is never closed: its processes share it by design")

    def watch():  # a progress bar reads the database between the processes' starts
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")

    codes = in_processes(
        _note_the_connection, [(str(tmp_path), n) for n in range(3)], workers=1, watch=watch, every=0.01
    )
    assert codes == [0, 0, 0]
    assert {path.read_text() for path in tmp_path.iterdir()} == {"own"}
    with connection.cursor() as cursor:  # and the parent's own connection still answers
        cursor.execute("SELECT 1")


def _square_or_fail(number: int) -> int:
    if number < 0:
        raise ValueError(f"{number} is negative")
    return number * number


def test_a_worker_does_the_jobs_sent_to_it_in_order_in_a_process_of_its_own():
    worker = Worker(_square_or_fail)
    for number in (3, 1, 2):
        worker.submit(number)
    assert worker.results() == [9, 1, 4]
    assert worker.process.pid != os.getpid()


def test_a_worker_raises_the_error_of_the_first_job_that_failed():
    worker = Worker(_square_or_fail)
    for number in (3, -1, -2):
        worker.submit(number)
    with pytest.raises(ValueError, match="-1 is negative"):
        worker.results()
