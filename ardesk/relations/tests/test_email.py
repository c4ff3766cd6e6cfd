"""The survey invitation over a real SMTP conversation: in the contact's language, with a link that works."""

from __future__ import annotations

import pytest
from django.test import TestCase

from ardesk.relations import services

pytestmark = pytest.mark.django_db


def test_the_smtp_server_receives_each_invitation_in_the_contacts_language_with_a_working_link(
    smtp_server, client, manager, company, customer, template
):
    contacts = list(customer.contacts.values_list("pk", flat=True))
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.survey_send(by=manager, template=template, company_id=company.pk, contact_ids=contacts)

    received = {m["To"]: m for m in smtp_server.messages}
    assert set(received) == {"li.na@example.cn", "anna@example.com"}
    chinese = received["li.na@example.cn"].get_body(("plain",)).get_content()
    english = received["anna@example.com"].get_body(("plain",)).get_content()
    assert received["li.na@example.cn"]["Subject"] == "客户满意度调查"
    assert "李娜" in chinese and "感谢您一直以来的合作" in chinese
    assert received["anna@example.com"]["Subject"] == "Customer satisfaction"
    assert "Dear Anna Smith," in english and "Please answer a few short questions" in english

    for body, question in ((chinese, "您对我们的服务"), (english, "How satisfied are you")):
        (link,) = [word for word in body.split() if word.startswith("https://ar.xingchen.example.cn/survey/")]
        page = client.get(link.removeprefix("https://ar.xingchen.example.cn"))
        assert page.status_code == 200
        assert question in page.content.decode()
