"""Guided tours of the demo company, one per role: the screens of a working day, one highlight at a time.

A step names a screen (its URL name), the element to highlight on it (a CSS selector) and what to
say. The tour script (static/ardesk/tour.js) plays the steps across pages; where a user is in a tour
(and whether they finished or closed it) is kept per user, so it is offered once and resumes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ardesk.accounts.roles import (
    ADMINISTRATOR,
    AR_ACCOUNTANT,
    COLLECTOR,
    CREDIT_ANALYST,
    FINANCE_MANAGER,
    INTERNAL_AUDITOR,
    ROLE_LABELS,
)
from ardesk.guide.models import TourProgress, TourStatus


@dataclass(frozen=True)
class TourStep:
    url_name: str
    selector: str
    text: Promise


TOURS: dict[str, tuple[TourStep, ...]] = {
    COLLECTOR: (
        TourStep(
            "collections:worklist", "h1", _("Your worklist: every customer you chase, ranked by the amount at risk.")
        ),
        TourStep(
            "collections:worklist",
            "#today",
            _(
                "Start the day here: the calls to make, the promises falling due, "
                "broken promises and disputes to chase."
            ),
        ),
        TourStep(
            "collections:worklist",
            "#worklist",
            _("The ranked list: open a customer to log a call, record a promise to pay or raise a dispute."),
        ),
        TourStep(
            "collections:promises",
            "#promises",
            _(
                "Promises to pay: ARdesk marks each kept or broken from the receipts, "
                "so you call back only when needed."
            ),
        ),
        TourStep(
            "collections:disputes",
            "#disputes",
            _("Disputes stop the dunning of the items concerned until they are resolved; follow them up here."),
        ),
        TourStep(
            "customers:list",
            "#customer-filters",
            _("Find any customer by code or name to see its balance, contacts and history. That is the tour."),
        ),
    ),
    AR_ACCOUNTANT: (
        TourStep(
            "ledger:documents",
            "#documents",
            _("Every invoice, credit note and receipt of the ledger, with its open amount."),
        ),
        TourStep(
            "ledger:import",
            "h1",
            _("Import customers and open items from the ERP: the file is checked in full before anything is written."),
        ),
        TourStep("banking:desk", "h1", _("The cash desk: bank statement lines are matched to open invoices here.")),
        TourStep("reports:aging", "h1", _("The aging report by customer and bucket, as of any date.")),
        TourStep(
            "closing:cockpit",
            "h1",
            _("Month-end close: the checklist to work through before the period is closed. That is the tour."),
        ),
    ),
    CREDIT_ANALYST: (
        TourStep("credit:portfolio", "h1", _("The credit portfolio: limits, utilisation and grades of all customers.")),
        TourStep("credit:requests", "h1", _("Credit-limit requests waiting for your analysis and decision.")),
        TourStep("credit:reviews", "h1", _("Customers due for their periodic credit review.")),
        TourStep("credit:scorecards", "h1", _("The scorecards that grade customers and suggest their limits.")),
        TourStep(
            "risk:signals", "h1", _("Risk signals found in payment behaviour and outside news. That is the tour.")
        ),
    ),
    FINANCE_MANAGER: (
        TourStep("reports:dashboard", "h1", _("The dashboard: receivables, overdue share and DSO at a glance.")),
        TourStep("kpi:page", "h1", _("Collection KPIs by month, customer, collector or region.")),
        TourStep(
            "credit:special_requests",
            "h1",
            _("Credit decisions above the analysts' authority wait for your approval here."),
        ),
        TourStep(
            "provisioning:runs", "h1", _("Month-end bad-debt provisions to review and approve. That is the tour.")
        ),
    ),
    INTERNAL_AUDITOR: (
        TourStep(
            "audit:list",
            "h1",
            _("The audit trail: who changed what and when, with the values before and after. Nothing in it is edited."),
        ),
        TourStep("reports:aging", "h1", _("The aging on any date, which agrees to the cent with the open items.")),
        TourStep(
            "provisioning:roll_forward",
            "h1",
            _("The allowance from opening to closing: charges, write-offs and recoveries, for the year-end audit."),
        ),
        TourStep(
            "portal:confirmations",
            "h1",
            _("The customers' answers on their balances, the confirmations an audit asks for. That is the tour."),
        ),
    ),
    ADMINISTRATOR: (
        TourStep("accounts:users", "h1", _("Users and their roles: each role sees only what its work needs.")),
        TourStep("accounts:companies", "h1", _("The companies, and who may work in each.")),
        TourStep("guide:onboarding", "h1", _("The onboarding checklist ticks itself as the installation is set up.")),
        TourStep(
            "guide:training",
            "h1",
            _("Training copies of the data, for practice: they send no e-mail. That is the tour."),
        ),
    ),
}


def tour_of(user) -> str | None:
    """The tour of the user's role, if their role has one."""
    for role in user.groups.values_list("name", flat=True):
        if role in TOURS:
            return role
    return None


def tour_title(tour: str) -> str:
    return str(_("Tour for the %(role)s") % {"role": ROLE_LABELS[tour]})


def tours_offer(users) -> int:
    """Offer each user the tour of their role on their next sign-in (the demo's users); return how many."""
    offered = 0
    for user in users:
        tour = tour_of(user)
        if tour is not None:
            TourProgress.objects.get_or_create(user=user, tour=tour, defaults={"status": TourStatus.OFFERED})
            offered += 1
    return offered


def tour_start(*, user, tour: str) -> TourProgress:
    """Start (or restart) a tour from its first step."""
    progress, _created = TourProgress.objects.update_or_create(
        user=user, tour=tour, defaults={"step": 0, "status": TourStatus.RUNNING}
    )
    return progress


def tour_progress_save(*, user, tour: str, step: int, status: str) -> TourProgress:
    """Remember where the user is in a tour, or that they finished or closed it."""
    if tour not in TOURS or not 0 <= step < len(TOURS[tour]) or status not in TourStatus.values:
        raise ValueError(f"No step {step} in tour {tour} with status {status}")
    progress, _created = TourProgress.objects.update_or_create(
        user=user, tour=tour, defaults={"step": step, "status": status}
    )
    return progress


def tour_state(user) -> dict | None:
    """What the tour script needs on this page: the offered or running tour of the user, with its steps."""
    progress = (
        TourProgress.objects.filter(user=user, status__in=[TourStatus.OFFERED, TourStatus.RUNNING])
        .order_by("-updated_at")
        .first()
    )
    if progress is None or progress.tour not in TOURS:
        return None
    steps = TOURS[progress.tour]
    return {
        "tour": progress.tour,
        "title": tour_title(progress.tour),
        "status": progress.status,
        "step": min(progress.step, len(steps) - 1),
        "steps": [{"url": reverse(step.url_name), "selector": step.selector, "text": str(step.text)} for step in steps],
        "progress_url": reverse("guide:tour_progress"),
        "labels": {
            "offer": str(_("Would you like a short tour of the screens of your role?")),
            "start": str(_("Start the tour")),
            "later": str(_("No, thanks")),
            "next": str(pgettext_lazy("tour", "Next")),
            "back": str(pgettext_lazy("tour", "Back")),
            "close": str(_("Close the tour")),
            "finish": str(_("Finish")),
            # The tour script puts the numbers in: "Step 2 of 6".
            "counter": str(_("Step {step} of {total}")),
        },
    }
