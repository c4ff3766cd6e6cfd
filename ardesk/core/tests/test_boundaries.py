"""The declared boundaries between the apps (.importlinter) hold, and the check catches a break.

The same check runs as ``lint-imports`` in CI; this test makes the README's test command run it too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """Run lint-imports on the ``ardesk`` package under ``root`` with the contracts of the repository."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / ".importlinter")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": str(LINT_IMPORTS.parent)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def scratch_copy(tmp_path) -> Path:
    """A copy of the ``ardesk`` package (code only) to break on purpose."""
    shutil.copytree(
        ROOT / "ardesk", tmp_path / "ardesk", ignore=shutil.ignore_patterns("__pycache__", "locale", "static")
    )
    return tmp_path


def test_the_apps_keep_their_declared_boundaries():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_core_importing_an_app_breaks_the_check(scratch_copy):
    (scratch_copy / "ardesk/core/violation.py").write_text("from ardesk.ledger import selectors\n")
    result = lint_imports(scratch_copy)
    assert result.returncode == 1
    assert "core imports no app of ours BROKEN" in result.stdout
    assert "ardesk.core.violation -> ardesk.ledger.selectors" in result.stdout


def test_a_cycle_between_apps_breaks_the_check(scratch_copy):
    # credit already reads collections; collections reading credit back would make a cycle.
    (scratch_copy / "ardesk/collections/violation.py").write_text("from ardesk.credit import selectors\n")
    result = lint_imports(scratch_copy)
    assert result.returncode == 1
    assert "Apps import only the apps below them BROKEN" in result.stdout
    assert "No cycles between apps BROKEN" in result.stdout
