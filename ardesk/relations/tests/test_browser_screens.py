"""In a real browser, in Chinese: survey templates kept from the surveys screen; a key account marked and unmarked."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.core.testing.crawl import problems_of, visit
from ardesk.relations.models import RelationProfile, SurveyTemplate

pytestmark = BROWSER


def chinese_problems(page) -> list[str]:
    """What the crawl would refuse on this page: English words or raw codes on a Chinese screen."""
    return problems_of(visit(page, page.url), language="zh-hans", allowed_data=frozenset())


def named(user, name: str):
    user.first_name = name
    user.save()
    return user


def test_a_manager_adds_and_edits_a_survey_template_in_chinese(page, live_server, manager, template):
    signed_in(page, live_server, named(manager, "王伟"))
    page.goto(f"{live_server.url}/relations/surveys/")
    with page.expect_navigation():
        page.locator("#survey-templates").click()
    expect(page.locator("h1")).to_have_text("调查模板")
    expect(page.locator("#template-table")).to_contain_text("客户满意度调查")
    assert chinese_problems(page) == []

    with page.expect_navigation():
        page.locator("#template-new").click()
    assert chinese_problems(page) == []
    for field, value in {
        "code": "STMT",
        "name": "Statement service",
        "name_zh": "对账服务满意度",
        "csat_en": "How satisfied are you with our statements?",
        "csat_zh": "您对我们的对账单满意吗？",
        "nps_en": "Would you recommend our finance team?",
        "nps_zh": "您会向他人推荐我们的财务团队吗？",
        "comment_en": "Anything to add?",
        "comment_zh": "还有其他意见吗？",
        "valid_days": "10",
        "remind_after_days": "4",
    }.items():
        page.fill(f"#id_{field}", value)
    with page.expect_navigation():
        page.locator("#survey-template-form button[type=submit]").click()
    created = SurveyTemplate.objects.get(code="STMT")
    row = page.locator(f"#template-{created.pk}")
    expect(row).to_contain_text("对账服务满意度")
    expect(row).to_contain_text("您对我们的对账单满意吗？")
    assert chinese_problems(page) == []

    with page.expect_navigation():
        row.locator("a.btn").click()
    page.fill("#id_csat_zh", "您对我们的月度对账单满意吗？")
    with page.expect_navigation():
        page.locator("#survey-template-form button[type=submit]").click()
    expect(page.locator(f"#template-{created.pk}")).to_contain_text("您对我们的月度对账单满意吗？")
    created.refresh_from_db()
    assert created.csat_zh == "您对我们的月度对账单满意吗？"


def test_a_manager_marks_a_key_account_from_the_customer_page_and_unmarks_it_on_the_list(
    page, live_server, manager, collector, customer
):
    named(collector, "张敏")
    signed_in(page, live_server, named(manager, "王伟"))
    page.goto(f"{live_server.url}/customers/{customer.pk}/")
    expect(page.locator("#relation-profile")).to_contain_text("张敏")
    with page.expect_navigation():
        page.locator("#relation-profile-edit").click()
    assert chinese_problems(page) == []
    page.check("#id_is_key_account")
    page.select_option("#id_owner", label="王伟")
    with page.expect_navigation():
        page.locator("#relation-profile-form button[type=submit]").click()
    # Back on the customer page, whose panel says so.
    expect(page.locator("#relation-profile")).to_contain_text("重点客户")
    expect(page.locator("#relation-profile")).to_contain_text("王伟")

    page.goto(f"{live_server.url}/relations/key-accounts/")
    page.select_option("#id_key", "yes")
    with page.expect_navigation():
        page.locator("#key-account-filter button[type=submit]").click()
    row = page.locator(f"#customer-{customer.pk}")
    expect(row).to_contain_text("重点客户")
    expect(row).to_contain_text("王伟")
    assert chinese_problems(page) == []
    with page.expect_navigation():
        row.locator("button[type=submit]").click()
    expect(page.locator("#key-account-table")).not_to_contain_text("华东机电有限公司")
    profile = RelationProfile.objects.get(customer=customer)
    assert (profile.is_key_account, profile.owner) == (False, manager)
