"""Statement of account URLs, mounted under ledger/: path("ledger/", include("ardesk.ledger.statement_urls"))."""

from django.urls import path

from ardesk.ledger import statement_views

app_name = "statements"
urlpatterns = [
    path("customers/<int:pk>/statement/", statement_views.statement_page, name="statement"),
    path("customers/<int:pk>/statement.pdf", statement_views.statement_pdf, name="statement_pdf"),
    path("customers/<int:pk>/statement.xlsx", statement_views.statement_xlsx, name="statement_xlsx"),
]
