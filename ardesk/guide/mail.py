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
        # Read when a connection is opened and kept until it is closed: a batch of e-mails sent over
        # one connection (a dunning run's) asks the database once, not once an e-mail.
        self.is_training: bool | None = None

    def _training(self) -> bool:
        return training.is_training() if self.is_training is None else self.is_training

    def open(self):
        if self.is_training is None:
            self.is_training = training.is_training()
        if self.is_training:
            return False
        return self.inner.open()

    def close(self) -> None:
        self.is_training = None
        self.inner.close()

    def send_messages(self, email_messages) -> int:
        if self._training():
            training.emails_suppress(email_messages)
            return 0
        return self.inner.send_messages(email_messages)
