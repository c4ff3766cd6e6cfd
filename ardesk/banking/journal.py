"""The cash application journal: Dr bank / Cr receivables per receipt, and one entry per booked difference.

The layout is the bad-debt journal's (docs/provisioning.md), so the ERP import maps both the same way.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ardesk.banking.models import DifferenceStatus
from ardesk.core import exports
from ardesk.core.exports import ReportTable
from ardesk.core.money import from_minor

JOURNAL_HEADERS = [
    "entry_number",
    "date",
    "company",
    "kind",
    "line",
    "account",
    "account_role",
    "debit",
    "credit",
    "currency",
    "description",
    "source",
]
JOURNAL_COLUMN_MEANINGS = {
    "entry_number": gettext_lazy("Entry number: the receipt's or the credit note's number"),
    "date": gettext_lazy("Entry date, year-month-day (the bank's booking date)"),
    "company": gettext_lazy("Company code"),
    "kind": gettext_lazy("Receipt, early-payment discount, bank charge or short payment"),
    "line": gettext_lazy("Line number within the entry"),
    "account": gettext_lazy("Account code from the bank account's settings"),
    "account_role": gettext_lazy("Bank deposits, accounts receivable, discounts, bank charges or differences"),
    "debit": gettext_lazy("Debit amount with the currency's decimals (0 on a credit line)"),
    "credit": gettext_lazy("Credit amount with the currency's decimals (0 on a debit line)"),
    "currency": gettext_lazy("Currency of the bank account"),
    "description": gettext_lazy("Payer and customer"),
    "source": gettext_lazy("The statement line the entry comes from"),
}


def journal_entries(applications) -> list[dict]:
    """Each receipt and each booked difference as a balanced two-line entry."""
    entries = []
    for application in applications:
        line, account = application.line, application.line.account
        description = f"{line.payer_name} / {application.customer.code} {application.customer.name}"
        entries.append(
            {
                "number": application.receipt.number,
                "on": line.booked_on,
                "company": application.company.code,
                "kind": "receipt",
                "lines": [
                    (account.gl_account, "bank", application.amount, 0),
                    (account.receivable_account, "receivable", 0, application.amount),
                ],
                "currency": line.currency,
                "description": description,
                "source": f"bank_line:{line.pk}",
            }
        )
        for difference in application.differences.all():
            if difference.status != DifferenceStatus.BOOKED or difference.credit_note is None:
                continue
            debit_account = {
                "discount": account.discount_account,
                "bank_charge": account.charges_account,
                "short": account.difference_account,
            }[difference.kind]
            entries.append(
                {
                    "number": difference.credit_note.number,
                    "on": line.booked_on,
                    "company": application.company.code,
                    "kind": difference.kind,
                    "lines": [
                        (debit_account, difference.kind, difference.amount, 0),
                        (account.receivable_account, "receivable", 0, difference.amount),
                    ],
                    "currency": line.currency,
                    "description": description,
                    "source": f"bank_line:{line.pk}",
                }
            )
    return entries


def kind_label(kind: str) -> str:
    return {
        "receipt": _("Receipt"),
        "discount": _("Early-payment discount"),
        "bank_charge": _("Bank charge"),
        "short": _("Short payment written off"),
    }[kind]


def role_label(role: str) -> str:
    return {
        "bank": _("Bank deposits"),
        "receivable": _("Accounts receivable"),
        "discount": _("Discounts"),
        "bank_charge": _("Bank charges"),
        "short": _("Differences"),
    }[role]


def journal_table(entries: list[dict]) -> ReportTable:
    rows = [
        [
            entry["number"],
            entry["on"].isoformat(),
            entry["company"],
            entry["kind"],
            seq,
            account,
            role,
            from_minor(debit, entry["currency"]),
            from_minor(credit, entry["currency"]),
            entry["currency"],
            entry["description"],
            entry["source"],
        ]
        for entry in entries
        for seq, (account, role, debit, credit) in enumerate(entry["lines"], start=1)
    ]
    return ReportTable(title=_("Cash application journal"), subtitle=[], headers=JOURNAL_HEADERS, rows=rows)


def journal_xlsx(table: ReportTable) -> bytes:
    amounts = {8: "0.00", 9: "0.00"}
    return exports.data_xlsx(table.headers, table.rows, sheet_title="journal", formats=amounts)
