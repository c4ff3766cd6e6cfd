"""Each app's tables are named in SQL by that app only: another app composes the owner's statements
(``ledger.open_items``, ``ledger.selectors.exposure_statement``) or takes the name from the owner's
model (``Customer._meta.db_table``), so that a change to a table and its indexes is made in one place.

The scan reads every string in the non-test code of each app (docstrings aside: they may mention a
table) for the table names of every other app's models. Migrations are left out: they are history,
and the SQL they run is imported from the code scanned here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[3]

# (file, table): why this file may name another app's table. Keep it short.
ALLOWED = {
    ("ardesk/credit/selectors.py", "companies_company"): (
        "check_customer reads the company grant and the customer in the order credit check's one statement"
        " (one round trip in the order-entry path, bench/README.md's credit-check figures); every other"
        " company-access check goes through companies.access"
    ),
    ("ardesk/credit/selectors.py", "companies_companygrant"): "as companies_company above",
    ("ardesk/credit/selectors.py", "customers_customer"): "as companies_company above",
    ("ardesk/reports/kept.py", "customers_customer"): (
        "the kept aging's triggers note each customer whose code or name changed (KeptChange): they"
        " serve only the reports, so they live with the table they write, and the customers app"
        " knows nothing of reports; test_kept checks they survive every migration"
    ),
    ("ardesk/reports/kept.py", "companies_company"): "as customers_customer above, for a company's code",
}


def _tables_by_app() -> dict[str, str]:
    owners = {}
    for model in apps.get_models(include_auto_created=True):
        config = model._meta.app_config
        if config.name.startswith("ardesk."):
            owners[model._meta.db_table] = config.label
    return owners


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def foreign_tables_named() -> list[tuple[str, int, str]]:
    """(file, line, table) for each string of an app's code that names another app's table."""
    owners = _tables_by_app()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, owners), key=len, reverse=True)) + r")\b")
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("ardesk."):
            continue
        folder = Path(config.path)
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).parts
            if "tests" in parts or "migrations" in parts:
                continue
            name = path.relative_to(ROOT).as_posix()
            for line, text in _strings(path):
                for table in pattern.findall(text):
                    if owners[table] != config.label and (name, table) not in ALLOWED:
                        found.append((name, line, table))
    return found


def test_no_app_names_another_apps_tables_in_sql():
    assert foreign_tables_named() == []


def test_the_scan_finds_a_foreign_table_named_in_sql(tmp_path):
    """The scan itself: a string naming the ledger's table in another app is found, a docstring is not."""
    source = (
        '"""Reads ledger_dueline (a docstring may say so)."""\n'
        'SQL = "SELECT id FROM ledger_dueline WHERE settled_on IS NULL"\n'
    )
    assert [(line, text) for line, text in _strings(_written(tmp_path, source)) if "ledger_dueline" in text] == [
        (2, "SELECT id FROM ledger_dueline WHERE settled_on IS NULL")
    ]


def test_every_exception_is_still_needed():
    """An allowed exception that no longer occurs is removed from the list, so the list stays honest."""
    owners = _tables_by_app()
    for name, table in ALLOWED:
        texts = [text for _line, text in _strings(ROOT / name)]
        assert any(re.search(rf"\b{table}\b", text) for text in texts), (name, table)
        assert table in owners


def _written(folder: Path, source: str) -> Path:
    path = folder / "example.py"
    path.write_text(source, encoding="utf-8")
    return path
