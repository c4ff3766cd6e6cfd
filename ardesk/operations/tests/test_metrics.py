"""Prometheus metrics behind ARDESK_METRICS, and who may read them."""

from __future__ import annotations

import threading

import pytest
import redis
from prometheus_client import REGISTRY

from ardesk.operations import metrics, tasks

pytestmark = pytest.mark.django_db
REDIS = "redis://127.0.0.1:6379/14"  # not 15: the worker test flushes that one, perhaps at the same time


def sample(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.fixture
def metrics_on(settings):
    settings.ARDESK_METRICS = True
    settings.ARDESK_METRICS_TOKEN = ""
    return settings


def test_metrics_are_not_served_unless_switched_on(client, settings):
    settings.ARDESK_METRICS = False
    assert client.get("/metrics").status_code == 404


def test_requests_are_counted_by_view_and_status_with_their_latency(client, metrics_on):
    before = sample("ardesk_http_requests_total", view="operations:healthz", method="GET", status="200")
    timed = sample("ardesk_http_request_duration_seconds_count", view="operations:healthz")
    missing = sample("ardesk_http_requests_total", view="unmatched", method="GET", status="404")

    client.get("/healthz")
    client.get("/healthz")
    client.get("/no-such-page/4711")

    assert sample("ardesk_http_requests_total", view="operations:healthz", method="GET", status="200") == before + 2
    assert sample("ardesk_http_request_duration_seconds_count", view="operations:healthz") == timed + 2
    assert sample("ardesk_http_requests_total", view="unmatched", method="GET", status="404") == missing + 1
    body = client.get("/metrics").content.decode()
    assert 'ardesk_http_requests_total{method="GET",status="200",view="operations:healthz"}' in body
    assert 'ardesk_http_request_duration_seconds_bucket{le="0.005",view="operations:healthz"}' in body


def test_without_a_token_only_this_machine_reads_the_metrics(client, metrics_on):
    assert client.get("/metrics").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.5").status_code == 403
    # Through a proxy on this machine the address is loopback, but the caller is not.
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 403


def test_with_a_token_only_its_bearer_reads_the_metrics(client, metrics_on):
    metrics_on.ARDESK_METRICS_TOKEN = "scrape-secret-2026"
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.5").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    authorized = client.get("/metrics", REMOTE_ADDR="10.0.0.5", HTTP_AUTHORIZATION="Bearer scrape-secret-2026")
    assert authorized.status_code == 200
    assert authorized["Content-Type"].startswith("text/plain; version=0.0.4")


def test_jobs_are_timed_and_their_failures_counted(settings, tmp_path):
    metrics.connect_job_signals()  # as the web application and the Celery application do
    ran = sample("ardesk_job_duration_seconds_count", task="operations.heartbeat")
    failed = sample("ardesk_job_failures_total", task="operations.backup_daily")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should be")
    settings.ARDESK_BACKUP_DIR = str(blocked)

    tasks.heartbeat.apply(throw=True)
    result = tasks.backup_daily.apply(throw=False)

    assert result.failed()
    assert sample("ardesk_job_duration_seconds_count", task="operations.heartbeat") == ran + 1
    assert sample("ardesk_job_failures_total", task="operations.backup_daily") == failed + 1


def test_jobs_running_in_process_are_counted():
    before = sample("ardesk_jobs_running_in_process")
    release = threading.Event()
    job = threading.Thread(target=release.wait, name="job-reports.test", daemon=True)
    job.start()
    try:
        assert sample("ardesk_jobs_running_in_process") == before + 1
    finally:
        release.set()
        job.join()


def test_the_brokers_queue_length_is_read_from_redis(settings):
    queue = "ardesk-ops-metrics-test"
    client = redis.Redis.from_url(REDIS, socket_connect_timeout=1)
    try:
        client.delete(queue)
    except redis.RedisError as exc:
        pytest.skip(f"Redis is not running at {REDIS}: {exc}")
    settings.CELERY_BROKER_URL = REDIS
    settings.CELERY_TASK_DEFAULT_QUEUE = queue
    client.rpush(queue, "job 1", "job 2", "job 3")
    try:
        assert sample("ardesk_job_queue_length", queue=queue) == 3
    finally:
        client.delete(queue)
