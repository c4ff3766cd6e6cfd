"""The roles of ARdesk (PRODUCT.md, 'Who uses it') as groups of permissions, least privilege first.

A role's permissions are set by data migrations; an administrator can adjust them afterwards in the
administration pages, and each change is audited. Migrations run against the models of their
time, so a later capability adds its own dictionary here and its own migration calling
``sync_role_permissions``; it never edits a dictionary an earlier migration used.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

AR_ACCOUNTANT = "ar_accountant"
CREDIT_ANALYST = "credit_analyst"
COLLECTOR = "collector"
FINANCE_MANAGER = "finance_manager"
INTERNAL_AUDITOR = "internal_auditor"
ADMINISTRATOR = "administrator"

ROLE_LABELS = {
    AR_ACCOUNTANT: _("AR accountant"),
    CREDIT_ANALYST: _("Credit analyst"),
    COLLECTOR: _("Collector"),
    FINANCE_MANAGER: _("Finance manager"),
    INTERNAL_AUDITOR: _("Internal auditor"),
    ADMINISTRATOR: _("Administrator"),
}

CUSTOMER_READ = ["customers.view_customer", "customers.view_contact", "customers.view_customerattachment"]

# Foundation permissions per role (migration accounts/0002_roles) ("app_label.codename").
FOUNDATION_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: CUSTOMER_READ
    + [
        "customers.add_customer",
        "customers.change_customer",
        "customers.delete_customer",
        "customers.add_contact",
        "customers.change_contact",
        "customers.delete_contact",
        "customers.add_customerattachment",
        "customers.delete_customerattachment",
        "customers.view_sensitive",
        "companies.view_company",
    ],
    CREDIT_ANALYST: CUSTOMER_READ
    + [
        "customers.change_customer",
        "customers.add_customerattachment",
        "companies.view_company",
    ],
    COLLECTOR: CUSTOMER_READ
    + [
        "customers.add_contact",
        "customers.change_contact",
        "companies.view_company",
    ],
    FINANCE_MANAGER: CUSTOMER_READ
    + [
        "customers.change_customer",
        "customers.view_sensitive",
        "companies.view_company",
        "audit.view_auditevent",
    ],
    INTERNAL_AUDITOR: CUSTOMER_READ
    + [
        "companies.view_company",
        "companies.view_companygrant",
        "audit.view_auditevent",
        "audit.verify_auditevent",
        "auth.view_user",
        "auth.view_group",
        "accounts.view_apitoken",
    ],
    ADMINISTRATOR: [
        "customers.view_customer",
        "companies.view_company",
        "companies.add_company",
        "companies.change_company",
        "companies.view_companygrant",
        "companies.add_companygrant",
        "companies.delete_companygrant",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
        "auth.change_group",
        "accounts.view_apitoken",
        "accounts.change_apitoken",
        "audit.view_auditevent",
        "audit.verify_auditevent",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
    ],
}


def role_label(name: str) -> str:
    return str(ROLE_LABELS.get(name, name))


def sync_role_permissions(apps, roles: dict[str, list[str]]) -> None:
    """Create the role groups and give each the listed permissions (used by data migrations)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # create_permissions skips apps without a models module, which is how migration-time app
        # configs look; pretend for the call and put the real value back afterwards.
        original = getattr(app_config, "models_module", None)
        app_config.models_module = True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = original
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, names in roles.items():
        group, _created = group_model.objects.get_or_create(name=role)
        for name in names:
            app_label, codename = name.split(".")
            permission = permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            group.permissions.add(permission)


LEDGER_READ = [
    "ledger.view_document",
    "ledger.view_allocation",
    "ledger.view_dueline",
    "ledger.view_paymentterm",
    "ledger.view_exchangerate",
    "ledger.view_importbatch",
]

# Receivables ledger permissions per role (migration ledger/0002_roles).
LEDGER_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: LEDGER_READ
    + [
        "ledger.add_document",
        "ledger.add_allocation",
        "ledger.add_importbatch",
        "ledger.add_exchangerate",
        "ledger.change_exchangerate",
        "ledger.add_paymentterm",
        "ledger.change_paymentterm",
    ],
    CREDIT_ANALYST: LEDGER_READ,
    COLLECTOR: LEDGER_READ,
    FINANCE_MANAGER: LEDGER_READ
    + [
        "ledger.add_exchangerate",
        "ledger.change_exchangerate",
        "ledger.add_paymentterm",
        "ledger.change_paymentterm",
    ],
    INTERNAL_AUDITOR: LEDGER_READ,
}

