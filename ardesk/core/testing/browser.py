"""Fixtures for real-browser tests (Playwright driving Debian's Chromium). Owned by the browser-test work.

A browser test is marked and written like this::

    pytestmark = BROWSER  # the "browser" mark, a transactional database and the role groups

    def test_something(page, live_server, persona):
        signed_in(page, live_server, persona("accountant"))
        page.goto(f"{live_server.url}/customers/")

Run only these with ``pytest -m browser``, or leave them out with ``-m "not browser"``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

# Playwright's sync API runs an asyncio event loop in the main thread for as long as it is
# started. Django sees that running loop and refuses ORM calls made from the same thread (the
# test body creating data or checking what the live server saved) with SynchronousOnlyOperation,
# although nothing here is asynchronous: the test waits for the browser synchronously. The
# variable tells Django the calls are safe; it only matters in a test process.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
PHONE_VIEWPORT = {"width": 390, "height": 844}
# The browser asks for Chinese like the users' browsers do, so a page that is not told otherwise
# shows the default language (Simplified Chinese); Chromium's own default would ask for English.
BROWSER_LOCALE = "zh-CN"
TIMEOUT_MS = 10_000

BROWSER = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("role_groups"),
]


def chromium_path() -> str | None:
    """The Chromium to drive: $ARDESK_CHROMIUM, Debian's /usr/bin/chromium, or one on the PATH."""
    configured = os.environ.get("ARDESK_CHROMIUM")
    if configured:
        return configured if os.path.exists(configured) else None
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, whose flush deleted them, make the data migrations' rows again.

    A transactional test (browser tests, pg_dump and worker tests) empties every table when it ends.
    The test after it, in the same process, must find the database as the migrations left it: with
    the suite spread over several processes, it may be any test, not only another transactional one.
    """
    result = yield
    marker = item.get_closest_marker("django_db")
    # Not after the process's last test: its teardown has dropped the test database.
    if nextitem is not None and (
        "transactional_db" in getattr(item, "fixturenames", ()) or (marker and marker.kwargs.get("transaction"))
    ):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            sync_roles()
    return result


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Playwright's own browser downloads are not used)."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium not found: install Debian's chromium package or set ARDESK_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser, viewport: dict | None = None):
    context = browser.new_context(viewport=viewport or VIEWPORT, locale=BROWSER_LOCALE)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh page in its own browser context (no cookies shared between tests), desktop size."""
    tab = new_page(browser)
    yield tab
    tab.context.close()


@pytest.fixture
def phone_page(browser) -> Iterator:
    """Like ``page``, at a phone's size (390 x 844)."""
    tab = new_page(browser, PHONE_VIEWPORT)
    yield tab
    tab.context.close()


def signed_in(page, live_server, user, password: str | None = None):
    """Sign ``user`` in through the login form, the way a person does; returns the page once signed in."""
    if password is None:
        from ardesk.conftest import PASSWORD

        password = PASSWORD
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    assert "/accounts/login/" not in page.url, f"{user.get_username()} could not sign in"
    return page


def sign_out(page) -> None:
    with page.expect_navigation():
        page.click("form[action$='/accounts/logout/'] button[type=submit]")


def sync_roles() -> None:
    """Make the rows of the data migrations again: the role groups with their permissions, the shipped bucket sets."""
    from django.apps import apps

    from ardesk.accounts.roles import sync_all_roles
    from ardesk.collections.defaults import dunning_policy_ensure
    from ardesk.credit.defaults import credit_defaults_ensure
    from ardesk.reports.defaults import bucket_sets_ensure

    sync_all_roles(apps)
    bucket_sets_ensure(apps)
    dunning_policy_ensure(apps)
    credit_defaults_ensure(apps)


@pytest.fixture
def role_groups(transactional_db) -> None:
    """The role groups, which an earlier transactional test's flush may have deleted."""
    sync_roles()
