from django.contrib import admin
from django.contrib.auth import get_user_model

from ardesk.audit.admin import AuditedAdmin
from ardesk.companies.models import Company, CompanyGrant


@admin.register(Company)
class CompanyAdmin(AuditedAdmin):
    list_display = ("code", "name", "functional_currency", "is_active")
    search_fields = ("code", "name")


@admin.register(CompanyGrant)
class CompanyGrantAdmin(AuditedAdmin):
    """Company access: an administrator grants it to others; its own is granted by another administrator."""

    list_display = ("user", "company", "granted_at")
    list_filter = ("company",)
    search_fields = ("user__username",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            kwargs["queryset"] = get_user_model().objects.exclude(pk=request.user.pk)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._own(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._own(request, obj)

    @staticmethod
    def _own(request, obj) -> bool:
        return obj is not None and obj.user_id == request.user.pk and not request.user.is_superuser
