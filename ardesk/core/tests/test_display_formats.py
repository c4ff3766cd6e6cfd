"""How screens show rates and dates: significant decimals only, ISO in every date input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from ardesk.core.templatetags.money import rate
from ardesk.core.widgets import DateInput


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("7.10000000", "7.10"), ("0.04850000", "0.0485"), ("0.12345678", "0.123457"), ("1000.00000000", "1,000.00")],
)
def test_an_exchange_rate_shows_its_significant_decimals_at_most_six(stored, shown):
    assert rate(Decimal(stored)) == shown


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_date_input_holds_an_iso_value_in_every_language(language):
    class Form(forms.Form):
        on = forms.DateField(widget=DateInput())

    with translation.override(language):
        html = str(Form(initial={"on": dt.date(2026, 12, 6)})["on"])
    assert 'type="date"' in html and 'value="2026-12-06"' in html
