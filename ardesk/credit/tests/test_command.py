"""ardesk credit scorecard export|import and ardesk credit reviews."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from ardesk.credit.models import CreditReview, Scorecard

pytestmark = pytest.mark.django_db


def test_export_then_import_makes_the_next_version_with_the_same_configuration(tmp_path, manager):
    path = tmp_path / "demo.json"
    call_command("credit", "scorecard", "export", "--output", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["code"], data["version"]) == ("DEMO", 1)
    data["name"] = "Demo, reviewed"
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("credit", "scorecard", "import", str(path), "--user", "manager")
    latest = Scorecard.objects.filter(code="DEMO").order_by("-version").first()
    assert (latest.version, latest.name, latest.is_active) == (2, "Demo, reviewed", True)
    assert latest.config == Scorecard.objects.get(code="DEMO", version=1).config


def test_an_invalid_scorecard_file_is_refused_with_its_problems(tmp_path, manager):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"code": "X", "name": "X", "config": {"factors": [], "grades": []}}), encoding="utf-8")
    with pytest.raises(CommandError, match="at least one factor"):
        call_command("credit", "scorecard", "import", str(path), "--user", "manager")


def test_reviews_command_opens_the_scheduled_reviews(analyst, customer):
    from ardesk.credit import services

    services.account_update(by=analyst, customer=customer, next_review_on=customer.founded_on)
    call_command("credit", "reviews", "--as-of", "2025-03-31")
    assert CreditReview.objects.get(customer=customer).reason == "schedule"
