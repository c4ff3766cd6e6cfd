"""A fixed-window request limit per client address, kept in Django's cache (public pages only)."""

from __future__ import annotations

from django.core.cache import cache


def client_address(request) -> str:
    """The address the request came from (the proxy's X-Forwarded-For is not trusted here)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one request of ``key`` in ``scope``; False once more than ``limit`` came within the window."""
    name = f"ardesk:rate:{scope}:{key}"
    if cache.add(name, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # the window ended between add and incr
        cache.set(name, 1, timeout=window_seconds)
        return True
    return count <= limit
