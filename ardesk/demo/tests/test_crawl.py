"""The crawl of every screen on the demo data: every role, both languages (issue 17's lasting guard).

The demo is prepared the way a user prepares it (``ardesk demo --no-serve`` in a fresh data
directory, once per test session) and served by ``ardesk serve`` in its own process, so the crawl
sees what a user sees. Each role signs in, visits every page of its menu and a sample of the
detail pages those pages link to (customers, documents, runs, requests, notices...), and the test
fails on a server error, English or a raw code on a Chinese page, Chinese labels on an English
page, an amount of 1,000 or more without grouping, or a date input whose value is not ISO; every
failing page is saved as a full-page screenshot in the folder the failure names.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from ardesk.core.testing import crawl
from ardesk.demo import generator

# The tests of one file run on one xdist worker (--dist loadfile): the demo is loaded once and crawled for every role.
pytestmark = pytest.mark.browser

ROLES = ["accountant", "analyst", "collector", "manager", "auditor", "admin"]
LANGUAGES = ["zh-hans", "en"]
# Pages not in the menu that every role that may open them should see checked too.
EXTRA_PAGES = ["/accounts/profile/"]
DETAILS_PER_KIND = 2


def _demo_words() -> frozenset[str]:
    """Words of the demo's own data that a Chinese page may show: foreign customers' names, user names."""
    words = {username for username, _role, _email in generator.USERS}
    words.update({"Alex", "Chan"})  # the foreign customers' contact person
    words.update(company["name"] for company in generator.COMPANIES)  # an English page names them as they are
    for name in [*generator.FOREIGN_FIRST, *(second for second, _country in generator.FOREIGN_SECOND)]:
        words.update(re.findall(r"[A-Za-z]+", name))
    return frozenset(words)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def demo_server():
    """The demo company loaded into a fresh data directory and served on a free port, for the whole session."""
    data_dir = Path(tempfile.mkdtemp(prefix="ardesk-crawl-"))
    env = {**os.environ, "ARDESK_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "-m", "ardesk.cli"]
    subprocess.run([*command, "demo", "--no-serve"], env=env, check=True, capture_output=True, timeout=600)
    port = _free_port()
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port), "--no-migrate"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(f"the demo server did not start on port {port} (data in {data_dir})") from None
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_screen_of_the_role_is_right_in_the_language(browser, demo_server, role, language):
    shots = Path(tempfile.mkdtemp(prefix=f"ardesk-crawl-{role}-{language}-"))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{demo_server}/accounts/login/")
        page.fill("#id_username", role)
        page.fill("#id_password", generator.DEMO_PASSWORD)
        with page.expect_navigation():
            page.press("#id_password", "Enter")
        assert "/accounts/login/" not in page.url, f"{role} could not sign in to the demo"
        failures, visited = crawl.crawl(
            page,
            demo_server,
            language=language,
            allowed_data=_demo_words(),
            per_pattern=DETAILS_PER_KIND,
            shots=shots,
            extra=EXTRA_PAGES,
        )
    finally:
        context.close()
    assert len(visited) >= 6, f"{role} reached only {visited}"
    report = "\n".join(f"{url}\n    " + "\n    ".join(problems) for url, problems in failures.items())
    assert not failures, f"{len(failures)} of {len(visited)} pages are wrong (screenshots in {shots}):\n{report}"
