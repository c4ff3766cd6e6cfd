"""Bad-debt figures as JSON (API, command) and as report tables (XLSX, PDF, CSV): one shape for all."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from ardesk.core import exports
from ardesk.core.exports import ReportTable
from ardesk.core.money import from_minor
from ardesk.provisioning import domain, selectors
from ardesk.provisioning.models import AccountRole, JournalEntry, JournalLine, ProvisionRun, RunLine


def _text(minor: int, currency: str) -> str:
    return str(from_minor(minor, currency))


def proposed_entry(run: ProvisionRun) -> list[dict]:
    """The run's journal entry: the booked one once approved, else the one approval would book."""
    if run.status != "draft":
        lines = JournalLine.objects.filter(entry__run=run).order_by("seq")
        return [
            {"account": line.account, "role": line.role, "debit": line.debit, "credit": line.credit} for line in lines
        ]
    accounts = _accounts(run.company_id)
    return [
        {"account": accounts[spec.role], "role": spec.role, "debit": spec.debit, "credit": spec.credit}
        for spec in domain.provision_entry(run.difference)
    ]


def _accounts(company_id: int) -> dict[str, str]:
    policy = selectors.company_policy(company_id)
    return {
        AccountRole.LOSS: policy.loss_account if policy else "6702",
        AccountRole.ALLOWANCE: policy.allowance_account if policy else "1231",
    }


def role_label(role: str) -> str:
    return str(AccountRole(role).label)


def customer_totals(run: ProvisionRun):
    """Each customer's balance and required allowance in the run (portfolio shares and specific provisions)."""
    return (
        RunLine.objects.filter(run=run)
        .values("customer_id", "customer__code", "customer__name")
        .annotate(balance=Sum("balance"), required=Sum("required"))
        .order_by("customer__code")
    )


def run_json(run: ProvisionRun, *, customers: bool = True) -> dict:
    currency = run.currency
    data = {
        "id": run.pk,
        "company": run.company.code,
        "period": f"{run.as_of:%Y-%m}",
        "as_of": run.as_of.isoformat(),
        "status": run.status,
        "is_provisional": run.is_provisional,
        "currency": currency,
        "required": _text(run.required, currency),
        "booked": _text(run.booked, currency),
        "difference": _text(run.difference, currency),
        "prepared_by": run.prepared_by.get_username(),
        "approved_by": run.approved_by.get_username() if run.approved_by_id else None,
        "buckets": [
            {
                "segment": b.segment,
                "method": b.method,
                "bucket": b.bucket_key,
                "label": b.label,
                "balance": _text(b.balance, currency),
                "rate": str(b.rate),
                "required": _text(b.required, currency),
            }
            for b in run.buckets.all()
        ],
        "specific": [
            {
                "customer": line.customer.code,
                "document": line.document.number if line.document_id else None,
                "balance": _text(line.balance, currency),
                "required": _text(line.required, currency),
                "reason": line.reason,
            }
            for line in run.lines.filter(bucket__isnull=True).select_related("customer", "document")
        ],
        "journal": [
            {
                "account": line["account"],
                "role": line["role"],
                "debit": _text(line["debit"], currency),
                "credit": _text(line["credit"], currency),
            }
            for line in proposed_entry(run)
        ],
    }
    if customers:
        data["customers"] = [
            {
                "customer": row["customer__code"],
                "name": row["customer__name"],
                "balance": _text(row["balance"], currency),
                "required": _text(row["required"], currency),
            }
            for row in customer_totals(run)
        ]
    return data


def figures_json(figures) -> dict:
    """The figures of a run computed without saving (``ardesk provision run`` without --save)."""
    currency = figures.currency
    accounts = _accounts(figures.company.pk)
    return {
        "company": figures.company.code,
        "period": f"{figures.as_of:%Y-%m}",
        "as_of": figures.as_of.isoformat(),
        "status": "preview",
        "currency": currency,
        "required": _text(figures.required, currency),
        "booked": _text(figures.booked, currency),
        "difference": _text(figures.difference, currency),
        "buckets": [
            {
                "segment": b.segment,
                "method": b.method,
                "bucket": b.key,
                "label": b.label,
                "balance": _text(b.balance, currency),
                "rate": str(b.rate),
                "required": _text(b.required, currency),
            }
            for b in figures.buckets
        ],
        "specific": [
            {
                "customer_id": s.customer_id,
                "balance": _text(s.balance, currency),
                "required": _text(s.required, currency),
            }
            for s in figures.specific
        ],
        "journal": [
            {
                "account": accounts[s.role],
                "role": s.role,
                "debit": _text(s.debit, currency),
                "credit": _text(s.credit, currency),
            }
            for s in domain.provision_entry(figures.difference)
        ],
    }


