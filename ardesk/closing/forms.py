from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ardesk.companies.selectors import companies_for


class PeriodForm(forms.Form):
    """A company and a month (YYYY-MM), as the cockpit and the revaluation are opened."""

    company = forms.ChoiceField(label=_("Company"))
    period = forms.CharField(label=_("Period"), widget=forms.TextInput(attrs={"type": "month"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.code, f"{c.code} {c.name}") for c in companies_for(user)]

    def clean_period(self) -> str:
        period = self.cleaned_data["period"].strip()
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
            raise forms.ValidationError(_("Write the month as YYYY-MM."))
        return period


class CloseForm(PeriodForm):
    accept_open_points = forms.BooleanField(
        label=_("Close with the open points listed"),
        required=False,
        help_text=_("They are kept with the close, for the auditor."),
    )


class ReopenForm(PeriodForm):
    reason = forms.CharField(label=_("Reason for reopening"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class ExportForm(PeriodForm):
    file_format = forms.ChoiceField(label=_("Format"), choices=[("xlsx", "Excel"), ("csv", "CSV")])
