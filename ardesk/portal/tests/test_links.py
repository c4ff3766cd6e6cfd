"""A link shows its own customer and nothing else: altered, guessed, expired, revoked and foreign links show nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.signing import dumps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ardesk.audit.models import AuditEvent
from ardesk.audit.templatetags.audit_tags import actor_label
from ardesk.collections.models import PromiseToPay
from ardesk.core import clock
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.core.signed_links import link_token
from ardesk.customers.services import contact_delete
from ardesk.ledger.models import DueLine
from ardesk.portal import services
from ardesk.portal.models import PortalAccess, PortalLink

pytestmark = pytest.mark.django_db

NEUTRAL = '<h1 id="link-invalid">此链接无效。</h1>'


def path_of(link: PortalLink) -> str:
    return services.link_url(link).removeprefix(settings.ARDESK_PUBLIC_URL)


def issue(by, customer, **kwargs) -> PortalLink:
    return services.link_issue(by=by, contact=customer.contacts.get(), **kwargs)


def refused(client, path: str):
    response = client.get(path)
    assert response.status_code == 404
    # The same page whatever the reason: nothing tells a guessed link from an expired or revoked one.
    assert NEUTRAL in response.content.decode()
    assert response.content == client.get(reverse("portal:home", args=["0"])).content
    return response


def test_a_link_shows_its_customer_balance_and_items_and_nothing_of_another(client, accountant, customer_a, customer_b):
    link = issue(accountant, customer_a)
    page = client.get(path_of(link)).content.decode()
    # The contact reads Chinese: 1,500.00 owed, INV-A-1 thirty days overdue, the other not yet due.
    assert "华东机电有限公司" in page and "李娜" in page
    assert "1,500.00 CNY" in page
    assert "INV-A-1" in page and "INV-A-2" in page
    assert "逾期 30 天" in page
    assert "INV-B" not in page and "Pacific Parts" not in page
    assert PortalAccess.objects.get().action == "view"


def test_the_statement_form_asks_for_a_format_not_a_file(client, accountant, customer_a):
    page = client.get(path_of(issue(accountant, customer_a))).content.decode()
    assert re.search(r'<label for="id_format">\s*格式', page)
    assert not re.search(r'<label for="id_format">\s*文件', page)


def test_an_english_contact_reads_english(client, accountant, customer_b):
    page = client.get(path_of(issue(accountant, customer_b))).content.decode()
    assert "Your account" in page and "30 days overdue" in page


def test_altered_guessed_and_foreign_tokens_show_the_same_neutral_page(client, accountant, customer_a, customer_b):
    link_a, link_b = issue(accountant, customer_a), issue(accountant, customer_b)
    token_a = services.link_url(link_a).rstrip("/").rsplit("/", 1)[-1]
    # One character changed anywhere in the token.
    for position in (5, len(token_a) // 2, len(token_a) - 2):
        swapped = "A" if token_a[position] != "A" else "B"
        refused(client, reverse("portal:home", args=[token_a[:position] + swapped + token_a[position + 1 :]]))
    # A token signed by us for B's link id with A's nonce (a replayed nonce on another id).
    refused(
        client, reverse("portal:home", args=[link_token({"l": link_b.pk, "n": link_a.nonce}, salt=services.LINK_SALT)])
    )
    # Another purpose's signature (a survey link) or no signature at all.
    refused(
        client,
        reverse("portal:home", args=[link_token({"l": link_a.pk, "n": link_a.nonce}, salt="ardesk.relations.survey")]),
    )
    refused(client, reverse("portal:home", args=[dumps({"l": link_a.pk, "n": link_a.nonce}, key="guessed-secret")]))
    refused(client, reverse("portal:home", args=["1"]))
    # The statement and the answer pages refuse the same way.
    refused(
        client,
        reverse("portal:statement", args=["x" + token_a]) + "?date_from=2026-01-01&date_to=2026-01-31&format=pdf",
    )
    refused(client, reverse("portal:answer", args=["x" + token_a, "CNY"]))
    assert PortalAccess.objects.count() == 0


def test_expired_revoked_and_removed_contact_links_show_nothing(client, accountant, manager, customer_a):
    expired = issue(accountant, customer_a, days=1)
    PortalLink.objects.filter(pk=expired.pk).update(expires_on=clock.today() - dt.timedelta(days=1))
    refused(client, path_of(expired))

    revoked = issue(accountant, customer_a)
    assert client.get(path_of(revoked)).status_code == 200
    services.link_revoke(by=manager, link=revoked, reason="换了联系人")
    refused(client, path_of(revoked))

    kept = issue(accountant, customer_a)
    contact_delete(by=accountant, contact=customer_a.contacts.get())
    kept.refresh_from_db()
    assert kept.revoked_at is not None and kept.revoked_reason == "contact_removed"
    refused(client, path_of(kept))


def test_another_companys_link_reads_only_its_customer_and_cannot_act_on_ours(
    client, accountant, other_accountant, customer_a, customer_c
):
    link_c = issue(other_accountant, customer_c)
    page = client.get(path_of(link_c)).content.decode()
    assert "深圳星辰电子有限公司" in page and "INV-C-1" in page and "INV-A" not in page

    # Customer A's item id posted through C's link is refused; no promise is made for anyone.
    line_a = DueLine.objects.get(customer=customer_a, document__number="INV-A-1")
    response = client.post(
        path_of(link_c) + "promise/",
        {
            "lines": [str(line_a.pk)],
            "amount": "100.00",
            "promised_on": (clock.today() + dt.timedelta(days=5)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert not PromiseToPay.objects.exists()


def test_only_the_staff_of_the_company_issue_links(client, accountant, other_accountant, analyst, customer_a):
    with pytest.raises(NotPermitted):
        services.link_issue(by=other_accountant, contact=customer_a.contacts.get())
    with pytest.raises(NotPermitted):
        services.link_issue(by=analyst, contact=customer_a.contacts.get())
    client.force_login(other_accountant)
    assert client.get(reverse("portal:customer_links", args=[customer_a.pk])).status_code == 404
    client.force_login(analyst)
    assert client.get(reverse("portal:customer_links", args=[customer_a.pk])).status_code == 403


def test_the_accountant_issues_and_revokes_a_link_from_the_customer_page(client, accountant, customer_a):
    client.force_login(accountant)
    detail = client.get(reverse("customers:detail", args=[customer_a.pk])).content.decode()
    assert reverse("portal:customer_links", args=[customer_a.pk]) in detail
    url = reverse("portal:customer_links", args=[customer_a.pk])
    response = client.post(url, {"contact": customer_a.contacts.get().pk, "days": "14"}, follow=True)
    link = PortalLink.objects.get()
    assert link.expires_on == clock.today() + dt.timedelta(days=14)
    assert services.link_url(link) in response.content.decode()
    client.post(reverse("portal:link_revoke", args=[link.pk]), follow=True)
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert list(
        AuditEvent.objects.filter(action__startswith="portal.").values_list("action", flat=True).order_by("seq")
    ) == [
        "portal.link_issue",
        "portal.link_revoke",
    ]


def test_too_many_requests_from_one_address_are_refused(client, accountant, customer_a, monkeypatch):
    monkeypatch.setattr("ardesk.portal.domain.PAGE_LIMIT_PER_MINUTE", 3)
    path = path_of(issue(accountant, customer_a))
    assert [client.get(path).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_the_customers_acts_show_as_done_by_the_customer_on_the_portal(client, accountant, customer_a):
    link = issue(accountant, customer_a)
    line = DueLine.objects.get(customer=customer_a, document__number="INV-A-1")
    services.promise_make(
        link=link,
        amount="1000.00",
        promised_on=clock.today() + dt.timedelta(days=7),
        line_ids=[line.pk],
        ip="203.0.113.9",
    )
    event = AuditEvent.objects.get(action="portal.promise")
    assert (event.after["contact_name"], event.ip) == ("李娜", "203.0.113.9")
    assert actor_label(event) == "Customer (portal)"
    assert actor_label(AuditEvent.objects.get(action="collections.promise")) == "Customer (portal)"


def test_too_many_answers_through_one_link_are_refused(client, accountant, customer_a, monkeypatch):
    monkeypatch.setattr("ardesk.portal.domain.ANSWER_LIMIT_PER_HOUR", 2)
    path = path_of(issue(accountant, customer_a)) + "complaint/"
    answers = [client.post(path, {"category": "other", "subject": f"问题 {n}"}).status_code for n in range(3)]
    assert answers == [302, 302, 429]


def test_a_link_with_a_one_time_code_lets_the_visitor_act_only_after_the_code_from_the_email(
    client, settings, accountant, customer_a
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    link = services.link_issue(by=accountant, contact=customer_a.contacts.get(), requires_code=True)
    base = services.link_url(link).removeprefix(settings.ARDESK_PUBLIC_URL)
    # Reading needs no code; acting does: the promise page sends the visitor to the code page.
    assert client.get(base).status_code == 200
    refused = client.get(f"{base}promise/")
    assert refused.status_code == 302 and refused["Location"].startswith(f"{base}code/?next=")
    page = client.get(refused["Location"]).content.decode()
    assert "l***@example.cn" in page

    client.post(f"{base}code/", {"send": "1", "next": f"{base}promise/"})
    (message,) = mail.outbox
    assert message.to == ["li.na@example.cn"]
    code = re.search(r"\b(\d{6})\b", message.body).group(1)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    assert client.post(f"{base}code/", {"code": wrong, "next": f"{base}promise/"}).status_code == 200
    assert client.get(f"{base}promise/").status_code == 302
    entered = client.post(f"{base}code/", {"code": code, "next": f"{base}promise/"})
    assert (entered.status_code, entered["Location"]) == (302, f"{base}promise/")
    assert client.get(f"{base}promise/").status_code == 200
    # A code opens once; another browser needs a code of its own.
    assert client.post(f"{base}code/", {"code": code}).status_code == 200
    other = Client()
    assert other.get(f"{base}promise/").status_code == 302
    actions = list(PortalAccess.objects.filter(link=link).values_list("action", flat=True))
    assert actions.count("code_sent") == 1 and actions.count("code_entered") == 1


def test_a_code_has_five_tries_and_ten_minutes(settings, accountant, customer_a):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    link = services.link_issue(by=accountant, contact=customer_a.contacts.get(), requires_code=True)
    services.code_send(link=link)
    code = re.search(r"\b(\d{6})\b", mail.outbox[0].body).group(1)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _try in range(5):
        with pytest.raises(InvalidInput, match="not right"):
            services.code_check(link=link, code=wrong)
    with pytest.raises(InvalidInput, match="no longer"):  # the sixth try, even with the right digits
        services.code_check(link=link, code=code)

    services.code_send(link=link)
    code = re.search(r"\b(\d{6})\b", mail.outbox[1].body).group(1)
    link.codes.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    with pytest.raises(InvalidInput, match="no longer"):
        services.code_check(link=link, code=code)


def test_codes_are_limited_to_five_an_hour_per_link(settings, accountant, customer_a):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    link = services.link_issue(by=accountant, contact=customer_a.contacts.get(), requires_code=True)
    for _n in range(5):
        services.code_send(link=link)
    with pytest.raises(InvalidInput, match="Too many codes"):
        services.code_send(link=link)
    assert len(mail.outbox) == 5
