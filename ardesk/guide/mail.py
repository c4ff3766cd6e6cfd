"""The one place where ARdesk hands e-mail over: a training installation sends none."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from ardesk.guide import training


class TrainingAwareBackend(BaseEmailBackend):
    """Send through ARDESK_EMAIL_BACKEND, except in a training installation, which records each e-mail instead.

    Every e-mail of the product (dunning letters, statements, portal links, surveys, risk alerts)
    goes through Django's configured backend, so this is the only check needed: a service cannot
    forget it.
    """

    def __init__(self, fail_silently: bool = False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.inner = get_connection(settings.ARDESK_EMAIL_BACKEND, fail_silently=fail_silently, **kwargs)

    def open(self):
        if training.is_training():
            return False
        return self.inner.open()

    def close(self) -> None:
        self.inner.close()

    def send_messages(self, email_messages) -> int:
        if training.is_training():
            training.emails_suppress(email_messages)
            return 0
        return self.inner.send_messages(email_messages)
