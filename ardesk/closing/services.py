"""Writes of the month-end close: close, reopen (requested, then approved by a second manager), the FX
revaluation and its journal, the export of the month's journals. One transaction each, audited."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.closing import domain, selectors
from ardesk.closing.access import (
    APPROVE_REOPEN,
    CLOSE_PERIOD,
    EXPORT_JOURNAL,
    POST_REVALUATION,
    REQUEST_REOPEN,
    RUN_REVALUATION,
    ensure_access,
)
from ardesk.closing.models import (
    EntryKind,
    JournalEntry,
    JournalExport,
    JournalLine,
    PeriodEvent,
    PeriodEventKind,
    ReopenRequest,
    ReopenStatus,
    RevaluationLine,
    RevaluationRun,
    RevaluationStatus,
)
from ardesk.companies.models import Company
from ardesk.core import calendar, clock, exports
from ardesk.core.errors import Conflict, InvalidInput, NotPermitted
from ardesk.core.money import from_minor
from ardesk.ledger import periods
from ardesk.ledger import selectors as ledger
from ardesk.provisioning import output as provisioning_output

BATCH = 5000


def _ensure_ended(period: dt.date) -> None:
    if calendar.month_end(period) >= clock.today():
        raise InvalidInput({"period": [_("%(period)s has not ended yet.") % {"period": periods.period_label(period)}]})


@transaction.atomic
def period_close(*, by, company: Company, period: dt.date, accept_open_points: bool = False) -> PeriodEvent:
    """Close a company's month (期末结账): from now on the ledger accepts nothing dated in it.

    Open points of the checklist are listed; the manager closes with them only by saying so, and they
    are kept with the close.
    """
    ensure_access(by, company.pk, CLOSE_PERIOD)
    period = periods.month_of(period)
    _ensure_ended(period)
    Company.objects.select_for_update().get(pk=company.pk)
    if periods.is_closed(company.pk, period):
        raise Conflict(_("%(period)s is already closed.") % {"period": periods.period_label(period)})
    left = domain.open_points(selectors.checklist(company=company, period=period))
    if left and not accept_open_points:
        raise InvalidInput(
            {
                "accept_open_points": [
                    _("Open points: %(points)s Confirm to close with them.")
                    % {"points": " ".join(str(item.detail) for item in left)}
                ]
            }
        )
    periods.period_lock(company_id=company.pk, period=period, by=by)
    event = PeriodEvent.objects.create(
        company=company,
        period=period,
        kind=PeriodEventKind.CLOSE,
        by=by,
        open_points=[{"key": item.key, "label": str(item.label), "detail": str(item.detail)} for item in left],
    )
    record(
        action="period.close",
        actor=by,
        target=event,
        company_id=company.pk,
        object_repr=f"{company.code} {period:%Y-%m}",
        after={"period": f"{period:%Y-%m}", "open_points": [item.key for item in left]},
    )
    return event


@transaction.atomic
def reopen_request(*, by, company: Company, period: dt.date, reason: str) -> ReopenRequest:
    """Ask to reopen a closed month, saying why; a second finance manager decides."""
    ensure_access(by, company.pk, REQUEST_REOPEN)
    period = periods.month_of(period)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": [_("Say why the period must be reopened.")]})
    if not periods.is_closed(company.pk, period):
        raise Conflict(_("%(period)s is not closed.") % {"period": periods.period_label(period)})
    if ReopenRequest.objects.filter(company=company, period=period, status=ReopenStatus.REQUESTED).exists():
        raise Conflict(_("Reopening %(period)s is already requested.") % {"period": periods.period_label(period)})
    request = ReopenRequest.objects.create(company=company, period=period, reason=reason[:500], requested_by=by)
    record(
        action="period.reopen_request",
        actor=by,
        target=request,
        company_id=company.pk,
        object_repr=f"{company.code} {period:%Y-%m}",
        after={"period": f"{period:%Y-%m}", "reason": reason},
    )
    return request


def _decide(by, request: ReopenRequest) -> ReopenRequest:
    ensure_access(by, request.company_id, APPROVE_REOPEN)
    request = ReopenRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != ReopenStatus.REQUESTED:
        raise Conflict(_("This request is already decided."))
    if request.requested_by_id == by.pk:
        raise NotPermitted(_("You asked to reopen this period: a second finance manager decides."))
    return request


@transaction.atomic
def reopen_approve(*, by, request: ReopenRequest) -> ReopenRequest:
    """Approve a request to reopen (maker-checker: not by the requester): the month accepts postings again."""
    request = _decide(by, request)
    Company.objects.select_for_update().get(pk=request.company_id)
    period = request.period
    later = periods.closed_periods(request.company_id)
    later = sorted(p for p in later if p > period)
    if later:
        raise Conflict(
            _("Reopen %(later)s first: a month is reopened only while the months after it are open.")
            % {"later": periods.period_label(later[-1])}
        )
    periods.period_unlock(company_id=request.company_id, period=period)
    request.status = ReopenStatus.APPROVED
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    PeriodEvent.objects.create(
        company_id=request.company_id, period=period, kind=PeriodEventKind.REOPEN, by=by, request=request
    )
    record(
        action="period.reopen",
        actor=by,
        target=request,
        company_id=request.company_id,
        object_repr=f"{request.company.code} {period:%Y-%m}",
        after={"period": f"{period:%Y-%m}", "reason": request.reason, "requested_by": request.requested_by_id},
    )
    return request


@transaction.atomic
def reopen_reject(*, by, request: ReopenRequest) -> ReopenRequest:
    """Refuse a request to reopen: the month stays closed."""
    request = _decide(by, request)
    request.status = ReopenStatus.REJECTED
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    record(
        action="period.reopen_reject",
        actor=by,
        target=request,
        company_id=request.company_id,
        object_repr=f"{request.company.code} {request.period:%Y-%m}",
        after={"period": f"{request.period:%Y-%m}"},
    )
    return request


def _revaluation_dates(company_id: int, period: dt.date) -> tuple[dt.date, dt.date]:
    """The revaluation's date (the month's last day) and its reversal's (the next month's first), both open."""
    end = calendar.month_end(period)
    reversal_on = domain.next_period_start(end)
    periods.ensure_open(company_id=company_id, on=[end, reversal_on], field="period")
    return end, reversal_on


@transaction.atomic
def revaluation_run(*, by, company: Company, period: dt.date) -> RevaluationRun:
    """Revalue a company's open foreign-currency items on the month end at the closing rates: a proposal.

    One statement reads the open balances per customer and currency (ledger.open_items); a missing
    closing rate stops the run naming the currency and date. An earlier proposal is replaced.
    """
    ensure_access(by, company.pk, RUN_REVALUATION)
    period = periods.month_of(period)
    _ensure_ended(period)
    end, _reversal_on = _revaluation_dates(company.pk, period)
    Company.objects.select_for_update().get(pk=company.pk)
    if selectors.posted_revaluation(company_id=company.pk, period=period) is not None:
        raise Conflict(
            _("The FX revaluation of %(period)s is already posted.") % {"period": periods.period_label(period)}
        )
    balances = [domain.OpenBalance(*row) for row in ledger.foreign_open_balances(as_of=end, company=company)]
    rates = {
        currency: ledger.closing_rate(
            currency=currency, quote_currency=company.functional_currency, period_start=period, period_end=end
        )
        for currency in sorted({b.currency for b in balances})
    }
    revalued = domain.revalue(balances, rates, company.functional_currency)
    gain, loss = domain.gain_and_loss(revalued)
    RevaluationRun.objects.filter(company=company, period=period, status=RevaluationStatus.PROPOSED).update(
        status=RevaluationStatus.REPLACED
    )
    run = RevaluationRun.objects.create(
        company=company,
        period=period,
        as_of=end,
        currency=company.functional_currency,
        rates={currency: str(rate) for currency, rate in rates.items()},
        gain=gain,
        loss=loss,
        items=len(revalued),
        created_by=by,
    )
    RevaluationLine.objects.bulk_create(
        (
            RevaluationLine(
                run=run,
                customer_id=r.customer_id,
                currency=r.currency,
                amount=r.amount,
                rate=r.rate,
                booked=r.booked,
                revalued=r.revalued,
                difference=r.difference,
            )
            for r in revalued
        ),
        batch_size=BATCH,
    )
    record(
        action="revaluation.run",
        actor=by,
        target=run,
        company_id=company.pk,
        object_repr=f"{company.code} {run}",
        after={"period": f"{period:%Y-%m}", "exchange_rates": run.rates, "gain": gain, "loss": loss},
    )
    return run


def _next_number(company_id: int, on: dt.date) -> str:
    count = JournalEntry.objects.filter(company_id=company_id, number__startswith=f"FX{on:%Y%m}-").count()
    return f"FX{on:%Y%m}-{count + 1:04d}"


def _book(*, by, run: RevaluationRun, on: dt.date, kind: str, description: str, lines: list[domain.EntryLine]):
    entry = JournalEntry.objects.create(
        company_id=run.company_id,
        run=run,
        number=_next_number(run.company_id, on),
        on=on,
        kind=kind,
        currency=run.currency,
        description=description[:300],
        created_by=by,
    )
    JournalLine.objects.bulk_create(
        (
            JournalLine(
                entry=entry,
                seq=n,
                account=line.account,
                customer_id=line.customer_id,
                debit=line.debit,
                credit=line.credit,
                memo=line.memo,
            )
            for n, line in enumerate(lines, start=1)
        ),
        batch_size=BATCH,
    )
    return entry


@transaction.atomic
def revaluation_post(*, by, run: RevaluationRun) -> RevaluationRun:
    """Post a proposed revaluation: its entry on the month end and the reversal on the next month's first day."""
    ensure_access(by, run.company_id, POST_REVALUATION)
    _end, reversal_on = _revaluation_dates(run.company_id, run.period)
    Company.objects.select_for_update().get(pk=run.company_id)
    run = RevaluationRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RevaluationStatus.PROPOSED:
        raise Conflict(_("Only a proposed revaluation can be posted."))
    revalued = [
        domain.Revalued(line.customer_id, line.currency, line.amount, line.rate, line.booked, line.revalued)
        for line in run.lines.order_by("id")
    ]
    lines = domain.revaluation_entry(revalued)
    label = periods.period_label(run.period)
    if lines:
        _book(
            by=by,
            run=run,
            on=run.as_of,
            kind=EntryKind.REVALUATION,
            description=_("FX revaluation %(period)s") % {"period": label},
            lines=lines,
        )
        _book(
            by=by,
            run=run,
            on=reversal_on,
            kind=EntryKind.REVERSAL,
            description=_("Reversal of the FX revaluation %(period)s") % {"period": label},
            lines=domain.reversal_entry(lines),
        )
    run.status = RevaluationStatus.POSTED
    run.posted_by = by
    run.posted_at = timezone.now()
    run.save(update_fields=["status", "posted_by", "posted_at"])
    record(
        action="revaluation.post",
        actor=by,
        target=run,
        company_id=run.company_id,
        object_repr=f"{run.company.code} {run}",
        after={"period": f"{run.period:%Y-%m}", "net": str(from_minor(run.net, run.currency))},
    )
    return run


