"""The order credit check (``POST /api/v1/credit/check``) served without the screens' middleware and the router.

Order entry calls the check hundreds of times a second, and on a two-core server the Django
middleware stack and django-ninja's routing and operation machinery cost more CPU than the check
itself. ``ardesk.config.handler`` therefore sends a token-authenticated call of this one URL
here; it runs the same view function (``credit.api.credit_check``), with the same input schema,
response schema and error handlers as the API, so the answer is the same byte for byte.

It takes only the plain case: a ``Bearer`` token that names an active user and a body that the
input schema accepts. Anything else (no token or a bad one, a session cookie, a body with errors,
a host not allowed) returns None and goes the ordinary way, which gives the API's answer (401,
422, 400). Of the middleware, what matters to a token call is kept: the security and frame
headers (``SecurityMiddleware``, ``XFrameOptionsMiddleware``, which also redirect to HTTPS when
configured), the language (``Accept-Language``, else the user's saved choice, as for any API
call) and the audit context (``RequestContextMiddleware``). Sessions, CSRF, messages and login
throttling concern the screens and the session login only.
"""

from __future__ import annotations

import pydantic
from django.core.exceptions import DisallowedHost, RequestDataTooBig
from django.core.handlers.exception import convert_exception_to_response
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware
from django.utils import translation

from ardesk.accounts.selectors import api_language, token_user
from ardesk.audit.context import RequestContext, client_ip, current
from ardesk.config.api import api
from ardesk.credit import api as credit_api

PATH = "/api/v1/credit/check"


def _bearer(request) -> str:
    scheme, _sep, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _view(request):
    """The API's view and error handlers for a call ``serve`` has authenticated and parsed."""
    user = request.user
    language = api_language(request, user)
    context = current.set(RequestContext(user_id=user.pk, user_name=user.get_username(), ip=client_ip(request)))
    try:
        with translation.override(language):
            try:
                # The view's answer already has the response schema's fields, in its order and types
                # (a test compares it with the router's); validating it again cost a tenth of the check.
                answer = credit_api.credit_check(request, request.ardesk_check_payload)
                response = api.create_response(request, answer, status=200)
            except Exception as exc:  # noqa: BLE001 (the API's handlers answer what they know, the rest re-raises)
                response = api.on_exception(request, exc)
            response.headers.setdefault("Content-Language", language)
            response.headers["Content-Length"] = str(len(response.content))  # as CommonMiddleware sets it
    finally:
        current.reset(context)
    return response


# The same wrappers Django puts around every middleware: an unexpected error becomes its 500 answer.
_chain = SecurityMiddleware(
    convert_exception_to_response(XFrameOptionsMiddleware(convert_exception_to_response(_view)))
)


def serve(request):
    """The check's response, or None when the call is not a plain token-authenticated one."""
    if request.method != "POST" or request.path_info != PATH:
        return None
    token = _bearer(request)
    if not token:
        return None
    try:
        request.get_host()
        payload = credit_api.CheckIn.model_validate_json(request.body)
    except (DisallowedHost, RequestDataTooBig, pydantic.ValidationError):
        return None
    user = token_user(token)
    if user is None:
        return None
    request.user, request.ardesk_check_payload = user, payload
    return _chain(request)
