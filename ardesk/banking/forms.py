from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ardesk.banking.models import BankAccount, Layout, LineStatus
from ardesk.companies.selectors import companies_for
from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput

SPLIT_ROWS = 3


class ImportForm(forms.Form):
    account = forms.ModelChoiceField(label=_("Bank account"), queryset=BankAccount.objects.none(), empty_label="—")
    file = forms.FileField(
        label=_("Statement file"), help_text=_("CSV or Excel from online banking, camt.053 XML or MT940.")
    )
    dry_run = forms.BooleanField(label=_("Only check the file; import nothing"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = BankAccount.objects.filter(
            company__in=companies_for(user), is_active=True
        ).select_related("company")


class DeskFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *LineStatus.choices], initial=LineStatus.OPEN
    )
    account = forms.ModelChoiceField(
        label=_("Bank account"), queryset=BankAccount.objects.none(), required=False, empty_label=_("All")
    )
    on = DayField(label=_("Date"), required=False, widget=DateInput())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = BankAccount.objects.filter(company__in=companies_for(user))


class MatchForm(forms.Form):
    """A manual match: one customer takes the whole line, or up to three share it (a split)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, SPLIT_ROWS + 1):
            self.fields[f"customer_{n}"] = forms.CharField(label=_("Customer code"), max_length=32, required=n == 1)
            self.fields[f"amount_{n}"] = forms.DecimalField(
                label=_("Amount"), required=False, max_digits=18, decimal_places=2, min_value=0
            )

    def rows(self):
        return [(self[f"customer_{n}"], self[f"amount_{n}"]) for n in range(1, SPLIT_ROWS + 1)]


class AccountForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))
    code = forms.CharField(label=_("Code"), max_length=20)
    name = forms.CharField(label=_("Name"), max_length=100)
    bank_name = forms.CharField(label=_("Bank"), max_length=100, required=False)
    account_number = forms.CharField(label=_("Account number"), max_length=64)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="CNY")
    gl_account = forms.CharField(label=_("Ledger account"), max_length=20, initial="1002")
    layout = forms.ChoiceField(label=_("File layout"), choices=Layout.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.code, f"{c.code} {c.name}") for c in companies_for(user)]


class JournalFilterForm(forms.Form):
    date_from = DayField(label=_("From"), required=False, widget=DateInput())
    date_to = DayField(label=_("To"), required=False, widget=DateInput())
