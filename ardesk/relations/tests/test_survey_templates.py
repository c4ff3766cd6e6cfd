"""Survey templates kept on their own screen: both languages required, audited, only for who sends surveys."""

from __future__ import annotations

import pytest

from ardesk.audit.models import AuditEvent
from ardesk.core.errors import InvalidInput
from ardesk.relations import services
from ardesk.relations.models import SurveyTemplate

pytestmark = pytest.mark.django_db

WORDING = {
    "name": "Statement service",
    "name_zh": "对账服务满意度",
    "intro_en": "",
    "intro_zh": "",
    "csat_en": "How satisfied are you with our statements?",
    "csat_zh": "您对我们的对账单满意吗？",
    "nps_en": "Would you recommend our finance team?",
    "nps_zh": "您会向他人推荐我们的财务团队吗？",
    "comment_en": "Anything to add?",
    "comment_zh": "还有其他意见吗？",
    "valid_days": "10",
    "remind_after_days": "4",
    "is_active": "on",
}


# The same wording as the service takes it (the form's fields give numbers and a yes or no).
TYPED = {**WORDING, "valid_days": 10, "remind_after_days": 4, "is_active": True}


def as_user(client, user):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_a_manager_adds_and_edits_a_template_from_the_surveys_screen(client, manager, template):
    as_user(client, manager)
    assert 'href="/relations/surveys/templates/"' in client.get("/relations/surveys/").content.decode()
    response = client.post("/relations/surveys/templates/new/", {"code": "STMT", **WORDING})
    assert response.status_code == 302
    created = SurveyTemplate.objects.get(code="STMT")
    assert (created.csat_zh, created.nps_en, created.valid_days, created.remind_after_days) == (
        "您对我们的对账单满意吗？",
        "Would you recommend our finance team?",
        10,
        4,
    )
    listed = client.get("/relations/surveys/templates/").content.decode()
    assert "对账服务满意度" in listed and "How satisfied are you with our statements?" in listed

    changed = {**WORDING, "csat_zh": "您对我们的月度对账单满意吗？", "is_active": ""}
    assert client.post(f"/relations/surveys/templates/{created.pk}/", changed).status_code == 302
    created.refresh_from_db()
    assert (created.csat_zh, created.is_active) == ("您对我们的月度对账单满意吗？", False)
    # An inactive template is no longer offered for sending.
    assert "STMT Statement service" not in client.get("/relations/surveys/send/").content.decode()

    added, edited = AuditEvent.objects.filter(action__startswith="relations.survey_template").order_by("seq")
    assert added.action == "relations.survey_template_create" and added.after["code"] == "STMT"
    assert edited.action == "relations.survey_template_change"
    assert edited.before == {"csat_zh": "您对我们的对账单满意吗？", "is_active": True}
    assert edited.after == {"csat_zh": "您对我们的月度对账单满意吗？", "is_active": False}


def test_every_question_needs_both_languages_and_the_reminder_comes_before_expiry(manager, template):
    with pytest.raises(InvalidInput) as refused:
        services.survey_template_create(
            by=manager, code="HALF", **{**TYPED, "nps_zh": " ", "valid_days": 5, "remind_after_days": 5}
        )
    assert set(refused.value.errors) == {"nps_zh", "remind_after_days"}
    with pytest.raises(InvalidInput) as refused:
        services.survey_template_create(by=manager, code=template.code, **TYPED)
    assert set(refused.value.errors) == {"code"}
    assert SurveyTemplate.objects.count() == 1


def test_only_who_sends_surveys_may_keep_templates(client, collector, auditor, template):
    for user in (collector, auditor):
        as_user(client, user)
        assert client.get("/relations/surveys/templates/").status_code == 200
        assert client.get("/relations/surveys/templates/new/").status_code == 403
        assert client.post(f"/relations/surveys/templates/{template.pk}/", WORDING).status_code == 403
        assert "New template" not in client.get("/relations/surveys/templates/").content.decode()
    template.refresh_from_db()
    assert template.name == "Customer satisfaction"