def _money(minor: int, currency: str) -> Decimal:
    return from_minor(minor, currency)


def run_bucket_table(run: ProvisionRun) -> ReportTable:
    c = run.currency
    rows = [
        [b.segment or "*", b.get_method_display(), b.label, _money(b.balance, c), f"{b.rate}%", _money(b.required, c)]
        for b in run.buckets.all()
    ]
    specific = run.lines.filter(bucket__isnull=True).select_related("customer", "document")
    rows += [
        [
            _("Specific"),
            line.reason,
            f"{line.customer.code} {line.document.number if line.document_id else ''}".strip(),
            _money(line.balance, c),
            "",
            _money(line.required, c),
        ]
        for line in specific
    ]
    return ReportTable(
        title=_("Bad-debt provision by bucket, %(company)s %(period)s")
        % {"company": run.company.code, "period": f"{run.as_of:%Y-%m}"},
        subtitle=[
            _("Status: %(status)s; amounts in %(currency)s") % {"status": run.get_status_display(), "currency": c}
        ],
        headers=[
            _("Segment"),
            _("Method"),
            _("Bucket"),
            _("Balance"),
            pgettext("provision", "Provision rate"),
            _("Required allowance"),
        ],
        rows=rows,
        totals=[_("Total"), "", "", _money(_sum_balance(run), c), "", _money(run.required, c)],
        currency=c,
        footer=_summary_lines(run),
    )


def _sum_balance(run: ProvisionRun) -> int:
    return run.lines.aggregate(total=Sum("balance"))["total"] or 0


def _summary_lines(run: ProvisionRun) -> list[str]:
    c = run.currency
    lines = [
        _("Required allowance %(required)s, booked %(booked)s, to book %(difference)s")
        % {
            "required": f"{_money(run.required, c):,}",
            "booked": f"{_money(run.booked, c):,}",
            "difference": f"{_money(run.difference, c):,}",
        }
    ]
    for line in proposed_entry(run):
        side = _("Dr") if line["debit"] else _("Cr")
        lines.append(
            f"{side} {line['account']} {role_label(line['role'])} {_money(line['debit'] or line['credit'], c):,}"
        )
    return lines


def run_customer_table(run: ProvisionRun) -> ReportTable:
    c = run.currency
    rows = [
        [row["customer__code"], row["customer__name"], _money(row["balance"], c), _money(row["required"], c)]
        for row in customer_totals(run)
    ]
    return ReportTable(
        title=_("Bad-debt provision by customer, %(company)s %(period)s")
        % {"company": run.company.code, "period": f"{run.as_of:%Y-%m}"},
        subtitle=[_("Amounts in %(currency)s") % {"currency": c}],
        headers=[_("Customer"), _("Name"), _("Balance"), _("Required allowance")],
        rows=rows,
        totals=[_("Total"), "", _money(_sum_balance(run), c), _money(run.required, c)],
        currency=c,
        footer=_summary_lines(run),
    )


ROLL_FORWARD_KEYS = ("opening", "brought_forward", "charged", "released", "written_off", "recovered", "closing")


def roll_forward_labels() -> dict[str, str]:
    return {
        "opening": _("Opening allowance"),
        "brought_forward": _("Brought forward"),
        "charged": _("Charged"),
        "released": _("Released"),
        "written_off": _("Written off"),
        "recovered": _("Recovered"),
        "closing": _("Closing allowance"),
    }


def roll_forward_rows(company_id: int, periods: list[tuple[dt.date, dt.date]]) -> list[tuple[str, dict]]:
    return [
        (
            f"{start:%Y-%m}" if start.day == 1 and end.month == start.month else f"{start}–{end}",
            selectors.roll_forward(company_id=company_id, date_from=start, date_to=end),
        )
        for start, end in periods
    ]


def roll_forward_table(company, rows: list[tuple[str, dict]]) -> ReportTable:
    c = company.functional_currency
    labels = roll_forward_labels()
    return ReportTable(
        title=_("Allowance roll-forward, %(company)s") % {"company": company.code},
        subtitle=[_("Bad-debt allowance (坏账准备), amounts in %(currency)s") % {"currency": c}],
        headers=[_("Period"), *[labels[k] for k in ROLL_FORWARD_KEYS]],
        rows=[[period, *[_money(figures[k], c) for k in ROLL_FORWARD_KEYS]] for period, figures in rows],
        currency=c,
    )


