"""Month-end close endpoints under /api/v1/closing/: a month's status, close, reopening, FX revaluation."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from ardesk.closing import output, selectors, services
from ardesk.closing.access import APPROVE_REOPEN, VIEW_CLOSE, VIEW_REVALUATION, visible_company
from ardesk.closing.models import ReopenRequest
from ardesk.companies.access import ensure_permission
from ardesk.companies.selectors import company_ids_for
from ardesk.core.errors import InvalidInput, NotFound
from ardesk.core.schemas import Page, Strict

router = Router(tags=["closing"])
PERIOD = Field(..., pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")
LINES_PER_PAGE = 500


def _period(text: str) -> dt.date:
    try:
        return selectors.parse_period(text)
    except ValueError:
        raise InvalidInput({"period": [_("Write the month as YYYY-MM.")]}) from None


class PeriodQuery(Schema):
    company: str = Field(..., description="Company code")
    period: str = PERIOD


class CloseIn(Strict):
    company: str
    period: str = PERIOD
    accept_open_points: bool = Field(False, description="Close although the checklist has open points (kept)")


class ReopenIn(Strict):
    company: str
    period: str = PERIOD
    reason: str = Field(..., max_length=500)


class RevaluationIn(Strict):
    company: str
    period: str = PERIOD


@router.get("/status", response=dict, summary="A company's month: closed or open, and its close checklist")
def status(request, query: Query[PeriodQuery]):
    company = visible_company(request.user, query.company, VIEW_CLOSE)
    return output.state_json(selectors.period_state(company=company, period=_period(query.period)))


@router.post("/close", response=dict, summary="Close a month: nothing dated in it is accepted afterwards")
def close(request, payload: CloseIn):
    company = visible_company(request.user, payload.company, VIEW_CLOSE)
    period = _period(payload.period)
    services.period_close(
        by=request.user, company=company, period=period, accept_open_points=payload.accept_open_points
    )
    return output.state_json(selectors.period_state(company=company, period=period))


@router.post("/reopen-requests", response={201: dict}, summary="Ask to reopen a closed month, with a reason")
def reopen_request(request, payload: ReopenIn):
    company = visible_company(request.user, payload.company, VIEW_CLOSE)
    made = services.reopen_request(
        by=request.user, company=company, period=_period(payload.period), reason=payload.reason
    )
    return Status(201, output.request_json(made))


def _request(user, pk: int) -> ReopenRequest:
    ensure_permission(user, APPROVE_REOPEN)
    found = ReopenRequest.objects.filter(pk=pk, company_id__in=company_ids_for(user)).select_related("company").first()
    if found is None:
        raise NotFound(_("Reopening request %(id)s does not exist or is not visible to you.") % {"id": pk})
    return found


@router.post("/reopen-requests/{int:request_id}/approve", response=dict, summary="Approve (a second manager)")
def reopen_approve(request, request_id: int):
    return output.request_json(services.reopen_approve(by=request.user, request=_request(request.user, request_id)))


@router.post("/reopen-requests/{int:request_id}/reject", response=dict, summary="Refuse a request to reopen")
def reopen_reject(request, request_id: int):
    return output.request_json(services.reopen_reject(by=request.user, request=_request(request.user, request_id)))


@router.post("/revaluations", response={201: dict}, summary="Revalue the open foreign-currency items (a proposal)")
def revaluation_run(request, payload: RevaluationIn):
    company = visible_company(request.user, payload.company, VIEW_REVALUATION)
    run = services.revaluation_run(by=request.user, company=company, period=_period(payload.period))
    return Status(201, output.run_json(run))


@router.get("/revaluations/{int:run_id}", response=dict, summary="A revaluation: totals, rates and lines")
def revaluation_result(request, run_id: int, page: Page = 1):
    run = selectors.visible_revaluation(request.user, run_id)
    start = (page - 1) * LINES_PER_PAGE
    lines = run.lines.select_related("customer").order_by("id")[start : start + LINES_PER_PAGE]
    return output.run_json(run, lines)


@router.post("/revaluations/{int:run_id}/post", response=dict, summary="Post a revaluation and its reversal")
def revaluation_post(request, run_id: int):
    run = selectors.visible_revaluation(request.user, run_id)
    return output.run_json(services.revaluation_post(by=request.user, run=run))
