from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ardesk.audit import lists
from ardesk.audit.selectors import chain_break, event_search
from ardesk.core import clock, exports
from ardesk.core.web import page_of, requires


@requires("audit.view_auditevent")
def event_list(request):
    action = request.GET.get("action", "").strip()
    actor = request.GET.get("actor", "").strip()
    obj = request.GET.get("object", "").strip()
    events = event_search(action=action, actor=actor, record=obj)
    if (file_format := request.GET.get("export")) in exports.LIST_FORMATS:
        filters = [
            f"{label}: {value}"
            for label, value in ((_("Action"), action), (_("User"), actor), (_("Record"), obj))
            if value
        ]
        table = lists.events_table(events, filters=filters)
        return exports.table_download(table, file_format, f"audit-trail-{clock.today():%Y%m%d}")
    return render(
        request,
        "audit/event_list.html",
        {
            "page": page_of(request, events, settings.ARDESK_LIST_PAGE_SIZE),
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
