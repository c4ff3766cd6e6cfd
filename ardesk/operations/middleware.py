"""Request ids and request metrics, around every request."""

from __future__ import annotations

import logging
import time
import uuid

from django.conf import settings

from ardesk.operations import domain, logs, metrics

requests_log = logging.getLogger("ardesk.requests")
KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class RequestIdMiddleware:
    """Take the request id from X-Request-ID (or make one), log with it, and send it back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = domain.usable_request_id(request.headers.get("X-Request-ID")) or uuid.uuid4().hex
        token = logs.request_id.set(rid)
        request.request_id = rid
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            requests_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            logs.request_id.reset(token)


class MetricsMiddleware:
    """Count each request by the view that answered it (not the path: ids in paths would explode the series)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.ARDESK_METRICS:
            return self.get_response(request)
        started = time.monotonic()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        metrics.request_observed(
            view=match.view_name if match else "unmatched",
            method=request.method if request.method in KNOWN_METHODS else "other",
            status=response.status_code,
            seconds=time.monotonic() - started,
        )
        return response
