"""Through the link: each document's PDF (only the link's customer's), and the contact's surveys answered."""

from __future__ import annotations

import base64
import re
import zlib

import pytest
from django.apps import apps
from django.conf import settings
from django.test import TestCase
from django.urls import reverse

from ardesk.audit.models import AuditEvent
from ardesk.core import clock
from ardesk.ledger import services as ledger
from ardesk.ledger.document_files import document_pdf
from ardesk.ledger.models import Document, DueLine
from ardesk.ledger.tests.factories import credit_note
from ardesk.portal import services
from ardesk.portal.models import PortalAccess
from ardesk.relations import selectors as relations
from ardesk.relations import services as surveys
from ardesk.relations.defaults import survey_template_ensure
from ardesk.relations.models import Revisit, RevisitReason, SurveyAnswer, SurveyInvitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(accountant, customer_a):
    return services.link_issue(by=accountant, contact=customer_a.contacts.get())


@pytest.fixture
def base(link):
    return services.link_url(link).removeprefix(settings.ARDESK_PUBLIC_URL)


def pdf_content(data: bytes) -> bytes:
    """The page contents of a PDF, its compressed streams opened: Latin text shows as ``(text) Tj``."""
    found = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        stream = stream.strip()
        if stream.endswith(b"~>"):  # ReportLab's streams: ASCII85 over Flate
            found.append(zlib.decompress(base64.a85decode(stream[:-2])))
    return b"\n".join(found)


def cjk(text: str) -> bytes:
    """Chinese text as the built-in CJK font writes it: UCS-2 bytes in a PDF string, escaped."""
    escaped = b""
    for byte in text.encode("utf-16-be"):
        if byte in b"()\\":
            escaped += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            escaped += bytes([byte])
        else:
            escaped += b"\\%03o" % byte
    return escaped


# --- documents ----------------------------------------------------------------------------------


def test_each_open_item_and_document_opens_its_pdf_in_the_contacts_language(client, base, customer_a):
    document = Document.objects.get(customer=customer_a, number="INV-A-1")
    url = base + f"documents/{document.pk}/"
    page = client.get(base).content.decode()
    assert page.count(f'href="{url}"') == 2  # the open item and the list of documents
    assert "单据" in page

    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="invoice-INV-A-1.pdf"' in response["Content-Disposition"]
    content = pdf_content(response.content)
    assert response.content.startswith(b"%PDF")
    for text in ["发票（副本）", "星辰实业（上海）有限公司", "华东机电有限公司", "分期", "到期日", "不是税务发票"]:
        assert cjk(text) in content, text
    for text in [b"INV-A-1", b"1,000.00", f"{document.due_on:%Y-%m-%d}".encode()]:
        assert text in content, text
    assert PortalAccess.objects.filter(action="document", detail="INV-A-1").count() == 1


def test_another_customers_or_companys_document_shows_nothing_through_an_altered_url(
    client, base, customer_b, customer_c, accountant, customer_a
):
    neutral = client.get("/p/not-a-token/documents/1/")
    assert neutral.status_code == 404
    draft = Document.objects.create(
        company=customer_a.company,
        customer=customer_a,
        doc_type="invoice",
        number="INV-A-DRAFT",
        issue_on=clock.today(),
        due_on=clock.today(),
        currency="CNY",
        amount=100,
        functional_amount=100,
        status="draft",
    )
    others = [
        Document.objects.get(customer=customer_b, number="INV-B-1").pk,  # another customer of the company
        Document.objects.get(customer=customer_c, number="INV-C-1").pk,  # a customer of another company
        draft.pk,  # not posted
        Document.objects.order_by("-pk").first().pk + 1000,  # none at all
    ]
    for document_id in others:
        response = client.get(base + f"documents/{document_id}/")
        assert response.status_code == 404, document_id
        assert b"%PDF" not in response.content and "INV-" not in response.content.decode()
        assert 'id="link-invalid"' in response.content.decode()
    assert not PortalAccess.objects.filter(action="document").exists()


