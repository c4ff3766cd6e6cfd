"""Customers' financial statements (财务报表): entered one period at a time, imported from CSV or XLSX, deleted."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.access import ensure_permission
from ardesk.core.errors import InvalidInput
from ardesk.core.money import quantize, to_minor
from ardesk.credit import domain
from ardesk.credit.models import FinancialStatement, PeriodKind
from ardesk.customers.models import Customer
from ardesk.ledger import domain as ledger_domain


def _parse_lines(lines: dict[str, Any], currency: str, errors: dict[str, list[str]]) -> dict[str, int]:
    parsed: dict[str, int] = {}
    for label, value in lines.items():
        code = domain.line_code(str(label))
        if code is None:
            errors.setdefault(str(label), []).append(_("Unknown statement line."))
            continue
        if value is None or str(value).strip() == "":
            continue
        # The ledger's reading of amounts: no formula, no scientific notation, within the integer column.
        # Statements are rounded to the minor unit (as they always were), but must fit the column.
        amount, problems = ledger_domain.read_amount(value, str(label))
        if amount is not None:
            problems = [p for p in ledger_domain.amount_problems(amount, currency, str(label)) if p.code == "too_large"]
        if problems:
            errors.setdefault(str(label), []).append(problems[0].message)
        else:
            parsed[code] = to_minor(quantize(amount, currency), currency)
    return parsed


@transaction.atomic
def financial_statement_save(
    *,
    by,
    customer: Customer,
    period_end: dt.date,
    lines: dict[str, Any],
    period_kind: str = PeriodKind.ANNUAL,
    months: int | None = None,
    is_audited: bool = False,
    currency: str = "",
    source: str = "form",
    row: int | None = None,
) -> FinancialStatement:
    """Enter a customer's statement for a period, replacing the lines of the same period if it exists."""
    ensure_permission(by, "credit.add_financialstatement")
    currency = (currency or customer.company.functional_currency).upper()
    errors: dict[str, list[str]] = {}
    if period_kind not in PeriodKind.values:
        errors["period_kind"] = [_("Use annual or interim.")]
    months = months or (12 if period_kind == PeriodKind.ANNUAL else 6)
    if not 1 <= months <= 12:
        errors["months"] = [_("Between 1 and 12 months.")]
    try:
        from ardesk.core.money import currency_decimals

        currency_decimals(currency)
    except ValueError:
        errors["currency"] = [_("Use a three-letter ISO 4217 code such as CNY.")]
        currency = "CNY"
    parsed = _parse_lines(lines, currency, errors)
    if not parsed and not errors:
        errors["lines"] = [_("Enter at least one statement line.")]
    if errors:
        raise InvalidInput(errors, row=row)
    statement = (
        FinancialStatement.objects.select_for_update()
        .filter(customer=customer, period_end=period_end, period_kind=period_kind)
        .first()
    )
    before = None
    if statement is None:
        statement = FinancialStatement(customer=customer, period_end=period_end, period_kind=period_kind, created_by=by)
    else:
        before = {"lines": statement.lines, "months": statement.months, "is_audited": statement.is_audited}
    statement.months, statement.is_audited, statement.currency = months, is_audited, currency
    statement.lines, statement.source = parsed, source
    statement.save()
    record(
        action="credit.statement_save",
        actor=by,
        target=statement,
        company_id=customer.company_id,
        before=before,
        after={"lines": parsed, "months": months, "is_audited": is_audited, "currency": currency, "source": source},
    )
    return statement


FINANCIAL_STATEMENT_COLUMNS = {"customer", "company", "period_end", "period_kind", "months", "audited", "currency"}
COLUMN_ALIASES = {
    "客户编码": "customer",
    "公司": "company",
    "期末日": "period_end",
    "报表期间": "period_kind",
    "月数": "months",
    "是否审计": "audited",
    "币种": "currency",
}


def _truthy(value) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "y", "是", "已审计")


