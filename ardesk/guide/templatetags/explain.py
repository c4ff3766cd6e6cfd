"""``{% explain "dso" record %}``: a figure's formula with the record's own numbers, and a link to its explanation.

The record is what the screen already has: an object an adapter of ``registry.RECORDS`` turns
into figures (the KPI inputs of a row, a bucket's balance and rate), or a mapping of the figures
themselves. Without a record (a figure not available) the tag shows nothing.
"""

from __future__ import annotations

from django import template

from ardesk.guide.formulas.registry import BY_KEY, CURRENCY, RECORDS

register = template.Library()


@register.inclusion_tag("guide/formula_explain.html")
def explain(key: str, *record, currency: str = CURRENCY) -> dict:
    explanation = BY_KEY[key]
    if not record or record[0] is None or record[0] == "":
        return {"key": None}
    figures = RECORDS[key](*record) if key in RECORDS else record[0]
    return {
        "key": key,
        "name": explanation.name,
        "formula": explanation.formula,
        "sentence": explanation.sentence(figures, currency),
    }
