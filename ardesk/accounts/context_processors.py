"""The navigation shown on every page: only what the user may open, and only what exists."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

NAVIGATION = [
    # (section, label, url name, permission)
    (_("Customers"), _("Customer list"), "customers:list", "customers.view_customer"),
    (_("Customers"), _("Due for review"), "customers:review_due", "customers.view_customer"),
    (_("Receivables"), _("Documents"), "ledger:documents", "ledger.view_document"),
    (_("Receivables"), _("New document"), "ledger:document_new", "ledger.add_document"),
    (_("Receivables"), _("Statements"), "statements:runs", "ledger.view_document"),
    (_("Receivables"), _("Import from the ERP"), "ledger:import", "ledger.add_importbatch"),
    (_("Receivables"), _("Cash desk"), "banking:desk", "banking.view_statementline"),
    (_("Receivables"), _("Import bank statement"), "banking:import", "banking.add_bankstatement"),
    (_("Receivables"), _("Payment terms"), "ledger:terms", "ledger.view_paymentterm"),
    (_("Receivables"), _("Exchange rates"), "ledger:rates", "ledger.view_exchangerate"),
    (_("Receivables"), _("Month-end close"), "closing:cockpit", "closing.view_periodevent"),
    (_("Receivables"), _("FX revaluation"), "closing:revaluation", "closing.view_revaluationrun"),
    (_("Reports"), _("Dashboard"), "reports:dashboard", "reports.view_reports"),
    (_("Reports"), _("Aging"), "reports:aging", "reports.view_reports"),
    (_("Reports"), _("Collection KPIs"), "kpi:page", "reports.view_reports"),
    (_("Bad debt"), _("Month-end provision"), "provisioning:runs", "provisioning.view_provisionrun"),
    (_("Bad debt"), _("Write-offs"), "provisioning:write_offs", "provisioning.view_writeoff"),
    (_("Bad debt"), _("Allowance roll-forward"), "provisioning:roll_forward", "provisioning.view_provisionrun"),
    (_("Collections"), _("Worklist"), "collections:worklist", "collections.view_worklist"),
    (_("Collections"), _("Dunning runs"), "collections:runs", "collections.view_dunningrun"),
    (_("Collections"), _("Promises to pay"), "collections:promises", "collections.view_promisetopay"),
    (_("Collections"), _("Disputes"), "collections:disputes", "collections.view_dispute"),
    (_("Collections"), _("Dunning policies"), "collections:policies", "collections.view_dunningpolicy"),
    (_("Credit"), _("Portfolio"), "credit:portfolio", "credit.view_creditaccount"),
    (_("Credit"), _("Order credit check"), "credit:order_check", "credit.check_order"),
    (_("Credit"), _("Held orders"), "credit:held", "credit.view_openorder"),
    (_("Credit"), _("Credit requests"), "credit:requests", "credit.view_creditrequest"),
    (_("Credit"), _("Special approvals"), "credit:special_requests", "credit.view_creditrequest"),
    (_("Credit"), _("Credit reviews"), "credit:reviews", "credit.view_creditreview"),
    (_("Credit"), _("Import statements"), "credit:financial_statements_import", "credit.add_financialstatement"),
    (_("Credit"), _("Credit-limit imports"), "credit:limit_batches", "credit.view_creditlimitbatch"),
    (_("Credit"), _("Scorecards"), "credit:scorecards", "credit.view_scorecard"),
    (_("Insights"), _("Pay-date model"), "insights:model", "insights.view_modelversion"),
    (_("Insights"), _("Cash-collection forecast"), "insights:forecast", "insights.view_prediction"),
    (_("Relations"), _("Complaints"), "relations:complaints", "relations.view_complaint"),
    (_("Relations"), _("Complaint report"), "relations:complaint_report", "relations.view_complaint"),
    (_("Relations"), _("Satisfaction surveys"), "relations:surveys", "relations.view_survey"),
    (_("Relations"), _("Key accounts"), "relations:key_accounts", "relations.view_relationprofile"),
    (_("Relations"), _("Revisits"), "relations:revisits", "relations.view_revisit"),
    (_("Relations"), _("Revisit calendar"), "relations:revisit_calendar", "relations.view_revisit"),
    (_("Relations"), _("Balance confirmations"), "portal:confirmations", "portal.view_balanceconfirmation"),
    (_("Relations"), _("Statement mailings"), "portal:statement_runs", "portal.view_statementrun"),
    (_("Risk"), _("Risk signals"), "risk:signals", "risk.view_risksignal"),
    (_("Risk"), _("Watch list"), "risk:watch_list", "risk.view_watchentry"),
    (_("Risk"), _("Risk portfolio"), "risk:portfolio", "risk.view_portfolio"),
    (_("Risk"), _("Alerts"), "risk:inbox", "risk.view_alert"),
    (_("Risk"), _("Risk settings"), "risk:config", "risk.view_riskconfig"),
    (_("Budgets"), _("Budgets"), "budgets:versions", "budgets.view_budgetversion"),
    (_("Budgets"), _("Customer profitability"), "budgets:profitability", "budgets.view_profitability"),
    (_("Budgets"), _("Segments"), "budgets:segments", "budgets.view_profitability"),
    (_("Control"), _("Audit trail"), "audit:list", "audit.view_auditevent"),
    (_("Control"), _("Users and roles"), "accounts:users", "auth.view_user"),
    (_("Control"), _("Companies"), "accounts:companies", "companies.add_company"),
    (_("Control"), _("Onboarding checklist"), "guide:onboarding", "auth.add_user"),
    (_("Control"), _("Training mode"), "guide:training", "auth.add_user"),
    (_("Control"), _("API documentation"), "api-1:openapi-view", None),
    (_("Help"), _("Help and user guide"), "guide:index", None),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    sections: dict[str, list[dict]] = {}
    for section, label, url_name, permission in NAVIGATION:
        if permission is None or user.has_perm(permission):
            url = reverse(url_name)
            sections.setdefault(str(section), []).append(
                {"label": label, "url": url, "active": request.path.startswith(url)}
            )
    return {"nav_sections": sections, "nav_admin": user.is_staff}
