from __future__ import annotations

import json
from decimal import Decimal

from django import forms
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from ardesk.core.forms import DayField
from ardesk.core.widgets import DateInput
from ardesk.credit import domain
from ardesk.credit.models import IndustryRisk, PeriodKind, RequestKind, ReviewDecision


class FinancialStatementForm(forms.Form):
    """One period's statement: the header fields, then one amount field per line (empty: not entered)."""

    period_end = DayField(label=_("Period end"), widget=DateInput())
    period_kind = forms.ChoiceField(label=_("Period"), choices=PeriodKind.choices)
    months = forms.IntegerField(label=_("Months covered"), min_value=1, max_value=12, initial=12)
    is_audited = forms.BooleanField(label=_("Audited"), required=False)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="CNY")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chinese = (get_language() or "").startswith("zh")
        for line in domain.LINES:
            # The row as the Chinese statement prints it (减：营业成本, 其中：利息费用), and in English
            # with it, so the form reads like the paper statement it is copied from.
            printed = line.printed_zh or line.name_zh
            self.fields[f"line_{line.code}"] = forms.DecimalField(
                label=printed if chinese else f"{line.name} / {printed}",
                required=False,
                max_digits=20,
                decimal_places=2,
            )

    def line_groups(self):
        """(statement title, [(section title, fields)]) in the order of the Chinese statements."""
        titles = {
            "balance": gettext("Balance sheet (资产负债表)"),
            "income": gettext("Income statement (利润表)"),
            "cash_flow": gettext("Cash-flow statement (现金流量表)"),
        }
        groups = []
        for kind in ("balance", "income", "cash_flow"):
            sections: list[tuple[str, list]] = []
            for line in (line for line in domain.LINES if line.statement == kind):
                title = gettext(domain.SECTIONS[line.section]) if line.section else ""
                if not sections or sections[-1][0] != title:
                    sections.append((title, []))
                sections[-1][1].append(self[f"line_{line.code}"])
            groups.append((titles[kind], sections))
        return groups

    def lines(self) -> dict:
        return {line.code: self.cleaned_data.get(f"line_{line.code}") for line in domain.LINES}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
    customer = forms.CharField(
        label=_("Customer code"),
        max_length=40,
        required=False,
        help_text=_("For one customer's statements as exported (a 项目 column, one column per period end)."),
    )


class LimitImportForm(forms.Form):
    company = forms.TypedChoiceField(label=_("Company"), coerce=int)
    file = forms.FileField(label=_("CSV or XLSX file"))

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.pk, str(c)) for c in companies]


class AccountForm(forms.Form):
    industry_risk = forms.ChoiceField(
        label=_("Industry risk"), choices=[("", "—"), *IndustryRisk.choices], required=False
    )
    external_rating = forms.CharField(label=_("External rating"), max_length=8, required=False)


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RequestKind.choices)
    amount = forms.DecimalField(
        label=_("Amount"),
        required=False,
        max_digits=20,
        decimal_places=2,
        help_text=_("The new limit, or the special approval's amount."),
    )
    term_days = forms.IntegerField(label=_("Payment term (days)"), required=False, min_value=0)
    valid_until = DayField(label=_("Valid until"), required=False, widget=DateInput())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("Evidence"), required=False)


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=ReviewDecision.choices)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ScorecardForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=32)
    name = forms.CharField(label=_("Name"), max_length=200)
    note = forms.CharField(label=_("Change note"), max_length=300, required=False)
    config = forms.CharField(
        label=_("Configuration (JSON)"), widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false"})
    )

    def clean_config(self):
        try:
            config = json.loads(self.cleaned_data["config"])
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(_("Not valid JSON: %(error)s") % {"error": exc}) from exc
        if not isinstance(config, dict):
            raise forms.ValidationError(_("The configuration must be a JSON object."))
        return config


class OrderCheckForm(forms.Form):
    """An order to check against the customer's credit (信用检查), as the ERP would send it."""

    company = forms.ChoiceField(label=_("Company"))
    customer_code = forms.CharField(label=_("Customer code"), max_length=32)
    order_ref = forms.CharField(label=_("Order reference"), max_length=64)
    amount = forms.DecimalField(label=_("Order amount"), min_value=Decimal("0.01"), max_digits=18, decimal_places=2)
    currency = forms.CharField(
        label=_("Currency"), max_length=3, required=False, help_text=_("Empty: the company's currency.")
    )

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = [(c.code, str(c)) for c in companies]
