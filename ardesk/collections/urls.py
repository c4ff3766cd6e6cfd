from django.urls import path

from ardesk.collections import views

app_name = "collections"

urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("customers/<int:customer_id>/", views.customer, name="customer"),
    path("customers/<int:customer_id>/timeline/", views.customer_timeline, name="timeline"),
    path("customers/<int:customer_id>/contacts/", views.contact_log, name="contact_log"),
    path("customers/<int:customer_id>/disputes/", views.dispute_create, name="dispute_create"),
    path("customers/<int:customer_id>/<slug:action>/", views.escalate, name="escalate"),
    path("runs/", views.runs, name="runs"),
    path("runs/confirm/", views.run_confirm, name="run_confirm"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/charge/", views.run_charge, name="run_charge"),
    path("notices/<int:pk>/", views.notice_detail, name="notice"),
    path("notices/<int:pk>/letter.pdf", views.notice_pdf, name="notice_pdf"),
    path("notices/<int:pk>/retry/", views.notice_retry, name="notice_retry"),
    path("notices/<int:pk>/charge/", views.notice_charge, name="notice_charge"),
    path("notices/<int:pk>/call-done/", views.notice_call_done, name="notice_call_done"),
    path("policies/", views.policies, name="policies"),
    path("policies/<str:code>/levels/<int:seq>/", views.policy_level, name="policy_level"),
    path("promises/", views.promises, name="promises"),
    path("disputes/", views.disputes, name="disputes"),
    path("disputes/<int:pk>/", views.dispute_detail, name="dispute"),
    path("disputes/<int:pk>/attachments/<int:attachment_id>/", views.dispute_attachment, name="dispute_attachment"),
]
