from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from ardesk.budgets.models import CustomerSize, Dimension
from ardesk.budgets.services import MAX_REVIEW_MONTHS
from ardesk.collections.models import DunningPolicy
from ardesk.companies.selectors import companies_for
from ardesk.core import clock
from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput
from ardesk.customers.models import Industry, Region


def measure_choices():
    return [
        ("sales", _("Sales")),
        ("cost", _("Cost of sales")),
        ("gross_profit", _("Gross profit")),
        ("collections", _("Cash collected")),
        ("receivable", _("Receivable balance")),
    ]


MONTHS = [(n, f"{n:02d}") for n in range(1, 13)]


class CompanyForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.code, f"{c.code} {c.name}") for c in companies_for(user)]


class VersionForm(CompanyForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, initial=lambda: clock.today().year)
    name = forms.CharField(label=_("Name"), max_length=100, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Budget file"), help_text=_("CSV or Excel; English or Chinese headers; replaces the draft's lines.")
    )


class CopyForm(forms.Form):
    growth = forms.DecimalField(
        label=_("Growth factor"),
        initial="1.05",
        max_digits=6,
        decimal_places=4,
        help_text=_("Last year's actual per customer and month times this factor (1.05 for 5 % more)."),
    )


class GridForm(forms.Form):
    dimension = forms.ChoiceField(label=_("Planned for"), choices=Dimension.choices, required=False)
    measure = forms.ChoiceField(label=_("Measure"), choices=measure_choices, required=False)


class MemberForm(forms.Form):
    member = forms.CharField(
        label=_("Add a member"), max_length=150, help_text=_("Customer or segment code, or a collector's user name.")
    )


class VarianceForm(forms.Form):
    dimension = forms.ChoiceField(label=_("Planned for"), choices=Dimension.choices, required=False)
    measure = forms.ChoiceField(label=_("Measure"), choices=measure_choices, required=False)
    month = forms.TypedChoiceField(label=_("Through month"), choices=MONTHS, coerce=int, required=False)
    period = forms.ChoiceField(
        label=_("Period"), choices=[("ytd", _("Year to date")), ("month", _("The month alone"))], required=False
    )


def _quarter_start(today: dt.date) -> dt.date:
    return dt.date(today.year, 1, 1)


class PeriodForm(CompanyForm):
    date_from = DayField(label=_("From"), widget=DateInput(), required=False)
    date_to = DayField(label=_("To"), widget=DateInput(), required=False)
    by = forms.ChoiceField(
        label=_("By"),
        choices=[("customer", _("Customer")), ("group", _("Customer group")), ("segment", _("Segment"))],
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["company"].required = False

    def period(self) -> tuple[dt.date, dt.date]:
        today = clock.today()
        data = self.cleaned_data if self.is_valid() else {}
        date_from = data.get("date_from") or _quarter_start(today)
        date_to = data.get("date_to") or today
        return date_from, max(date_to, date_from)


class SettingsForm(forms.Form):
    cost_of_capital = forms.DecimalField(label=_("Annual cost of capital %"), max_digits=6, decimal_places=3)
    notice_cost = forms.DecimalField(label=_("Cost of a dunning notice"), max_digits=12, decimal_places=2)
    contact_cost = forms.DecimalField(label=_("Cost of a contact"), max_digits=12, decimal_places=2)


class SegmentForm(CompanyForm):
    code = forms.CharField(label=_("Code"), max_length=20)
    name = forms.CharField(label=_("Name"), max_length=100)
    priority = forms.IntegerField(label=_("Priority"), initial=100, min_value=0, max_value=32767)
    industry = forms.ChoiceField(label=_("Industry"), choices=[("", _("Any")), *Industry.choices], required=False)
    region = forms.ChoiceField(label=_("Region"), choices=[("", _("Any")), *Region.choices], required=False)
    size = forms.ChoiceField(label=_("Company size"), choices=[("", _("Any")), *CustomerSize.choices], required=False)
    dunning_policy = forms.ModelChoiceField(
        label=_("Dunning policy"),
        queryset=DunningPolicy.objects.filter(is_active=True),
        required=False,
        empty_label="—",
        help_text=_("Customers of the segment get this policy unless they have their own."),
    )
    review_months = forms.IntegerField(
        label=_("Credit review every (months)"),
        min_value=1,
        max_value=MAX_REVIEW_MONTHS,
        required=False,
        help_text=_(
            "Customers of the segment fall due for a credit review this many months after their last scoring, "
            "instead of their grade's schedule, unless a review date is set by hand on their credit account."
        ),
    )
