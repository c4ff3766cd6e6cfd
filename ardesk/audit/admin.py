"""An admin base class that records every change made in the administration pages."""

from __future__ import annotations

from django.contrib import admin

from ardesk.audit.services import record, snapshot


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        after = snapshot(obj)
        if change:
            changed = sorted(k for k in after if after[k] != (before or {}).get(k))
            if not changed:
                return
            before = {k: before[k] for k in changed}
            after = {k: after[k] for k in changed}
        record(
            action=f"{obj._meta.label_lower}.{'update' if change else 'create'}",
            actor=request.user,
            target=obj,
            before=before,
            after=after,
        )

    def delete_model(self, request, obj):
        record(action=f"{obj._meta.label_lower}.delete", actor=request.user, target=obj, before=snapshot(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
