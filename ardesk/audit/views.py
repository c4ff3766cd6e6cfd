from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.audit.models import AuditEvent
from ardesk.audit.selectors import chain_break
from ardesk.core.web import page_of, requires


@requires("audit.view_auditevent")
def event_list(request):
    events = AuditEvent.objects.select_related("actor")
    action = request.GET.get("action", "").strip()
    actor = request.GET.get("actor", "").strip()
    obj = request.GET.get("object", "").strip()
    if action:
        events = events.filter(action__startswith=action)
    if actor:
        events = events.filter(actor_name__icontains=actor)
    if obj:
        events = events.filter(object_repr__icontains=obj)
    return render(
        request,
        "audit/event_list.html",
        {
            "page": page_of(request, events.order_by("-seq"), settings.ARDESK_LIST_PAGE_SIZE),
            "action": action,
            "actor": actor,
            "object": obj,
            "can_verify": request.user.has_perm("audit.verify_auditevent"),
        },
    )


@require_POST
@requires("audit.verify_auditevent")
def verify(request):
    broken = chain_break()
    if broken is None:
        messages.success(request, _("The audit trail is intact: every event matches its hash and link."))
    else:
        messages.error(
            request,
            _("The audit trail is broken at event %(seq)s: %(reason)s") % {"seq": broken.seq, "reason": broken.reason},
        )
    return redirect("audit:list")
