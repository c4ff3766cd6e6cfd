"""The REST API under /api/v1/: one NinjaAPI mounting each context's router, with one error format.

Every error answers ``{"error": {"code": ..., "message": ..., "fields": {field: [messages]}}}``.
"""

from __future__ import annotations

import json
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import DataError
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import Swagger, _csrf_needed
from ninja.security import HttpBearer, SessionAuth

from ardesk.accounts.selectors import api_language, token_user
from ardesk.audit.context import RequestContext, client_ip, current
from ardesk.core.errors import ApplicationError, InvalidInput
from ardesk.core.schemas import ErrorOut


class TokenAuth(HttpBearer):
    """Authorization: Bearer <token>, as printed by `ardesk token issue USERNAME`."""

    def authenticate(self, request, token):
        user = token_user(token)
        if user is not None:
            request.user = user
            # The audit trail names the token's user for events raised away from the view (signals).
            current.set(RequestContext(user_id=user.pk, user_name=user.get_username(), ip=client_ip(request)))
            request.LANGUAGE_CODE = api_language(request, user)
            translation.activate(request.LANGUAGE_CODE)
        return user


class SessionUser(SessionAuth):
    """The signed-in user of the screens (session cookie, CSRF checked); a call that sends a token is not one.

    Without this, a call with a wrong or revoked token fell through to the session check and was
    answered "CSRF check Failed" (403) instead of "send a valid API token" (401).
    """

    def __call__(self, request):
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        return super().__call__(request)


def signed_in_unless_public(view):
    """The OpenAPI document and its page: for signed-in users and valid API tokens, unless configured public.

    The document lists every operation and field; ``ARDESK_API_DOCS_PUBLIC=1`` opens it to anyone.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if settings.ARDESK_API_DOCS_PUBLIC or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if header.lower().startswith("bearer ") and token_user(header[7:].strip()) is not None:
            return view(request, *args, **kwargs)
        if header or request.path.endswith(".json"):
            message = _("Authentication required: send a valid API token.")
            return JsonResponse({"error": {"code": "unauthorized", "message": message, "fields": {}}}, status=401)
        return redirect_to_login(request.get_full_path())

    return wrapped


class LocalSwagger(Swagger):
    """The Swagger UI page from Django Ninja's own template and files (settings.NINJA_DIR), never from a CDN.

    Ninja renders them itself only when "ninja" is an installed app, which it is not here (see the settings).
    """

    def render_page(self, request, api, **kwargs):
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings, indent=1), "api": api, "add_csrf": _csrf_needed(api)}
        return render(request, self.template, context)


api = NinjaAPI(
    title="ARdesk API",
    version="1",
    description="Customer credit and receivables. Authenticate with `Authorization: Bearer <token>`.",
    urls_namespace="api-1",
    auth=[TokenAuth(), SessionUser()],
    docs=LocalSwagger(),
    docs_decorator=signed_in_unless_public,
)


def error(request, status: int, code: str, message: str, fields: dict | None = None):
    return api.create_response(
        request, {"error": {"code": code, "message": message, "fields": fields or {}}}, status=status
    )


def _location(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts) or "body"


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    fields: dict[str, list[str]] = {}
    for item in exc.errors:
        fields.setdefault(_location(item.get("loc", ())), []).append(item.get("msg", "invalid"))
    first = next(iter(fields.items()), ("body", ["invalid"]))
    return error(request, 422, "invalid_input", f"{first[0]}: {first[1][0]}", fields)


@api.exception_handler(InvalidInput)
def on_invalid_input(request, exc: InvalidInput):
    return error(request, exc.status, exc.code, exc.message, exc.errors)


@api.exception_handler(ApplicationError)
def on_application_error(request, exc: ApplicationError):
    return error(request, exc.status, exc.code, exc.message, {exc.field: [exc.message]} if exc.field else None)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc):
    return error(request, 401, "unauthorized", _("Authentication required: send a valid API token."))


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return error(request, 403, "forbidden", str(exc) or _("Your role does not allow this action."))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error(request, 404, "not_found", str(exc) or _("Not found."))


@api.exception_handler(DataError)
def on_data_error(request, exc: DataError):
    """A value the database refuses to store or compare (a NUL character on PostgreSQL, a text longer than
    its column): the request's fault, so a 400 in the error shape rather than a server error."""
    return error(
        request, 400, "invalid_input", _("A value in the request cannot be stored: a NUL character or a text too long.")
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return error(request, exc.status_code, "error", str(exc))


@csrf_exempt  # as every API operation: a token call carries no CSRF cookie, and the answer is the same 404
def not_found(request, rest: str = ""):
    """A path under /api/v1/ that names no operation (or an id that is not a number): 404 in the error shape."""
    return error(request, 404, "not_found", _("Not found."))


def _json_not_allowed(view):
    """The operation's view, with its 405 (a method the path does not have) in the error shape."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        answer = error(
            request, 405, "method_not_allowed", _("This path does not take %(method)s.") % {"method": request.method}
        )
        answer["Allow"] = response["Allow"]
        return answer

    return wrapped


def api_urls():
    """The API's URL patterns (api.urls), each answering an unsupported method with the JSON 405."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = _json_not_allowed(pattern.callback)
    return patterns, app_name, namespace


# The errors any call can meet, whatever the operation: an input that fails its schema or a rule
# (400, 422), no or a bad token (401), a role or company not granted (403), a record that does not
# exist or is not visible (404). A write can also meet a conflict with the state of the records (409).
ERROR_STATUSES = (400, 401, 403, 404, 422)
WRITE_ERROR_STATUSES = (409,)


def document_errors(router) -> None:
    """Document the error answers of every operation of a router, in the one error shape (ErrorOut)."""
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            statuses = ERROR_STATUSES
            if set(operation.methods) - {"GET"}:
                statuses += WRITE_ERROR_STATUSES
            for status in statuses:
                if status not in operation.response_models:
                    operation.response_models[status] = operation._create_response_model(ErrorOut)


def _mount() -> None:
    from ardesk.accounts.api import router as accounts_router
    from ardesk.banking.api import router as banking_router
    from ardesk.budgets.api import router as budgets_router
    from ardesk.closing.api import router as closing_router
    from ardesk.collections.api import router as collections_router
    from ardesk.credit.api import router as credit_router
    from ardesk.customers.api import router as customers_router
    from ardesk.insights.api import router as insights_router
    from ardesk.ledger.api import router as ledger_router
    from ardesk.portal.api import router as portal_router
    from ardesk.provisioning.api import router as provisioning_router
    from ardesk.relations.api import router as relations_router
    from ardesk.reports.api import router as reports_router
    from ardesk.reports.kpi_api import router as kpi_router
    from ardesk.risk.api import router as risk_router

    mounted = [
        ("/", accounts_router),
        ("/customers", customers_router),
        ("/ledger", ledger_router),
        ("/reports", reports_router),
        ("/reports", kpi_router),
        ("/provisioning", provisioning_router),
        ("/banking", banking_router),
        ("/credit", credit_router),
        ("/collections", collections_router),
        ("/insights", insights_router),
        ("/relations", relations_router),
        ("/risk", risk_router),
        ("/budgets", budgets_router),
        ("/closing", closing_router),
        ("/portal", portal_router),
    ]
    for prefix, router in mounted:  # every router: its error answers documented, none forgotten
        api.add_router(prefix, router)
        document_errors(router)


_mount()
__all__ = ["api"]
