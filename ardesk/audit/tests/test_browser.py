"""The audit trail screen in a real browser: who may open it, what it shows, verifying the hash chain."""

from __future__ import annotations

from ardesk.audit.models import AuditEvent
from ardesk.core.testing.browser import BROWSER, signed_in
from ardesk.customers import services
from ardesk.customers.domain import make_uscc

pytestmark = BROWSER

VERIFY = "form[action$='/audit/verify/'] button[type=submit]"


def test_auditor_reads_the_trail_and_verifies_its_hash_chain(page, live_server, persona, company):
    customer = services.customer_create(
        by=persona("accountant"),
        company=company,
        code="A9001",
        name="杭州澄澈环保科技有限公司",
        uscc=make_uscc("91", "330106", "MA2B3C4D"),
    )
    signed_in(page, live_server, persona("auditor"))
    with page.expect_navigation():
        page.click(".sidebar a[href='/audit/']")
    assert page.url == f"{live_server.url}/audit/"

    rows = page.locator("table.data tbody tr")
    created = rows.filter(has_text=str(customer)).filter(has_text="accountant")
    assert created.count() == 1
    assert customer.name in created.inner_text()  # its values, as created
    seqs = [int(text) for text in rows.locator("td.num").all_inner_texts()]
    assert seqs == sorted(seqs, reverse=True)  # newest first
    assert seqs[0] == AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()

    page.fill("#f-actor", "accountant")
    with page.expect_navigation():
        page.press("#f-actor", "Enter")
    assert rows.count() == AuditEvent.objects.filter(actor_name__icontains="accountant").count() >= 1
    assert all("accountant" in text for text in rows.all_inner_texts())

    with page.expect_navigation():
        page.click(VERIFY)
    assert page.locator(".messages li.success").is_visible()
    assert page.locator(".messages li.error").count() == 0

    # Changed behind the application's back: verification names the event.
    forged = AuditEvent.objects.get(action="customer.create", object_id=str(customer.pk))
    AuditEvent.objects.filter(pk=forged.pk).update(object_repr="伪造的记录")
    with page.expect_navigation():
        page.click(VERIFY)
    error = page.locator(".messages li.error")
    assert error.is_visible()
    assert str(forged.seq) in error.inner_text()
    assert page.locator(".messages li.success").count() == 0


def test_a_collector_is_refused_the_audit_trail(page, live_server, persona):
    signed_in(page, live_server, persona("collector"))
    assert page.locator(".sidebar a[href='/audit/']").count() == 0  # not offered
    response = page.goto(f"{live_server.url}/audit/")
    assert response.status == 403
    assert page.locator(".topbar").is_visible()  # the application's own page, not a bare error
    assert page.locator("table.data").count() == 0
    assert page.locator(VERIFY).count() == 0
