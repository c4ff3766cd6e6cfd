"""The aging report as the documented JSON contract and as a table for CSV, Excel and PDF."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from ardesk.core.exports import ReportTable
from ardesk.core.money import currency_decimals, from_minor, minor_text
from ardesk.reports.selectors import AgingReport


def _amount(minor: int, currency: str) -> Decimal:
    return from_minor(minor, currency)


def _in_order(row, keys: list[str]) -> list[int]:
    """The row's bucket amounts in the order of ``keys`` (``row.buckets`` is made anew at each reading)."""
    amounts = row.buckets
    return [amounts[key] for key in keys]


def aging_json(report: AgingReport) -> dict:
    """The stable JSON of docs/reports.md: amounts as strings in the report's currency."""
    currency = report.currency
    places = currency_decimals(currency)
    written: dict[int, str] = {}  # most buckets of most rows are empty: each amount's text is made once

    def text(minor: int) -> str:
        known = written.get(minor)
        if known is None:
            known = written[minor] = minor_text(minor, places)
        return known

    keys = [key for key, _label in report.buckets]

    def row_json(row) -> dict:
        return {
            "key": row.key,
            "name": row.name,
            "company": row.company,
            "total": text(row.total),
            "buckets": dict(zip(keys, map(text, _in_order(row, keys)), strict=True)),
        }

    totals = report.totals
    data = {
        "as_of": report.as_of.isoformat(),
        "basis": report.basis,
        "bucket_set": report.bucket_set.code,
        "by": report.by,
        "currency": currency,
        "companies": report.company_codes,
        "buckets": [{"key": key, "label": label} for key, label in report.buckets],
        "rows": [row_json(row) for row in report.rows],
        "totals": {"total": text(report.total), "buckets": {key: text(v) for key, v in totals.items()}},
        "reconciliation": {
            "ledger_balance": text(report.ledger_balance),
            "exchange_differences": text(report.exchange_differences),
            "difference": text(report.difference),
        },
    }
    if report.rates == "closing":
        # Added only at the closing rates, so the documented historical contract is unchanged.
        data["rates"] = report.rates
        data["closing_rates"] = {code: str(rate) for code, rate in report.closing_rates.items()}
        data["reconciliation"]["unrealised_exchange_differences"] = text(report.unrealised)
    return data


def by_label(by: str) -> str:
    return {
        "customer": _("Customer"),
        "group": _("Customer group"),
        "company": _("Company"),
        "collector": _("Collector"),
        "currency": _("Currency"),
    }[by]


def reconciliation_lines(report: AgingReport) -> list[str]:
    currency = report.currency
    lines = [
        _("Ledger balance: %(amount)s %(currency)s")
        % {"amount": f"{_amount(report.ledger_balance, currency):,}", "currency": currency},
    ]
    if report.exchange_differences:
        lines.append(
            _("Realised exchange differences in it: %(amount)s")
            % {"amount": f"{_amount(report.exchange_differences, currency):,}"}
        )
    if report.unrealised:
        lines.append(
            _("Unrealised exchange differences at the closing rates: %(amount)s")
            % {"amount": f"{_amount(report.unrealised, currency):,}"}
        )
    lines.append(_("Difference to the aging: %(amount)s") % {"amount": f"{_amount(report.difference, currency):,}"})
    return lines


def aging_table(report: AgingReport) -> ReportTable:
    currency = report.currency
    labels = [label for _key, label in report.buckets]
    headers = [_("Code"), _("Name"), _("Company"), _("Total"), *labels]
    keys = [key for key, _label in report.buckets]
    rows = [
        [row.key, row.name, row.company, _amount(row.total, currency)]
        + [_amount(amount, currency) for amount in _in_order(row, keys)]
        for row in report.rows
    ]
    totals = [_("Total"), "", "", _amount(report.total, currency)] + [
        _amount(v, currency) for v in report.totals.values()
    ]
    return ReportTable(
        title=_("Aging as of %(date)s") % {"date": report.as_of.isoformat()},
        subtitle=[
            _("%(set)s, by %(by)s, in %(currency)s; companies: %(companies)s")
            % {
                "set": report.bucket_set.label,
                "by": by_label(report.by).lower(),
                "currency": currency,
                "companies": ", ".join(report.company_codes),
            }
        ],
        headers=headers,
        rows=rows,
        totals=totals,
        currency=currency,
        footer=reconciliation_lines(report),
    )


def screen_rows(report: AgingReport, rows) -> list[dict]:
    """Rows for a template: the bucket amounts in the report's bucket order."""
    return [
        {
            "key": row.key,
            "name": row.name,
            "company": row.company,
            "total": row.total,
            "cells": [(key, row.buckets[key]) for key, _label in report.buckets],
        }
        for row in rows
    ]


def screen_totals(report: AgingReport) -> list[tuple[str, int]]:
    totals = report.totals
    return [(key, totals[key]) for key, _label in report.buckets]
