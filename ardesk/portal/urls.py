from django.urls import path

from ardesk.portal import views

app_name = "portal"

urlpatterns = [
    path("p/<str:token>/", views.home, name="home"),
    path("p/<str:token>/statement/", views.statement_file, name="statement"),
    path("p/<str:token>/code/", views.code, name="code"),
    path("p/<str:token>/documents/<int:document_id>/", views.document_file, name="document"),
    path("p/<str:token>/surveys/<int:invitation_id>/", views.survey, name="survey"),
    path("p/<str:token>/balance/<str:currency>/", views.answer, name="answer"),
    path("p/<str:token>/promise/", views.promise, name="promise"),
    path("p/<str:token>/dispute/", views.dispute, name="dispute"),
    path("p/<str:token>/complaint/", views.complaint, name="complaint"),
    path("portal/customers/<int:pk>/links/", views.customer_links, name="customer_links"),
    path(
        "portal/customers/<int:pk>/statement-frequency/",
        views.customer_statement_frequency,
        name="customer_statement_frequency",
    ),
    path("portal/links/<int:pk>/revoke/", views.link_revoke, name="link_revoke"),
    path("portal/confirmations/", views.confirmations, name="confirmations"),
    path("portal/statement-runs/", views.statement_runs, name="statement_runs"),
    path("portal/statement-runs/schedule/", views.statement_schedule, name="statement_schedule"),
    path("portal/statement-runs/<int:pk>/", views.statement_run, name="statement_run"),
    path("portal/statement-runs/<int:pk>/send/", views.statement_run_send, name="statement_run_send"),
]
