"""Questions about the month-end close: a month's checklist and state, the revaluations, the history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from ardesk.closing import domain
from ardesk.closing.access import VIEW_REVALUATION
from ardesk.closing.models import (
    JournalEntry,
    JournalExport,
    PeriodEvent,
    PeriodEventKind,
    ReopenRequest,
    ReopenStatus,
    RevaluationRun,
    RevaluationStatus,
)
from ardesk.companies.access import ensure_permission
from ardesk.companies.models import Company
from ardesk.companies.selectors import company_ids_for
from ardesk.core import calendar, clock
from ardesk.core.errors import NotFound
from ardesk.ledger import periods
from ardesk.ledger import selectors as ledger
from ardesk.provisioning import selectors as provisioning
from ardesk.reports import selectors as reports


@dataclass
class PeriodState:
    """A company's month as the cockpit shows it: closed or open, its checklist, its pending reopening."""

    company: Company
    period: dt.date
    end: dt.date
    is_closed: bool
    items: list[domain.ChecklistItem]
    last_close: PeriodEvent | None = None
    pending_request: ReopenRequest | None = None
    revaluation: RevaluationRun | None = None
    history: list[PeriodEvent] = field(default_factory=list)

    @property
    def label(self) -> str:
        return periods.period_label(self.period)

    @property
    def open_points(self) -> list[domain.ChecklistItem]:
        return domain.open_points(self.items)

    @property
    def has_ended(self) -> bool:
        return self.end < clock.today()


def parse_period(text: str) -> dt.date:
    """The first day of a month written YYYY-MM; ValueError otherwise."""
    return calendar.month_start(calendar.period_end(text.strip()))


def posted_revaluation(*, company_id: int, period: dt.date) -> RevaluationRun | None:
    return RevaluationRun.objects.filter(company_id=company_id, period=period, status=RevaluationStatus.POSTED).first()


def latest_revaluation(*, company_id: int, period: dt.date) -> RevaluationRun | None:
    """The month's posted revaluation, else its proposal."""
    return (
        RevaluationRun.objects.filter(company_id=company_id, period=period)
        .exclude(status=RevaluationStatus.REPLACED)
        .order_by("status", "-id")  # "posted" sorts before "proposed"
        .first()
    )


def journal_entries(*, company_id: int, date_from: dt.date, date_to: dt.date):
    """The close's own entries (FX revaluation and reversal) dated in a range, with their lines."""
    return (
        JournalEntry.objects.filter(company_id=company_id, on__gte=date_from, on__lte=date_to)
        .select_related("company", "run")
        .prefetch_related("lines__customer")
    )


