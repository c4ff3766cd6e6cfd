"""Tests that start their own installations on both engines run each engine's variant once in CI.

CI runs the suite once on SQLite and once on PostgreSQL (`.ci/run`). A test that makes its own
SQLite and PostgreSQL installations (the restore drill, the real worker) would otherwise run both
variants in both passes: each variant runs in the pass on its own engine instead.
``ARDESK_TEST_BOTH_ENGINES=1`` runs both variants in any pass.
"""

from __future__ import annotations

import os

import pytest
from django.db import connection


def variant_in_its_pass(vendor: str) -> None:
    """Skip the ``vendor`` variant unless the suite runs on that engine (or both are asked for)."""
    if os.environ.get("ARDESK_TEST_BOTH_ENGINES") == "1" or connection.vendor == vendor:
        return
    pytest.skip(
        f"the {vendor} variant runs when the suite runs on {vendor} (DATABASE_URL), or set ARDESK_TEST_BOTH_ENGINES=1"
    )
