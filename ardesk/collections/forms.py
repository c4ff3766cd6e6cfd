from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ardesk.collections.models import ContactChannel, ContactOutcome, DisputeReason, LevelChannel
from ardesk.companies.selectors import companies_for
from ardesk.core.forms import DayField
from ardesk.core.money import from_minor
from ardesk.core.widgets import DateInput
from ardesk.ledger.statements import format_amount

DATE = DateInput()


class RunForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))
    run_on = DayField(label=_("Run date"), widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.code, str(c)) for c in companies_for(user)]


class WorklistForm(forms.Form):
    """The worklist's date: today, or a past day to see what was owed then."""

    as_of = DayField(label=_("As of"), required=False, widget=DATE)
    all = forms.CharField(required=False, widget=forms.HiddenInput)


class ContactLogForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=ContactChannel.choices, initial=ContactChannel.CALL)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ContactOutcome.choices)
    contact = forms.ChoiceField(label=_("Contact person"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    next_action_on = DayField(label=_("Next action"), required=False, widget=DATE)
    promise_amount = forms.DecimalField(label=_("Promised amount"), required=False, decimal_places=2, min_value=0)
    promise_on = DayField(label=_("Promised date"), required=False, widget=DATE)

    def __init__(self, *args, customer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].choices = [("", "—")] + [(str(c.pk), c.name) for c in customer.contacts.all()]


class DisputeForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=DisputeReason.choices)
    amount = forms.DecimalField(label=_("Disputed amount"), decimal_places=2, min_value=0)
    lines = forms.MultipleChoiceField(label=_("Items"), widget=forms.CheckboxSelectMultiple)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].choices = [
            (
                str(line.pk),
                f"{line.document.number} · {line.due_on:%Y-%m-%d} · "
                f"{format_amount(from_minor(line.open_now, line.currency), line.currency)} {line.currency}",
            )
            for line in lines
        ]


RESOLUTIONS = [
    ("credit", _("Credit note for the disputed amount")),
    ("rejected", _("Rejected")),
    ("withdrawn", _("Withdrawn by the customer")),
]


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Resolution"), choices=RESOLUTIONS)
    on = DayField(
        label=_("Date"),
        required=False,
        widget=DATE,
        help_text=_("The date of the resolution and of the credit note: today or an earlier day since the dispute."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, outcomes, **kwargs):
        """Offer only the ways to close the dispute that the user may take."""
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [(value, label) for value, label in RESOLUTIONS if value in outcomes]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class LegalForm(forms.Form):
    reference = forms.CharField(label=_("Case reference"), max_length=60, required=False)
    lawyer = forms.CharField(label=_("Law firm / lawyer"), max_length=120, required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PolicyImportForm(forms.Form):
    file = forms.FileField(label=_("Policies (JSON)"))


class LevelForm(forms.Form):
    """One level of a dunning policy, as the policies import reads it (the same checks apply)."""

    name = forms.CharField(label=_("Name"), max_length=100)
    name_zh = forms.CharField(label=_("Chinese name"), max_length=100, required=False)
    days = forms.IntegerField(label=_("Days after due"), help_text=_("Negative for a reminder before the due date."))
    channel = forms.ChoiceField(label=_("Channel"), choices=LevelChannel.choices)
    min_amount = forms.DecimalField(
        label=_("Minimum overdue amount"),
        decimal_places=4,
        min_value=0,
        help_text=_("In the functional currency of the company that runs the policy."),
    )
    fee = forms.DecimalField(
        label=_("Dunning fee"),
        decimal_places=4,
        min_value=0,
        required=False,
        initial=0,
        help_text=_("A flat fee per notice, in the company's functional currency; 0 for none."),
    )
    interest_rate = forms.DecimalField(
        label=_("Late-payment interest (% a year)"),
        decimal_places=4,
        min_value=0,
        max_value=100,
        required=False,
        initial=0,
        help_text=_("On the open amount × days overdue ÷ 365 or 360, as the policy counts; 0 for none."),
    )
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=200, required=False)
    body_en = forms.CharField(label=_("Text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    subject_zh = forms.CharField(label=_("Subject (Chinese)"), max_length=200, required=False)
    body_zh = forms.CharField(label=_("Text (Chinese)"), required=False, widget=forms.Textarea(attrs={"rows": 6}))

    def clean_fee(self):
        return self.cleaned_data["fee"] or Decimal(0)  # left empty: no fee

    def clean_interest_rate(self):
        return self.cleaned_data["interest_rate"] or Decimal(0)  # left empty: no interest
