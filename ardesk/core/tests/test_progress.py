"""Progress bars: drawn on a terminal, nothing on a pipe or with JSON output."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from ardesk.core import progress
from ardesk.core.progress import ProgressBar, progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _draw_every_update(monkeypatch):
    monkeypatch.setattr(progress, "EVERY", 0)


def test_a_terminal_gets_a_bar_redrawn_in_place_and_a_final_newline():
    screen = Terminal()
    with progress_bar(screen, label="Importing", total=200) as bar:
        bar.update(50, note="1,000 rows")
        bar.update(200, note="4,000 rows")

    text = screen.getvalue()
    assert "\r" in text and text.endswith("\n")
    assert "Importing [#######.....................]  25%  1,000 rows" in text  # 50 of 200: 7 of 28 marks
    assert "100%  4,000 rows" in text


def test_a_pipe_gets_nothing():
    piped = io.StringIO()
    with progress_bar(piped, label="Importing", total=10) as bar:
        bar.update(5)

    assert piped.getvalue() == ""


def test_json_output_gets_nothing_even_on_a_terminal():
    screen = Terminal()
    with progress_bar(screen, label="Checking", total=3, enabled=False) as bar:
        bar.update(1)

    assert screen.getvalue() == ""


def test_without_a_total_the_count_is_shown():
    bar = ProgressBar(Terminal(), label="Delivering")
    bar.update(1234)

    assert bar.line(bar.started + 2).startswith("Delivering 1,234  2.0 s")


def test_the_integrity_command_draws_on_a_terminal_and_not_with_json(db):
    screen, out = Terminal(), io.StringIO()
    call_command("integrity", stdout=out, stderr=screen)
    assert "Checking [" in screen.getvalue() and "100%" in screen.getvalue()
    assert "Checking" not in out.getvalue()

    screen, out = Terminal(), io.StringIO()
    call_command("integrity", "--format", "json", stdout=out, stderr=screen)
    assert screen.getvalue() == ""
    assert json.loads(out.getvalue())["problems"] == []


def test_an_import_draws_on_a_terminal_and_nothing_when_piped(db, company, accountant, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_text("code,name\nC1,甲公司\nC2,乙公司\n", encoding="utf-8")
    screen = Terminal()
    call_command("import", "customers", str(path), "--user", accountant.username, stdout=io.StringIO(), stderr=screen)
    assert "customers.csv [" in screen.getvalue() and "2 rows" in screen.getvalue()

    piped = io.StringIO()
    call_command("import", "customers", str(path), "--user", accountant.username, stdout=io.StringIO(), stderr=piped)
    assert piped.getvalue() == ""
