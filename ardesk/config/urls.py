from django.contrib import admin
from django.urls import include, path, re_path

from ardesk.config.api import api_urls, not_found
from ardesk.config.home import home
from ardesk.relations.views import survey_answer

# The apps' admin modules are found here, when the site's URLs load (settings: SimpleAdminConfig), not at
# every start: a command line report has no use for them.
admin.autodiscover()
admin.site.site_header = "ARdesk"
admin.site.site_title = "ARdesk"

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("ardesk.accounts.urls")),
    path("customers/", include("ardesk.customers.urls")),
    path("ledger/", include("ardesk.ledger.urls")),
    path("ledger/", include("ardesk.ledger.statement_urls")),
    path("reports/", include("ardesk.reports.urls")),
    path("reports/kpi/", include("ardesk.reports.kpi_urls")),
    path("provisioning/", include("ardesk.provisioning.urls")),
    path("closing/", include("ardesk.closing.urls")),
    path("collections/", include("ardesk.collections.urls")),
    path("credit/", include("ardesk.credit.urls")),
    path("insights/", include("ardesk.insights.urls")),
    path("banking/", include("ardesk.banking.urls")),
    path("relations/", include("ardesk.relations.urls")),
    path("survey/<str:token>/", survey_answer, name="survey_answer"),
    path("risk/", include("ardesk.risk.urls")),
    path("budgets/", include("ardesk.budgets.urls")),
    path("audit/", include("ardesk.audit.urls")),
    path("help/", include("ardesk.guide.urls")),
    path("", include("ardesk.portal.urls")),
    path("api/v1/", api_urls()),
    re_path(r"^api/v1/(?P<rest>[\s\S]*)$", not_found),  # any path, even one holding a newline
    path("admin/", admin.site.urls),
    path("", include("ardesk.operations.urls")),
]
