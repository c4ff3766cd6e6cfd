"""``{% explain "dso" record %}``: a figure's formula with the record's own numbers, and a link to its explanation.

The record is what the screen already has (the KPI inputs of a row, a bucket's balance and rate,
a score's breakdown line): ``formulas.records`` turns it into the explanation's figures. Without a
record (a figure not available) the tag shows nothing.
"""

from __future__ import annotations

from django import template

from ardesk.guide.formulas.records import RECORDS
from ardesk.guide.formulas.registry import BY_KEY, CURRENCY

register = template.Library()


@register.inclusion_tag("guide/formula_explain.html")
def explain(key: str, *record, currency: str = CURRENCY) -> dict:
    explanation = BY_KEY[key]
    if not record or record[0] is None or record[0] == "":
        return {"key": None}
    figures = RECORDS[key](*record, currency=currency or CURRENCY)
    if figures is None:
        return {"key": None}
    return {"key": key, "sentence": explanation.record_sentence(figures, currency or CURRENCY)}
