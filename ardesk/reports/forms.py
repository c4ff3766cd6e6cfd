from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ardesk.companies.selectors import companies_for
from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput
from ardesk.reports.models import AgeUnit, AgingBasis, BucketSet

BY_CHOICES = [
    ("customer", _("Customer")),
    ("group", _("Customer group")),
    ("company", _("Company")),
    ("collector", _("Collector")),
    ("currency", _("Currency")),
]


class AgingForm(forms.Form):
    as_of = DayField(label=_("As of"), required=False, widget=DateInput())
    buckets = forms.ModelChoiceField(
        label=_("Buckets"),
        queryset=BucketSet.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Days past due (default)"),
    )
    by = forms.ChoiceField(label=_("By"), choices=BY_CHOICES, required=False)
    company = forms.ChoiceField(label=_("Company"), required=False)
    currency = forms.CharField(
        label=_("Currency"),
        required=False,
        max_length=3,
        help_text=_("Empty: all items in the functional currency."),
    )
    rates = forms.ChoiceField(
        label=_("Exchange rates"),
        required=False,
        choices=[
            ("historical", _("Historical: each document's own rate")),
            ("closing", _("Closing: the rate of the report date")),
        ],
        help_text=_("For the functional-currency aging: foreign-currency items at their own or at the closing rate."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [("", _("All companies"))] + [(c.code, str(c)) for c in companies_for(user)]


class BucketSetForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=30)
    name = forms.CharField(label=_("Name"), max_length=100)
    name_zh = forms.CharField(label=_("Chinese name"), max_length=100, required=False)
    basis = forms.ChoiceField(label=_("Basis"), choices=AgingBasis.choices)
    unit = forms.ChoiceField(label=_("Unit"), choices=AgeUnit.choices)
    buckets = forms.CharField(
        label=_("Buckets"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One bucket per line: key | English label | Chinese label | up to (days or months, inclusive). "
            "Leave the last bucket's limit empty."
        ),
    )
