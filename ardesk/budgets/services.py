"""Writes: budget versions and their lines (entry, import, copy from actuals), approval, settings, segments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import IO

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.budgets import domain, selectors
from ardesk.budgets.errors import ImportRejected
from ardesk.budgets.models import (
    BudgetLine,
    BudgetStatus,
    BudgetVersion,
    Dimension,
    ProfitabilitySettings,
    Segment,
)
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core.errors import Conflict, InvalidInput, NotPermitted
from ardesk.core.money import from_minor, to_minor
from ardesk.customers.models import Customer
from ardesk.ledger import domain as ledger_domain
from ardesk.ledger.imports.reader import FileProblem, open_table

VIEW = "budgets.view_budgetversion"
EDIT = "budgets.change_budgetversion"
CREATE = "budgets.add_budgetversion"
APPROVE = "budgets.approve_budgetversion"
VIEW_PROFITABILITY = "budgets.view_profitability"
SET_RATES = "budgets.change_profitabilitysettings"
MANAGE_SEGMENTS = "budgets.change_segment"
MAX_REVIEW_MONTHS = 60
AMOUNTS = ("sales", "cost", "collections", "receivable")


def _allowed(user, permission: str, company_id: int) -> None:
    ensure_permission(user, permission)
    ensure_company_access(user, company_id)


def _editable(version: BudgetVersion) -> None:
    if not version.is_editable:
        raise Conflict(
            _("Budget %(version)s is %(status)s: only a draft can be changed; make a revision.")
            % {"version": version, "status": version.get_status_display()}
        )


@transaction.atomic
def version_create(*, by, company: Company, year: int, name: str) -> BudgetVersion:
    """Start a draft budget for the company and year (the next revision number if the year has one)."""
    _allowed(by, CREATE, company.pk)
    if not 2000 <= year <= 2100:
        raise InvalidInput({"year": [_("Give a year between 2000 and 2100.")]})
    last = BudgetVersion.objects.filter(company=company, year=year).order_by("-revision").first()
    version = BudgetVersion.objects.create(
        company=company,
        year=year,
        name=name.strip() or str(year),
        revision=last.revision + 1 if last else 0,
        created_by=by,
    )
    record(action="budget.create", actor=by, target=version, company_id=company.pk, after={"year": year, "name": name})
    return version


@transaction.atomic
def version_approve(*, by, version: BudgetVersion) -> BudgetVersion:
    """A manager approves a draft (not one they prepared); an approved revision supersedes its original."""
    _allowed(by, APPROVE, version.company_id)
    version = BudgetVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != BudgetStatus.DRAFT:
        raise Conflict(_("Only a draft budget can be approved."))
    if version.created_by_id == by.pk:
        raise NotPermitted(_("A budget is approved by someone other than the person who prepared it."))
    version.status, version.approved_by, version.approved_at = BudgetStatus.APPROVED, by, timezone.now()
    version.save(update_fields=["status", "approved_by", "approved_at"])
    if version.revision_of_id:
        BudgetVersion.objects.filter(pk=version.revision_of_id).update(status=BudgetStatus.SUPERSEDED)
    record(
        action="budget.approve", actor=by, target=version, company_id=version.company_id, after={"status": "approved"}
    )
    return version


@transaction.atomic
def version_lock(*, by, version: BudgetVersion) -> BudgetVersion:
    """Lock an approved budget: it can no longer be revised."""
    _allowed(by, APPROVE, version.company_id)
    version = BudgetVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != BudgetStatus.APPROVED:
        raise Conflict(_("Only an approved budget can be locked."))
    version.status, version.locked_at = BudgetStatus.LOCKED, timezone.now()
    version.save(update_fields=["status", "locked_at"])
    record(action="budget.lock", actor=by, target=version, company_id=version.company_id, after={"status": "locked"})
    return version


@transaction.atomic
def version_revise(*, by, version: BudgetVersion) -> BudgetVersion:
    """A new draft copied from an approved budget; the original stays as it was until the revision is approved."""
    _allowed(by, CREATE, version.company_id)
    version = BudgetVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != BudgetStatus.APPROVED:
        raise Conflict(_("Only an approved budget can be revised (a locked one is final)."))
    last = BudgetVersion.objects.filter(company_id=version.company_id, year=version.year).order_by("-revision").first()
    revision = BudgetVersion.objects.create(
        company_id=version.company_id,
        year=version.year,
        name=version.name,
        revision=last.revision + 1,
        revision_of=version,
        created_by=by,
    )
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                version=revision,
                dimension=line.dimension,
                member_id=line.member_id,
                month=line.month,
                sales=line.sales,
                cost=line.cost,
                collections=line.collections,
                receivable=line.receivable,
            )
            for line in version.lines.all().iterator(chunk_size=5000)
        ],
        batch_size=5000,
    )
    record(
        action="budget.revise", actor=by, target=revision, company_id=version.company_id, after={"revises": version.pk}
    )
    return revision


@transaction.atomic
def line_set(
    *, by, version: BudgetVersion, dimension: str, member_id: int, month: int, measure: str, amount: Decimal
) -> BudgetLine:
    """Set one cell of the entry grid: one measure of one member and month of a draft."""
    _allowed(by, EDIT, version.company_id)
    version = BudgetVersion.objects.select_for_update().get(pk=version.pk)
    _editable(version)
    if measure not in AMOUNTS or dimension not in Dimension.values or not 1 <= month <= 12:
        raise InvalidInput({"measure": [_("Choose a measure, a dimension and a month of the grid.")]})
    currency = version.company.functional_currency
    problems = ledger_domain.amount_problems(amount, currency, measure)
    if problems:
        raise InvalidInput({measure: [problems[0].message]})
    line, _created = BudgetLine.objects.get_or_create(
        version=version, dimension=dimension, member_id=member_id, month=month
    )
    before = getattr(line, measure)
    setattr(line, measure, to_minor(amount, currency))
    line.save(update_fields=[measure])
    record(
        action="budget.line_set",
        actor=by,
        target=version,
        company_id=version.company_id,
        before={"member": member_id, "month": month, measure: str(from_minor(before, currency))},
        after={"member": member_id, "month": month, measure: str(amount)},
    )
    return line


# --- import -----------------------------------------------------------------------------------

# The columns of a budget file, by their English and Chinese headers (either works, in any order).
COLUMNS: dict[str, tuple[str, ...]] = {
    "dimension": ("dimension", "planned for", "维度", "预算对象类型"),
    "member": ("member", "code", "customer", "对象", "编码", "客户编码"),
    "month": ("month", "月份", "月"),
    "sales": ("sales", "销售额", "销售收入"),
    "cost": ("cost of sales", "cost", "销售成本", "成本"),
    "gross_profit": ("gross profit", "毛利"),
    "collections": ("collections", "回款", "收款"),
    "receivable": ("receivable balance", "expected receivable balance", "应收账款余额", "应收余额"),
}
REQUIRED = ("member", "month", "sales")
DIMENSION_WORDS = {
    "customer": Dimension.CUSTOMER,
    "客户": Dimension.CUSTOMER,
    "group": Dimension.GROUP,
    "customer group": Dimension.GROUP,
    "客户集团": Dimension.GROUP,
    "集团": Dimension.GROUP,
    "segment": Dimension.SEGMENT,
    "客户分群": Dimension.SEGMENT,
    "分群": Dimension.SEGMENT,
    "collector": Dimension.COLLECTOR,
    "催收员": Dimension.COLLECTOR,
}


def column_labels() -> dict[str, str]:
    """The header the export writes for each column, in the interface language."""
    return {
        "dimension": _("Dimension"),
        "member": _("Member"),
        "month": _("Month"),
        "sales": _("Sales"),
        "cost": _("Cost of sales"),
        "gross_profit": _("Gross profit"),
        "collections": _("Cash collected"),
        "receivable": _("Receivable balance"),
    }


def _header_map(headers: list[str]) -> tuple[dict[str, int], list[dict]]:
    found: dict[str, int] = {}
    known = {str(label).lower(): key for key, label in column_labels().items()}
    for index, header in enumerate(headers):
        name = header.strip().lower()
        key = known.get(name) or next((k for k, names in COLUMNS.items() if name in names), None)
        if key and key not in found:
            found[key] = index
    problems = [
        {
            "row": 1,
            "field": key,
            "reason": _("The column is missing (%(names)s).")
            % {"names": " / ".join(COLUMNS[key][:1] + COLUMNS[key][-1:])},
        }
        for key in REQUIRED
        if key not in found
    ]
    return found, problems


def _month(value, year: int) -> int:
    if isinstance(value, dt.date):
        if value.year != year:
            raise ValueError(_("The month is not in %(year)d.") % {"year": year})
        return value.month
    text = str(value).strip().replace("月", "")
    if len(text) >= 6 and text[:4].isdigit() and text[4] in "-/年.":
        if int(text[:4]) != year:
            raise ValueError(_("The month is not in %(year)d.") % {"year": year})
        text = text[5:]
    try:
        number = int(Decimal(text))
    except (ArithmeticError, ValueError):
        raise ValueError(_("'%(value)s' is not a month (1 to 12 or YYYY-MM).") % {"value": value}) from None
    if not 1 <= number <= 12:
        raise ValueError(_("'%(value)s' is not a month (1 to 12 or YYYY-MM).") % {"value": value})
    return number


def _members(company: Company) -> dict[str, dict[str, int]]:
    users = get_user_model().objects.filter(is_active=True).values_list("username", "id")
    return {
        Dimension.CUSTOMER: dict(Customer.objects.filter(company=company).values_list("code", "id")),
        Dimension.GROUP: dict(Customer.objects.filter(company=company).values_list("code", "id")),
        Dimension.SEGMENT: dict(Segment.objects.filter(company=company).values_list("code", "id")),
        Dimension.COLLECTOR: dict(users),
    }


class _RowReader:
    """Reads one row of a budget file into a line's values, collecting the row's problems."""

    def __init__(self, *, where: dict[str, int], members: dict, currency: str, year: int):
        self.where, self.members, self.currency, self.year = where, members, currency, year
        self.labels = column_labels()

    def read(self, number: int, cells: list) -> tuple[tuple | None, dict[str, int], list[dict]]:
        problems: list[dict] = []

        def cell(key: str):
            index = self.where.get(key)
            return cells[index] if index is not None and index < len(cells) else ""

        def problem(key: str, reason: str) -> None:
            problems.append({"row": number, "field": str(self.labels[key]), "reason": str(reason)})

        text = str(cell("dimension")).strip().lower() or "customer"
        dimension = DIMENSION_WORDS.get(text) or (text if text in Dimension.values else None)
        if dimension is None:
            problem(
                "dimension",
                _("'%(value)s' is not customer, group, segment or collector.") % {"value": cell("dimension")},
            )
        code = str(cell("member")).strip()
        member_id = self.members.get(dimension, {}).get(code) if dimension else None
        if dimension and member_id is None:
            problem("member", _("'%(value)s' is not known in this company.") % {"value": code})
        try:
            month = _month(cell("month"), self.year)
        except ValueError as exc:
            problem("month", str(exc))
            month = None
        amounts: dict[str, int] = {}
        for key in ("sales", "cost", "collections", "receivable", "gross_profit"):
            raw = cell(key)
            if raw in ("", None) and key != "sales":
                continue
            amount, found = ledger_domain.read_amount(raw, key)
            if amount is not None:
                found = ledger_domain.amount_problems(amount, self.currency, key)
            if found:
                problem(key, found[0].message)
            else:
                amounts[key] = to_minor(amount, self.currency)
        if "gross_profit" in amounts and "sales" in amounts:
            if amounts["gross_profit"] != amounts["sales"] - amounts.get("cost", 0):
                problem("gross_profit", _("The gross profit is not sales less cost of sales."))
        key = (dimension, member_id, month) if member_id is not None and month is not None else None
        return key, amounts, problems


def read_budget_file(*, company: Company, year: int, handle: IO[bytes], file_name: str) -> list[BudgetLine]:
    """The lines of a budget file, or ImportRejected naming every problem's row, field and reason."""
    try:
        table = open_table(handle, file_name)
    except FileProblem as exc:
        raise ImportRejected([{"row": 1, "field": "", "reason": str(exc)}]) from exc
    where, problems = _header_map(table.headers)
    if problems:
        raise ImportRejected(problems)
    reader = _RowReader(where=where, members=_members(company), currency=company.functional_currency, year=year)
    lines: dict[tuple, BudgetLine] = {}
    for number, cells in table.rows:
        key, amounts, row_problems = reader.read(number, cells)
        if key is not None and key in lines:
            row_problems.append(
                {
                    "row": number,
                    "field": str(reader.labels["member"]),
                    "reason": _("The member and month appear twice in the file."),
                }
            )
        elif key is not None and not row_problems:
            dimension, member_id, month = key
            lines[key] = BudgetLine(
                dimension=dimension, member_id=member_id, month=month, **{k: amounts.get(k, 0) for k in AMOUNTS}
            )
        problems.extend(row_problems)
    if problems:
        raise ImportRejected(problems)
    if not lines:
        raise ImportRejected([{"row": 2, "field": "", "reason": _("The file has no budget lines.")}])
    return list(lines.values())