# The first column of a statement as Chinese companies export it: the row names (项目).
ITEM_HEADERS = {"项目", "项目名称", "报表项目", "科目", "科目名称", "item", "line"}
# Columns such an export carries beside the periods, which hold no amounts.
NOTE_HEADERS = {"行次", "附注", "注释", "note", "row"}


@transaction.atomic
def financial_statements_import(
    *, by, handle, filename: str, company_ids: list[int], customer_code: str = ""
) -> list[FinancialStatement]:
    """Import statements from CSV or XLSX, all or nothing, in one of two layouts.

    One period per row: columns customer (code), period_end (YYYY-MM-DD), optional company,
    period_kind, months, audited, currency, then one column per line named by its code, English or
    Chinese name. Or as Chinese companies export their statements, for one customer
    (``customer_code``): a first column 项目 with the row names as printed ("一、营业收入",
    "减：营业成本", "其中：利息费用"; numbering and 减/加/其中 are read past), then one column per
    period headed by its end date; rows the statements print that ARdesk does not keep are passed over.
    """
    from ardesk.ledger.imports.reader import FileProblem, open_table

    ensure_permission(by, "credit.add_financialstatement")
    try:
        table = open_table(handle, filename)
    except FileProblem as exc:
        raise InvalidInput({"file": [str(exc)]}) from exc
    from ardesk.ledger.imports.reader import duplicate_headers

    if table.headers and table.headers[0].strip().lower() in ITEM_HEADERS:
        try:
            return _as_exported(by, table, customer_code, company_ids)
        finally:
            table.rows.close()
    headers = [
        COLUMN_ALIASES.get(h, h.lower() if h.lower() in FINANCIAL_STATEMENT_COLUMNS else h) for h in table.headers
    ]
    duplicates = duplicate_headers(headers)
    if duplicates:
        table.rows.close()
        raise InvalidInput({"file": duplicates})
    unknown = [h for h in headers if h not in FINANCIAL_STATEMENT_COLUMNS and domain.line_code(h) is None]
    if unknown:
        raise InvalidInput({"file": [_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)}]})
    for required in ("customer", "period_end"):
        if required not in headers:
            raise InvalidInput({"file": [_("The column %(column)s is missing.") % {"column": required}]})
    try:
        return _statement_rows(by, table, headers, company_ids)
    finally:
        table.rows.close()  # stop reading the file while it is still open, also after a bad row


def _statement_rows(by, table, headers: list[str], company_ids: list[int]) -> list[FinancialStatement]:
    from ardesk.ledger.imports.reader import cell_text

    customers = Customer.objects.filter(company_id__in=company_ids).select_related("company")
    saved = []
    for number, cells in table.rows:
        values = {h: cell_text(c) if c not in (None, "") else "" for h, c in zip(headers, cells, strict=False)}
        matches = customers.filter(code=values["customer"])
        if values.get("company"):
            matches = matches.filter(company__code=values["company"])
        found = list(matches[:2])
        if len(found) != 1:
            message = (
                _("Customer %(code)s not found in your companies.")
                if not found
                else _("Customer %(code)s exists in several companies: add a company column.")
            )
            raise InvalidInput({"customer": [message % {"code": values["customer"]}]}, row=number)
        try:
            period_end = dt.date.fromisoformat(values["period_end"][:10])
        except ValueError as exc:
            raise InvalidInput({"period_end": [_("Use a date such as 2024-12-31.")]}, row=number) from exc
        months = values.get("months") or ""
        try:
            months_value = int(Decimal(months)) if months else None
        except ArithmeticError as exc:
            raise InvalidInput({"months": [_("A whole number of months.")]}, row=number) from exc
        lines = {h: v for h, v in values.items() if h not in FINANCIAL_STATEMENT_COLUMNS}
        saved.append(
            financial_statement_save(
                by=by,
                customer=found[0],
                period_end=period_end,
                lines=lines,
                period_kind=(values.get("period_kind") or "annual").lower(),
                months=months_value,
                is_audited=_truthy(values.get("audited", "")),
                currency=values.get("currency", ""),
                source="import",
                row=number,
            )
        )
    if not saved:
        raise InvalidInput({"file": [_("The file has no statement rows.")]})
    return saved


