"""Risk endpoints under /api/v1/risk/: signals, the scan, the watch list, the portfolio, alerts, configuration.

The same services, selectors and permissions as the screens.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from ninja import Field, Router, Schema
from ninja.responses import Status

from ardesk.companies.access import ensure_permission, granted_company
from ardesk.core import clock
from ardesk.core.errors import InvalidInput
from ardesk.core.schemas import BodyId, Day, Id, Strict, money_out
from ardesk.customers import selectors as customer_selectors
from ardesk.risk import domain, lists, selectors, services
from ardesk.risk.models import RiskSignal, WatchEntry, WatchStatus

router = Router(tags=["risk"])


class SignalOut(Schema):
    id: int
    company: str
    customer_id: int
    customer_code: str
    kind: str
    label: str
    severity: str
    measure: str
    evidence: str
    figures: dict
    status: str
    first_seen_on: dt.date
    last_seen_on: dt.date
    cleared_on: dt.date | None


def _signal_out(s: RiskSignal) -> dict:
    return {
        "id": s.pk,
        "company": s.company.code,
        "customer_id": s.customer_id,
        "customer_code": s.customer.code,
        "kind": s.kind,
        "label": str(domain.SIGNAL_LABELS.get(s.kind, s.kind)),
        "severity": s.severity,
        "measure": str(s.measure),
        "evidence": domain.evidence(s.kind, s.figures, s.currency),
        "figures": s.figures,
        "status": s.status,
        "first_seen_on": s.first_seen_on,
        "last_seen_on": s.last_seen_on,
        "cleared_on": s.cleared_on,
    }


@router.get("/signals", response=list[SignalOut], summary="Active risk signals with their evidence")
def signals(request, company: str = "", severity: str = "", kind: str = ""):
    ensure_permission(request.user, "risk.view_risksignal")
    rows = selectors.visible_signals(user=request.user)
    if company:
        rows = rows.filter(company_id=granted_company(request.user, company).pk)
    if severity:
        rows = rows.filter(severity=severity)
    if kind:
        rows = rows.filter(kind=kind)
    return [_signal_out(s) for s in rows.order_by("customer__code", "kind")[:5000]]


@router.get("/customers/{int:customer_id}/signals", response=list[SignalOut], summary="A customer's signal history")
def customer_signals(request, customer_id: Id):
    ensure_permission(request.user, "risk.view_risksignal")
    customer = customer_selectors.customer_detail(user=request.user, pk=customer_id)
    return [_signal_out(s) for s in selectors.signal_history(customer).select_related("company", "customer")[:500]]


class ScanIn(Strict):
    company: str
    as_of: Day | None = None


class ScanOut(Schema):
    company: str
    as_of: dt.date
    customers_with_signals: int
    signals: int
    new_or_worse: int
    cleared: int
    watch_list_added: int
    alerts: int
    seconds: str


@router.post("/scan", response=ScanOut, summary="Run the risk scan of a company (today by default)")
def scan(request, payload: ScanIn):
    ensure_permission(request.user, "risk.add_riskscan")
    company = granted_company(request.user, payload.company)
    result = services.risk_scan(company=company, as_of=payload.as_of or clock.today(), by=request.user)
    return {
        "company": company.code,
        "as_of": result.as_of,
        "customers_with_signals": result.customers,
        "signals": result.signals,
        "new_or_worse": result.new_signals,
        "cleared": result.cleared,
        "watch_list_added": result.watch_added,
        "alerts": result.alerts,
        "seconds": str(result.seconds),
    }


class ActionOut(Schema):
    id: int
    kind: str
    note: str
    due_on: dt.date | None
    done: bool


class WatchOut(Schema):
    id: int
    company: str
    customer_id: int
    customer_code: str
    source: str
    reason: str
    owner: str | None
    review_on: dt.date
    status: str
    opened_on: dt.date
    closed_on: dt.date | None
    decision: str
    actions: list[ActionOut]


def _watch_out(e: WatchEntry) -> dict:
    return {
        "id": e.pk,
        "company": e.company.code,
        "customer_id": e.customer_id,
        "customer_code": e.customer.code,
        "source": e.source,
        "reason": lists.watch_reason(e),
        "owner": e.owner.get_username() if e.owner else None,
        "review_on": e.review_on,
        "status": e.status,
        "opened_on": e.opened_on,
        "closed_on": e.closed_on,
        "decision": e.decision,
        "actions": [
            {"id": a.pk, "kind": a.kind, "note": a.note, "due_on": a.due_on, "done": a.done_at is not None}
            for a in e.actions.all()
        ],
    }


@router.get("/watch-list", response=list[WatchOut], summary="The watch list (open entries by default)")
def watch_list(request, status: str = WatchStatus.OPEN):
    ensure_permission(request.user, "risk.view_watchentry")
    entries = selectors.watch_list(user=request.user, status=status).prefetch_related("actions")
    return [_watch_out(e) for e in entries[:5000]]


class WatchIn(Strict):
    customer_id: Id
    reason: str = Field(..., min_length=1, max_length=500)
    owner: str = Field("", description="Username of the owner; yourself by default")
    review_on: Day | None = None


@router.post("/watch-list", response={201: WatchOut}, summary="Put a customer on the watch list by hand")
def watch_add(request, payload: WatchIn):
    customer = customer_selectors.customer_detail(user=request.user, pk=payload.customer_id)
    owner = None
    if payload.owner:
        owner = get_user_model().objects.filter(username=payload.owner, is_active=True).first()
        if owner is None:
            raise InvalidInput({"owner": ["No such user."]})
    entry = services.watch_add(
        by=request.user, customer=customer, reason=payload.reason, owner=owner, review_on=payload.review_on
    )
    return Status(201, _watch_out(entry))


class ActionIn(Strict):
    kind: str = Field(..., pattern="^(reduce_limit|prepayment|hold|call)$")
    note: str = Field("", max_length=300)
    due_on: Day | None = None


@router.post("/watch-list/{int:entry_id}/actions", response={201: WatchOut}, summary="Decide an action")
def watch_action(request, entry_id: Id, payload: ActionIn):
    entry = selectors.watch_entry_for(user=request.user, pk=entry_id)
    services.watch_action_add(by=request.user, entry=entry, kind=payload.kind, note=payload.note, due_on=payload.due_on)
    return Status(201, _watch_out(entry))


class CloseIn(Strict):
    decision: str = Field(..., min_length=1, max_length=500)


@router.post("/watch-list/{int:entry_id}/close", response=WatchOut, summary="Take off the watch list by decision")
def watch_close(request, entry_id: Id, payload: CloseIn):
    entry = selectors.watch_entry_for(user=request.user, pk=entry_id)
    return _watch_out(services.watch_close(by=request.user, entry=entry, decision=payload.decision))


@router.get("/portfolio", response=dict, summary="Portfolio risk: exposure by dimension, concentration, expected loss")
def portfolio(request, company: str):
    ensure_permission(request.user, "risk.view_portfolio")
    found = granted_company(request.user, company, missing_is_not_found=True)
    scan = selectors.latest_scan(found)
    if scan is None or not scan.portfolio:
        return {"company": found.code, "as_of": None}
    stored, currency = scan.portfolio, found.functional_currency

    def rows(dimension: str) -> list[dict]:
        return [
            {"key": key, "exposure": money_out(exposure, currency), "customers": n}
            for key, exposure, n, *_names in stored["by"][dimension]
        ]

    return {
        "company": found.code,
        "as_of": scan.as_of.isoformat(),
        "total": money_out(stored["total"], currency),
        "customers": stored["customers"],
        "by": {dimension: rows(dimension) for dimension in lists.DIMENSIONS},
        "concentration": stored["concentration"],
        "warnings": stored["warnings"],
        "expected_loss": [
            {"grade": g, "exposure": money_out(e, currency), "expected_loss": money_out(r, currency), "customers": n}
            for g, e, r, n in stored["expected_loss"]["by_grade"]
        ],
    }


@router.get("/portfolio/transition", response=dict, summary="Grade transition matrix between two dates")
def transition(request, company: str, date_from: Day, date_to: Day):
    ensure_permission(request.user, "risk.view_portfolio")
    found = granted_company(request.user, company, missing_is_not_found=True)
    return selectors.transition(company=found, date_from=date_from, date_to=date_to)


class AlertOut(Schema):
    id: int
    customer_id: int
    customer_code: str
    severity: str
    changes: list[dict]
    created_at: dt.datetime
    updated_at: dt.datetime
    read: bool


@router.get("/alerts", response=list[AlertOut], summary="Your alerts, newest first")
def alerts(request, unread: bool = False):
    ensure_permission(request.user, "risk.view_alert")
    rows = selectors.inbox(request.user)
    if unread:
        rows = rows.filter(read_at__isnull=True)
    return [
        {
            "id": a.pk,
            "customer_id": a.customer_id,
            "customer_code": a.customer.code,
            "severity": a.severity,
            "changes": a.changes,
            "created_at": a.created_at,
            "updated_at": a.updated_at,
            "read": a.read_at is not None,
        }
        for a in rows[:500]
    ]


class ReadIn(Strict):
    ids: list[BodyId] | None = None


@router.post("/alerts/read", response=dict, summary="Mark alerts read (the listed ones, or all)")
def alerts_read(request, payload: ReadIn):
    ensure_permission(request.user, "risk.view_alert")
    return {"read": services.alerts_read(user=request.user, ids=payload.ids)}


@router.get("/config", response=dict, summary="A company's risk configuration in force, as exported")
def config(request, company: str):
    ensure_permission(request.user, "risk.view_riskconfig")
    found = granted_company(request.user, company, missing_is_not_found=True)
    return services.config_export(services.config_ensure(found))


class ConfigIn(Strict):
    company: str
    config: dict
    note: str = Field("", max_length=300)


@router.post("/config", response={201: dict}, summary="Save a risk configuration as the company's next version")
def config_import(request, payload: ConfigIn):
    found = granted_company(request.user, payload.company)
    row = services.config_import(by=request.user, company=found, data={"config": payload.config, "note": payload.note})
    return Status(201, services.config_export(row))
