from django.contrib import admin

from ardesk.relations.models import SurveyTemplate


@admin.register(SurveyTemplate)
class SurveyTemplateAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_zh", "valid_days", "remind_after_days", "is_active")