def period_end_of(header: str) -> dt.date | None:
    """The period end a column of an exported statement is headed by: 2024-12-31, 2024/12/31,
    2024年12月31日, or a year (2024, 2024年, 2024年度) for its 31 December."""
    text = header.strip().replace("/", "-").replace(".", "-")
    if match := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        text = "-".join(match.groups())
    if match := re.fullmatch(r"(\d{4})(?:年度?)?", text):
        return dt.date(int(match.group(1)), 12, 31)
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text[:10]):
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    return None


def _as_exported(by, table, customer_code: str, company_ids: list[int]) -> list[FinancialStatement]:
    """Statements of one customer laid out as exported: rows are the lines, columns the periods."""
    from ardesk.ledger.imports.reader import cell_text, column_letter

    found = list(Customer.objects.filter(company_id__in=company_ids, code=customer_code.strip())[:2])
    if len(found) != 1:
        message = (
            _("Name the customer whose statements these are.")
            if not customer_code.strip()
            else _("Customer %(code)s not found in your companies.") % {"code": customer_code}
            if not found
            else _("Customer %(code)s exists in several companies.") % {"code": customer_code}
        )
        raise InvalidInput({"customer": [message]})
    periods: dict[int, dt.date] = {}
    for index, header in enumerate(table.headers[1:], start=1):
        if not header.strip() or header.strip().lower() in NOTE_HEADERS:
            continue
        period_end = period_end_of(header)
        if period_end is None:
            raise InvalidInput(
                {
                    "file": [
                        _(
                            "Column %(column)s (%(header)s): head each period's column with its end date, "
                            "such as 2024-12-31."
                        )
                        % {"column": column_letter(index), "header": header}
                    ]
                }
            )
        periods[index] = period_end
    if not periods:
        raise InvalidInput({"file": [_("The file has no period columns: head them with their end dates.")]})
    lines: dict[dt.date, dict[str, str]] = {period: {} for period in periods.values()}
    first_row: dict[str, int] = {}
    for number, cells in table.rows:
        label = cell_text(cells[0]) if cells and cells[0] not in (None, "") else ""
        code = domain.line_code(label) if label else None
        if code is None:
            continue  # a heading (流动资产：) or a row ARdesk does not keep
        if code in first_row:
            raise InvalidInput(
                {label: [_("This line appears twice (first on row %(row)d).") % {"row": first_row[code]}]}, row=number
            )
        first_row[code] = number
        for index, period_end in periods.items():
            value = cells[index] if index < len(cells) else None
            if value not in (None, ""):
                lines[period_end][code] = cell_text(value)
    saved = []
    for period_end, values in sorted(lines.items()):
        if not values:
            continue
        try:
            saved.append(
                financial_statement_save(by=by, customer=found[0], period_end=period_end, lines=values, source="import")
            )
        except InvalidInput as exc:
            # Named by the period (the column) and the line (the row) as the file has them.
            first_bad = next(iter(exc.errors))
            raise InvalidInput(
                {f"{period_end.isoformat()} {line}": problems for line, problems in exc.errors.items()},
                row=first_row.get(first_bad),
            ) from exc
    if not saved:
        raise InvalidInput({"file": [_("The file has no statement lines ARdesk keeps.")]})
    return saved


@transaction.atomic
def financial_statement_delete(*, by, statement: FinancialStatement) -> None:
    ensure_permission(by, "credit.delete_financialstatement")
    record(action="credit.statement_delete", actor=by, target=statement, before={"lines": statement.lines})
    statement.delete()
