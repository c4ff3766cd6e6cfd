from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from ardesk.config.api import api

admin.site.site_header = "ARdesk"
admin.site.site_title = "ARdesk"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="customers:list", permanent=False), name="home"),
    path("accounts/", include("ardesk.accounts.urls")),
    path("customers/", include("ardesk.customers.urls")),
    path("ledger/", include("ardesk.ledger.urls")),
    path("ledger/", include("ardesk.ledger.statement_urls")),
    path("audit/", include("ardesk.audit.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
