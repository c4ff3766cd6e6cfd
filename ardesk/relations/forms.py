from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from ardesk.collections.models import Dispute
from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput
from ardesk.customers.models import Customer
from ardesk.ledger.models import DueLine
from ardesk.relations.models import Channel, ComplaintCategory, ComplaintStatus, Purpose, Severity, SurveyTemplate
from ardesk.relations.services import SURVEY_TEMPLATE_FIELDS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


def _person_label(user) -> str:
    return user.get_full_name() or user.get_username()


class _PersonChoice(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, empty_label="—", **kwargs)

    def label_from_instance(self, obj):
        return _person_label(obj)


def _staff_of(company_id: int):
    # People with a role: not the accounts that act for no one on staff (the customer portal's).
    staff = get_user_model().objects.filter(is_active=True, groups__isnull=False, company_grants__company_id=company_id)
    return staff.distinct().order_by("username")


class InteractionForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices, initial=Purpose.RELATIONSHIP)
    occurred_on = DayField(label=_("Date"), widget=DateInput())
    contact = forms.ModelChoiceField(label=_("Contact person"), queryset=None, required=False, empty_label="—")
    outcome = forms.CharField(label=_("Outcome"), max_length=300, required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    next_action = forms.CharField(label=_("Next action"), max_length=200, required=False)
    next_action_on = DayField(label=_("Next action date"), widget=DateInput(), required=False)
    attachments = MultipleFileField(label=_("Attachments"), required=False)

    def __init__(self, *args, customer: Customer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = customer.contacts.order_by("-is_primary", "name")


class ComplaintForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=ComplaintCategory.choices)
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices, initial=Severity.MEDIUM)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    contact = forms.ModelChoiceField(label=_("Raised by"), queryset=None, required=False, empty_label="—")
    owner = _PersonChoice(label=_("Owner"), queryset=None, required=False)
    disputes = forms.ModelMultipleChoiceField(label=_("Linked disputes"), queryset=None, required=False)
    lines = forms.ModelMultipleChoiceField(label=_("Linked items"), queryset=None, required=False)

    def __init__(self, *args, customer: Customer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = customer.contacts.order_by("-is_primary", "name")
        self.fields["owner"].queryset = _staff_of(customer.company_id)
        self.fields["disputes"].queryset = Dispute.objects.filter(
            pk__in=list(
                Dispute.objects.filter(customer=customer).order_by("-opened_on").values_list("pk", flat=True)[:50]
            )
        )
        self.fields["lines"].queryset = DueLine.objects.filter(
            pk__in=list(
                DueLine.objects.filter(customer=customer, settled_on__isnull=True)
                .order_by("due_on")
                .values_list("pk", flat=True)[:100]
            )
        ).select_related("document")
        self.fields["lines"].label_from_instance = lambda line: f"{line.document.number} · {line.due_on:%Y-%m-%d}"


class ComplaintMoveForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ComplaintStatus.choices)
    resolution = forms.CharField(label=_("Resolution"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)


class ConfirmForm(forms.Form):
    note = forms.CharField(label=_("Customer's confirmation"), max_length=300, required=False)


class SurveySendForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Survey"), queryset=SurveyTemplate.objects.filter(is_active=True), empty_label="—"
    )
    company = forms.ChoiceField(label=_("Company"))
    customers = forms.CharField(
        label=_("Customer codes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Separated by spaces, commas or lines: every contact with an e-mail address is invited."),
    )

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.pk, f"{c.code} {c.name}") for c in companies]

    def clean_customers(self) -> list[str]:
        codes = [c for c in self.cleaned_data["customers"].replace(",", " ").split() if c]
        if not codes:
            raise forms.ValidationError(_("Name at least one customer."))
        return codes


class RevisitForm(forms.Form):
    due_on = DayField(label=_("Due on"), widget=DateInput())
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.VISIT)
    owner = _PersonChoice(label=_("Owner"), queryset=None, required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, customer: Customer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _staff_of(customer.company_id)


class SurveyAnswerForm(forms.Form):
    csat = forms.TypedChoiceField(
        choices=[(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    nps = forms.TypedChoiceField(
        choices=[(str(n), str(n)) for n in range(11)],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, required=False)


class SurveyTemplateForm(forms.Form):
    """A survey template's wording in both languages and its periods; the code only when it is created."""

    def __init__(self, *args, with_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        names = (["code"] if with_code else []) + list(SURVEY_TEMPLATE_FIELDS)
        self.fields.update(fields_for_model(SurveyTemplate, fields=names))
        for name, field in self.fields.items():
            if name.startswith("intro"):
                field.widget.attrs["rows"] = 3
            elif name not in ("is_active",):
                field.required = True


class RelationProfileForm(forms.Form):
    is_key_account = forms.BooleanField(
        label=_("Key account"), required=False, help_text=_("Key accounts are revisited every quarter.")
    )
    owner = _PersonChoice(
        label=_("Relationship owner"),
        queryset=None,
        required=False,
        help_text=_("Owns complaints, revisits and survey follow-ups; the collector when empty."),
    )

    def __init__(self, *args, customer: Customer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _staff_of(customer.company_id)


class SurveyPeriodForm(forms.Form):
    """The period of the survey results, kept in the address as ``from`` and ``to`` (ISO dates)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = DayField(label=_("From"), widget=DateInput(), required=False)
        self.fields["to"] = DayField(label=_("To"), widget=DateInput(), required=False)


class KeyAccountFilterForm(forms.Form):
    company = forms.TypedChoiceField(label=_("Company"), coerce=int, required=False, empty_value=None)
    text = forms.CharField(label=_("Customer"), max_length=100, required=False)
    key = forms.ChoiceField(
        label=_("Key account"),
        required=False,
        choices=[("", _("All")), ("yes", _("Key accounts")), ("no", _("Other customers"))],
    )
    owner = forms.TypedChoiceField(label=_("Relationship owner"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, companies, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [("", _("All"))] + [(c.pk, f"{c.code} {c.name}") for c in companies]
        self.fields["owner"].choices = [("", _("All"))] + [(u.pk, _person_label(u)) for u in owners]