def test_a_credit_note_copy_names_what_it_was_applied_to(accountant, customer_b):
    note = credit_note(accountant, customer_b, "CN-B-1", "200.00", issue_on=clock.today())
    line = DueLine.objects.get(document__number="INV-B-1")
    ledger.allocation_create(by=accountant, source=note, line=line, amount="200.00", on=clock.today())
    content = pdf_content(document_pdf(note, "en", as_of=clock.today()))
    for text in [b"Credit note", b"CN-B-1", b"Applied to", b"INV-B-1", b"200.00", b"Not yet applied"]:
        assert text in content, text
    invoice = pdf_content(document_pdf(line.document, "en", as_of=clock.today()))
    assert b"Payments and credits applied" in invoice and b"CN-B-1" in invoice and b"800.00" in invoice


# --- surveys ------------------------------------------------------------------------------------


@pytest.fixture
def invitations(settings, manager, company, customer_a, customer_b):
    """The shipped survey sent to the contacts of A and B."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    template = survey_template_ensure(apps)
    contacts = [customer_a.contacts.get().pk, customer_b.contacts.get().pk]
    with TestCase.captureOnCommitCallbacks(execute=True):
        surveys.survey_send(by=manager, template=template, company_id=company.pk, contact_ids=contacts)
    return {i.customer_id: i for i in SurveyInvitation.objects.all()}


def test_a_pending_survey_is_answered_through_the_link_and_lands_on_the_timeline_and_with_the_owner(
    client, base, link, invitations, customer_a, customer_b, collector
):
    mine, theirs = invitations[customer_a.pk], invitations[customer_b.pk]
    page = client.get(base).content.decode()
    assert "客户满意度调查" in page and f'href="{base}surveys/{mine.pk}/"' in page
    assert f"surveys/{theirs.pk}/" not in page  # another customer's contact's invitation

    form = client.get(base + f"surveys/{mine.pk}/").content.decode()
    assert "您对我们的服务（开票、对账、收款）总体满意吗？" in form and "csrfmiddlewaretoken" in form
    refused = client.post(base + f"surveys/{mine.pk}/", {"comment": "无"})
    assert refused.status_code == 200 and not SurveyAnswer.objects.exists()

    done = client.post(base + f"surveys/{mine.pk}/", {"csat": "2", "nps": "3", "comment": "对账太慢"}, follow=True)
    assert "感谢您的回答" in done.content.decode()
    answer = SurveyAnswer.objects.get()
    assert (answer.customer, answer.csat, answer.nps, answer.comment) == (customer_a, 2, 3, "对账太慢")
    # On the customer's timeline, with its owner (a detractor: a follow-up call), in the logs.
    assert len(relations.timeline(customer_a, kinds=["survey"]).entries) == 1
    task = Revisit.objects.get(reason=RevisitReason.DETRACTOR)
    assert (task.customer, task.owner) == (customer_a, collector)
    assert PortalAccess.objects.filter(link=link, action="survey").count() == 1
    assert AuditEvent.objects.filter(action="portal.survey_answer").count() == 1

    # Answered once: shown as answered, the form gone; the other contact's invitation cannot be reached.
    page = client.get(base).content.decode()
    assert "已回答" in page and f"surveys/{mine.pk}/" not in page
    again = client.post(base + f"surveys/{mine.pk}/", {"csat": "5"}, follow=True)
    assert "此调查已回答或已关闭" in again.content.decode()
    client.post(base + f"surveys/{theirs.pk}/", {"csat": "5", "nps": "10"})
    assert SurveyAnswer.objects.count() == 1 and SurveyInvitation.objects.get(pk=theirs.pk).answered_at is None


def test_a_survey_through_a_link_that_asks_for_a_code_first_leads_to_the_code_page(
    client, accountant, customer_a, invitations
):
    link = services.link_issue(by=accountant, contact=customer_a.contacts.get(), requires_code=True)
    base = services.link_url(link).removeprefix(settings.ARDESK_PUBLIC_URL)
    response = client.get(base + f"surveys/{invitations[customer_a.pk].pk}/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("portal:code", args=[base[3:-1]]))