# Refunds of a customer's credit balance (migration ledger/0022_refunds): money leaves the company,
# so the finance manager pays them, not the accountant who posts receipts.
REFUND_ROLE_PERMISSIONS: dict[str, list[str]] = {FINANCE_MANAGER: ["ledger.refund_credit"]}

REPORTS_READ = ["reports.view_reports", "reports.view_bucketset", "reports.view_agingsnapshot"]

# Aging, KPI and dashboard permissions per role (migration reports/0002_defaults).
REPORTS_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: REPORTS_READ,
    CREDIT_ANALYST: REPORTS_READ,
    COLLECTOR: REPORTS_READ,
    FINANCE_MANAGER: REPORTS_READ
    + ["reports.add_bucketset", "reports.change_bucketset", "reports.delete_bucketset", "reports.add_agingsnapshot"],
    INTERNAL_AUDITOR: REPORTS_READ,
}


def sync_all_roles(apps) -> None:
    """Apply every ``*_ROLE_PERMISSIONS`` dictionary: the roles as all migrations made them.

    For tests whose database flushes delete the groups the data migrations created.
    """
    for name, permissions in list(globals().items()):
        if name.endswith("_ROLE_PERMISSIONS") and isinstance(permissions, dict):
            sync_role_permissions(apps, permissions)


CREDIT_READ = [
    "credit.view_financialstatement",
    "credit.view_creditaccount",
    "credit.view_creditgroup",
    "credit.view_openorder",
    "credit.view_scorecard",
    "credit.view_creditscore",
    "credit.view_creditrequest",
    "credit.view_creditreview",
    "credit.view_approvallevel",
]

# Credit management permissions per role (migration credit/0002_defaults).
CREDIT_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: CREDIT_READ + ["credit.check_order"],
    CREDIT_ANALYST: CREDIT_READ
    + [
        "credit.add_financialstatement",
        "credit.change_financialstatement",
        "credit.delete_financialstatement",
        "credit.add_creditscore",
        "credit.change_creditaccount",
        "credit.add_creditrequest",
        "credit.add_creditreview",
        "credit.change_creditreview",
        "credit.check_order",
    ],
    COLLECTOR: CREDIT_READ,
    FINANCE_MANAGER: CREDIT_READ
    + [
        "credit.add_creditscore",
        "credit.change_creditaccount",
        "credit.add_creditgroup",
        "credit.change_creditgroup",
        "credit.add_scorecard",
        "credit.change_creditrules",
        "credit.view_creditrules",
        "credit.approve_creditrequest",
        "credit.decide_openorder",
        "credit.add_creditrequest",
        "credit.change_creditreview",
        "credit.check_order",
    ],
    INTERNAL_AUDITOR: CREDIT_READ,
}

# Credit limits imported from the old system (migration credit/0004_credit_limit_batches): the
# analyst prepares a batch, the finance manager approves it (never their own).
CREDIT_LIMIT_IMPORT_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: ["credit.view_creditlimitbatch"],
    CREDIT_ANALYST: ["credit.view_creditlimitbatch", "credit.add_creditlimitbatch"],
    COLLECTOR: [],
    FINANCE_MANAGER: [
        "credit.view_creditlimitbatch",
        "credit.add_creditlimitbatch",
        "credit.approve_creditlimitbatch",
    ],
    INTERNAL_AUDITOR: ["credit.view_creditlimitbatch"],
}

PROVISIONING_READ = [
    "provisioning.view_provisionpolicy",
    "provisioning.view_specificprovision",
    "provisioning.view_provisionrun",
    "provisioning.view_writeoff",
    "provisioning.view_recovery",
    "provisioning.view_journalentry",
]

# Bad debt (坏账计提与核销) permissions per role (migration provisioning/0002_roles). The accountant
# prepares runs, requests write-offs and records recoveries; the finance manager configures,
# approves runs and write-offs (never their own).
PROVISIONING_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: PROVISIONING_READ
    + ["provisioning.add_provisionrun", "provisioning.add_writeoff", "provisioning.add_recovery"],
    CREDIT_ANALYST: PROVISIONING_READ,
    FINANCE_MANAGER: PROVISIONING_READ
    + [
        "provisioning.change_provisionpolicy",
        "provisioning.add_specificprovision",
        "provisioning.add_provisionrun",
        "provisioning.approve_provisionrun",
        "provisioning.add_writeoff",
        "provisioning.approve_writeoff",
        "provisioning.add_recovery",
    ],
    INTERNAL_AUDITOR: PROVISIONING_READ,
}

