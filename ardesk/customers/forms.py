from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.accounts.roles import COLLECTOR, CREDIT_ANALYST
from ardesk.companies.selectors import companies_for
from ardesk.core.forms import DayField
from ardesk.core.templatetags.people import person
from ardesk.core.widgets import DateInput
from ardesk.customers.models import (
    AttachmentKind,
    Channel,
    ContactRole,
    CustomerStatus,
    Industry,
    Region,
)

User = get_user_model()
DATE = DateInput()


def _blank(choices) -> list:
    return [("", "—")] + list(choices)


def _role_choices(role: str) -> list:
    """The active users of a role, each by the name colleagues know them by (王芳, not collector)."""
    users = User.objects.filter(is_active=True, groups__name=role).order_by("username")
    return _blank((u.pk, person(u)) for u in users)


class CustomerFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name, code, credit code or pinyin"), "autocomplete": "off"}
        ),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_blank(CustomerStatus.choices))
    company = forms.TypedChoiceField(label=_("Company"), required=False, coerce=int, empty_value=None)
    collector = forms.TypedChoiceField(label=_("Collector"), required=False, coerce=int, empty_value=None)
    industry = forms.ChoiceField(label=_("Industry"), required=False, choices=_blank(Industry.choices))
    region = forms.ChoiceField(label=_("Region"), required=False, choices=_blank(Region.choices))
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = _blank((c.pk, c.code) for c in companies_for(user))
        self.fields["collector"].choices = _role_choices(COLLECTOR)


class CustomerForm(forms.Form):
    company = forms.TypedChoiceField(label=_("Company"), coerce=int)
    code = forms.CharField(label=_("Customer code"), max_length=32)
    name = forms.CharField(label=_("Name"), max_length=200)
    uscc = forms.CharField(
        label=_("Unified social credit code"),
        max_length=40,
        required=False,
        help_text=_("18 characters; checked by its GB 32100-2015 check character."),
    )
    legal_representative = forms.CharField(label=_("Legal representative"), max_length=100, required=False)
    registered_capital = forms.DecimalField(
        label=_("Registered capital"), required=False, min_value=0, max_digits=18, decimal_places=2
    )
    registered_capital_currency = forms.CharField(label=_("Capital currency"), max_length=3, initial="CNY")
    founded_on = DayField(label=_("Founding date"), required=False, widget=DATE)
    industry = forms.ChoiceField(label=_("Industry"), required=False, choices=_blank(Industry.choices))
    region = forms.ChoiceField(label=_("Region"), required=False, choices=_blank(Region.choices))
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    business_scope = forms.CharField(
        label=_("Business scope"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    parent_code = forms.CharField(label=_("Parent company (customer code)"), max_length=32, required=False)
    collector = forms.TypedChoiceField(label=_("Collector"), required=False, coerce=int, empty_value=None)
    analyst = forms.TypedChoiceField(label=_("Credit analyst"), required=False, coerce=int, empty_value=None)
    currency = forms.CharField(label=_("Default currency"), max_length=3, initial="CNY")
    next_review_on = DayField(label=_("Next review date"), required=False, widget=DATE)
    bank_name = forms.CharField(label=pgettext_lazy("customer", "Bank"), max_length=100, required=False)
    bank_account = forms.CharField(label=_("Bank account"), max_length=64, required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.pk, str(c)) for c in companies_for(user)]
        self.fields["collector"].choices = _role_choices(COLLECTOR)
        self.fields["analyst"].choices = _role_choices(CREDIT_ANALYST)
        if editing:
            self.fields["company"].disabled = True


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CustomerStatus.choices)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    role = forms.ChoiceField(label=_("Role"), choices=ContactRole.choices)
    title = forms.CharField(label=_("Job title"), max_length=100, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    preferred_channel = forms.ChoiceField(label=_("Preferred channel"), choices=Channel.choices)
    id_number = forms.CharField(label=_("Personal ID number"), max_length=30, required=False)
    bank_account = forms.CharField(label=_("Bank account"), max_length=64, required=False)
    is_primary = forms.BooleanField(label=_("Primary contact"), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("File (PDF, PNG or JPEG)"))
