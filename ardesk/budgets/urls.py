from django.urls import path

from ardesk.budgets import views

app_name = "budgets"
urlpatterns = [
    path("", views.versions, name="versions"),
    path("<int:pk>/", views.version_detail, name="version"),
    path("<int:pk>/cell/", views.cell, name="cell"),
    path("<int:pk>/member/", views.add_member, name="add_member"),
    path("<int:pk>/import/", views.budget_import, name="import"),
    path("<int:pk>/copy/", views.copy_actuals, name="copy"),
    path("<int:pk>/variance/", views.variance, name="variance"),
    path("<int:pk>/variance/documents/", views.drill, name="drill"),
    path("<int:pk>/<str:action>/", views.transition, name="transition"),
    path("profitability/", views.profitability, name="profitability"),
    path("profitability/settings/", views.profitability_settings, name="settings"),
    path("segments/", views.segments, name="segments"),
]
