"""Form widgets shared by every screen."""

from __future__ import annotations

from django import forms


class DateInput(forms.DateInput):
    """A browser date picker: its value is always ISO (2026-12-06), whatever the interface language.

    Browsers take only ISO in ``<input type=date>`` and show it in the user's own format; the
    Chinese display format (2026/12/06) put there leaves the field blank.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
