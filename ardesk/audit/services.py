"""Writing to the audit trail: every event is appended under a lock on the chain head.

On PostgreSQL one statement takes the head, inserts the event with its hash and moves the head, so
the lock is held for the rest of the caller's transaction only, and an event costs one round trip.
Elsewhere (SQLite, whose writers queue on the database lock anyway) the head is read, the event
inserted and the head saved in three statements. Both store the same hash (audit.domain.event_hash).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection, models, transaction

from ardesk.audit import domain
from ardesk.audit.context import current
from ardesk.audit.models import AuditChainHead, AuditEvent
from ardesk.core import clock, prepared
from ardesk.core.bulk import copy_line, copy_text, insert_rows


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
    data = domain.EventData(
        seq=0,  # the head gives the sequence number and the previous hash
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
        prev_hash="",
    )
    if connection.vendor == "postgresql":
        return _append_in_one_statement(data)
    return _append(data)


@transaction.atomic
def _append(data: domain.EventData) -> AuditEvent:
    # Lock the head so that two writers cannot both link to the same previous event.
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    data = dataclasses.replace(data, seq=head.last_seq + 1, prev_hash=head.last_hash or domain.GENESIS)
    event = _event(data, domain.event_hash(data))
    event.save(force_insert=True)
    head.last_seq, head.last_hash = data.seq, event.hash
    head.save(update_fields=["last_seq", "last_hash"])
    return event


# The head row is locked (FOR UPDATE) by the first sub-statement; the event takes the next sequence
# number and links to the head's hash; PostgreSQL completes the canonical text with that link and
# hashes it (sha256 over the UTF-8 bytes, as audit.domain.event_hash); the head moves to the event.
_APPEND_SQL = """
WITH head AS (
    SELECT last_seq + 1 AS seq, COALESCE(NULLIF(last_hash, ''), %s::text) AS prev_hash
    FROM audit_auditchainhead WHERE id = 1 FOR UPDATE
), event AS (
    INSERT INTO audit_auditevent (seq, at, actor_id, actor_name, action, object_type, object_id, object_repr,
                                  company_id, before, after, ip, prev_hash, hash)
    SELECT seq, %s::timestamptz, %s::integer, %s::text, %s::text, %s::text, %s::text, %s::text, %s::bigint,
           %s::jsonb, %s::jsonb, %s::text, prev_hash,
           encode(sha256(convert_to(%s::text || '"prev_hash":"' || prev_hash || '","seq":' || seq::text || '}',
                                    'UTF8')), 'hex')
    FROM head
    RETURNING seq, prev_hash, hash
)
UPDATE audit_auditchainhead SET last_seq = event.seq, last_hash = event.hash
FROM event WHERE audit_auditchainhead.id = 1
RETURNING event.seq, event.prev_hash, event.hash
"""


def _append_in_one_statement(data: domain.EventData) -> AuditEvent:
    params = [
        domain.GENESIS,
        data.at,
        data.actor_id,
        data.actor_name,
        data.action,
        data.object_type,
        data.object_id,
        data.object_repr,
        data.company_id,
        None if data.before is None else json.dumps(data.before),
        None if data.after is None else json.dumps(data.after),
        data.ip,
        domain.content_prefix(data),
    ]
    with connection.cursor() as cursor:
        prepared.execute(cursor, "ardesk_audit_append", _APPEND_SQL, params)
        row = cursor.fetchone()
        if row is None:  # the very first event: there is no head yet
            cursor.execute(
                "INSERT INTO audit_auditchainhead (id, last_seq, last_hash) VALUES (1, 0, '') ON CONFLICT DO NOTHING"
            )
            prepared.execute(cursor, "ardesk_audit_append", _APPEND_SQL, params)
            row = cursor.fetchone()
    seq, prev_hash, digest = row
    event = _event(dataclasses.replace(data, seq=seq, prev_hash=prev_hash), digest)
    event._state.adding, event._state.db = False, connection.alias
    return event


@transaction.atomic
def record_many(*, action: str, actor, company_id: int | None, events: Iterable[dict]) -> int:
    """Append many events of one action at once (a batch applied as a whole), chained like ``record``.

    Each event gives ``target`` (or ``object_type``, ``object_id``, ``object_repr``), ``before`` and
    ``after``. The head is locked once and the events chained and inserted in bulk by a ``BulkTrail``
    (COPY on PostgreSQL, executemany on SQLite), so ten thousand events cost a few statements
    instead of ten thousand round trips.
    """
    trail = BulkTrail(actor=actor, company_id=company_id)
    with connection.cursor() as cursor:
        trail.hold(cursor)
        first = trail.seq
        chained = trail.chain(_event_values(action, event) for event in events)
        written = trail.seq - first
        if written:
            trail.write(cursor, chained)
            trail.close(cursor)
    return written


def _event_values(action: str, event: dict) -> tuple:
    """One ``record_many`` event as ``BulkTrail.chain`` takes it."""
    target, before, after = event.get("target"), event.get("before"), event.get("after")
    return (
        action,
        target._meta.label_lower if target is not None else event["object_type"],
        str(target.pk) if target is not None else event["object_id"],
        str(target) if target is not None else event.get("object_repr", ""),
        None if before is None else domain.plain(before),
        None if after is None else domain.plain(after),
    )


_EVENT_COLUMNS = (*domain.EVENT_FIELDS, "hash")


class BulkTrail:
    """The events of one bulk run (an import), appended to the trail as its writer writes its rows.

    The run holds the chain head from its first events to its end (its transaction keeps the lock),
    chains the events in Python (``chain``) and inserts them with its rows in bulk (``write``, COPY on
    PostgreSQL); the head moves once, at ``close``. Events are given as (action, object_type, object_id, object_repr,
    before, after), with JSON-ready values. Same hashes as ``record`` (audit.domain.event_hash).
    """

    def __init__(self, *, actor, company_id: int | None):
        context = current.get()
        self.actor_id = getattr(actor, "pk", None)
        self.actor_name = actor.get_username() if actor is not None else ""
        self.ip = context.ip if context is not None else ""
        self.company_id = company_id
        self.at = clock.now()
        self.seq: int | None = None
        self.prev_hash = ""

    def hold(self, cursor) -> None:
        """Lock the chain head for the rest of the run (the first call only); events are chained after it."""
        if self.seq is None:
            self.seq, self.prev_hash = _hold_head(cursor)
            self.template = domain.ContentTemplate(
                at=self.at, actor_id=self.actor_id, actor_name=self.actor_name, company_id=self.company_id, ip=self.ip
            )

    def chain(self, events: Iterable[tuple]) -> str | list[list]:
        """Chain the events (after ``hold``) and return them as ``write`` takes them.

        An import calls it in its reading thread, so that its writer thread (core.bulk.Writer) only
        sends what is ready: hashing and formatting there would hold the interpreter while the
        database waits for the rows.
        """
        seq, prev_hash, rows = self.seq, self.prev_hash, []
        prefix, sha256 = self.template.prefix, hashlib.sha256
        # On PostgreSQL each event goes as a line of COPY's text format: its JSON as hashed (the
        # database stores JSON parsed, so the text's spacing and key order do not matter).
        lines = connection.vendor == "postgresql"
        if lines:
            shared = (self.at, self.actor_id, self.actor_name)
            after_shared = copy_line((self.company_id,))
            ip = copy_line((self.ip,))
        for action, object_type, object_id, object_repr, before, after in events:
            seq += 1
            object_repr = object_repr[:255]
            content = prefix((action, object_type, object_id, object_repr, before, after))
            digest = sha256((content + domain.chain_suffix(prev_hash=prev_hash, seq=seq)).encode()).hexdigest()
            if lines:
                json_before = None if before is None else domain.canonical_json(before)
                json_after = None if after is None else domain.canonical_json(after)
                head = copy_line((seq, *shared, action, object_type, object_id, object_repr))
                tail = copy_line((json_before, json_after))
                rows.append(f"{head}\t{after_shared}\t{tail}\t{ip}\t{prev_hash}\t{digest}\n")
            else:
                # The columns in EventData's order (domain.EVENT_FIELDS), then the hash.
                row = [seq, self.at, self.actor_id, self.actor_name, action, object_type, object_id]
                rows.append([*row, object_repr, self.company_id, before, after, self.ip, prev_hash, digest])
            prev_hash = digest
        self.seq, self.prev_hash = seq, prev_hash
        return "".join(rows) if lines else rows

    def write(self, cursor, chained: str | list[list]) -> None:
        """Insert events ``chain`` returned, with ``cursor`` (a ``core.bulk.Writer`` job's)."""
        if isinstance(chained, str):
            copy_text(cursor, AuditEvent, _EVENT_COLUMNS, chained)
        else:
            insert_rows(AuditEvent, _EVENT_COLUMNS, chained, cursor=cursor)

    def close(self, cursor) -> None:
        """Move the head to the last event appended (nothing when none was)."""
        if self.seq is not None:
            cursor.execute(
                "UPDATE audit_auditchainhead SET last_seq = %s, last_hash = %s WHERE id = 1", [self.seq, self.prev_hash]
            )


def _hold_head(cursor) -> tuple[int, str]:
    """Lock the chain head for the rest of the transaction; its sequence number and hash (GENESIS at the start)."""
    cursor.execute(
        "INSERT INTO audit_auditchainhead (id, last_seq, last_hash) VALUES (1, 0, '') ON CONFLICT DO NOTHING"
    )
    lock = " FOR UPDATE" if connection.vendor == "postgresql" else ""
    cursor.execute(f"SELECT last_seq, last_hash FROM audit_auditchainhead WHERE id = 1{lock}")  # noqa: S608
    seq, last_hash = cursor.fetchone()
    return seq, last_hash or domain.GENESIS


def _event(data: domain.EventData, digest: str) -> AuditEvent:
    return AuditEvent(
        seq=data.seq,
        at=data.at,
        actor_id=data.actor_id,
        actor_name=data.actor_name,
        action=data.action,
        object_type=data.object_type,
        object_id=data.object_id,
        object_repr=data.object_repr,
        company_id=data.company_id,
        before=data.before,
        after=data.after,
        ip=data.ip,
        prev_hash=data.prev_hash,
        hash=digest,
    )


def record_change(*, action: str, target: models.Model, before: dict | None, after: dict | None, actor=None):
    """Record a create, change or delete with only the fields that changed (all of them on create)."""
    if before is not None and after is not None:
        names = domain.changed_fields(before, after)
        if not names:
            return None
        before = {k: before.get(k) for k in names}
        after = {k: after.get(k) for k in names}
    return record(action=action, actor=actor, target=target, before=before, after=after)
