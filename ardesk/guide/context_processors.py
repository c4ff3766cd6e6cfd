"""The "?" in the header: the screen's help exists in the user's language."""

from __future__ import annotations

from django.utils import translation

from ardesk.guide.helpfiles import has_help


def help_button(request):
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    if user is None or not user.is_authenticated or match is None:
        return {}
    if not has_help(match.view_name, translation.get_language()):
        return {}
    return {"help_view": match.view_name}
