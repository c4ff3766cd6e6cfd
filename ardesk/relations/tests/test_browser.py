"""In a real browser: a visit logged from the customer page shows on the timeline; a survey answered on a phone."""

from __future__ import annotations

from playwright.sync_api import expect

from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.relations import services
from ardesk.relations.models import SurveyAnswer, SurveyInvitation

pytestmark = BROWSER


def test_a_visit_logged_from_the_customer_page_shows_on_the_timeline(page, live_server, collector, customer):
    signed_in(page, live_server, collector)
    page.goto(f"{live_server.url}/customers/{customer.pk}/")
    expect(page.locator("#relations")).to_contain_text("暂无记录。")
    with page.expect_navigation():
        page.locator("#action-log-interaction").click()
    page.select_option("#id_channel", "visit")
    page.select_option("#id_contact", label="李娜")
    page.fill("#id_outcome", "拜访财务总监，确认三月付款计划")
    page.fill("#id_next_action", "寄送对账单")
    with page.expect_navigation():
        page.locator("#interaction-form button[type=submit]").click()
    timeline = page.locator("#relations-timeline")
    expect(timeline).to_contain_text("拜访财务总监，确认三月付款计划")
    expect(timeline.locator(".timeline-entry").first).to_contain_text("李娜")

    # Filtered to calls only, the visit is not listed; back on the customer page the panel shows it.
    page.locator("#kind-filter input[value=call]").check()
    with page.expect_navigation():
        page.locator("#kind-filter button[type=submit]").click()
    expect(timeline).not_to_contain_text("拜访财务总监")
    page.goto(f"{live_server.url}/customers/{customer.pk}/")
    expect(page.locator("#relations")).to_contain_text("拜访财务总监，确认三月付款计划")


def test_a_survey_is_answered_on_a_phone_once(phone_page, live_server, settings, manager, company, customer, template):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ARDESK_PUBLIC_URL = live_server.url
    contact = customer.contacts.get(name="李娜")
    services.survey_send(by=manager, template=template, company_id=company.pk, contact_ids=[contact.pk])
    link = services.survey_link(SurveyInvitation.objects.get())

    phone_page.goto(link)
    expect(phone_page.locator("h1")).to_have_text("满意度调查")
    expect(phone_page.locator("#survey-form")).to_contain_text("您对我们的服务（开票、对账、收款）总体满意吗？")
    # Nothing wider than the phone: no sideways scrolling.
    wide = phone_page.evaluate(
        "[...document.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > 390)"
        ".map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"
    )
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390, wide
    phone_page.locator("fieldset.scale").nth(0).locator("label", has_text="4").click()
    phone_page.locator("fieldset.scale").nth(1).locator("label", has_text="9").click()
    phone_page.fill("#id_comment", "对账及时，服务很好")
    phone_page.locator("#survey-form button[type=submit]").click()
    expect(phone_page.locator("#survey-thanks")).to_be_visible()
    answer = SurveyAnswer.objects.get()
    assert (answer.csat, answer.nps, answer.comment) == (4, 9, "对账及时，服务很好")

    phone_page.goto(link)
    expect(phone_page.locator("#survey-used")).to_be_visible()
    phone_page.goto(link[:-3] + "xyz/")
    expect(phone_page.locator("#link-invalid")).to_be_visible()
