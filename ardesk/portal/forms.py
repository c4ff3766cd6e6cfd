from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.collections.models import DisputeReason
from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput
from ardesk.portal import domain
from ardesk.portal.models import StatementFrequency
from ardesk.relations.models import ComplaintCategory


def _item_choices(items) -> list[tuple[str, str]]:
    return [
        (str(line.pk), f"{line.document.number} #{line.seq}" if line.seq > 1 else line.document.number)
        for line in items
    ]


class LinkIssueForm(forms.Form):
    contact = forms.ModelChoiceField(label=_("Contact person"), queryset=None, empty_label="—")
    days = forms.IntegerField(
        label=_("Valid for (days)"), min_value=1, max_value=domain.MAX_LINK_DAYS, initial=domain.DEFAULT_LINK_DAYS
    )
    requires_code = forms.BooleanField(
        label=_("Ask for a one-time code by e-mail before the customer acts"), required=False
    )

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contacts


class StatementForm(forms.Form):
    date_from = DayField(label=_("From"), widget=DateInput())
    date_to = DayField(label=_("To"), widget=DateInput())
    format = forms.ChoiceField(label=_("Format"), choices=[("pdf", "PDF"), ("xlsx", "Excel")])


class AnswerForm(forms.Form):
    """The balance agrees, or it does not: then each item disagreed on with the customer's amount."""

    agrees = forms.TypedChoiceField(
        label=_("Your answer"),
        choices=[("yes", _("The balance agrees with our records")), ("no", _("The balance does not agree"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items

    def clean(self):
        data = super().clean()
        differences: dict[int, Decimal] = {}
        for line in self.items:
            if self.data.get(f"differs_{line.pk}") != "on":
                continue
            raw = (self.data.get(f"amount_{line.pk}") or "").strip().replace(",", "")
            try:
                differences[line.pk] = Decimal(raw)
            except InvalidOperation:
                self.add_error(None, _("Give your amount for each item you disagree on."))
                break
        data["differences"] = differences
        return data


class PromiseForm(forms.Form):
    lines = forms.MultipleChoiceField(label=_("Items"), widget=forms.CheckboxSelectMultiple)
    amount = forms.DecimalField(label=_("Amount"), min_value=Decimal("0.01"), max_digits=18, decimal_places=2)
    promised_on = DayField(label=_("We will pay by"), widget=DateInput())
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].choices = _item_choices(items)


class DisputeForm(forms.Form):
    lines = forms.MultipleChoiceField(label=_("Items"), widget=forms.CheckboxSelectMultiple)
    reason = forms.ChoiceField(label=_("Reason"), choices=DisputeReason.choices)
    amount = forms.DecimalField(label=_("Disputed amount"), min_value=Decimal("0.01"), max_digits=18, decimal_places=2)
    description = forms.CharField(label=_("What is wrong"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    attachment = forms.FileField(label=_("Document (PDF, PNG or JPEG)"), required=False)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].choices = _item_choices(items)


class ComplaintForm(forms.Form):
    category = forms.ChoiceField(label=_("About"), choices=ComplaintCategory.choices)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("Details"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=4000
    )


class ConfirmationFilter(forms.Form):
    date_from = DayField(label=_("From"), widget=DateInput(), required=False)
    date_to = DayField(label=_("To"), widget=DateInput(), required=False)
    status = forms.ChoiceField(
        label=_("Answer"),
        choices=[("", _("All")), ("confirmed", _("Confirmed")), ("disagreed", _("Disagreed"))],
        required=False,
    )


class StatementRunForm(forms.Form):
    """A statement run to write: the company, the period, when to remind and when to give the owner a task."""

    company = forms.ChoiceField(label=_("Company"))
    date_from = DayField(label=_("Period from"), widget=DateInput())
    date_to = DayField(label=_("Period to"), widget=DateInput())
    remind_after_days = forms.IntegerField(label=_("Remind after (days)"), min_value=1, max_value=90, initial=7)
    task_after_days = forms.IntegerField(label=_("Task after (days)"), min_value=1, max_value=180, initial=14)
    link_days = forms.IntegerField(
        label=_("Links valid for (days)"), min_value=1, max_value=domain.MAX_LINK_DAYS, initial=60
    )

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.code, str(c)) for c in companies]


class StatementScheduleForm(forms.Form):
    """A company's monthly statement run."""

    company = forms.ChoiceField(label=_("Company"))
    is_active = forms.BooleanField(label=_("Send every month"), required=False, initial=True)
    day = forms.IntegerField(label=_("Day of the month"), min_value=1, max_value=28, initial=5)
    remind_after_days = forms.IntegerField(label=_("Remind after (days)"), min_value=1, max_value=90, initial=7)
    task_after_days = forms.IntegerField(label=_("Task after (days)"), min_value=1, max_value=180, initial=14)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.code, str(c)) for c in companies]


class StatementFrequencyForm(forms.Form):
    """How often a customer's statement goes out with the scheduled runs."""

    frequency = forms.ChoiceField(
        label=_("Sending frequency"),
        choices=StatementFrequency.choices,
        help_text=_("A mailing made by hand still takes every customer."),
    )


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=pgettext_lazy("verification code", "Code"),
        regex=rf"^\s*\d{{{domain.CODE_DIGITS}}}\s*$",
        error_messages={"invalid": _("Enter the six digits of the code.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
