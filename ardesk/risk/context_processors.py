"""The signed-in user's unread alert count, shown in the top bar of every page."""

from __future__ import annotations

from ardesk.risk.selectors import unread_count


def unread_alerts(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("risk.view_alert"):
        return {}
    return {"risk_unread": unread_count(user)}
