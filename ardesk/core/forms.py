"""Form fields shared by the screens of every context."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from ardesk.core import clock


class DayField(forms.DateField):
    """A date within the range ARdesk accepts (clock.EARLIEST to clock.LATEST), as the API's ``Day``."""

    def validate(self, value):
        super().validate(value)
        if value is not None:
            try:
                clock.check_day(value)
            except ValueError as exc:
                raise ValidationError(str(exc), code="date_range") from exc
