"""`ardesk period status|close|reopen`: the same rules as the screens and the API."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ardesk.closing.models import ReopenRequest
from ardesk.ledger import periods


def period(*args) -> str:
    out = StringIO()
    call_command("period", *args, "--language", "en", stdout=out)
    return out.getvalue()


def test_close_then_reopen_with_a_second_manager_from_the_command_line(manager, second_manager, company):
    assert "[ ] Aging snapshot stored" in period("status", "--company", "SH01", "--period", "2024-11")
    with pytest.raises(CommandError, match="Confirm to close"):
        period("close", "--company", "SH01", "--period", "2024-11", "--user", "manager")
    period("close", "--company", "SH01", "--period", "2024-11", "--user", "manager", "--accept-open-points")
    assert periods.is_closed(company.pk, dt.date(2024, 11, 1))
    state = json.loads(period("status", "--company", "SH01", "--period", "2024-11", "--format", "json"))
    assert state["closed"] is True and state["closed_by"] == "manager"

    said = period("reopen", "--company", "SH01", "--period", "2024-11", "--user", "manager", "--reason", "Late")
    request = ReopenRequest.objects.get()
    assert f"--approve {request.pk}" in said
    with pytest.raises(CommandError, match="second finance manager"):
        period("reopen", "--approve", str(request.pk), "--user", "manager")
    period("reopen", "--approve", str(request.pk), "--user", "manager2")
    assert not periods.is_closed(company.pk, dt.date(2024, 11, 1))


def test_a_bad_period_or_missing_user_is_a_plain_error(manager, company):
    with pytest.raises(CommandError, match="YYYY-MM"):
        period("status", "--company", "SH01", "--period", "2024-13")
    with pytest.raises(CommandError, match="--user"):
        period("close", "--company", "SH01", "--period", "2024-11")
