from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput
from ardesk.risk.domain import SIGNAL_LABELS
from ardesk.risk.models import ActionKind, Severity


def _blank(choices):
    return [("", "—"), *choices]


def _people(company_id: int | None):
    # People with a role: not the accounts that act for no one on staff (the customer portal's).
    users = get_user_model().objects.filter(is_active=True, groups__isnull=False).distinct()
    if company_id:
        users = users.filter(company_grants__company_id=company_id)
    return [(u.pk, u.get_full_name() or u.get_username()) for u in users.order_by("username")]


class SignalFilterForm(forms.Form):
    company = forms.TypedChoiceField(label=_("Company"), required=False, coerce=int, empty_value=None)
    severity = forms.ChoiceField(label=_("Severity"), required=False, choices=_blank(Severity.choices))
    kind = forms.ChoiceField(label=_("Signal"), required=False, choices=_blank(list(SIGNAL_LABELS.items())))

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = _blank((c.pk, c.code) for c in companies)


class WatchAddForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, required=False, empty_value=None)
    review_on = DayField(label=_("Review date"), required=False, widget=DateInput())

    def __init__(self, *args, company_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _blank(_people(company_id))


class WatchUpdateForm(forms.Form):
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, required=False, empty_value=None)
    review_on = DayField(label=_("Review date"), required=False, widget=DateInput())

    def __init__(self, *args, company_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _blank(_people(company_id))


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Action"), choices=ActionKind.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    due_on = DayField(label=_("Due on"), required=False, widget=DateInput())


class CloseForm(forms.Form):
    decision = forms.CharField(
        label=_("Decision"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why the customer leaves the watch list; kept with your name and the date."),
    )


class ConfigImportForm(forms.Form):
    file = forms.FileField(label=_("Configuration file (JSON)"))


class TransitionForm(forms.Form):
    date_from = DayField(label=_("From"), required=False, widget=DateInput())
    date_to = DayField(label=_("To"), required=False, widget=DateInput())
