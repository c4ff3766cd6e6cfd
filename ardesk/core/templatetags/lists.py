"""How a screen writes a list of names: with the language's own separator (、 in Chinese, ", " in English)."""

from __future__ import annotations

from django import template
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def listing(values) -> str:
    """The values joined by the language's list separator; "—" for none."""
    items = [str(value) for value in values or ()]
    return pgettext("list separator", ", ").join(items) if items else "—"


@register.filter
def clauses(values) -> str:
    """Sentences' parts joined as the language joins clauses (；in Chinese, "; " in English); "" for none."""
    return pgettext("clause separator", "; ").join(str(value) for value in values or ())