JOURNAL_HEADERS = provisioning_output.JOURNAL_HEADERS


def _journal_rows(entries) -> list[list]:
    """The close's entries in the bad-debt journal's layout; the customer's code goes in the role column."""
    rows = []
    for entry in entries:
        for line in entry.lines.all():
            rows.append(
                [
                    entry.number,
                    entry.on.isoformat(),
                    entry.company.code,
                    entry.kind,
                    line.seq,
                    line.account,
                    line.customer.code if line.customer_id else "fx_difference",
                    from_minor(line.debit, entry.currency),
                    from_minor(line.credit, entry.currency),
                    entry.currency,
                    f"{entry.description} {line.memo}".strip(),
                    f"revaluation:{entry.run_id}",
                ]
            )
    return rows


@transaction.atomic
def journal_export(*, by, company: Company, period: dt.date, file_format: str) -> bytes:
    """The month's journals (bad-debt entries and the FX revaluation) as one file for the ERP, recorded."""
    ensure_access(by, company.pk, EXPORT_JOURNAL)
    period = periods.month_of(period)
    end = calendar.month_end(period)
    bad_debt = list(provisioning_output.journal_entries([company.pk], period, end))
    close = list(selectors.journal_entries(company_id=company.pk, date_from=period, date_to=end))
    table = provisioning_output.journal_table(bad_debt)
    table.rows.extend(_journal_rows(close))
    table.title = _("Journals %(period)s") % {"period": periods.period_label(period)}
    JournalExport.objects.create(company=company, period=period, entries=len(bad_debt) + len(close), exported_by=by)
    record(
        action="journal.export",
        actor=by,
        company_id=company.pk,
        object_type="closing.journalexport",
        object_repr=f"{company.code} {period:%Y-%m}",
        after={"period": f"{period:%Y-%m}", "entries": len(bad_debt) + len(close), "format": file_format},
    )
    return exports.to_csv(table) if file_format == "csv" else provisioning_output.journal_xlsx(table)
