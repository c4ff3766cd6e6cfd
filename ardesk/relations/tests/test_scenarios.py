"""Stories of customer relations: a complaint from opening to the customer's confirmation; a survey answered once."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import TestCase

from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.relations import selectors, services
from ardesk.relations.errors import LinkAlreadyUsed, LinkNotValid
from ardesk.relations.models import ComplaintEvent, Revisit, RevisitReason, SurveyAnswer

pytestmark = pytest.mark.django_db
D0 = dt.date(2026, 3, 2)


def test_a_complaint_opens_passes_its_deadline_escalates_is_resolved_and_confirmed(collector, manager, customer):
    complaint = services.complaint_open(
        by=collector,
        customer=customer,
        category="billing",
        severity="high",
        subject="发票金额与合同不符",
        opened_on=D0,
    )
    # High severity: three days, so due on 5 March; the customer's collector owns it.
    assert complaint.due_on == dt.date(2026, 3, 5)
    assert complaint.owner == collector

    # On the deadline nothing happens; the day after, the daily job escalates it to the finance manager, once.
    assert services.complaints_escalate(as_of=dt.date(2026, 3, 5)) == 0
    assert services.complaints_escalate(as_of=dt.date(2026, 3, 6)) == 1
    assert services.complaints_escalate(as_of=dt.date(2026, 3, 7)) == 0
    complaint.refresh_from_db()
    assert (complaint.escalated_on, complaint.escalated_to) == (dt.date(2026, 3, 6), manager)
    assert ComplaintEvent.objects.filter(complaint=complaint, is_escalation=True).count() == 1
    report = selectors.complaint_report(manager, as_of=dt.date(2026, 3, 7))
    (billing,) = report.by_category
    assert (billing["total"], billing["late"], billing["escalated"], billing["band_0-7"]) == (1, 1, 1, 1)

    # It cannot be closed before it is resolved, nor resolved without saying how.
    with pytest.raises(InvalidInput):
        services.complaint_move(by=collector, complaint=complaint, status="closed", on=dt.date(2026, 3, 7))
    with pytest.raises(InvalidInput):
        services.complaint_move(by=collector, complaint=complaint, status="resolved", on=dt.date(2026, 3, 7))
    services.complaint_move(by=collector, complaint=complaint, status="in_progress", on=dt.date(2026, 3, 7))
    complaint = services.complaint_move(
        by=collector,
        complaint=complaint,
        status="resolved",
        resolution="开具红字发票冲减差额",
        on=dt.date(2026, 3, 9),
    )
    # Resolved after 7 days; a revisit follows two weeks later.
    assert complaint.resolution_days == 7
    revisit = Revisit.objects.get(customer=customer, reason=RevisitReason.COMPLAINT)
    assert revisit.due_on == dt.date(2026, 3, 23)

    closed = services.complaint_confirm(by=collector, complaint=complaint, note="客户电话确认", on=dt.date(2026, 3, 10))
    assert (closed.status, closed.confirmed_on) == ("closed", dt.date(2026, 3, 10))
    assert list(ComplaintEvent.objects.filter(complaint=complaint).values_list("status", flat=True)) == [
        "open",
        "",
        "in_progress",
        "resolved",
        "closed",
    ]
    report = selectors.complaint_report(manager, as_of=dt.date(2026, 3, 10), date_from=D0)
    assert report.by_category == []
    assert report.resolution_total["count"] == 1
    assert report.resolution_total["on_time"] == 0  # resolved on 9 March, due on 5 March


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_a_survey_goes_out_is_answered_once_and_a_detractor_becomes_a_task(
    client, settings, manager, collector, company, customer, template
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contacts = list(customer.contacts.values_list("pk", flat=True))
    with TestCase.captureOnCommitCallbacks(execute=True):
        survey = services.survey_send(by=manager, template=template, company_id=company.pk, contact_ids=contacts)
    assert len(mail.outbox) == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    chinese, english = by_address["li.na@example.cn"], by_address["anna@example.com"]
    assert chinese.subject == "客户满意度调查"
    assert "尊敬的李娜：" in chinese.body and "感谢您一直以来的合作" in chinese.body
    assert english.subject == "Customer satisfaction"

    path = _link(chinese).split("://", 1)[1].split("/", 1)[1]
    page = client.get(f"/{path}")
    assert page.status_code == 200
    assert "您对我们的服务（开票、对账、收款）总体满意吗？" in page.content.decode()

    answered = client.post(f"/{path}", {"csat": "2", "nps": "3", "comment": "对账太慢"})
    assert answered.status_code == 200
    assert "感谢您的回答。" in answered.content.decode()
    answer = SurveyAnswer.objects.get()
    assert (answer.csat, answer.nps, answer.customer) == (2, 3, customer)

    # The second use of the link is refused, on the page and in the service.
    again = client.post(f"/{path}", {"csat": "5", "nps": "10"})
    assert again.status_code == 410
    assert SurveyAnswer.objects.count() == 1
    token = path.rstrip("/").rsplit("/", 1)[1]
    with pytest.raises(LinkAlreadyUsed):
        services.survey_answer(token=token, csat=5, nps=10)

    # NPS 3 is a detractor: the relationship owner (the collector) gets a follow-up call in three days.
    task = Revisit.objects.get(reason=RevisitReason.DETRACTOR)
    assert (task.owner, task.customer, task.channel) == (collector, customer, "call")
    assert task.due_on == clock.today() + dt.timedelta(days=3)

    results = selectors.survey_results(manager, survey_id=survey.pk)
    assert (results.overall.sent, results.overall.answered) == (2, 1)
    assert results.overall.nps.detractors == 1


def test_an_altered_or_expired_link_shows_nothing(client, manager, company, customer, template, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with TestCase.captureOnCommitCallbacks(execute=True):
        survey = services.survey_send(
            by=manager, template=template, company_id=company.pk, contact_ids=[customer.contacts.first().pk]
        )
    path = "/" + _link(mail.outbox[0]).split("://", 1)[1].split("/", 1)[1]
    token = path.rstrip("/").rsplit("/", 1)[1]
    altered = path.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    for bad in (altered, "/survey/nothing-signed/"):
        response = client.get(bad)
        assert response.status_code == 404
        assert customer.name not in response.content.decode()
    with pytest.raises(LinkNotValid):
        services.survey_answer(token=token[:-1], csat=4, nps=9)
    survey.expires_on = clock.today() - dt.timedelta(days=1)
    survey.save()
    response = client.get(path)
    assert response.status_code == 404 and customer.name not in response.content.decode()


def test_the_public_page_is_rate_limited(client):
    address = {"REMOTE_ADDR": "10.9.8.7"}  # its own address: other tests' requests are not counted with it
    for _ in range(30):
        assert client.get("/survey/x/", **address).status_code == 404
    assert client.get("/survey/x/", **address).status_code == 429


def test_revisits_are_planned_by_rule_once(manager, collector, customer):
    from ardesk.relations.models import RelationProfile

    RelationProfile.objects.create(customer=customer, is_key_account=True)
    assert services.revisits_plan_by_rule(as_of=dt.date(2026, 1, 10)) == 1
    assert services.revisits_plan_by_rule(as_of=dt.date(2026, 2, 10)) == 0  # the same quarter
    assert services.revisits_plan_by_rule(as_of=dt.date(2026, 4, 1)) == 1
    due = list(Revisit.objects.filter(reason=RevisitReason.KEY_ACCOUNT).values_list("due_on", flat=True))
    assert due == [dt.date(2026, 2, 28), dt.date(2026, 5, 31)]
    interaction = services.interaction_log(
        by=collector,
        customer=customer,
        channel="visit",
        purpose="revisit",
        occurred_on=dt.date(2026, 2, 20),
        outcome="客户满意",
        revisit=Revisit.objects.get(due_on=dt.date(2026, 2, 28)),
    )
    done = Revisit.objects.get(due_on=dt.date(2026, 2, 28))
    assert (done.status, done.interaction, done.done_on) == ("done", interaction, dt.date(2026, 2, 20))
    overdue = selectors.revisits_overdue(manager, as_of=dt.date(2026, 6, 1))
    assert [r.due_on for r in overdue] == [dt.date(2026, 5, 31)]


def test_an_unanswered_invitation_is_reminded_once(settings, manager, company, customer, template):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contact = customer.contacts.get(name="Anna Smith")
    with TestCase.captureOnCommitCallbacks(execute=True):
        survey = services.survey_send(
            by=manager, template=template, company_id=company.pk, contact_ids=[contact.pk], on=clock.today()
        )
    # The template reminds after 5 days: not on day 4, once on day 5, never again.
    assert services.survey_reminders(as_of=survey.sent_on + dt.timedelta(days=4)) == 0
    assert services.survey_reminders(as_of=survey.sent_on + dt.timedelta(days=5)) == 1
    assert services.survey_reminders(as_of=survey.sent_on + dt.timedelta(days=6)) == 0
    reminder = mail.outbox[-1]
    assert reminder.subject == "Reminder: Customer satisfaction"
    assert _link(reminder).startswith(settings.ARDESK_PUBLIC_URL + "/survey/")


def test_the_worklist_offers_logging_an_interaction_through_the_registry(collector, customer):
    from ardesk.customers import page_hooks

    actions = page_hooks.actions_for(collector, customer.pk, "worklist")
    assert [a["url"] for a in actions] == [f"/relations/customers/{customer.pk}/log/"]
