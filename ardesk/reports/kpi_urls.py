from django.urls import path

from ardesk.reports import kpi_views

app_name = "kpi"
urlpatterns = [
    path("", kpi_views.kpi_report, name="page"),
]
