"""Budget and profitability endpoints under /api/v1/budgets/: versions, import, export, variance, profitability."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from ninja import File, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from ardesk.budgets import output, selectors, services
from ardesk.budgets.errors import ImportRejected
from ardesk.companies.access import ensure_permission, granted_company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import exports
from ardesk.core.errors import InvalidInput, NotFound
from ardesk.core.money import from_minor
from ardesk.core.schemas import Day, Id

router = Router(tags=["budgets"])


class VersionOut(Schema):
    id: int
    company: str
    year: int
    revision: int
    name: str
    status: str
    revision_of: int | None


class ImportOut(Schema):
    lines: int


def _version(request, version_id: int):
    ensure_permission(request.user, services.VIEW)
    found = selectors.versions_for(company_ids_for(request.user)).filter(pk=version_id).first()
    if found is None:
        raise NotFound(f"Budget {version_id}")
    return found


def _out(version) -> dict:
    return {
        "id": version.pk,
        "company": version.company.code,
        "year": version.year,
        "revision": version.revision,
        "name": version.name,
        "status": version.status,
        "revision_of": version.revision_of_id,
    }


@router.get("/", response=list[VersionOut], summary="Budget versions of the companies granted to the user")
def versions(request, year: int | None = None):
    ensure_permission(request.user, services.VIEW)
    found = selectors.versions_for(company_ids_for(request.user))
    if year:
        found = found.filter(year=year)
    return [_out(v) for v in found]


@router.post(
    "/{int:version_id}/import",
    response={200: ImportOut},
    summary="Replace a draft's lines by a CSV or XLSX file (English or Chinese headers), all or nothing",
)
def budget_import(request, version_id: Id, file: File[UploadedFile]):
    version = _version(request, version_id)
    try:
        count = services.budget_import(by=request.user, version=version, handle=file.file, file_name=file.name)
    except ImportRejected as exc:
        # The one error shape (documented for 422), with every problem of the file beside it.
        body = {"code": exc.code, "message": exc.message, "fields": {}, "problems": exc.problems}
        return JsonResponse({"error": body}, status=422)
    return Status(200, {"lines": count})


@router.get("/{int:version_id}/export", summary="A version's lines as CSV or XLSX (the import's columns)")
def budget_export(request, version_id: Id, format: str = "csv") -> HttpResponse:  # noqa: A002
    version = _version(request, version_id)
    if format not in exports.LIST_FORMATS:
        raise InvalidInput({"format": ["csv or xlsx"]})
    headers, rows = services.budget_rows(version)
    name = f"budget-{version.company.code}-{version.year}-r{version.revision}"
    if format == "csv":
        return exports.download(exports.csv_bytes([headers, *rows]), "csv", name)
    return exports.download(exports.data_xlsx(headers, rows, sheet_title="budget"), "xlsx", name)


@router.post("/{int:version_id}/approve", response=VersionOut, summary="Approve a draft (a manager, not its preparer)")
def approve(request, version_id: Id):
    return _out(services.version_approve(by=request.user, version=_version(request, version_id)))


class VarianceQuery(Schema):
    dimension: str = "customer"
    measure: str = "sales"
    month: int = 12
    period: str = "ytd"


@router.get("/{int:version_id}/variance", summary="Budget against actual per member, biggest variance first")
def variance(request, version_id: Id, query: Query[VarianceQuery]):
    version = _version(request, version_id)
    if query.dimension not in ("customer", "group", "segment", "collector") or query.measure not in (
        "sales",
        "cost",
        "gross_profit",
        "collections",
        "receivable",
    ):
        raise InvalidInput({"measure": ["Choose a dimension and a measure."]})
    if not 1 <= query.month <= 12 or query.period not in ("ytd", "month"):
        raise InvalidInput({"month": ["A month 1 to 12; period ytd or month."]})
    result = selectors.budget_vs_actual(version=version, **query.dict())
    currency = result.currency

    def money(minor: int) -> dict:
        return {"amount": str(from_minor(minor, currency)), "currency": currency}

    def row(r: selectors.VarianceRow) -> dict:
        return {
            "member_id": r.member_id,
            "member": r.label,
            "budget": money(r.budget),
            "actual": money(r.actual),
            "variance": money(r.variance.amount),
            "variance_percent": str(r.variance.percent) if r.variance.percent is not None else None,
            "budget_year": money(r.budget_year),
            "forecast_budget": money(r.forecast_budget),
            "forecast_trend": money(r.forecast_trend),
        }

    return {"version": version.pk, **query.dict(), "rows": [row(r) for r in result.rows], "total": row(result.total())}


class ProfitabilityQuery(Schema):
    company: str
    date_from: Day
    date_to: Day
    by: str = "customer"


@router.get("/profitability", summary="Customer profitability for a period, by customer, group or segment")
def profitability(request, query: Query[ProfitabilityQuery]):
    ensure_permission(request.user, services.VIEW_PROFITABILITY)
    company = granted_company(request.user, query.company)
    if query.by not in selectors.GROUPINGS or query.date_to < query.date_from:
        raise InvalidInput({"by": ["customer, group or segment, and a period that ends after it starts"]})
    report = selectors.profitability(company=company, date_from=query.date_from, date_to=query.date_to)
    return output.profitability_json(report, query.by)
