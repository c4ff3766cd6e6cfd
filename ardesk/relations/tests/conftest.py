"""Relations fixtures: a customer with a Chinese and an English contact, the shipped survey template, a mail server."""

from __future__ import annotations

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.apps import apps

from ardesk.customers.tests.factories import ContactFactory, CustomerFactory
from ardesk.relations.defaults import survey_template_ensure


@pytest.fixture
def customer(company, collector):
    customer = CustomerFactory(company=company, code="C100", name="华东机电有限公司", collector=collector)
    ContactFactory(
        customer=customer, name="李娜", email="li.na@example.cn", is_primary=True, preferred_language="zh-hans"
    )
    ContactFactory(customer=customer, name="Anna Smith", email="anna@example.com", preferred_language="en")
    return customer


@pytest.fixture
def template(db):
    """The shipped template (an earlier transactional test's flush may have deleted it)."""
    return survey_template_ensure(apps)


class Inbox:
    """An aiosmtpd handler keeping every message it is given."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = False
    settings.DEFAULT_FROM_EMAIL = "ar@xingchen.example.cn"
    settings.ARDESK_PUBLIC_URL = "https://ar.xingchen.example.cn"
    yield inbox
    controller.stop()
