"""The formula explanations: all of them on one page, or one with its worked example."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from ardesk.guide.formulas import texts
from ardesk.guide.formulas.registry import BY_KEY, EXPLANATIONS


def _entry(explanation, lang: str, level: int = 1) -> dict:
    return {
        "key": explanation.key,
        "title": texts.title(explanation, lang),
        "function": explanation.function,
        "body": texts.rendered(explanation, lang, level=level),
    }


@login_required
def index(request):
    lang = texts.language()
    return render(request, "guide/formulas.html", {"entries": [_entry(e, lang, level=2) for e in EXPLANATIONS]})


@login_required
def formula(request, key: str):
    explanation = BY_KEY.get(key)
    if explanation is None:
        raise Http404
    return render(request, "guide/formula.html", {"entry": _entry(explanation, texts.language())})
