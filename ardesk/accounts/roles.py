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
