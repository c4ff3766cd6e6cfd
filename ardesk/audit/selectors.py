"""Reading the audit trail."""

from __future__ import annotations

from django.db.models import QuerySet

from ardesk.audit import domain
from ardesk.audit.models import AuditChainHead, AuditEvent


def events_for(*, object_type: str, object_ids: list[str]) -> QuerySet[AuditEvent]:
    """The history of one or more objects of one type, newest first."""
    return AuditEvent.objects.filter(object_type=object_type, object_id__in=object_ids).select_related("actor")


def chain_break() -> domain.ChainBreak | None:
    """Check the whole trail; return the first broken event or None."""
    head = AuditChainHead.objects.filter(id=1).first()

    def rows():
        fields = (*domain.EVENT_FIELDS, "hash")
        for row in AuditEvent.objects.order_by("seq").values_list(*fields).iterator(chunk_size=5000):
            yield domain.EventData(*row[:-1]), row[-1]

    return domain.first_break(
        rows(),
        head_seq=head.last_seq if head else 0,
        head_hash=head.last_hash if head else "",
    )


def event_search(*, action: str = "", actor: str = "", record: str = "") -> QuerySet[AuditEvent]:
    """The audit trail filtered as the screen filters it, newest first."""
    events = AuditEvent.objects.select_related("actor")
    if action:
        events = events.filter(action__startswith=action)
    if actor:
        events = events.filter(actor_name__icontains=actor)
    if record:
        events = events.filter(object_repr__icontains=record)
    return events.order_by("-seq")