COLLECTIONS_READ = [
    "collections.view_dunningpolicy",
    "collections.view_dunninglevel",
    "collections.view_dunningrun",
    "collections.view_notice",
    "collections.view_contactlog",
    "collections.view_promisetopay",
    "collections.view_dispute",
    "collections.view_legalcase",
]

# Collections permissions per role (migration collections/0002_defaults).
COLLECTIONS_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: COLLECTIONS_READ + ["collections.add_dispute", "collections.resolve_dispute"],
    CREDIT_ANALYST: COLLECTIONS_READ,
    COLLECTOR: COLLECTIONS_READ
    + [
        "collections.view_worklist",
        "collections.add_dunningrun",
        "collections.change_notice",
        "collections.add_contactlog",
        "collections.add_promisetopay",
        "collections.add_dispute",
        "collections.change_dispute",
        "collections.hold_customer",
    ],
    FINANCE_MANAGER: COLLECTIONS_READ
    + [
        "collections.view_worklist",
        "collections.add_dunningrun",
        "collections.change_notice",
        "collections.add_dunningpolicy",
        "collections.change_dunningpolicy",
        "collections.change_collectionprofile",
        "collections.add_contactlog",
        "collections.add_promisetopay",
        "collections.add_dispute",
        "collections.change_dispute",
        "collections.resolve_dispute",
        "collections.hold_customer",
    ],
    # The auditor reads the worklist like every collections screen, and changes nothing.
    INTERNAL_AUDITOR: COLLECTIONS_READ + ["collections.view_worklist"],
}

INSIGHTS_READ = ["insights.view_modelversion", "insights.view_prediction"]

# Insights: everyone who works receivables reads the predictions and the model card; the analyst and
# the manager train a model (and draft a learned scorecard, which credit's own approval then governs).
INSIGHTS_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: INSIGHTS_READ,
    CREDIT_ANALYST: INSIGHTS_READ + ["insights.add_modelversion"],
    COLLECTOR: INSIGHTS_READ,
    FINANCE_MANAGER: INSIGHTS_READ + ["insights.add_modelversion"],
    INTERNAL_AUDITOR: INSIGHTS_READ,
}

# Cash application (migration banking/0002_roles): the AR accountant imports statements and matches
# receipts; the finance manager approves short-payment write-offs above the limit; the auditor reads.
BANKING_READ = [
    "banking.view_bankaccount",
    "banking.view_bankstatement",
    "banking.view_statementline",
    "banking.view_application",
    "banking.view_difference",
    "banking.view_payeralias",
]
BANKING_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: BANKING_READ
    + [
        "banking.add_bankaccount",
        "banking.change_bankaccount",
        "banking.add_bankstatement",
        "banking.change_statementline",
    ],
    FINANCE_MANAGER: [*BANKING_READ, "banking.approve_difference"],
    INTERNAL_AUDITOR: BANKING_READ,
}

RELATIONS_READ = [
    "relations.view_interaction",
    "relations.view_complaint",
    "relations.view_survey",
    "relations.view_surveytemplate",
    "relations.view_revisit",
    "relations.view_relationprofile",
]
RELATIONS_WORK = RELATIONS_READ + [
    "relations.add_interaction",
    "relations.add_complaint",
    "relations.change_complaint",
    "relations.add_revisit",
    "relations.change_revisit",
]

# Customer relations permissions per role (migration relations/0002_roles): the collector and the
# finance manager work complaints and revisits; the finance manager sends surveys, keeps the
# templates and receives escalated complaints; the accountant and the analyst log what they do.
RELATIONS_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: RELATIONS_READ + ["relations.add_interaction", "relations.add_complaint"],
    CREDIT_ANALYST: RELATIONS_READ + ["relations.add_interaction"],
    COLLECTOR: RELATIONS_WORK,
    FINANCE_MANAGER: RELATIONS_WORK
    + [
        "relations.send_survey",
        "relations.add_surveytemplate",
        "relations.change_surveytemplate",
        "relations.change_relationprofile",
        "relations.escalate_complaint",
    ],
    INTERNAL_AUDITOR: RELATIONS_READ,
}

RISK_READ = ["risk.view_risksignal", "risk.view_watchentry", "risk.view_watchaction", "risk.view_alert"]

