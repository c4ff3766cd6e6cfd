from django.urls import path

from ardesk.relations import views

app_name = "relations"
urlpatterns = [
    path("customers/<int:pk>/panel/", views.customer_panel, name="customer_panel"),
    path("customers/<int:pk>/timeline/", views.timeline, name="timeline"),
    path("customers/<int:pk>/log/", views.log_interaction, name="log"),
    path("customers/<int:pk>/complaints/new/", views.complaint_new, name="complaint_new"),
    path("customers/<int:pk>/revisits/new/", views.revisit_new, name="revisit_new"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("complaints/", views.complaints, name="complaints"),
    path("complaints/report/", views.complaint_report, name="complaint_report"),
    path("complaints/<int:pk>/", views.complaint_detail, name="complaint"),
    path("surveys/", views.surveys, name="surveys"),
    path("surveys/send/", views.survey_send, name="survey_send"),
    path("surveys/templates/", views.survey_templates, name="survey_templates"),
    path("surveys/templates/new/", views.survey_template_new, name="survey_template_new"),
    path("surveys/templates/<int:pk>/", views.survey_template_edit, name="survey_template_edit"),
    path("key-accounts/", views.key_accounts, name="key_accounts"),
    path("customers/<int:pk>/profile/", views.relation_profile_edit, name="relation_profile"),
    path("revisits/", views.revisits, name="revisits"),
    path("revisits/calendar/", views.revisit_calendar, name="revisit_calendar"),
    path("revisits/<int:pk>/cancel/", views.revisit_cancel, name="revisit_cancel"),
]
