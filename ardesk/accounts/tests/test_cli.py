"""The `ardesk` command as an administrator uses it, on a fresh SQLite installation of its own."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest

ARDESK = [sys.executable, "-m", "ardesk.cli"]


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    data = tmp_path_factory.mktemp("installation")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ARDESK_DATA_DIR"] = str(data)

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run([*ARDESK, *args], env=env, capture_output=True, text=True, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"ardesk {' '.join(args)} failed: {result.stdout}{result.stderr}")
        return result

    run(
        "init",
        "--company-code",
        "HQ01",
        "--company-name",
        "示例有限公司",
        "--currency",
        "CNY",
        "--admin",
        "boss",
        "--password",
        "Strong-pass-2026",
        "--no-input",
    )
    return data, run


def test_init_creates_the_company_and_the_administrator(installation):
    data, _run = installation
    with sqlite3.connect(data / "ardesk.sqlite3") as db:
        assert db.execute("SELECT code, functional_currency FROM companies_company").fetchall() == [("HQ01", "CNY")]
        assert db.execute("SELECT is_superuser FROM auth_user WHERE username='boss'").fetchone() == (1,)
    assert (data / "secret_key").exists() and (data / "encryption_key").exists()


def test_init_refuses_a_weak_password(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["ARDESK_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [
            *ARDESK,
            "init",
            "--company-code",
            "A1",
            "--company-name",
            "A",
            "--admin",
            "a",
            "--password",
            "123",
            "--no-input",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "password" in (result.stdout + result.stderr).lower()


def test_token_issue_prints_a_token_that_list_shows(installation):
    _data, run = installation
    token = run("token", "issue", "boss", "--name", "ERP").stdout.strip()
    assert token.startswith("ard_")
    assert token.split("_")[1] in run("token", "list").stdout


def test_audit_verify_passes_then_fails_after_tampering(installation):
    data, run = installation
    assert "intact" in run("audit", "verify").stdout
    copy = data / "tampered.sqlite3"
    shutil.copy(data / "ardesk.sqlite3", copy)
    with sqlite3.connect(data / "ardesk.sqlite3") as db:
        db.execute("UPDATE audit_auditevent SET actor_name = 'someone-else' WHERE seq = 2")
    result = run("audit", "verify", check=False)
    assert result.returncode != 0
    assert "event 2" in result.stderr
    shutil.copy(copy, data / "ardesk.sqlite3")


def _children(pid: int) -> list[str]:
    listing = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=True)
    return listing.stdout.split()


def _answers(port: int, deadline: float) -> bytes:
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=2) as response:  # noqa: S310
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.skipif(os.name != "posix", reason="several server processes need gunicorn (POSIX)")
def test_serve_with_two_workers_runs_two_server_processes(installation):
    data, _run = installation
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ARDESK_DATA_DIR"] = str(data)
    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen(
        [*ARDESK, "serve", "--workers", "2", "--threads", "2", "--port", str(port), "--no-migrate"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert b"<form" in _answers(port, time.monotonic() + 60)
        # The first worker may answer before gunicorn has forked the second (it spawns them a few
        # hundredths of a second apart): give it a moment.
        deadline = time.monotonic() + 10
        while len(children := _children(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(children) == 2
    finally:
        server.terminate()
        out, _err = server.communicate(timeout=30)
    assert "with 2 processes" in out
