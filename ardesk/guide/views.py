"""The help screens: the index, a screen's help (full page and drawer), the role guides, what's new, the PDF.

Help is for every signed-in user, whatever the role: it explains screens, it shows no data.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import translation

from ardesk.core import exports
from ardesk.guide import contents, helpfiles, userguide


@login_required
def index(request):
    language = translation.get_language()
    return render(
        request,
        "guide/index.html",
        {
            "groups": contents.screen_groups(language),
            "roles": contents.role_guides(language),
            "has_whatsnew": helpfiles.whatsnew_path(language) is not None,
            "languages": settings.LANGUAGES,
        },
    )


@login_required
def page(request, view_name: str):
    return render(request, "guide/page.html", {"help": _screen_help(view_name), "view_name": view_name})


@login_required
def panel(request):
    view_name = request.GET.get("view", "")
    return render(request, "guide/partials/panel.html", {"help": _screen_help(view_name), "view_name": view_name})


@login_required
def role(request, role: str):
    text = helpfiles.role_guide(role, translation.get_language())
    if text is None:
        raise Http404
    return render(request, "guide/text.html", {"help": text})


@login_required
def whatsnew(request):
    text = helpfiles.whatsnew(translation.get_language())
    if text is None:
        raise Http404
    return render(request, "guide/text.html", {"help": text})


@login_required
def pdf(request):
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    folder = helpfiles.language_folder(language)
    return exports.download(userguide.stored_guide_pdf(folder), "pdf", f"ardesk-user-guide-{folder}")


def _screen_help(view_name: str) -> helpfiles.HelpText:
    text = helpfiles.screen_help(view_name, translation.get_language())
    if text is None:
        raise Http404
    return text
