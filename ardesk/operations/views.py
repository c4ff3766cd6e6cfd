"""Health, readiness and metrics for the load balancer and Prometheus: unauthenticated, no session."""

from __future__ import annotations

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseNotFound, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ardesk.operations import health, metrics


@never_cache
@require_GET
def healthz(request):
    """The process is up and answers; touches no database."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    results = health.readiness()
    ready = not any(results.values())
    body = {
        "status": "ready" if ready else "not ready",
        "checks": {name: {"ok": problem is None, "problem": problem} for name, problem in results.items()},
    }
    return JsonResponse(body, status=200 if ready else 503)


def _from_this_machine(request) -> bool:
    """A request from a loopback address that no proxy forwarded (a proxy's own address is loopback too)."""
    if request.headers.get("X-Forwarded-For") or request.headers.get("Forwarded"):
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


@never_cache
@require_GET
def metrics_view(request):
    """Prometheus metrics with ARDESK_METRICS=1: with ARDESK_METRICS_TOKEN to a bearer of it, else to this machine."""
    if not settings.ARDESK_METRICS:
        return HttpResponseNotFound()
    token = settings.ARDESK_METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        allowed = hmac.compare_digest(given.encode(), token.encode())
    else:
        allowed = _from_this_machine(request)
    if not allowed:
        return HttpResponseForbidden()
    return HttpResponse(metrics.exposition(), content_type="text/plain; version=0.0.4; charset=utf-8")
