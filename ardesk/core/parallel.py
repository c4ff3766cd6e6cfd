"""Work split into shards done at once: by several Celery workers with a broker, else by processes of this machine.

A long job over many rows (a dunning run's notices, a statement mailing's recipients) is split
into ranges of ids (``id_ranges``), each done by one call that claims its rows one at a time, so
shards never share a row. With a broker the caller sends one task per range (a Celery group) and
the workers take them. Without one, ``in_processes`` runs them in processes forked from this one:
rendering PDFs is CPU work, which threads of one process cannot do at once (Python's global
interpreter lock). Each process opens its own database connections; on SQLite the writers queue
(WAL and the busy timeout of the settings) instead of failing. A process is forked only from the
main thread (a command, a worker): forked from one thread of the threaded web server, it could
inherit a lock another thread held (logging, imports) and wait for ever, so there it is started
afresh ("spawn") and sets Django up itself.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait

import django
from django.apps import apps
from django.conf import settings
from django.db import connections
from django.urls import get_resolver


def worker_count() -> int:
    """How many shards run at once: ``ARDESK_WORKERS`` (settings), else one per CPU core."""
    return settings.ARDESK_WORKERS or os.cpu_count() or 1


def id_ranges(ids: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Sorted ids split into at most ``parts`` ranges (first, last), each holding nearly as many of them."""
    if not ids:
        return []
    parts = max(1, min(parts, len(ids)))
    size, extra = divmod(len(ids), parts)
    ranges, start = [], 0
    for part in range(parts):
        end = start + size + (1 if part < extra else 0)
        ranges.append((ids[start], ids[end - 1]))
        start = end
    return ranges


def _run(function: Callable, args: tuple) -> None:
    """A process's work: its own database connections, opened when first used and closed at the end."""
    if not apps.ready:  # started afresh: the settings come from the environment, as in its parent
        django.setup()
    try:
        function(*args)
    finally:
        connections.close_all()


def in_processes(
    function: Callable,
    shards: Sequence[tuple],
    *,
    workers: int,
    watch: Callable[[], None] | None = None,
    every: float = 0.5,
) -> list[int]:
    """Call ``function(*shard)`` for every shard in forked processes, ``workers`` at a time; their exit codes.

    An exception in a shard ends its process with code 1 (its traceback on standard error); the
    other shards go on. ``watch()`` is called every ``every`` seconds while they run (a progress
    bar). The caller must not be inside a transaction: the processes would not see its writes.
    """
    for alias in connections:
        if connections[alias].in_atomic_block:
            raise RuntimeError("in_processes() inside a transaction: the processes would not see its writes")
    get_resolver().reverse_dict  # noqa: B018 - the URLs loaded once here, not in every process
    forkable = threading.current_thread() is threading.main_thread()
    context = multiprocessing.get_context("fork" if forkable else "spawn")
    waiting = list(shards)
    running: list[tuple[int, multiprocessing.Process]] = []
    codes: list[int] = [0] * len(shards)
    started = 0
    while waiting or running:
        while waiting and len(running) < workers:
            process = context.Process(target=_run, args=(function, waiting.pop(0)), daemon=False)
            # Each process opens its own connections: a forked one must not share its parent's socket,
            # and ``watch()`` may have opened one since the last process started.
            connections.close_all()
            process.start()
            running.append((started, process))
            started += 1
        ended = wait([process.sentinel for _, process in running], timeout=every)
        for index, process in list(running):
            if process.sentinel in ended:
                process.join()
                codes[index] = process.exitcode
                running.remove((index, process))
        if watch is not None:
            watch()
    return codes


def _serve(function: Callable, jobs, results) -> None:
    """A ``Worker``'s process: each job in the order sent, then every result (or the first error) sent back."""
    if not apps.ready:
        django.setup()
    # What a forked process inherited is its parent's: its collector leaves it alone instead of
    # walking (and so copying) the parent's whole heap every time the jobs' objects are collected.
    gc.freeze()
    done: list = []
    try:
        for job in iter(jobs.get, None):
            done.append(function(*job))
        results.send(("done", done))
    except BaseException as exc:  # noqa: BLE001 - any failure is the caller's to raise
        try:
            results.send(("failed", exc))
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled is sent as its text
            results.send(("failed", RuntimeError(traceback.format_exc())))
    finally:
        connections.close_all()


class Worker:
    """One process of its own that calls ``function(*job)`` for each job sent to it, in the order sent.

    For work that must stay in order beside the caller's own (a run's batches posted while it
    decides the next ones) on another core: a thread would share the caller's interpreter lock.
    Forked, or started afresh from a thread that is not the main one, as ``in_processes``; the
    jobs and results are pickled. ``results()`` waits for every job and returns their results, or
    raises the exception of the first job that failed (the later ones are not done).
    """

    def __init__(self, function: Callable):
        for alias in connections:
            if connections[alias].in_atomic_block:
                raise RuntimeError("Worker inside a transaction: its process would not see the writes")
        forkable = threading.current_thread() is threading.main_thread()
        context = multiprocessing.get_context("fork" if forkable else "spawn")
        self.jobs = context.Queue()  # put() returns at once: a feeder thread sends the job
        self.replies, sender = context.Pipe(duplex=False)
        connections.close_all()  # the process opens its own: a forked one must not share the caller's socket
        self.process = context.Process(target=_serve, args=(function, self.jobs, sender), daemon=True)
        self.process.start()
        sender.close()

    def submit(self, *job) -> None:
        self.jobs.put(job)

    def results(self) -> list:
        self.jobs.put(None)
        try:
            outcome, value = self.replies.recv()
        except EOFError:
            outcome, value = "failed", RuntimeError(f"The worker process ended with code {self.process.exitcode}")
        self.process.join()
        if outcome == "failed":
            raise value
        return value