def checklist(*, company: Company, period: dt.date) -> list[domain.ChecklistItem]:
    """The close checklist of a company's month, each point's state read from the context that owns it."""
    end = calendar.month_end(period)
    month = f"{period:%Y-%m}"
    waiting = ledger.imports_waiting(company_id=company.pk)
    unallocated = ledger.receipts_unallocated(company_id=company.pk, period_start=period, period_end=end)
    snapshot = reports.snapshot_taken(end)
    revaluation = posted_revaluation(company_id=company.pk, period=period)
    run = provisioning.run_approved(company_id=company.pk, as_of=end)
    exported = _journals_exported(company.pk, period, end)
    return [
        domain.ChecklistItem(
            "imports",
            str(domain.CHECKLIST_POINTS["imports"]),
            waiting == 0,
            _("No import is waiting.") if waiting == 0 else _("%(n)d imports not finished.") % {"n": waiting},
            reverse("ledger:import"),
        ),
        domain.ChecklistItem(
            "receipts",
            str(domain.CHECKLIST_POINTS["receipts"]),
            unallocated == 0,
            _("Every receipt of the month is allocated.")
            if unallocated == 0
            else _("%(n)d receipts of the month are not fully allocated.") % {"n": unallocated},
            reverse("ledger:documents") + "?type=receipt",
        ),
        domain.ChecklistItem(
            "aging",
            str(domain.CHECKLIST_POINTS["aging"]),
            snapshot,
            _("The aging of %(date)s is stored.") % {"date": end.isoformat()}
            if snapshot
            else _("Store the aging of %(date)s.") % {"date": end.isoformat()},
            reverse("reports:snapshots"),
        ),
        domain.ChecklistItem(
            "revaluation",
            str(domain.CHECKLIST_POINTS["revaluation"]),
            revaluation is not None,
            _("Posted by %(user)s.") % {"user": _person(revaluation.posted_by)}
            if revaluation is not None
            else _("Revalue the open foreign-currency items and post the entry."),
            reverse("closing:revaluation") + f"?company={company.code}&period={month}",
        ),
        domain.ChecklistItem(
            "provision",
            str(domain.CHECKLIST_POINTS["provision"]),
            run,
            _("The bad-debt provision of the month is approved.")
            if run
            else _("Prepare and approve the bad-debt provision run."),
            reverse("provisioning:runs"),
        ),
        domain.ChecklistItem(
            "journals",
            str(domain.CHECKLIST_POINTS["journals"]),
            exported,
            _("The month's journals are exported.") if exported else _("Export the month's journals for the ERP."),
            reverse("closing:cockpit") + f"?company={company.code}&period={month}#journals",
        ),
    ]


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def _journals_exported(company_id: int, period: dt.date, end: dt.date) -> bool:
    """Exported after the last entry of the month was booked (an export before a later entry is stale)."""
    export = (
        JournalExport.objects.filter(company_id=company_id, period=period)
        .order_by("-exported_at")
        .values_list("exported_at", flat=True)
        .first()
    )
    if export is None:
        return False
    last = [
        provisioning.journal_last_booked(company_id=company_id, date_from=period, date_to=end),
        JournalEntry.objects.filter(company_id=company_id, on__gte=period, on__lte=end)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first(),
    ]
    return all(at is None or at <= export for at in last)


def period_state(*, company: Company, period: dt.date) -> PeriodState:
    """A company's month: whether it is closed, its checklist, history and pending reopening."""
    history = list(
        PeriodEvent.objects.filter(company=company, period=period).select_related("by", "request__requested_by")[:20]
    )
    return PeriodState(
        company=company,
        period=period,
        end=calendar.month_end(period),
        is_closed=periods.is_closed(company.pk, period),
        items=checklist(company=company, period=period),
        last_close=next((e for e in history if e.kind == PeriodEventKind.CLOSE), None),
        pending_request=ReopenRequest.objects.filter(company=company, period=period, status=ReopenStatus.REQUESTED)
        .select_related("requested_by")
        .first(),
        revaluation=latest_revaluation(company_id=company.pk, period=period),
        history=history,
    )


def recent_months(company: Company, today: dt.date, count: int = 6) -> list[tuple[dt.date, bool]]:
    """The last months before today's, newest first, each with whether it is closed."""
    closed = periods.closed_periods(company.pk)
    months = []
    month = calendar.month_start(today)
    for _n in range(count):
        month = calendar.add_months(month, -1)
        months.append((month, month in closed))
    return months


def pending_requests(company_ids: list[int]):
    return (
        ReopenRequest.objects.filter(company_id__in=company_ids, status=ReopenStatus.REQUESTED)
        .select_related("company", "requested_by")
        .order_by("requested_at")
    )


def visible_revaluation(user, pk: int) -> RevaluationRun:
    """A revaluation of a company granted to the user, or NotFound."""
    ensure_permission(user, VIEW_REVALUATION)
    run = RevaluationRun.objects.filter(pk=pk, company_id__in=company_ids_for(user)).select_related("company").first()
    if run is None:
        raise NotFound(_("Revaluation %(id)s does not exist or is not visible to you.") % {"id": pk})
    return run
