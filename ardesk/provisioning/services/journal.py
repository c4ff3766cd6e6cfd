"""The bad-debt journal (记账凭证): the entries of runs, write-offs and recoveries, numbered per company."""

from __future__ import annotations

import datetime as dt

from ardesk.companies.models import Company
from ardesk.provisioning import domain, selectors
from ardesk.provisioning.models import JournalEntry, JournalLine


def _next_number(company_id: int, prefix: str, on: dt.date) -> str:
    count = JournalEntry.objects.filter(company_id=company_id, number__startswith=f"{prefix}{on:%Y%m}-").count()
    return f"{prefix}{on:%Y%m}-{count + 1:04d}"


def book(
    *,
    by,
    company: Company,
    on: dt.date,
    kind: str,
    description: str,
    lines: list[domain.JournalLineSpec],
    **links,
) -> JournalEntry:
    """Book an entry with the next number of its month, on the accounts of the company's policy."""
    policy = selectors.company_policy(company.pk)
    accounts = {
        "loss": policy.loss_account if policy else "6702",
        "allowance": policy.allowance_account if policy else "1231",
        "receivable": policy.receivable_account if policy else "1122",
        "bank": policy.bank_account if policy else "1002",
    }
    entry = JournalEntry.objects.create(
        company=company,
        number=_next_number(company.pk, "BD", on),
        on=on,
        kind=kind,
        currency=company.functional_currency,
        description=description[:300],
        created_by=by,
        **links,
    )
    JournalLine.objects.bulk_create(
        JournalLine(
            entry=entry,
            seq=n,
            role=spec.role,
            account=accounts[spec.role],
            debit=spec.debit,
            credit=spec.credit,
            memo=spec.memo[:200],
        )
        for n, spec in enumerate(lines, start=1)
    )
    return entry
