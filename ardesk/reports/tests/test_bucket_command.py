"""Bucket sets on the command line: listed, exported and imported as JSON; what a negative limit means."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ardesk.reports import domain
from ardesk.reports.models import BucketSet

D = dt.date(2025, 3, 31)
AHEAD = [
    domain.BucketRule("due_later", "Due in 31 days or more", -31),
    domain.BucketRule("due_soon", "Due within 30 days", 0),
    domain.BucketRule("overdue", "Overdue", None),
]


@pytest.fixture
def write(tmp_path):
    def to_file(data) -> str:
        path = tmp_path / "bucket-sets.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return str(path)

    return to_file


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", "buckets", *args, stdout=out)
    return out.getvalue()


def test_a_negative_limit_splits_the_items_not_yet_due_by_how_far_ahead_they_fall_due():
    # As of 2025-03-31: due 2025-05-01 is 31 days ahead (age -31), due 2025-04-30 is 30 days ahead
    # (age -30), due today has age 0, due yesterday is 1 day past due.
    items = [(dt.date(2025, 5, 1), 100), (dt.date(2025, 4, 30), 20), (D, 3), (dt.date(2025, 3, 30), 7)]

    totals = domain.age_buckets(items, [], D, AHEAD)

    assert totals == {"due_later": 100, "due_soon": 23, "overdue": 7, "unapplied": 0}
    assert domain.bucket_problems(AHEAD, "due") == []


def test_a_negative_limit_by_document_date_is_refused_with_the_reason():
    problems = domain.bucket_problems(AHEAD, "document")

    assert [(n, field) for n, field, _reason in problems] == [(1, "upper")]
    assert "cannot be negative" in problems[0][2]


def test_export_then_import_restores_a_changed_set(db, manager, write):
    exported = json.loads(run("export", "--code", "overdue"))
    assert exported[0]["buckets"][0] == {"key": "not_due", "label": "Not yet due", "label_zh": "未到期", "upper": 0}
    BucketSet.objects.get(code="overdue").buckets.filter(key="1-30").update(upper=29)

    path = write(exported)
    assert "Saved 1 bucket set(s): overdue" in run("import", str(path), "--user", manager.username)

    assert BucketSet.objects.get(code="overdue").buckets.get(key="1-30").upper == 30


def test_import_creates_a_set_with_negative_limits_on_the_due_basis(db, manager, write):
    data = {
        "code": "ahead",
        "name": "Due ahead",
        "basis": "due",
        "unit": "days",
        "buckets": [{"key": b.key, "label": b.label, "upper": b.upper} for b in AHEAD],
    }

    run("import", write(data), "--user", manager.username)

    listed = json.loads(run("list", "--format", "json"))
    ahead = next(s for s in listed if s["code"] == "ahead")
    assert [b["upper"] for b in ahead["buckets"]] == [-31, 0, None]


def test_one_wrong_set_and_none_is_saved_each_problem_named(db, manager, write):
    good = {
        "code": "fine",
        "name": "Fine",
        "basis": "due",
        "buckets": [{"key": "a", "label": "A", "upper": 0}, {"key": "b", "label": "B"}],
    }
    bad = {
        "code": "wrong",
        "name": "Wrong",
        "basis": "document",
        "unit": "months",
        "buckets": [{"key": "a", "label": "A", "upper": -1}, {"key": "b", "label": "B", "upper": 5}],
    }

    with pytest.raises(CommandError) as failure:
        run("import", write([good, bad]), "--user", manager.username)

    message = str(failure.value)
    assert "Set 2 (wrong)" in message and "Bucket 1, upper" in message and "cannot be negative" in message
    assert "Bucket 2, upper" in message  # the last bucket has no upper limit
    assert not BucketSet.objects.filter(code__in=["fine", "wrong"]).exists()


def test_an_analyst_may_not_import_bucket_sets(db, analyst, write):
    with pytest.raises(CommandError, match="not allow"):
        run("import", write({"code": "x", "name": "X", "buckets": []}), "--user", analyst.username)


def test_export_of_an_unknown_set_is_refused(db):
    with pytest.raises(CommandError, match="No bucket set nope"):
        run("export", "--code", "nope")