@transaction.atomic
def budget_import(*, by, version: BudgetVersion, handle: IO[bytes], file_name: str) -> int:
    """Replace a draft's lines by a file's (CSV or XLSX, English or Chinese headers): all or nothing."""
    _allowed(by, EDIT, version.company_id)
    version = BudgetVersion.objects.select_for_update().select_related("company").get(pk=version.pk)
    _editable(version)
    lines = read_budget_file(company=version.company, year=version.year, handle=handle, file_name=file_name)
    BudgetLine.objects.filter(version=version).delete()
    for line in lines:
        line.version = version
    BudgetLine.objects.bulk_create(lines, batch_size=5000)
    record(
        action="budget.import",
        actor=by,
        target=version,
        company_id=version.company_id,
        after={"file": file_name, "line_count": len(lines)},
    )
    return len(lines)


def budget_rows(version: BudgetVersion) -> tuple[list[str], list[list]]:
    """The version's lines as a file (the headers the import reads back), amounts in the functional currency."""
    currency = version.company.functional_currency
    labels = column_labels()
    headers = [
        str(labels[k])
        for k in ("dimension", "member", "month", "sales", "cost", "gross_profit", "collections", "receivable")
    ]
    lines = list(version.lines.all())
    codes: dict[str, dict[int, str]] = {}
    for dimension in {line.dimension for line in lines}:
        ids = {line.member_id for line in lines if line.dimension == dimension}
        if dimension in (Dimension.CUSTOMER, Dimension.GROUP):
            codes[dimension] = dict(Customer.objects.filter(pk__in=ids).values_list("id", "code"))
        elif dimension == Dimension.SEGMENT:
            codes[dimension] = dict(Segment.objects.filter(pk__in=ids).values_list("id", "code"))
        else:
            codes[dimension] = dict(get_user_model().objects.filter(pk__in=ids).values_list("id", "username"))
    rows = [
        [
            line.dimension,
            codes[line.dimension].get(line.member_id, ""),
            f"{version.year}-{line.month:02d}",
            from_minor(line.sales, currency),
            from_minor(line.cost, currency),
            from_minor(line.gross_profit, currency),
            from_minor(line.collections, currency),
            from_minor(line.receivable, currency),
        ]
        for line in lines
    ]
    return headers, rows


