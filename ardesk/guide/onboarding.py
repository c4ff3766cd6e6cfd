"""The onboarding checklist of a new installation: each step tells from the data whether it is done.

Only two steps can be confirmed by hand, because ARdesk ships a dunning policy and a scorecard that
an installation may keep as they are: keeping them leaves nothing in the data to look at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import resolve, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ardesk.accounts.roles import ADMINISTRATOR, ROLE_LABELS
from ardesk.audit.models import AuditEvent
from ardesk.audit.services import record
from ardesk.banking.models import BankAccount
from ardesk.companies.models import Company
from ardesk.core.money import to_minor
from ardesk.customers.models import Customer
from ardesk.guide.models import AgingCheck, OnboardingConfirmation, OnboardingDismissal
from ardesk.ledger import imports as ledger_imports
from ardesk.ledger import selectors as ledger
from ardesk.ledger.models import Document, DocumentStatus, PaymentTerm
from ardesk.provisioning.models import ProvisionPolicy

# Who sets up an installation: the administrator role (and superusers) may add users.
ADMIN_PERMISSION = "auth.add_user"
# The pages an administrator lands on after signing in (config/home.py), where the panel shows.
LANDING_PAGES = frozenset({"customers:list", "reports:dashboard"})
# Confirmable by hand: the shipped default may be kept as it is.
CONFIRMABLE = frozenset({"dunning_policy", "scorecard"})
EXAMPLES_DIR = Path(ledger_imports.__file__).parent / "examples"
EXAMPLES = {
    "customers": "customers.csv",
    "invoices": "invoices.csv",
    "credit-notes": "credit-notes.csv",
    "receipts": "receipts.csv",
}


@dataclass(frozen=True)
class StepDefinition:
    key: str
    title: Promise
    text: Promise
    url_name: str
    is_done: Callable[[], bool]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    key: str
    title: Promise
    text: Promise
    url_name: str
    done: bool
    examples: tuple[str, ...]
    confirmable: bool


def company_settings_done() -> bool:
    """Every active company has what its letters and statements print: tax ID, address and bank details."""
    companies = Company.objects.filter(is_active=True)
    return companies.exists() and not any(
        not (company.uscc and company.address and (company.bank_account_number or company.bank_details))
        for company in companies
    )


def bank_accounts_done() -> bool:
    """A bank account is kept, so statements can be imported and receipts matched."""
    return BankAccount.objects.exists()


def users_done() -> bool:
    """Someone besides the administrators has a role: the finance team can sign in."""
    roles = [role for role in ROLE_LABELS if role != ADMINISTRATOR]
    return get_user_model().objects.filter(is_active=True, groups__name__in=roles).exists()


def payment_terms_done() -> bool:
    return PaymentTerm.objects.filter(is_active=True).exists()


def customers_done() -> bool:
    return Customer.objects.exists()


def open_items_done() -> bool:
    return Document.objects.filter(status=DocumentStatus.POSTED).exists()


def aging_check_done() -> bool:
    """The latest check against the ERP agreed to the cent."""
    latest = AgingCheck.objects.first()
    return latest is not None and latest.agrees


def _changed_or_confirmed(step: str, action: str) -> bool:
    return (
        AuditEvent.objects.filter(action=action).exists() or OnboardingConfirmation.objects.filter(step=step).exists()
    )


def dunning_policy_done() -> bool:
    """A dunning policy was imported or edited, or the shipped one was confirmed as it is."""
    return _changed_or_confirmed("dunning_policy", "dunning.policy.import")


def provision_policy_done() -> bool:
    return ProvisionPolicy.objects.exists()


def scorecard_done() -> bool:
    """A scorecard was saved, or the shipped one was confirmed as it is."""
    return _changed_or_confirmed("scorecard", "credit.scorecard_save")


STEPS: tuple[StepDefinition, ...] = (
    StepDefinition(
        "company",
        _("Company settings"),
        _(
            "Enter each company's unified social credit code, address and bank details: "
            "letters and statements print them."
        ),
        "accounts:companies",
        company_settings_done,
    ),
    StepDefinition(
        "bank_accounts",
        _("Bank accounts"),
        _("Add the bank accounts your customers pay into, to import statements and match receipts."),
        "banking:accounts",
        bank_accounts_done,
    ),
    StepDefinition(
        "users",
        _("Users and roles"),
        _("Create a user for each member of the finance team and give each a role."),
        "accounts:users",
        users_done,
    ),
    StepDefinition(
        "payment_terms",
        _("Payment terms"),
        _("Set up the payment terms your contracts use (30 days net, month end plus 60 days, instalments)."),
        "ledger:terms",
        payment_terms_done,
    ),
    StepDefinition(
        "customers",
        _("Import customers"),
        _("Import the customer master from the ERP: a CSV or Excel file, one customer a row."),
        "ledger:import",
        customers_done,
        ("customers",),
    ),
    StepDefinition(
        "open_items",
        _("Import open items"),
        _("Import the open invoices, credit notes and unapplied receipts on the day you start."),
        "ledger:import",
        open_items_done,
        ("invoices", "credit-notes", "receipts"),
    ),
    StepDefinition(
        "aging_check",
        _("Check the aging against the ERP"),
        _("Enter the ERP's receivables balance on a date: ARdesk compares it with its own aging total on that date."),
        "reports:aging",
        aging_check_done,
    ),
    StepDefinition(
        "dunning_policy",
        _("Dunning policy"),
        _("Adjust the reminder levels, days and letters to your practice, or keep the policy ARdesk ships."),
        "collections:policies",
        dunning_policy_done,
    ),
    StepDefinition(
        "provision_policy",
        _("Provision policy"),
        _("Import the bad-debt provision rates per aging bucket your accounting policy sets."),
        "provisioning:policies",
        provision_policy_done,
    ),
    StepDefinition(
        "scorecard",
        _("Scorecard"),
        _("Review the credit scorecard's factors, weights and grades, or keep the one ARdesk ships."),
        "credit:scorecards",
        scorecard_done,
    ),
)
STEP_KEYS = frozenset(step.key for step in STEPS)


def checklist() -> list[Step]:
    """Every step of the onboarding checklist, in order, each with whether its data shows it done."""
    return [
        Step(
            key=step.key,
            title=step.title,
            text=step.text,
            url_name=step.url_name,
            done=step.is_done(),
            examples=step.examples,
            confirmable=step.key in CONFIRMABLE,
        )
        for step in STEPS
    ]


def help_url(url_name: str) -> str:
    """The in-app help page of a screen (the help-file contract: /help/page/<url name>/)."""
    return f"/help/page/{url_name}/"


def screen_permission(url_name: str) -> str | None:
    """The permission a step's screen declares it needs ("app.codename"), or None."""
    return getattr(resolve(reverse(url_name)).func, "required_permission", None)


