"""Statement of account URLs, mounted under ledger/: path("ledger/", include("ardesk.ledger.statement_urls"))."""

from django.urls import path

from ardesk.ledger import statement_views

app_name = "statements"
urlpatterns = [
    path("customers/<int:pk>/statement/", statement_views.statement_page, name="statement"),
    path("customers/<int:pk>/statement.pdf", statement_views.statement_pdf, name="statement_pdf"),
    path("customers/<int:pk>/statement.xlsx", statement_views.statement_xlsx, name="statement_xlsx"),
    path("statements/", statement_views.statement_runs, name="runs"),
    path("statements/<int:pk>/", statement_views.statement_run, name="run"),
    path("statements/<int:pk>/download/", statement_views.statement_run_download, name="run_download"),
]
