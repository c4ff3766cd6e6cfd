"""core.bulk.Reader: jobs run in order in a thread of their own; every error reaches the caller's callback."""

from __future__ import annotations

import threading

import pytest

from ardesk.core import bulk


class _Cursor:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class _Connection:
    """Stands for Django's connection: one cursor a job, or a failure to connect."""

    def __init__(self, error: BaseException | None = None):
        self.error = error
        self.closed_in: list[str] = []

    def cursor(self):
        if self.error is not None:
            raise self.error
        return _Cursor()

    def close(self):
        self.closed_in.append(threading.current_thread().name)


@pytest.fixture
def connection(monkeypatch):
    stand_in = _Connection()
    monkeypatch.setattr(bulk, "connection", stand_in)
    return stand_in


def test_jobs_run_in_order_in_the_readers_thread_which_closes_its_connection(connection):
    reader = bulk.Reader()
    seen, errors = [], []
    for n in range(5):
        reader.submit(lambda cursor, n=n: seen.append((n, threading.current_thread().name)), failed=errors.append)
    reader.close()
    assert [n for n, _thread in seen] == [0, 1, 2, 3, 4] and errors == []
    assert {thread for _n, thread in seen} == set(connection.closed_in) and connection.closed_in[0] != "MainThread"


def test_an_error_of_a_job_or_of_connecting_goes_to_its_callback(connection):
    reader = bulk.Reader()
    errors = []

    def failing(cursor):
        raise RuntimeError("no such table")

    reader.submit(failing, failed=errors.append)
    reader.submit(lambda cursor: None, failed=errors.append)
    reader.close()
    connection.error = ConnectionError("too many clients")
    reader = bulk.Reader()
    reader.submit(lambda cursor: None, failed=errors.append)
    reader.close()
    assert [str(error) for error in errors] == ["no such table", "too many clients"]
