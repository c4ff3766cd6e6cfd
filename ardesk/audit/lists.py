"""The audit trail as an export table: every event the filters select, with its changes as JSON."""

from __future__ import annotations

import json

from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.templatetags.audit_tags import action_label
from ardesk.core.exports import ReportTable


def _json(value) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def events_table(events, *, filters: list[str]) -> ReportTable:
    """Sequence, time (local), who, what (label and code), which record, before and after, address."""
    rows = [
        [
            event.seq,
            timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S"),
            event.actor_name,
            action_label(event.action),
            event.action,
            event.object_type,
            event.object_repr,
            _json(event.before),
            _json(event.after),
            event.ip,
        ]
        for event in events.iterator(chunk_size=2000)
    ]
    headers = [
        "#",
        _("When"),
        _("Who"),
        _("What"),
        _("Action code"),
        _("Record type"),
        _("Record"),
        _("Before"),
        _("After"),
        _("Address"),
    ]
    return ReportTable(title=_("Audit trail"), subtitle=filters, headers=headers, rows=rows)
