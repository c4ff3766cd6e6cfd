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
