"""/healthz and /readyz as a load balancer calls them: unauthenticated, JSON, 200 or 503."""

from __future__ import annotations

import datetime as dt

import pytest
import redis
from django.db import OperationalError, connection
from django.test import Client

from ardesk.core import clock
from ardesk.operations import health
from ardesk.operations.models import Heartbeat

pytestmark = pytest.mark.django_db
REDIS = "redis://127.0.0.1:6379/14"  # not 15: the worker test flushes that one, perhaps at the same time


@pytest.fixture
def client():
    """A load balancer's probe; it asks for English so the problems read as written here (Chinese by default)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def redis_running():
    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis is not running at {REDIS}: {exc}")


def beat(seconds_ago: int) -> None:
    Heartbeat.objects.update_or_create(
        name="scheduler", defaults={"beat_at": clock.now() - dt.timedelta(seconds=seconds_ago)}
    )


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_is_ready_with_the_database_and_migrations_and_no_scheduler_yet(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {
            "database": {"ok": True, "problem": None},
            "migrations": {"ok": True, "problem": None},
            "scheduler": {"ok": True, "problem": None},
        },
    }


def test_readyz_is_not_ready_while_a_migration_is_not_applied(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'operations' AND name = '0001_heartbeat'")

    response = client.get("/readyz")

    assert response.status_code == 503
    problem = response.json()["checks"]["migrations"]["problem"]
    assert problem == "1 migrations are not applied (operations.0001_heartbeat): run ardesk migrate."


def test_readyz_is_not_ready_when_the_database_does_not_answer(client, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", Unreachable())

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": {"ok": False, "problem": "The database does not answer: connection refused"}
    }


def test_a_scheduler_that_stopped_makes_the_installation_not_ready(client, settings):
    settings.ARDESK_SCHEDULE_SECONDS = 3600
    beat(seconds_ago=7000)
    assert client.get("/readyz").status_code == 200

    beat(seconds_ago=7300)  # two passes missed
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["scheduler"]["problem"] == (
        "The scheduler's last heartbeat is 7300 s old (at most 7200 s)."
    )


def test_with_a_broker_celery_beat_must_have_recorded_a_heartbeat(client, settings, redis_running):
    settings.CELERY_BROKER_URL = REDIS
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["scheduler"]["problem"] == "The scheduler has not recorded a heartbeat yet."
    assert response.json()["checks"]["broker"] == {"ok": True, "problem": None}

    beat(seconds_ago=30)
    assert client.get("/readyz").status_code == 200


def test_a_broker_that_does_not_answer_makes_the_installation_not_ready(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    beat(seconds_ago=30)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["problem"].startswith("The broker does not answer:")
    assert response.json()["checks"]["scheduler"]["ok"]
