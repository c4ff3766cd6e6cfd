from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ardesk.companies.selectors import companies_for
from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput
from ardesk.ledger.imports.engine import IMPORTERS
from ardesk.ledger.imports.formats import KIND_LABELS
from ardesk.ledger.models import DocumentType, InvoiceMedium, PaymentTerm, TermKind

DATE = DateInput()


class DocumentForm(forms.Form):
    doc_type = forms.ChoiceField(
        label=_("Type"),
        choices=[
            c
            for c in DocumentType.choices
            if c[0] not in (DocumentType.WRITE_OFF, DocumentType.RECOVERY, DocumentType.REFUND)
        ],
    )
    number = forms.CharField(label=_("Number"), max_length=40)
    # The document's dates are checked by the ledger's document rules (domain.document_problems), so
    # the form, the API and an import give the same words for a date out of range.
    issue_on = forms.DateField(label=_("Date"), widget=DATE)
    due_on = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty to compute it from the payment term."),
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="CNY")
    # How many decimals and how large is the ledger's rule for the currency (domain.amount_problems),
    # said in the same words as the API and the imports.
    amount = forms.DecimalField(
        label=_("Amount"),
        help_text=_("Positive; an adjustment may be negative (a credit)."),
    )
    payment_term = forms.ModelChoiceField(
        label=_("Payment term"), queryset=PaymentTerm.objects.filter(is_active=True), required=False, empty_label="—"
    )
    reference = forms.CharField(
        label=_("Invoice paid"),
        max_length=40,
        required=False,
        help_text=_("For a receipt or credit note: the invoice number it pays."),
    )
    external_ref = forms.CharField(label=_("External reference"), max_length=64, required=False)
    cost = forms.DecimalField(label=_("Cost"), required=False)
    order_ref = forms.CharField(label=_("Sales order"), max_length=64, required=False)
    medium = forms.ChoiceField(
        label=_("Invoice medium"), choices=[("", _("Not known")), *InvoiceMedium.choices], required=False
    )
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    auto_allocate = forms.BooleanField(
        label=_("Allocate automatically (reference, exact amount, oldest)"), required=False, initial=True
    )


class CustomerPickForm(forms.Form):
    """The customer of a new document started from the ledger menu, found by code, name or credit code."""

    q = forms.CharField(
        label=_("Customer"),
        max_length=100,
        required=False,
        help_text=_("Customer code, name or unified social credit code."),
    )


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Number or reference"), required=False)
    customer_code = forms.CharField(label=_("Customer code"), required=False, max_length=32)
    company = forms.TypedChoiceField(label=_("Company"), required=False, coerce=int, empty_value=None)
    doc_type = forms.ChoiceField(label=_("Type"), required=False, choices=[("", "—"), *DocumentType.choices])
    date_from = DayField(label=_("From"), required=False, widget=DATE)
    date_to = DayField(label=_("To"), required=False, widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [("", "—"), *((c.pk, c.code) for c in companies_for(user))]


class AllocationForm(forms.Form):
    line = forms.TypedChoiceField(label=_("Invoice"), coerce=int)
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2, min_value=0)
    on = DayField(label=_("Date"), widget=DATE)


class RefundForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount to refund"), max_digits=18, decimal_places=2, min_value=0)
    on = DayField(label=_("Date paid"), widget=DATE)
    reference = forms.CharField(label=_("Payment reference"), max_length=40, required=False)


class ReverseForm(forms.Form):
    on = DayField(label=_("Reversal date"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=300)


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=())
    company = forms.TypedChoiceField(label=_("Company"), coerce=int)
    file = forms.FileField(label=_("File (CSV or XLSX)"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.pk, str(c)) for c in companies_for(user)]
        self.fields["kind"].choices = [
            (kind, KIND_LABELS[kind]) for kind, importer in IMPORTERS.items() if user.has_perm(importer.permission)
        ]


class TermForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=TermKind.choices)
    days = forms.IntegerField(label=_("Days"), min_value=0, initial=30)
    discount_percent = forms.DecimalField(label=_("Discount %"), required=False, max_digits=5, decimal_places=2)
    discount_days = forms.IntegerField(label=_("Discount days"), required=False, min_value=0)
    instalments = forms.CharField(
        label=_("Instalments"), required=False, help_text=_("For instalments: percent:days pairs, e.g. 30:30, 70:60")
    )


class RateForm(forms.Form):
    currency = forms.CharField(label=_("Currency"), max_length=3)
    quote_currency = forms.CharField(label=_("Quote currency"), max_length=3, initial="CNY")
    rate_on = DayField(label=_("Date"), widget=DATE)
    rate = forms.DecimalField(label=_("Rate"), max_digits=18, decimal_places=8)
