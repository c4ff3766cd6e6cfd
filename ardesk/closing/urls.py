from django.urls import path

from ardesk.closing import views

app_name = "closing"

urlpatterns = [
    path("cockpit/", views.cockpit, name="cockpit"),
    path("cockpit/close/", views.close, name="close"),
    path("cockpit/reopen/", views.reopen, name="reopen"),
    path("cockpit/journals/", views.journals_export, name="journals_export"),
    path("reopen/<int:pk>/<str:decision>/", views.reopen_decide, name="reopen_decide"),
    path("revaluation/", views.revaluation, name="revaluation"),
    path("revaluation/run/", views.revaluation_run, name="revaluation_run"),
    path("revaluation/<int:pk>/post/", views.revaluation_post, name="revaluation_post"),
]