@transaction.atomic
def budget_copy_actuals(*, by, version: BudgetVersion, growth: Decimal) -> int:
    """Fill a draft from last year's actuals per customer and month, times a growth factor (1.05 for +5 %)."""
    _allowed(by, EDIT, version.company_id)
    version = BudgetVersion.objects.select_for_update().get(pk=version.pk)
    _editable(version)
    if not Decimal("0") < growth <= Decimal("10"):
        raise InvalidInput({"growth": [_("Give a growth factor above 0 and at most 10 (1.05 for 5 % more).")]})
    actual = selectors.actual_by_customer_month(company_id=version.company_id, year=version.year - 1)
    lines = [
        BudgetLine(
            version=version,
            dimension=Dimension.CUSTOMER,
            member_id=customer_id,
            month=month,
            **{k: domain.grown(v, growth) for k, v in figures.items()},
        )
        for (customer_id, month), figures in actual.items()
        if any(figures.values())
    ]
    BudgetLine.objects.filter(version=version, dimension=Dimension.CUSTOMER).delete()
    BudgetLine.objects.bulk_create(lines, batch_size=5000)
    record(
        action="budget.copy_actuals",
        actor=by,
        target=version,
        company_id=version.company_id,
        after={"year": version.year - 1, "growth": str(growth), "line_count": len(lines)},
    )
    return len(lines)


