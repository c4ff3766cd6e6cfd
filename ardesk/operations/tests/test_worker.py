"""Background jobs on a real Celery worker with Redis, as production runs them: imports and dunning.

Each step is a real process: ``ardesk init``, a Celery worker (prefork, one child) on Redis, and
``ardesk shell`` to start jobs the way the screens do. An import goes through the queue; then a
second import's worker process is killed while it writes, and the job is handed back to the queue
and imported whole: never half-written, never twice.

Redis is at ``ARDESK_TEST_REDIS_URL`` (redis://127.0.0.1:6379/15 by default, flushed first). The
test skips where no Redis answers, unless ``ARDESK_REQUIRE_REDIS=1`` (CI sets it) makes that a failure.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis

from ardesk.core.testing.engines import variant_in_its_pass
from ardesk.operations.tests.test_drill import POSTGRES, environment, run

ARDESK = str(Path(sys.executable).with_name("ardesk"))
REDIS_URL = os.environ.get("ARDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
START = """
import json, sys
from django.core.files import File
from django.contrib.auth import get_user_model
from ardesk.companies.models import Company
from ardesk.ledger import services
user, company = get_user_model().objects.get(username="admin"), Company.objects.get(code="SH01")
with open(sys.argv[2], "rb") as handle:
    job = services.import_job_start(by=user, company=company, kind=sys.argv[1], upload=File(handle, name=sys.argv[3]))
print(job.pk)
"""
CONFIRM = """
import sys
from django.contrib.auth import get_user_model
from ardesk.ledger import services
from ardesk.ledger.models import ImportJob
admin = get_user_model().objects.get(username="admin")
services.import_job_confirm(by=admin, job=ImportJob.objects.get(pk=sys.argv[1]))
"""
STATE = """
import json, sys
from ardesk.core.jobs import get_progress
from ardesk.ledger.models import Document, ImportJob
job = ImportJob.objects.get(pk=sys.argv[1])
print(json.dumps({"status": job.status, "progress": get_progress("import", job.pk),
                  "invoices": Document.objects.filter(doc_type="invoice").count(), "report": job.report}))
"""


RUN_STATE = """
import json, sys
from ardesk.collections.models import DunningRun, Notice
run = DunningRun.objects.get(pk=sys.argv[1])
print(json.dumps({"status": run.status, "notices": run.notices, "delivered": run.delivered,
                  "left": Notice.objects.filter(run=run, status__in=["pending", "sending"]).count()}))