def derivation_table(policy) -> ReportTable:
    d = policy.derivation
    keys = d.get("keys", [])
    rows = []
    for o in d.get("observations", []):
        rows.append([o["as_of"], _("Balance"), *[Decimal(o["balances"][k]) for k in keys]])
        rows.append([o["as_of"], _("Written off later"), *[Decimal(o["written_off"][k]) for k in keys]])
    rows.append([_("Total"), _("Balance"), *[Decimal(d["balance_totals"][k]) for k in keys]])
    rows.append([_("Total"), _("Written off later"), *[Decimal(d["written_off_totals"][k]) for k in keys]])
    rows.append(["", _("Historical loss rate %"), *[d["historical_rates"][k] for k in keys]])
    rows.append(
        ["", _("× forward-looking factor %(f)s = rate %%") % {"f": d["forward_factor"]}, *[d["rates"][k] for k in keys]]
    )
    return ReportTable(
        title=_("Loss-rate derivation, %(company)s %(segment)s")
        % {"company": policy.company.code, "segment": policy.segment or "*"},
        subtitle=[
            _("Month-end snapshots in the %(n)s months before %(date)s; amounts in %(currency)s")
            % {"n": d.get("lookback_months"), "date": d.get("as_of"), "currency": d.get("currency")}
        ],
        headers=[_("Month end"), _("Step"), *keys],
        rows=rows,
        currency=d.get("currency") or "CNY",
    )


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


# What each column of the journal export holds, shown on the journals page so that the people who
# map the file into the ERP read the layout in the product, in their language.
JOURNAL_COLUMN_MEANINGS = {
    "entry_number": gettext_lazy("Entry number, per company (BD, year and month, sequence)"),
    "date": gettext_lazy("Entry date, year-month-day (the period end for a provision)"),
    "company": gettext_lazy("Company code"),
    "kind": gettext_lazy("Provision, release, write-off or recovery"),
    "line": gettext_lazy("Line number within the entry"),
    "account": gettext_lazy("Account code from the company's provision policy"),
    "account_role": gettext_lazy("Credit impairment loss, bad-debt allowance, accounts receivable or bank deposits"),
    "debit": gettext_lazy("Debit amount with the currency's decimals (0 on a credit line)"),
    "credit": gettext_lazy("Credit amount with the currency's decimals (0 on a debit line)"),
    "currency": gettext_lazy("Functional currency"),
    "description": gettext_lazy("Description of the entry"),
    "source": gettext_lazy("The provision run, write-off or recovery that booked the entry"),
}


def journal_entries(company_ids: list[int], date_from: dt.date | None, date_to: dt.date | None):
    entries = JournalEntry.objects.filter(company_id__in=company_ids).exclude(kind="opening")
    if date_from:
        entries = entries.filter(on__gte=date_from)
    if date_to:
        entries = entries.filter(on__lte=date_to)
    return entries.select_related("company", "run", "write_off", "recovery__write_off").prefetch_related("lines")


def _source(entry: JournalEntry) -> str:
    if entry.run_id:
        return f"run:{entry.run_id}"
    if entry.write_off_id:
        return f"write_off:{entry.write_off.number}"
    if entry.recovery_id:
        return f"recovery:{entry.recovery.write_off.number}"
    return ""


def journal_table(entries) -> ReportTable:
    """The journal export layout of docs/provisioning.md: one row per entry line."""
    rows = []
    for entry in entries:
        for line in entry.lines.all():
            rows.append(
                [
                    entry.number,
                    entry.on.isoformat(),
                    entry.company.code,
                    entry.kind,
                    line.seq,
                    line.account,
                    line.role,
                    from_minor(line.debit, entry.currency),
                    from_minor(line.credit, entry.currency),
                    entry.currency,
                    entry.description,
                    _source(entry),
                ]
            )
    return ReportTable(title=_("Bad-debt journal"), subtitle=[], headers=JOURNAL_HEADERS, rows=rows)


def journal_xlsx(table: ReportTable) -> bytes:
    """The journal as a sheet whose first row is the header, as ERP import tools expect."""
    amounts = {n: "0.00" for n, v in enumerate(table.rows[0] if table.rows else [], start=1) if isinstance(v, Decimal)}
    return exports.data_xlsx(table.headers, table.rows, sheet_title="journal", formats=amounts)