# --- settings and segments --------------------------------------------------------------------


@transaction.atomic
def settings_set(
    *, by, company: Company, cost_of_capital: Decimal, notice_cost: Decimal, contact_cost: Decimal
) -> ProfitabilitySettings:
    """Set the company's annual cost of capital (percent) and the unit costs of a notice and a contact."""
    _allowed(by, SET_RATES, company.pk)
    if not Decimal(0) <= cost_of_capital <= Decimal(100):
        raise InvalidInput({"cost_of_capital": [_("Give a percentage between 0 and 100.")]})
    currency = company.functional_currency
    for name, value in (("notice_cost", notice_cost), ("contact_cost", contact_cost)):
        if value < 0:
            raise InvalidInput({name: [_("A cost cannot be negative.")]})
    found = selectors.settings_for(company)
    before = {
        "cost_of_capital": str(found.cost_of_capital),
        "notice_cost": found.notice_cost,
        "contact_cost": found.contact_cost,
    }
    found.cost_of_capital = cost_of_capital
    found.notice_cost = to_minor(notice_cost, currency)
    found.contact_cost = to_minor(contact_cost, currency)
    found.save()
    record(
        action="budget.settings",
        actor=by,
        target=found,
        company_id=company.pk,
        before=before,
        after={
            "cost_of_capital": str(cost_of_capital),
            "notice_cost": found.notice_cost,
            "contact_cost": found.contact_cost,
        },
    )
    return found


