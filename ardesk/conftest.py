"""Shared fixtures: companies and the personas of PRODUCT.md, each with its role."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from hypothesis import HealthCheck, settings

from ardesk.accounts import roles
from ardesk.companies.models import Company, CompanyGrant

pytest_plugins = ["ardesk.core.testing.browser", "ardesk.core.testing.smtp"]

# The properties are checked on rules, not on speed: a busy machine (the suite runs on every core)
# must not fail an example for taking long. Tests keep their own example counts.
settings.register_profile("ardesk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ardesk")

User = get_user_model()
PASSWORD = "persona-pass-2026"
PERSONAS = {
    "accountant": roles.AR_ACCOUNTANT,
    "analyst": roles.CREDIT_ANALYST,
    "collector": roles.COLLECTOR,
    "manager": roles.FINANCE_MANAGER,
    "auditor": roles.INTERNAL_AUDITOR,
    "administrator": roles.ADMINISTRATOR,
}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file in the process's temporary folder, not memory.

    Django hands an in-memory database's one connection to the live server's threads: the browser
    tests' server then ran queries on the test's own connection. When a query of the server called
    one of Django's SQL functions (written in Python, so it needs the interpreter's lock) while the
    test ran a query (holding that lock, waiting for the connection's), both waited for good: the
    SQLite pass hung at 98 % in CI. With a file, each thread has its own connection (WAL, writers
    queued: the production settings).
    """
    from django.conf import settings as django_settings

    default = django_settings.DATABASES["default"]
    if default["ENGINE"] == "django.db.backends.sqlite3" and not default.get("TEST", {}).get("NAME"):
        default.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("database") / "test.sqlite3")


# ../shared beside the clone; ARDESK_SHARED_DIR names it for a clone elsewhere (a git worktree).
SHARED = Path(os.environ.get("ARDESK_SHARED_DIR") or Path(__file__).resolve().parent.parent.parent / "shared")


@pytest.fixture
def shared_data() -> Path:
    """The project's shared data sets (../shared/data beside the clone); absent in a user's clone."""
    folder = SHARED / "data"
    if not folder.is_dir():
        pytest.skip(f"shared data sets not found at {folder} (they sit beside the clone in CI only)")
    return folder


@pytest.fixture(autouse=True)
def _english_messages():
    """Rules and services speak English in tests unless a test asks for Chinese; screens follow the request."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ARDESK_JOBS_INLINE = True  # background jobs run at once, in the test's transaction


@pytest.fixture
def company(db):
    return Company.objects.create(code="SH01", name="星辰实业（上海）有限公司", functional_currency="CNY")


@pytest.fixture
def other_company(db):
    return Company.objects.create(code="SZ01", name="星辰国际贸易（深圳）有限公司", functional_currency="CNY")


def make_persona(username: str, role: str | None, companies=()):
    user = User.objects.create_user(username=username, password=PASSWORD, is_staff=role == roles.ADMINISTRATOR)
    if role:
        user.groups.add(Group.objects.get(name=role))
    for company in companies:
        CompanyGrant.objects.create(user=user, company=company)
    return user


@pytest.fixture
def persona(company):
    """persona("accountant") returns a user with that role, granted the company."""
    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = make_persona(name, PERSONAS[name], [company])
        return cache[name]

    return get


@pytest.fixture
def accountant(persona):
    return persona("accountant")


@pytest.fixture
def analyst(persona):
    return persona("analyst")


@pytest.fixture
def collector(persona):
    return persona("collector")


@pytest.fixture
def manager(persona):
    return persona("manager")


@pytest.fixture
def auditor(persona):
    return persona("auditor")


@pytest.fixture
def administrator(persona):
    return persona("administrator")