# Risk management permissions per role (migration risk/0002_roles). The analyst and the manager run
# the scan, keep the watch list and see the portfolio; the collector sees the signals and works the
# watch list's actions; the auditor reads everything.
RISK_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: RISK_READ,
    CREDIT_ANALYST: RISK_READ
    + [
        "risk.view_portfolio",
        "risk.add_riskscan",
        "risk.view_riskscan",
        "risk.view_riskconfig",
        "risk.add_watchentry",
        "risk.change_watchentry",
        "risk.add_watchaction",
        "risk.change_watchaction",
    ],
    COLLECTOR: RISK_READ + ["risk.add_watchaction", "risk.change_watchaction"],
    FINANCE_MANAGER: RISK_READ
    + [
        "risk.view_portfolio",
        "risk.add_riskscan",
        "risk.view_riskscan",
        "risk.view_riskconfig",
        "risk.add_riskconfig",
        "risk.add_watchentry",
        "risk.change_watchentry",
        "risk.add_watchaction",
        "risk.change_watchaction",
    ],
    INTERNAL_AUDITOR: RISK_READ + ["risk.view_portfolio", "risk.view_riskscan", "risk.view_riskconfig"],
}
# Dunning charges (migration collections/0009_dunning_charges): the finance manager decides whether a
# notice's fee and interest are charged by debit note or waived.
COLLECTIONS_CHARGES_ROLE_PERMISSIONS = {FINANCE_MANAGER: ["collections.charge_notice"]}
COLLECTIONS_CHARGES_PERMISSIONS = COLLECTIONS_CHARGES_ROLE_PERMISSIONS  # the name migration 0009 imports
BUDGETS_READ = ["budgets.view_budgetversion", "budgets.view_budgetline", "budgets.view_segment"]

# Budgets, profitability and segments per role (migration budgets/0002_roles). A manager approves and
# locks budgets and sets the cost of capital; accountants prepare budgets; analysts read.
BUDGETS_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: BUDGETS_READ
    + ["budgets.add_budgetversion", "budgets.change_budgetversion", "budgets.view_profitability"],
    CREDIT_ANALYST: BUDGETS_READ + ["budgets.view_profitability"],
    FINANCE_MANAGER: BUDGETS_READ
    + [
        "budgets.add_budgetversion",
        "budgets.change_budgetversion",
        "budgets.approve_budgetversion",
        "budgets.view_profitability",
        "budgets.change_profitabilitysettings",
        "budgets.add_segment",
        "budgets.change_segment",
    ],
    INTERNAL_AUDITOR: BUDGETS_READ + ["budgets.view_profitability"],
}

CLOSING_READ = [
    "closing.view_periodevent",
    "closing.view_reopenrequest",
    "closing.view_revaluationrun",
    "closing.view_journalentry",
    "closing.view_journalexport",
]

# Month-end close (期末结账) permissions per role (migration closing/0002_roles): the accountant
# prepares (revaluation, journal export); the finance manager also posts, closes and reopens; the
# reopening is requested by one manager and approved by another.
CLOSING_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: CLOSING_READ + ["closing.add_revaluationrun", "closing.add_journalexport"],
    FINANCE_MANAGER: CLOSING_READ
    + [
        "closing.add_revaluationrun",
        "closing.post_revaluationrun",
        "closing.add_journalexport",
        "closing.close_period",
        "closing.add_reopenrequest",
        "closing.approve_reopenrequest",
    ],
    INTERNAL_AUDITOR: CLOSING_READ,
}

PORTAL_READ = ["portal.view_portallink", "portal.view_portalaccess", "portal.view_balanceconfirmation"]

# Customer portal permissions per role (migration portal/0002_roles): the AR accountant and the
# collector issue the customers' links; the accountant and the finance manager revoke them; the
# auditor reads the links, their use and the balance confirmations.
PORTAL_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: PORTAL_READ + ["portal.add_portallink", "portal.change_portallink"],
    COLLECTOR: PORTAL_READ + ["portal.add_portallink"],
    FINANCE_MANAGER: PORTAL_READ + ["portal.change_portallink"],
    INTERNAL_AUDITOR: PORTAL_READ,
}

STATEMENT_RUN_READ = ["portal.view_statementrun", "portal.view_statementrecipient", "portal.view_statementschedule"]

# Statement runs per role (migration portal/0004_statement_roles): the AR accountant writes, sends
# and schedules them; the finance manager sends and schedules; collectors and the auditor read.
STATEMENT_RUN_ROLE_PERMISSIONS: dict[str, list[str]] = {
    AR_ACCOUNTANT: STATEMENT_RUN_READ
    + [
        "portal.add_statementrun",
        "portal.send_statementrun",
        "portal.add_statementschedule",
        "portal.change_statementschedule",
    ],
    FINANCE_MANAGER: STATEMENT_RUN_READ
    + ["portal.send_statementrun", "portal.add_statementschedule", "portal.change_statementschedule"],
    COLLECTOR: STATEMENT_RUN_READ,
    INTERNAL_AUDITOR: STATEMENT_RUN_READ,
}
