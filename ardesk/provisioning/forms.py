from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.companies.selectors import companies_for
from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput
from ardesk.customers.models import Industry
from ardesk.provisioning.models import Method, RateSource
from ardesk.reports.models import BucketSet

DATE = DateInput()


class CompanyForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.code, f"{c.code} {c.name}") for c in companies_for(user)]


class RunForm(CompanyForm):
    period = forms.CharField(
        label=_("Period"), widget=forms.TextInput(attrs={"type": "month"}), help_text=_("The month end to provision")
    )
    provisional = forms.BooleanField(
        label=_("The month has not ended: prepare a provisional run"),
        required=False,
        help_text=_("An estimate to look at; it cannot be approved. Prepare the run again after the month end."),
    )


class PolicyForm(CompanyForm):
    segment = forms.ChoiceField(
        label=_("Segment (industry)"), required=False, choices=[("", _("All other customers")), *Industry.choices]
    )
    method = forms.ChoiceField(label=_("Method"), choices=Method.choices)
    bucket_set = forms.ModelChoiceField(
        label=_("Buckets"), queryset=BucketSet.objects.all(), required=False, to_field_name="code", empty_label="—"
    )
    rates = forms.CharField(
        label=_("Rates per bucket (%)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("One line per bucket: key | rate, e.g. 1-30 | 1.6"),
    )
    balance_rate = forms.DecimalField(
        label=_("Rate on the balance (%)"), required=False, max_digits=7, decimal_places=4
    )
    rate_source = forms.ChoiceField(label=_("Matrix rates"), choices=RateSource.choices, initial=RateSource.ENTERED)
    lookback_months = forms.IntegerField(label=_("Look-back (months)"), min_value=1, max_value=120, initial=12)
    forward_factor = forms.DecimalField(label=_("Forward-looking factor"), max_digits=6, decimal_places=4, initial=1)
    loss_account = forms.CharField(label=_("Credit impairment loss account"), max_length=20, initial="6702")
    allowance_account = forms.CharField(label=_("Bad-debt allowance account"), max_length=20, initial="1231")
    receivable_account = forms.CharField(label=_("Receivables account"), max_length=20, initial="1122")
    bank_account = forms.CharField(label=pgettext_lazy("ledger account", "Bank account"), max_length=20, initial="1002")
    single_approval_limit = forms.DecimalField(
        label=_("Write-off limit for one approver"), max_digits=18, decimal_places=2, initial="50000.00"
    )


class ImportForm(CompanyForm):
    file = forms.FileField(label=_("Policy file (JSON)"))


class DeriveForm(forms.Form):
    as_of = DayField(label=_("Derive as of"), widget=DATE)


class SpecificForm(CompanyForm):
    customer = forms.CharField(label=_("Customer code"), max_length=32)
    document = forms.CharField(
        label=_("Document number"), max_length=40, required=False, help_text=_("Empty: the customer's whole balance")
    )
    rate = forms.DecimalField(label=_("Rate (%)"), required=False, max_digits=7, decimal_places=4)
    amount = forms.DecimalField(label=_("Amount"), required=False, max_digits=18, decimal_places=2)
    reason = forms.CharField(label=_("Reason"), max_length=300)


class WriteOffForm(CompanyForm):
    customer = forms.CharField(label=_("Customer code"), max_length=32)
    document = forms.CharField(
        label=_("Document number"),
        max_length=40,
        required=False,
        help_text=_("Empty: all of the customer's open items"),
    )
    on = DayField(label=_("Write-off date"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=300)


class RecoveryForm(forms.Form):
    on = DayField(label=_("Date"), widget=DATE)
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2)
    receipt_number = forms.CharField(label=_("Receipt number"), max_length=40)
    existing = forms.BooleanField(
        label=_("The receipt is already in the ledger"),
        required=False,
        help_text=_("Otherwise a new receipt with this number is posted."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class PeriodForm(CompanyForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class JournalFilterForm(CompanyForm):
    date_from = DayField(label=_("From"), required=False, widget=DATE)
    date_to = DayField(label=_("To"), required=False, widget=DATE)


class OpeningForm(CompanyForm):
    on = DayField(label=_("Date"), widget=DATE)
    amount = forms.DecimalField(
        label=_("Allowance in the books"),
        max_digits=18,
        decimal_places=2,
        help_text=_("The balance of the bad-debt allowance when you start provisioning in ARdesk (credit positive)."),
    )
