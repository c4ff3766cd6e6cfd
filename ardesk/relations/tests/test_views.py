"""The relations screens: the customer page's panel and action, logging with an attachment, who may do what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ardesk.relations import services
from ardesk.relations.models import Interaction

pytestmark = pytest.mark.django_db


def as_user(client, user):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_customer_page_offers_the_relations_panel_and_logging_through_the_registry(client, collector, customer):
    page = as_user(client, collector).get(f"/customers/{customer.pk}/").content.decode()
    assert f'hx-get="/relations/customers/{customer.pk}/panel/"' in page
    assert f'href="/relations/customers/{customer.pk}/log/"' in page
    panel = client.get(f"/relations/customers/{customer.pk}/panel/")
    assert panel.status_code == 200 and "Nothing recorded yet." in panel.content.decode()


def test_an_interaction_logged_with_an_attachment_shows_on_the_timeline(client, collector, customer):
    as_user(client, collector)
    contact = customer.contacts.get(name="李娜")
    response = client.post(
        f"/relations/customers/{customer.pk}/log/",
        {
            "channel": "meeting",
            "purpose": "relationship",
            "occurred_on": "2026-03-02",
            "contact": contact.pk,
            "outcome": "年度合作回顾",
            "next_action": "发送会议纪要",
            "next_action_on": "2026-03-05",
            "attachments": [SimpleUploadedFile("纪要.pdf", b"%PDF-1.4 minutes", content_type="application/pdf")],
        },
    )
    assert response.status_code == 302
    timeline = client.get(response["Location"]).content.decode()
    assert "年度合作回顾" in timeline and "李娜" in timeline and "纪要.pdf" in timeline
    attachment = Interaction.objects.get().attachments.get()
    download = client.get(f"/relations/attachments/{attachment.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 minutes"
    assert client.get(f"/relations/customers/{customer.pk}/timeline/?kind=meeting&format=xlsx").status_code == 200
    pdf = client.get(f"/relations/customers/{customer.pk}/timeline/?format=pdf")
    assert pdf.content.startswith(b"%PDF")


def test_the_auditor_reads_but_logs_nothing_and_another_company_sees_nothing(
    client, auditor, collector, customer, other_company
):
    from ardesk.conftest import make_persona

    as_user(client, auditor)
    assert client.get(f"/relations/customers/{customer.pk}/timeline/").status_code == 200
    assert client.get(f"/relations/customers/{customer.pk}/log/").status_code == 403
    stranger = make_persona("stranger", "collector", [other_company])
    as_user(client, stranger)
    assert client.get(f"/relations/customers/{customer.pk}/timeline/").status_code == 404


def test_complaint_screens_move_a_complaint_to_resolved_and_closed(client, collector, manager, customer):
    as_user(client, collector)
    response = client.post(
        f"/relations/customers/{customer.pk}/complaints/new/",
        {"category": "delivery", "severity": "critical", "subject": "到货延误"},
    )
    assert response.status_code == 302
    url = response["Location"]
    assert "到货延误" in client.get(url).content.decode()
    client.post(url, {"move-status": "resolved", "move-resolution": "补发货物"})
    client.post(url, {"confirm": "1", "confirm-note": "客户确认"})
    page = client.get(url).content.decode()
    assert "Closed" in page and "客户确认" in page
    assert "到货延误" not in client.get("/relations/complaints/").content.decode()  # not open any more
    assert "到货延误" in client.get("/relations/complaints/?status=closed").content.decode()
    as_user(client, manager)
    report = client.get("/relations/complaints/report/")
    assert report.status_code == 200
    assert client.get("/relations/complaints/report/?format=xlsx").status_code == 200


def test_the_complaint_report_exports_keep_the_dates_on_the_screen(client, manager):
    as_user(client, manager)
    page = client.get("/relations/complaints/report/", {"as_of": "2026-03-31", "from": "2026-01-01"}).content.decode()
    assert 'href="?as_of=2026-03-31&amp;from=2026-01-01&amp;format=xlsx"' in page
    assert 'href="?as_of=2026-03-31&amp;from=2026-01-01&amp;format=pdf"' in page


def test_the_survey_results_show_the_period_they_cover_in_a_date_filter(client, manager):
    as_user(client, manager)
    page = client.get("/relations/surveys/", {"from": "2026-01-01", "to": "2026-03-31"}).content.decode()
    period = page[page.index('id="survey-period"') :]
    assert 'type="date" name="from" value="2026-01-01"' in period
    assert 'type="date" name="to" value="2026-03-31"' in period


def test_surveys_revisits_and_calendar_screens(client, manager, customer, template):
    as_user(client, manager)
    services.revisit_plan(by=manager, customer=customer, due_on=dt.date(2026, 3, 10), note="季度拜访")
    assert client.get("/relations/surveys/").status_code == 200
    assert client.get("/relations/surveys/send/").status_code == 200
    assert "季度拜访" in client.get("/relations/revisits/?all=1").content.decode()
    assert customer.name in client.get("/relations/revisits/calendar/?month=2026-03&all=1").content.decode()
    assert client.get("/relations/revisits/?format=xlsx").status_code == 200


def test_sending_a_survey_from_the_screen_names_customers_without_an_address(
    client, manager, company, customer, template
):
    as_user(client, manager)
    response = client.post(
        "/relations/surveys/send/", {"template": template.pk, "company": company.pk, "customers": "C100 C999"}
    )
    assert "C999" in response.content.decode()
    response = client.post(
        "/relations/surveys/send/", {"template": template.pk, "company": company.pk, "customers": "C100"}
    )
    assert response.status_code == 302
