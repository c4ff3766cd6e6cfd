"""The onboarding, tour and training screens: who may open them and what they do."""

from __future__ import annotations

import json

import pytest

from ardesk.conftest import make_persona
from ardesk.guide.models import AgingCheck, OnboardingConfirmation, TourProgress, TourStatus, TrainingCopy
from ardesk.guide.tours import tours_offer

pytestmark = pytest.mark.django_db


def test_the_checklist_is_for_administrators(client, collector, administrator):
    client.force_login(collector)
    assert client.get("/help/onboarding/").status_code == 403
    client.force_login(administrator)
    page = client.get("/help/onboarding/").content.decode()
    assert 'id="step-customers"' in page
    assert "/help/onboarding/examples/customers/" in page
    assert "/help/page/ledger:import/" in page


def test_a_step_the_administrator_cannot_open_names_the_roles_that_can(client, administrator):
    client.force_login(administrator)
    client.cookies["django_language"] = "zh-hans"
    page = client.get("/help/onboarding/").content.decode()
    aging_step = page.split('id="step-aging_check"')[1].split("</li>")[0]
    assert "/reports/aging/" not in aging_step
    assert "您的角色无权打开此页面" in aging_step
    assert "财务经理" in aging_step and "应收会计" in aging_step
    assert "系统管理员" not in aging_step


def test_an_administrator_lands_on_a_page_with_the_onboarding_panel_and_can_hide_it(client, administrator):
    client.force_login(administrator)
    landing = client.get("/", follow=True)
    assert 'id="onboarding-panel"' in landing.content.decode()
    client.post("/help/onboarding/dismiss/", {"next": landing.request["PATH_INFO"]})
    assert 'id="onboarding-panel"' not in client.get(landing.request["PATH_INFO"]).content.decode()


def test_the_example_customers_file_downloads(client, administrator):
    client.force_login(administrator)
    response = client.get("/help/onboarding/examples/customers/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"code,name")
    assert client.get("/help/onboarding/examples/passwords/").status_code == 404


def test_the_aging_check_is_entered_on_the_checklist(client, administrator, company):
    client.force_login(administrator)
    response = client.post(
        "/help/onboarding/", {"company": company.pk, "as_of": "2026-11-30", "erp_balance": "1,000.00".replace(",", "")}
    )
    assert response.status_code == 302
    check = AgingCheck.objects.get()
    assert (check.erp_balance, check.ardesk_balance, check.agrees) == (100000, 0, False)
    assert "-1,000.00" in client.get("/help/onboarding/").content.decode()


def test_a_shipped_default_is_confirmed_by_a_post(client, administrator):
    client.force_login(administrator)
    assert client.get("/help/onboarding/confirm/scorecard/").status_code == 405
    client.post("/help/onboarding/confirm/scorecard/")
    assert OnboardingConfirmation.objects.filter(step="scorecard").exists()
    assert client.post("/help/onboarding/confirm/customers/").status_code == 404


def test_the_tour_data_is_on_the_page_of_an_offered_user(client, collector):
    tours_offer([collector])
    client.force_login(collector)
    page = client.get("/collections/").content.decode()
    assert 'id="tour-data"' in page


def test_the_tour_script_saves_progress(client, collector, accountant):
    client.force_login(collector)
    post = lambda data: client.post("/help/tours/progress/", json.dumps(data), content_type="application/json")  # noqa: E731
    assert post({"tour": "collector", "step": 1, "status": "running"}).json() == {
        "tour": "collector",
        "step": 1,
        "status": "running",
    }
    assert post({"tour": "ar_accountant", "step": 1, "status": "running"}).status_code == 403
    assert post({"tour": "collector", "step": 40, "status": "running"}).status_code == 400
    assert post({"tour": "collector"}).status_code == 400
    post({"tour": "collector", "step": 5, "status": "finished"})
    assert TourProgress.objects.get(user=collector).status == TourStatus.FINISHED


def test_the_tour_restarts_from_the_tours_page(client, collector, company):
    client.force_login(collector)
    assert 'id="tour-start"' in client.get("/help/tours/").content.decode()
    response = client.post("/help/tours/start/")
    assert response["Location"] == "/collections/"
    assert TourProgress.objects.get(user=collector).status == TourStatus.RUNNING
    client.force_login(make_persona("roleless", None, [company]))  # a user without a role has no tour
    assert client.post("/help/tours/start/").status_code == 403


def test_the_training_page_is_for_administrators_and_makes_a_copy_as_a_job(
    client, administrator, collector, settings, tmp_path
):
    settings.ARDESK_JOBS_INLINE = True
    client.force_login(collector)
    assert client.get("/help/training/").status_code == 403
    client.force_login(administrator)
    assert 'id="training-create"' in client.get("/help/training/").content.decode()
    settings.DATA_DIR = tmp_path
    client.post("/help/training/", {})
    copy = TrainingCopy.objects.get()
    assert copy.directory.startswith(str(tmp_path / "training"))
    assert copy.requested_by == administrator
