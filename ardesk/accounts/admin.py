from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from ardesk.accounts.models import ApiToken

User = get_user_model()
OWN_RIGHTS = ("is_active", "is_staff", "groups", "user_permissions")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "expires_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    readonly_fields = ("user", "name", "prefix", "key_hash", "created_at", "expires_at", "last_used_at")
    search_fields = ("prefix", "user__username", "name")

    def has_add_permission(self, request):
        return False


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class ArdeskUserAdmin(UserAdmin):
    """Django's user pages, without the ways an administrator could raise its own rights.

    Only a superuser sees the superuser flag or changes a superuser (its password included); an
    administrator's own roles, permissions and flags are read-only to it: another administrator
    changes them (``accounts.domain.rights_change_problem``).
    """

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": tuple(f for f in options["fields"] if f != "is_superuser")})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk and not request.user.is_superuser:
            fields += OWN_RIGHTS
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)


@admin.register(Group)
class ArdeskGroupAdmin(GroupAdmin):
    """Roles: an administrator changes the roles it does not hold; the ones it holds it only reads."""

    def has_change_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser and request.user.groups.filter(pk=obj.pk).exists():
            return False
        return super().has_change_permission(request, obj)
