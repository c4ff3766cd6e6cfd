from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ardesk.audit.labels import (
    ACTION_LABELS,
    ACTOR_LABELS,
    FIELD_LABELS,
    KEY_LABELLERS,
    LIST_LABELLERS,
    MINOR_UNIT_KEYS,
    SYSTEM_ACCOUNTS,
    VALUE_LABELLERS,
    VALUE_LABELS,
)
from ardesk.core.money import CurrencyError, MinorUnitsField, currency_decimals, from_minor

register = template.Library()

DECIMAL = re.compile(r"^-?\d+\.\d+$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# Counts are grouped (1,385 budget lines), a year never is (2026, not 2,026).
YEAR_KEYS = frozenset({"year"})


@register.simple_tag
def action_label(action: str) -> str:
    """The action as the user says it (月末计提已准备), never the stored code."""
    if action in ACTION_LABELS:
        return str(ACTION_LABELS[action])
    if action.endswith(".delete"):
        return _("Deleted")
    return _("Other change")


def _field(model, key: str):
    if model is None:
        return None
    for name in (key, key.removesuffix("_id")):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        # Reverse relations (a policy's ``rates``, a dispute's ``items``) have no label of their own.
        return field if isinstance(field, models.Field) else None
    return None


def _label(model, key: str) -> str:
    if key in FIELD_LABELS:
        return str(FIELD_LABELS[key])
    field = _field(model, key)
    if field is not None:
        return str(field.verbose_name)
    line = _statement_line(key)
    return line or key.replace("_", " ")


def _statement_line(key: str) -> str:
    """A key's name as a context above the audit trail registered it (a financial statement line), or ""."""
    return next((name for labeller in KEY_LABELLERS if (name := labeller(key))), "")


def _amount(minor: int, currency: str) -> str:
    try:
        amount = from_minor(minor, currency)
        places = currency_decimals(currency)
    except CurrencyError:
        amount, places = Decimal(minor) / 100, 2
    return formats.number_format(amount, places, use_l10n=True, force_grouping=True)


def _shown(model, key: str, value, currency: str):
    """A stored value as the user knows it: labels for choices, amounts in money, dates as dates, names for ids."""
    if value in (None, ""):
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict):
        return "; ".join(
            f"{_label(model, k)}: {_shown(None, key if key in MINOR_UNIT_KEYS else k, v, currency)}"
            for k, v in value.items()
        )
    if isinstance(value, list):
        if key in LIST_LABELLERS:
            return LIST_LABELLERS[key](value)
        if key == "items":
            return ngettext("%(count)s item", "%(count)s items", len(value)) % {"count": len(value)}
        return ", ".join(str(_shown(model, key, v, currency)) for v in value)
    field = _field(model, key)
    if field is not None and field.choices:
        return dict(field.flatchoices).get(value, value)
    if field is not None and isinstance(field, models.ForeignKey) and isinstance(value, int):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if isinstance(value, int):
        if isinstance(field, MinorUnitsField) or key in MINOR_UNIT_KEYS:
            return _amount(value, currency)
        if key in YEAR_KEYS:
            return str(value)
        return formats.number_format(value, 0, use_l10n=True, force_grouping=True)
    if isinstance(value, str):
        if key in VALUE_LABELS or value in VALUE_LABELS:
            return str(VALUE_LABELS.get(value, value))
        if label := next((words for labeller in VALUE_LABELLERS if (words := labeller(key, value))), ""):
            return label
        if DECIMAL.match(value):
            try:
                number = Decimal(value)
            except InvalidOperation:
                return value
            # Amounts are recorded with their currency's two places ("0.00", "0.50"): kept; a rate's
            # trailing zeros ("7.100000") are not.
            decimals = value.split(".")[1]
            places = 2 if key in MINOR_UNIT_KEYS or len(decimals) == 2 else len(decimals.rstrip("0"))
            return formats.number_format(number, max(places, 2 if abs(number) >= 1 else places), True, True)
        if ISO_DATE.match(value):
            return formats.date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        if ISO_DATETIME.match(value):
            return formats.date_format(dt.datetime.fromisoformat(value), "SHORT_DATETIME_FORMAT")
    return value


def _model(object_type: str, action: str):
    if action.startswith("contact."):
        object_type = "customers.contact"
    if action == "collections.contact":
        object_type = "collections.contactlog"
    try:
        return apps.get_model(object_type) if "." in object_type else None
    except LookupError:
        return None


@register.simple_tag
def event_changes(event) -> str:
    """Before and after values of an audit event, one line per field, with the field's own label."""
    before, after = event.before or {}, event.after or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        return ""
    model = _model(event.object_type, event.action)
    currency = str(after.get("currency") or before.get("currency") or "CNY")
    rows = []
    for key in dict.fromkeys([*before, *after]):
        if key.endswith("_id") and key in ("contact_id", "attachment_id", "company_id"):
            continue
        old, new = before.get(key), after.get(key)
        if old in (None, "", [], {}) and new in (None, "", [], {}):
            continue
        rows.append((_label(model, key), _shown(model, key, old, currency), _shown(model, key, new, currency)))
    if not before:
        lines = format_html_join("", '<div><span class="muted">{}</span>: {}</div>', ((k, n) for k, _o, n in rows))
    elif not after:
        lines = format_html_join(
            "", '<div><span class="muted">{}</span>: <del>{}</del></div>', ((k, o) for k, o, _n in rows)
        )
    else:
        lines = format_html_join("", '<div><span class="muted">{}</span>: <del>{}</del> → <ins>{}</ins></div>', rows)
    return format_html('<div class="diff">{}</div>', lines)


@register.filter
def actor_label(event) -> str:
    """The user who acted, or what acted when no user did (系统, 演示数据)."""
    if (event.actor_id is None or event.actor_name in SYSTEM_ACCOUNTS) and event.actor_name in ACTOR_LABELS:
        return str(ACTOR_LABELS[event.actor_name])
    return event.actor_name or "—"
