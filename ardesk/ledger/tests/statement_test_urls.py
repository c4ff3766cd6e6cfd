"""The project's URLs plus the statement screens, for tests (until config/urls.py includes them)."""

from django.urls import include, path

from ardesk.config.urls import urlpatterns as project_urlpatterns

urlpatterns = list(project_urlpatterns)
if not any(getattr(pattern, "namespace", None) == "statements" for pattern in urlpatterns):
    urlpatterns.append(path("ledger/", include("ardesk.ledger.statement_urls")))
