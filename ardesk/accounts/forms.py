"""The administration screen's forms: a new user, a user's rights, a new company."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.accounts.roles import ROLE_LABELS
from ardesk.companies.models import Company


def role_choices():
    return [(name, label) for name, label in ROLE_LABELS.items()]


def company_choices():
    return [(c.code, f"{c.code} · {c.name}") for c in Company.objects.filter(is_active=True).order_by("code")]


class RightsFields(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=role_choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    companies = forms.MultipleChoiceField(
        label=_("Companies"),
        choices=company_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The user sees and changes only the data of these companies."),
    )


def name_field():
    return forms.CharField(
        label=pgettext_lazy("person", "Name"),
        max_length=150,
        required=False,
        help_text=_("The person's name as screens show it; they sign in with the user name."),
    )


class UserCreateForm(RightsFields):
    username = forms.CharField(label=_("User name"), max_length=150)
    name = name_field()
    email = forms.EmailField(label=_("E-mail"), required=False)
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(render_value=False),
        help_text=_("At least 10 characters, letters and digits; the user changes it after signing in."),
    )
    field_order = ["username", "name", "email", "password", "roles", "companies"]


class UserRightsForm(RightsFields):
    name = name_field()
    field_order = ["name", "roles", "companies", "active"]
    active = forms.BooleanField(
        label=_("May sign in"),
        required=False,
        help_text=_("A deactivated user can no longer sign in and its API tokens stop working."),
    )


class CompanyCreateForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20, help_text=_("Short code used in files and commands."))
    name = forms.CharField(label=_("Legal name"), max_length=200)
    functional_currency = forms.CharField(
        label=_("Functional currency"),
        max_length=3,
        initial="CNY",
        help_text=_("The currency the company keeps its books in (记账本位币)."),
    )
    uscc = forms.CharField(label=_("Unified social credit code"), max_length=18, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
