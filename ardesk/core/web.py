"""Helpers shared by the server-rendered screens of every context."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.views import defaults

from ardesk.core.errors import ApplicationError, InvalidInput, NotFound, NotPermitted


def requires(permission: str):
    """Sign-in required, then the permission, else 403: every screen declares what it needs."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator


def add_errors(form, exc: InvalidInput, aliases: dict[str, str] | None = None) -> None:
    """Show a service's validation errors on the form fields they concern."""
    aliases = aliases or {}
    for field, messages in exc.errors.items():
        name = aliases.get(field, field)
        for message in messages:
            form.add_error(name if name in form.fields else None, message)


def page_of(request, items, per_page: int):
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


class _ReadSlices:
    """A list too long to read whole, of which the count and one slice are read; other slices on demand."""

    def __init__(self, found, read):
        self.found, self.read = found, read

    def __len__(self) -> int:
        return self.found.count

    def __getitem__(self, part: slice) -> list:
        if part.start == self.found.offset:
            return self.found.rows[: part.stop - part.start]
        return self.read(part.start, part.stop - part.start).rows


def page_read(request, per_page: int, read):
    """The asked page of a list read one slice at a time, and what was read with it.

    ``read(offset, limit)`` returns an object with ``count``, ``offset`` and ``rows`` (at most ``limit``
    rows from ``offset``) and whatever else the screen shows from the same statement (totals); a page
    number past the end reads the last page again.
    """
    try:
        number = max(1, int(request.GET.get("page") or 1))
    except ValueError:
        number = 1
    found = read((number - 1) * per_page, per_page)
    return Paginator(_ReadSlices(found, read), per_page).get_page(number), found


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# The screens load their scripts and styles from our own static files (htmx, ECharts, app.js): no
# inline script, event handler or style attribute is needed, so none is allowed, which turns an
# injected <script> or onclick into dead text.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Every answer carries the Content-Security-Policy and ``Cache-Control: no-store``.

    ARdesk's pages and API answers carry customers' data (names, balances, bank accounts, ID
    numbers): no browser or proxy keeps a copy for the back button or the next user of a shared
    computer. Static files are answered earlier (WhiteNoise) and stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers["Cache-Control"] = "no-store"
        return response


class ApplicationErrorMiddleware:
    """Turn NotFound and NotPermitted raised by selectors and services into 404 and 403 pages.

    Any other refusal a screen did not show on its form (a bad parameter in a link) is a 400 page,
    never a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NotFound):
            return defaults.page_not_found(request, exception)
        if isinstance(exception, NotPermitted):
            return defaults.permission_denied(request, exception)
        if isinstance(exception, ApplicationError):
            return defaults.bad_request(request, exception)
        return None
