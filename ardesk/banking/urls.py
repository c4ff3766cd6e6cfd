from django.urls import path

from ardesk.banking import views

app_name = "banking"

urlpatterns = [
    path("", views.desk, name="desk"),
    path("lines/<int:pk>/", views.line_detail, name="line"),
    path("lines/<int:pk>/accept/", views.line_accept, name="accept"),
    path("lines/<int:pk>/ignore/", views.line_ignore, name="ignore"),
    path("import/", views.statement_import, name="import"),
    path("statements/", views.statements, name="statements"),
    path("journal/", views.journal, name="journal"),
    path("accounts/", views.accounts, name="accounts"),
    path("differences/", views.differences, name="differences"),
    path("differences/<int:pk>/decide/", views.difference_decide, name="difference_decide"),
]