"""


def redis_or_skip() -> None:
    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
    except redis.RedisError as exc:
        if os.environ.get("ARDESK_REQUIRE_REDIS") == "1":
            raise AssertionError(f"ARDESK_REQUIRE_REDIS=1 but Redis at {REDIS_URL} does not answer: {exc}") from exc
        pytest.skip(f"no Redis at {REDIS_URL} ({exc}); set ARDESK_TEST_REDIS_URL")
    client.flushdb()


def shell(code: str, env: dict, *args: str) -> str:
    done = subprocess.run(
        [ARDESK, "shell", "--no-imports", "-c", code, *args], env=env, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise AssertionError(f"ardesk shell failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout.strip()


def shell_argv(code: str) -> str:
    """`ardesk shell -c` passes no arguments: the script reads them from the environment instead."""
    return "import os, sys\nsys.argv = [''] + os.environ['ARDESK_TEST_ARGS'].split('|')\n" + code


def call(code: str, env: dict, *args: str) -> str:
    return shell(shell_argv(code), {**env, "ARDESK_TEST_ARGS": "|".join(args)})


def state(env: dict, job: int) -> dict:
    return json.loads(call(STATE, env, str(job)))


def wait_for(env: dict, job: int, statuses: set[str], seconds: int = 300) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = state(env, job)
        if found["status"] in statuses:
            return found
        time.sleep(0.5)
    raise AssertionError(f"job {job} did not reach {statuses} in {seconds} s: {found}")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture(params=["sqlite", "postgresql"])
def installation(request, tmp_path):
    """A new installation with a broker: data directory, and a new database on PostgreSQL."""
    variant_in_its_pass(request.param)
    redis_or_skip()
    database_url, name = None, None
    if request.param == "postgresql":
        name = f"ardesk_ops_worker_{uuid.uuid4().hex[:8]}"
        made = subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], capture_output=True, text=True)
        if made.returncode != 0:
            pytest.skip(f"PostgreSQL at 127.0.0.1:5432 refused createdb: {made.stderr.strip()}")
        database_url = POSTGRES + name
    env = environment(tmp_path / "data", "", database_url)
    env.pop("ARDESK_ENCRYPTION_KEY")
    env.update(CELERY_BROKER_URL=REDIS_URL, ARDESK_LOG_LEVEL="ERROR")
    try:
        run([ARDESK, "init", "--no-input", "--company-code", "SH01", "--company-name", "队列公司", "--admin", "admin",
             "--password", "Worker-pass-2026"], env)  # fmt: skip
        for collector in ("collector", "collector2"):
            run([ARDESK, "user", "create", collector, "--password", "Worker-pass-2026", "--role", "collector",
                 "--company", "SH01"], env)  # fmt: skip
        yield env
    finally:
        if name:
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", name], check=False)


@pytest.fixture
def worker(installation, tmp_path):
    """A Celery worker process with one pool child; stopped at the end."""
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "ardesk.config.celery", "worker", "--pool", "prefork",
         "--concurrency", "1", "--without-gossip", "--without-mingle", "--loglevel", "INFO"],
        env=installation, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def import_through_the_queue(env: dict, kind: str, path: Path) -> int:
    job = int(call(START, env, kind, str(path), path.name))
    checked = wait_for(env, job, {"checked", "rejected", "failed"})
    assert checked["status"] == "checked", checked["report"]
    call(CONFIRM, env, str(job))
    return job


def test_imports_run_on_the_worker_and_a_worker_killed_mid_import_leaves_nothing_half_written(
    installation, worker, tmp_path
):
    env = installation
    files = tmp_path / "files"
    run([ARDESK, "generate", "--customers", "300", "--invoices", "60000", "--out", str(files)], env)

    job = import_through_the_queue(env, "customers", files / "customers.csv")
    assert wait_for(env, job, {"done", "failed", "rejected"})["status"] == "done"

    job = import_through_the_queue(env, "invoices", files / "invoices.csv")
    progress = redis.Redis.from_url(REDIS_URL)
    key = f":1:ardesk:progress:import:{job}"  # Django's cache key for core.jobs.progress_key("import", job)
    deadline = time.monotonic() + 120
    while True:  # the check left 60,000; the write restarts the count: kill it with some rows done, none committed
        done = int(progress.get(key) or 0)
        if 0 < done < 60000:
            break
        assert time.monotonic() < deadline, f"the import was not seen writing: {state(env, job)}"
        time.sleep(0.005)
    (child,) = children(worker.pid)
    os.kill(child, signal.SIGKILL)
    assert state(env, job)["invoices"] == 0  # the killed import wrote nothing

    finished = wait_for(env, job, {"done", "failed", "rejected"})
    assert finished["status"] == "done", finished["report"]
    assert finished["invoices"] == 60000  # imported whole, once
    assert worker.poll() is None  # the worker lives on with a new child
    assert children(worker.pid) != [child]


def test_a_dunning_run_returns_once_written_and_the_worker_delivers_its_notices(installation, worker, tmp_path):
    env = installation
    files = tmp_path / "files"
    run([ARDESK, "generate", "--customers", "60", "--invoices", "1200", "--out", str(files)], env)
    for kind in ("customers", "invoices"):
        job = import_through_the_queue(env, kind, files / f"{kind}.csv")
        assert wait_for(env, job, {"done", "failed", "rejected"})["status"] == "done"

    answer = json.loads(run([ARDESK, "dunning", "run", "--company", "SH01", "--format", "json"], env).stdout)
    (written,) = answer["runs"]
    assert written["notices"] > 0
    deadline = time.monotonic() + 300
    while True:  # the command has returned; the worker goes on delivering
        found = json.loads(call(RUN_STATE, env, str(written["run"])))
        if found["status"] in {"done", "failed"}:
            break
        assert time.monotonic() < deadline, f"the worker did not deliver the run: {found}"
        time.sleep(0.5)
    assert found["status"] == "done", found
    assert found["delivered"] == found["notices"] == written["notices"]
    assert found["left"] == 0