@transaction.atomic
def segment_save(
    *,
    by,
    company: Company,
    code: str,
    name: str,
    priority: int = 100,
    industry: str = "",
    region: str = "",
    size: str = "",
    dunning_policy=None,
    review_months: int | None = None,
) -> Segment:
    """Create or change a segment by its code (its customers are those that meet its criteria first).

    ``review_months``: its customers' credit reviews fall due that many months after their last
    scoring (unless a date is set by hand on their credit account); None leaves the grade's schedule.
    """
    _allowed(by, MANAGE_SEGMENTS, company.pk)
    if not code.strip() or not name.strip():
        raise InvalidInput({"code": [_("Give the segment a code and a name.")]})
    if review_months is not None and not 1 <= review_months <= MAX_REVIEW_MONTHS:
        raise InvalidInput(
            {"review_months": [_("Give 1 to %(max)s months, or leave it empty.") % {"max": MAX_REVIEW_MONTHS}]}
        )
    segment, created = Segment.objects.update_or_create(
        company=company,
        code=code.strip(),
        defaults={
            "name": name.strip(),
            "priority": priority,
            "industry": industry,
            "region": region,
            "size": size,
            "dunning_policy": dunning_policy,
            "review_months": review_months,
        },
    )
    record(
        action="budget.segment_save",
        actor=by,
        target=segment,
        company_id=company.pk,
        after={
            "code": segment.code,
            "industry": industry,
            "region": region,
            "size": size,
            "policy": getattr(dunning_policy, "code", ""),
            "review_months": review_months,
        },
    )
    return segment
