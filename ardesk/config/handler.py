"""The WSGI handler: Django's, with the few routes that skip the middleware stack (see each route's module)."""

from __future__ import annotations

from django.conf import settings
from django.core.handlers.base import log_response
from django.core.handlers.wsgi import WSGIHandler
from django.urls import set_urlconf

from ardesk.config import credit_check

# Functions of a request answering a response, or None for the ordinary way.
DIRECT_ROUTES = (credit_check.serve,)


class Handler(WSGIHandler):
    def get_response(self, request):
        for route in DIRECT_ROUTES:
            response = route(request)
            if response is not None:
                set_urlconf(settings.ROOT_URLCONF)
                response._resource_closers.append(request.close)
                if response.status_code >= 400:
                    log_response("%s: %s", response.reason_phrase, request.path, response=response, request=request)
                return response
        return super().get_response(request)
