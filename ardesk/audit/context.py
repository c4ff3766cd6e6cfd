"""Who is acting in the current request, for events raised away from the view (signals)."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    user_id: int | None
    user_name: str
    ip: str


current: ContextVar[RequestContext | None] = ContextVar("ardesk_audit_request", default=None)


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]
