"""The shipped survey template: CSAT, NPS and free text in both languages; a finance manager edits or adds others."""

from __future__ import annotations

DEFAULT_SURVEY = {
    "code": "CSAT-NPS",
    "name": "Customer satisfaction",
    "name_zh": "客户满意度调查",
    "intro_en": "Thank you for working with us. Your answers help our finance team serve you better.",
    "intro_zh": "感谢您一直以来的合作。您的意见将帮助我们的财务团队改进服务。",
    "csat_en": "How satisfied are you with our service (invoicing, statements, collection)?",
    "csat_zh": "您对我们的服务（开票、对账、收款）总体满意吗？",
    "nps_en": "How likely are you to recommend us to a business partner?",
    "nps_zh": "您向合作伙伴推荐我们的可能性有多大？",
    "comment_en": "What should we do better?",
    "comment_zh": "您希望我们在哪些方面改进？",
}


def survey_template_ensure(apps):
    """The shipped template, created if missing (by the migration, and by tests after a flush)."""
    model = apps.get_model("relations", "SurveyTemplate")
    template, _created = model.objects.get_or_create(code=DEFAULT_SURVEY["code"], defaults=DEFAULT_SURVEY)
    return template
