"""Writing to the audit trail: every event is appended under a lock on the chain head."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models, transaction

from ardesk.audit import domain
from ardesk.audit.context import current
from ardesk.audit.models import AuditChainHead, AuditEvent
from ardesk.core import clock


def snapshot(instance: models.Model, fields: Iterable[str] | None = None, *, secret: Iterable[str] = ()) -> dict:
    """The audited values of a model instance; secret fields are recorded as changed, never in clear."""
    names = (
        list(fields) if fields is not None else [f.attname for f in instance._meta.concrete_fields if not f.primary_key]
    )
    hidden = set(secret)
    values = {}
    for name in names:
        value = getattr(instance, name)
        if name in hidden:
            values[name] = domain.plain(_fingerprint(value)) if value else ""
        else:
            values[name] = domain.plain(value)
    return values


def _fingerprint(value: str) -> str:
    return "sha256:" + hashlib.sha256(value.encode()).hexdigest()[:16]


@transaction.atomic
def record(
    *,
    action: str,
    actor=None,
    target: models.Model | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    company_id: int | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    actor_name: str = "",
    ip: str | None = None,
) -> AuditEvent:
    """Append one event to the trail, chained to the last one."""
    context = current.get()
    if actor is None and context is not None and context.user_id is not None:
        actor_id, name = context.user_id, context.user_name
    else:
        actor_id = getattr(actor, "pk", None)
        name = actor.get_username() if actor is not None else actor_name
    if target is not None:
        object_type = object_type or target._meta.label_lower
        object_id = object_id or str(target.pk)
        object_repr = object_repr or str(target)[:255]
        if company_id is None:
            company_id = getattr(target, "company_id", None)
    if ip is None:
        ip = context.ip if context is not None else ""

    # Lock the head so that two writers cannot both link to the same previous event.
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    data = domain.EventData(
        seq=head.last_seq + 1,
        at=clock.now(),
        actor_id=actor_id,
        actor_name=name or actor_name,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:255],
        company_id=company_id,
        before=domain.plain(before) if before is not None else None,
        after=domain.plain(after) if after is not None else None,
        ip=ip,
        prev_hash=head.last_hash or domain.GENESIS,
    )
    digest = domain.event_hash(data)
    event = AuditEvent.objects.create(
        seq=data.seq,
        at=data.at,
        actor_id=data.actor_id,
        actor_name=data.actor_name,
        action=action,
        object_type=data.object_type,
        object_id=data.object_id,
        object_repr=data.object_repr,
        company_id=company_id,
        before=data.before,
        after=data.after,
        ip=ip,
        prev_hash=data.prev_hash,
        hash=digest,
    )
    head.last_seq, head.last_hash = data.seq, digest
    head.save(update_fields=["last_seq", "last_hash"])
    return event


def record_change(*, action: str, target: models.Model, before: dict | None, after: dict | None, actor=None):
    """Record a create, change or delete with only the fields that changed (all of them on create)."""
    if before is not None and after is not None:
        names = domain.changed_fields(before, after)
        if not names:
            return None
        before = {k: before.get(k) for k in names}
        after = {k: after.get(k) for k in names}
    return record(action=action, actor=actor, target=target, before=before, after=after)