def may_open(user, url_name: str) -> bool:
    """Whether the user's permissions open a step's screen."""
    permission = screen_permission(url_name)
    return permission is None or user.has_perm(permission)


def roles_opening(url_names: list[str]) -> dict[str, list[str]]:
    """For each screen, the names of the roles whose permissions open it, in the roles' order (one query)."""
    needed = {
        url_name: tuple(permission.split(".", 1))
        for url_name in url_names
        if (permission := screen_permission(url_name))
    }
    pairs = set(
        Group.objects.filter(
            name__in=ROLE_LABELS, permissions__codename__in=[c for _a, c in needed.values()]
        ).values_list("name", "permissions__content_type__app_label", "permissions__codename")
    )
    return {
        url_name: [str(label) for role, label in ROLE_LABELS.items() if (role, *needed[url_name]) in pairs]
        for url_name in needed
    }


def may_onboard(user) -> bool:
    return user.is_authenticated and user.has_perm(ADMIN_PERMISSION)


def panel_shown(user) -> bool:
    """The checklist panel shows to an administrator until every step is done or they hide it."""
    if not may_onboard(user) or OnboardingDismissal.objects.filter(user=user).exists():
        return False
    return not all(step.is_done() for step in STEPS)


def panel_dismiss(*, by) -> None:
    OnboardingDismissal.objects.get_or_create(user=by)


def step_confirm(*, step: str, by) -> OnboardingConfirmation:
    """Confirm a step kept as shipped (the dunning policy, the scorecard)."""
    if step not in CONFIRMABLE:
        raise ValueError(f"Step {step} is done by its data, not by hand")
    confirmation, created = OnboardingConfirmation.objects.get_or_create(step=step, defaults={"confirmed_by": by})
    if created:
        record(action="onboarding.confirm", actor=by, target=confirmation, after={"step": step})
    return confirmation


@transaction.atomic
def aging_check_record(*, company: Company, as_of: dt.date, erp_balance: Decimal, by) -> AgingCheck:
    """Compare the ERP's receivables balance on a date with ARdesk's ledger balance (the company's currency)."""
    currency = company.functional_currency
    ardesk_balance = ledger.balance_minor(as_of=as_of, company_ids=[company.pk], functional=True)
    check = AgingCheck.objects.create(
        company=company,
        as_of=as_of,
        currency=currency,
        erp_balance=to_minor(erp_balance, currency),
        ardesk_balance=ardesk_balance,
        checked_by=by,
    )
    record(
        action="onboarding.aging_check",
        actor=by,
        target=check,
        company_id=company.pk,
        after={
            "as_of": as_of.isoformat(),
            "erp_balance": str(check.erp_amount),
            "ardesk_balance": str(check.ardesk_amount),
            "agrees": check.agrees,
        },
    )
    return check


def example_path(kind: str) -> Path | None:
    """The example import file of a kind, shipped with the product."""
    name = EXAMPLES.get(kind)
    return EXAMPLES_DIR / name if name else None
