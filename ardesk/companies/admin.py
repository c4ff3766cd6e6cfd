from django.contrib import admin

from ardesk.audit.admin import AuditedAdmin
from ardesk.companies.models import Company, CompanyGrant


@admin.register(Company)
class CompanyAdmin(AuditedAdmin):
    list_display = ("code", "name", "functional_currency", "is_active")
    search_fields = ("code", "name")


@admin.register(CompanyGrant)
class CompanyGrantAdmin(AuditedAdmin):
    list_display = ("user", "company", "granted_at")
    list_filter = ("company",)
    search_fields = ("user__username",)
