"""A credit request's evidence: checked like a customer's attachments, served only to who may read the request."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ardesk.conftest import make_persona
from ardesk.credit.models import CreditRequest

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def client_for(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


def ask(client, customer, upload):
    return client.post(
        reverse("credit:request_create", args=[customer.pk]),
        {"kind": "limit", "amount": "5000000.00", "reason": "New distributor contract", "evidence": upload},
    )


def test_an_html_file_is_refused_as_evidence_and_nothing_is_stored(analyst, customer, settings):
    html = SimpleUploadedFile("contract.pdf", b"<html><script>x</script>", "application/pdf")
    page = ask(client_for(analyst), customer, html)
    assert "contract.pdf is not a PDF, PNG or JPEG file." in page.content.decode()
    assert not CreditRequest.objects.exists()
    assert not (settings.MEDIA_ROOT / "credit").exists()


def test_evidence_over_the_attachment_limit_is_refused(analyst, customer, settings):
    settings.ARDESK_ATTACHMENT_MAX_BYTES = 1024 * 1024
    scan = SimpleUploadedFile("scan.pdf", PDF + b"0" * (1536 * 1024), "application/pdf")
    page = ask(client_for(analyst), customer, scan)
    assert "scan.pdf is 1.5 MB; the limit is 1.0 MB." in page.content.decode()
    assert not CreditRequest.objects.exists()


@pytest.fixture
def with_evidence(analyst, customer):
    ask(client_for(analyst), customer, SimpleUploadedFile("合同.pdf", PDF, "application/pdf"))
    return CreditRequest.objects.get()


def test_the_queue_links_the_evidence_to_a_download_that_answers(with_evidence, manager):
    link = reverse("credit:request_evidence", args=[with_evidence.pk])
    queue = client_for(manager).get(reverse("credit:requests")).content.decode()
    assert f'href="{link}"' in queue
    answer = client_for(manager).get(link)
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == PDF
    assert answer["Content-Type"] == "application/pdf"
    assert answer["Content-Disposition"].startswith("attachment;")
    assert answer["X-Content-Type-Options"] == "nosniff"


def test_another_companys_user_gets_not_found_for_the_evidence(with_evidence, other_company):
    stranger = make_persona("manager_sz", "finance_manager", [other_company])
    assert client_for(stranger).get(reverse("credit:request_evidence", args=[with_evidence.pk])).status_code == 404


def test_a_role_that_may_not_read_requests_is_refused_the_evidence(with_evidence, administrator):
    assert client_for(administrator).get(reverse("credit:request_evidence", args=[with_evidence.pk])).status_code == 403


def test_evidence_stored_before_the_check_is_downloaded_never_shown(with_evidence, manager):
    """An HTML file kept by an older version is sent as an opaque download, so no browser renders it."""
    with_evidence.evidence.save("page.html", SimpleUploadedFile("page.html", b"<script>alert(1)</script>"))
    answer = client_for(manager).get(reverse("credit:request_evidence", args=[with_evidence.pk]))
    assert answer["Content-Type"] == "application/octet-stream"
    assert answer["Content-Disposition"].startswith("attachment;")
