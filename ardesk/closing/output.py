"""The close's figures as JSON, the same for the API and `ardesk period status --format json`."""

from __future__ import annotations

from ardesk.closing.models import ReopenRequest, RevaluationRun
from ardesk.closing.selectors import PeriodState
from ardesk.core.money import from_minor


def _user(user) -> str | None:
    return user.get_username() if user is not None else None


def request_json(request: ReopenRequest) -> dict:
    return {
        "id": request.pk,
        "company": request.company.code,
        "period": f"{request.period:%Y-%m}",
        "reason": request.reason,
        "status": request.status,
        "requested_by": _user(request.requested_by),
        "requested_at": request.requested_at.isoformat(),
        "decided_by": _user(request.decided_by),
        "decided_at": request.decided_at.isoformat() if request.decided_at else None,
    }


def state_json(state: PeriodState) -> dict:
    return {
        "company": state.company.code,
        "period": f"{state.period:%Y-%m}",
        "label": state.label,
        "closed": state.is_closed,
        "closed_by": _user(state.last_close.by) if state.is_closed and state.last_close else None,
        "closed_at": state.last_close.at.isoformat() if state.is_closed and state.last_close else None,
        "checklist": [
            {"key": item.key, "label": str(item.label), "done": item.done, "detail": str(item.detail)}
            for item in state.items
        ],
        "pending_reopen_request": request_json(state.pending_request) if state.pending_request else None,
    }


def run_json(run: RevaluationRun, lines=None) -> dict:
    """A revaluation with its totals; with ``lines``, those lines (per customer and currency) too."""
    currency = run.currency
    data = {
        "id": run.pk,
        "company": run.company.code,
        "period": f"{run.period:%Y-%m}",
        "as_of": run.as_of.isoformat(),
        "status": run.status,
        "currency": currency,
        "rates": run.rates,
        "gain": {"amount": str(from_minor(run.gain, currency)), "currency": currency},
        "loss": {"amount": str(from_minor(run.loss, currency)), "currency": currency},
        "net": {"amount": str(from_minor(run.net, currency)), "currency": currency},
        "lines_count": run.items,
        "created_by": _user(run.created_by),
        "created_at": run.created_at.isoformat(),
        "posted_by": _user(run.posted_by),
        "posted_at": run.posted_at.isoformat() if run.posted_at else None,
        "entries": [{"number": e.number, "date": e.on.isoformat(), "kind": e.kind} for e in run.entries.order_by("on")],
    }
    if lines is not None:
        data["lines"] = [
            {
                "customer": line.customer.code,
                "currency": line.currency,
                "open_amount": str(from_minor(line.amount, line.currency)),
                "closing_rate": str(line.rate),
                "historical": str(from_minor(line.booked, currency)),
                "revalued": str(from_minor(line.revalued, currency)),
                "difference": str(from_minor(line.difference, currency)),
            }
            for line in lines
        ]
    return data
