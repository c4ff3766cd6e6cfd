"""Which URL names are screens (each has a help page in both languages) and which are not, and why.

Every named URL of the product, apart from the administration and the API, is a screen unless it is
listed in NON_PAGES with the reason: a form's POST action, a file download, an htmx fragment shown
inside another screen, a redirect, or a machine's JSON. The help-coverage test holds every other
name to a help file in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import gettext_lazy as _

POST = "POST action: changes data and redirects"
DOWNLOAD = "file download"
FRAGMENT = "htmx fragment shown inside another screen"

NON_PAGES: dict[str, str] = {
    "home": "redirect to the dashboard or the customer list",
    "accounts:logout": "POST action: signs out",
    "accounts:language": "POST action: switches the language and redirects back",
    "accounts:token_issue": POST,
    "accounts:token_revoke": POST,
    "customers:status": POST,
    "customers:contact_delete": POST,
    "customers:attachment_upload": POST,
    "customers:attachment_download": DOWNLOAD,
    "customers:attachment_delete": POST,
    "ledger:allocate": POST,
    "ledger:allocate_auto": POST,
    "ledger:reverse": POST,
    "ledger:refund": POST,
    "ledger:allocation_reverse": POST,
    "ledger:customer_panel": FRAGMENT + " (the customer's page)",
    "ledger:customer_terms": POST,
    "ledger:import_confirm": POST,
    "statements:statement_pdf": DOWNLOAD,
    "statements:statement_xlsx": DOWNLOAD,
    "statements:run_download": DOWNLOAD,
    "reports:snapshot_take": POST,
    "provisioning:run_approve": POST,
    "provisioning:opening": POST,
    "provisioning:policy_import": POST,
    "provisioning:policy_export": DOWNLOAD + " (JSON)",
    "provisioning:policy_derive": POST,
    "provisioning:specific_end": POST,
    "provisioning:write_off_decide": POST,
    "closing:close": POST,
    "closing:reopen": POST,
    "closing:journals_export": "POST action: downloads the period's journals",
    "closing:reopen_decide": POST,
    "closing:revaluation_run": POST,
    "closing:revaluation_post": POST,
    "collections:timeline": FRAGMENT + " (the collection customer's page)",
    "collections:contact_log": "POST action: logs a contact; errors are shown on the collection customer's page",
    "collections:dispute_create": "POST action: opens a dispute; errors are shown on the collection customer's page",
    "collections:escalate": POST,
    "collections:run_confirm": POST,
    "collections:run_charge": POST,
    "collections:notice_pdf": DOWNLOAD,
    "collections:notice_retry": POST,
    "collections:notice_charge": POST,
    "collections:notice_call_done": POST,
    "collections:dispute_attachment": DOWNLOAD,
    "credit:customers_export": DOWNLOAD,
    "credit:customer_panel": FRAGMENT + " (the customer's page)",
    "credit:customer_score": POST,
    "credit:customer_account": POST,
    "credit:order_decide": POST,
    "credit:request_evidence": DOWNLOAD,
    "credit:request_decide": POST,
    "credit:review_complete": POST,
    "credit:limit_batch_decide": POST,
    "insights:train": POST,
    "insights:learn_scorecard": POST,
    "insights:customer_panel": FRAGMENT + " (the customer's page)",
    "banking:accept": POST,
    "banking:ignore": POST,
    "banking:difference_decide": POST,
    "relations:customer_panel": FRAGMENT + " (the customer's page)",
    "relations:attachment": DOWNLOAD,
    "relations:revisit_cancel": POST,
    "risk:scan": POST,
    "risk:watch_update": POST,
    "risk:watch_action": POST,
    "risk:watch_action_done": POST,
    "risk:watch_close": POST,
    "risk:customer_panel": FRAGMENT + " (the customer's page)",
    "risk:transition": FRAGMENT + " (the risk portfolio's grade migration) and its download",
    "risk:inbox_read": POST,
    "budgets:cell": FRAGMENT + " (one cell of the budget grid, saved)",
    "budgets:add_member": POST,
    "budgets:import": "POST action: imports a budget file; its problems are listed in answer to the upload",
    "budgets:copy": POST,
    "budgets:transition": POST,
    "budgets:settings": POST,
    "audit:verify": POST,
    "portal:statement": DOWNLOAD + " (the customer's statement behind a signed link)",
    "portal:link_revoke": POST,
    "portal:statement_schedule": POST,
    "portal:statement_run_send": POST,
    "portal:document": DOWNLOAD + " (a document's copy behind a signed link)",
    "portal:customer_statement_frequency": POST,
    "operations:healthz": "JSON for the load balancer",
    "operations:readyz": "JSON for the load balancer",
    "operations:metrics": "Prometheus metrics (text for the monitoring system)",
    "guide:panel": FRAGMENT + " (the help drawer of every screen)",
    "guide:pdf": DOWNLOAD + " (the user guide as PDF)",
    "guide:onboarding_confirm": POST,
    "guide:onboarding_dismiss": POST,
    "guide:onboarding_example": DOWNLOAD + " (an example import file)",
    "guide:tour_start": POST,
    "guide:tour_progress": POST + " (the tour script saves the step reached)",
}

# Left out of the help: Django's administration and the REST API (its documentation is its own).
SKIPPED_PREFIXES = ("admin/", "api/")


@dataclass(frozen=True)
class UrlName:
    name: str  # "customers:detail"
    group: str  # the app whose URLconf declares it ("ardesk.customers")
    callback: Callable


def url_names() -> Iterator[UrlName]:
    """Every named URL of the product in the order of the URLconf, the administration and the API left out."""
    yield from _walk(get_resolver(), "", "", "ardesk.config")


def screens() -> list[UrlName]:
    """The URL names that are screens: every name that NON_PAGES does not list."""
    return [url for url in url_names() if url.name not in NON_PAGES]


def group_label(group: str) -> str:
    """The name of an app as users read it ("Customers", "Receivables ledger")."""
    config = apps.get_containing_app_config(group)
    return str(config.verbose_name) if config else str(_("Other"))


def _walk(resolver: URLResolver, prefix: str, route: str, group: str) -> Iterator[UrlName]:
    for pattern in resolver.url_patterns:
        full_route = route + str(pattern.pattern)
        if full_route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            module = getattr(pattern.urlconf_module, "__name__", group)
            yield from _walk(pattern, namespace, full_route, module.rsplit(".", 1)[0])
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = group if prefix else pattern.callback.__module__.rsplit(".", 1)[0]
            yield UrlName(name=prefix + pattern.name, group=module, callback=pattern.callback)
