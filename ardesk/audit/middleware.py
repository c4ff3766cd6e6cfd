from __future__ import annotations

from ardesk.audit.context import RequestContext, client_ip, current


class RequestContextMiddleware:
    """Remember the acting user and address for audit events raised outside the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        is_user = bool(user and user.is_authenticated)
        token = current.set(
            RequestContext(
                user_id=user.pk if is_user else None,
                user_name=user.get_username() if is_user else "",
                ip=client_ip(request),
            )
        )
        try:
            return self.get_response(request)
        finally:
            current.reset(token)
