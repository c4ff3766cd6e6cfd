"""Pure rules of the audit trail: how an event is hashed and how a chain is checked."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

GENESIS = "0" * 64

# The canonical JSON of hashed content: sorted keys, no spaces, characters as they are. One encoder for
# every event (``json.dumps`` with these options builds a new one each call).
canonical_json = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def plain(value: Any) -> Any:
    """Turn a field value into a JSON value that survives a database round trip unchanged."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return str(value)


@dataclass(frozen=True)
class EventData:
    seq: int
    at: dt.datetime
    actor_id: int | None
    actor_name: str
    action: str
    object_type: str
    object_id: str
    object_repr: str
    company_id: int | None
    before: Any
    after: Any
    ip: str
    prev_hash: str


# An event's stored columns in EventData's order: what the trail writes in bulk and reads back to check.
EVENT_FIELDS = tuple(f.name for f in fields(EventData))


def event_hash(event: EventData) -> str:
    """SHA-256 over the canonical JSON of every field of the event and the previous hash."""
    canonical = content_prefix(event) + chain_suffix(prev_hash=event.prev_hash, seq=event.seq)
    return hashlib.sha256(canonical.encode()).hexdigest()


def content_prefix(event: EventData) -> str:
    """The canonical JSON of the event up to its link: every field but ``prev_hash`` and ``seq``.

    Sorted keys put ``prev_hash`` and ``seq`` last, so the canonical text is this prefix followed by
    ``chain_suffix``: PostgreSQL can complete and hash it in the statement that takes the chain head
    (audit.services), and the hash is the same as computed here.
    """
    payload = {
        "at": event.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "company_id": event.company_id,
        "before": event.before,
        "after": event.after,
        "ip": event.ip,
    }
    return canonical_json(payload)[:-1] + ","


class ContentTemplate:
    """``content_prefix`` of many events that share their time, actor, company and address, made fast.

    The canonical JSON of the shared fields is made once, with a marker in place of each field that
    varies; an event's prefix is that text with the canonical JSON of its own values put in the
    markers' places. Sorted keys make the JSON of an object the concatenation of its members', so the
    result is exactly ``content_prefix`` of the event (a test checks it against every kind of value).
    """

    VARYING = ("action", "object_type", "object_id", "object_repr", "before", "after")

    def __init__(self, *, at: dt.datetime, actor_id: int | None, actor_name: str, company_id: int | None, ip: str):
        markers = {name: f"\x00{name}\x00" for name in self.VARYING}
        shared = EventData(0, at, actor_id, actor_name, *(markers[name] for name in self.VARYING[:4]), company_id,
                           markers["before"], markers["after"], ip, "")  # fmt: skip
        text = content_prefix(shared)
        # The marked text split at the markers: the shared pieces, and which value goes after each.
        # A member is found with its key: a quote inside a shared value is escaped, so the text
        # '"name":' followed by the marker can only be the member itself.
        members = {name: f"{canonical_json(name)}:{canonical_json(marker)}" for name, marker in markers.items()}
        positions = sorted((text.index(member), name) for name, member in members.items())
        self.pieces: list[str] = []
        self.order: list[int] = []
        start = 0
        for position, name in positions:
            self.pieces.append(text[start : position + len(canonical_json(name)) + 1])
            self.order.append(self.VARYING.index(name))
            start = position + len(members[name])
        self.pieces.append(text[start:])

    def prefix(self, values: tuple) -> str:
        """``content_prefix`` of the event with these values of ``VARYING`` (object_repr already cut to 255)."""
        pieces, parts = self.pieces, []
        for piece, index in zip(pieces, self.order, strict=False):
            parts.append(piece)
            parts.append(canonical_json(values[index]))
        parts.append(pieces[-1])
        return "".join(parts)


def chain_suffix(*, prev_hash: str, seq: int) -> str:
    """The end of the canonical JSON: the link to the previous event and the sequence number."""
    return f'"prev_hash":"{prev_hash}","seq":{int(seq)}}}'


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def first_break(events: Iterable[tuple[EventData, str]], *, head_seq: int, head_hash: str) -> ChainBreak | None:
    """Return the first event where the chain is broken, or None when the trail is intact.

    ``events`` are (event, stored hash) in sequence order. A changed event no longer matches its
    hash; a deleted one leaves a gap in the sequence and a link that points nowhere; a deleted
    tail no longer reaches the recorded head.
    """
    expected_seq, previous = 1, GENESIS
    for event, stored in events:
        if event.seq != expected_seq:
            return ChainBreak(
                expected_seq,
                _("event %(seq)d is missing (next found: %(next)d)") % {"seq": expected_seq, "next": event.seq},
            )
        if event.prev_hash != previous:
            return ChainBreak(event.seq, _("its link to the previous event does not match"))
        if event_hash(event) != stored:
            return ChainBreak(event.seq, _("its content does not match its hash (the event was altered)"))
        previous, expected_seq = stored, expected_seq + 1
    if expected_seq - 1 != head_seq or previous != (head_hash or GENESIS):
        return ChainBreak(
            expected_seq,
            _("the trail ends at event %(last)d but the head records %(head)d")
            % {"last": expected_seq - 1, "head": head_seq},
        )
    return None


def changed_fields(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[str]:
    """Names of the fields whose values differ between two snapshots."""
    before, after = before or {}, after or {}
    return sorted(key for key in set(before) | set(after) if before.get(key) != after.get(key))
