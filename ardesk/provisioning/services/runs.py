"""The month-end run (月末坏账计提): its figures, the draft, its approval, and the allowance brought forward."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ardesk.audit.services import record
from ardesk.companies.models import Company
from ardesk.core import calendar, clock
from ardesk.core.bulk import insert_rows
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.core.money import from_minor, grouped, to_decimal, to_minor
from ardesk.ledger import periods
from ardesk.ledger import selectors as ledger
from ardesk.ledger.open_items import report_session
from ardesk.provisioning import domain, selectors
from ardesk.provisioning.access import APPROVE_RUN, PREPARE_RUN, ensure_access
from ardesk.provisioning.errors import ProvisioningError
from ardesk.provisioning.models import (
    EntryKind,
    JournalEntry,
    Method,
    ProvisionPolicy,
    ProvisionRun,
    RunBucket,
    RunLine,
    RunStatus,
)
from ardesk.provisioning.services.journal import book
from ardesk.provisioning.services.policies import policy_json
from ardesk.reports.models import BucketSet

# The steps of preparing a run, as the command's progress bar names them.
PREPARE_STEPS = (
    gettext_lazy("Reading the ledger"),
    gettext_lazy("Replacing the earlier draft"),
    gettext_lazy("Storing each customer's share"),
    gettext_lazy("Recording the run"),
)
Progress = Callable[[int, int, str], None]


@dataclass
class BucketFigure:
    segment: str
    method: str
    key: str
    label: str
    balance: int
    rate: Decimal
    required: int


@dataclass
class SpecificFigure:
    customer_id: int
    document_id: int | None
    balance: int
    required: int
    reason: str


@dataclass
class RunFigures:
    """What a month-end run computes: required allowance per bucket, booked, difference.

    ``portfolios`` says which open items each policy provisions; the buckets of all policies are
    numbered in one sequence, ``buckets[n]`` is bucket ``n``. The customers' shares of each
    bucket are computed in the database when the run is stored (``run_prepare``).
    """

    company: Company
    as_of: dt.date
    currency: str
    buckets: list[BucketFigure]
    specific: list[SpecificFigure]
    booked: int
    policies: list[dict]
    portfolios: list[selectors.Portfolio] = field(default_factory=list, repr=False)

    @property
    def required(self) -> int:
        return sum(b.required for b in self.buckets) + sum(s.required for s in self.specific)

    @property
    def difference(self) -> int:
        return self.required - self.booked


def _labels(bucket_set: BucketSet) -> list[tuple[str, str]]:
    from ardesk.reports.selectors import bucket_rules

    return [(rule.key, rule.label) for rule in bucket_rules(bucket_set)]


class _Staging:
    """The open balance per customer and bucket of a run, read once into a temporary table."""

    table = "provision_balances"

    def __init__(self, cursor) -> None:
        self.cursor = cursor
        self.totals: dict[int, int] = {}

    def stage(self, portfolios: list[selectors.Portfolio]) -> dict[int, int]:
        """Read the portfolios' balances per customer and bucket; return each bucket's total."""
        sql, params = selectors.customer_balances_sql(portfolios)
        self.cursor.execute(
            f"CREATE TEMP TABLE {self.table}"
            " (customer_id BIGINT NOT NULL, bucket INTEGER NOT NULL, balance BIGINT NOT NULL)"
        )
        self.cursor.execute(f"INSERT INTO {self.table} (customer_id, bucket, balance) {sql}", params)  # noqa: S608
        self.cursor.execute(f"SELECT bucket, CAST(SUM(balance) AS BIGINT) FROM {self.table} GROUP BY bucket")  # noqa: S608
        self.totals = {bucket: int(total) for bucket, total in self.cursor.fetchall()}
        return self.totals

    def store_shares(self, *, run_id: int, buckets: list[RunBucket]) -> None:
        """Store every customer's share of each bucket's allowance as the run's lines, a statement per bucket.

        ``buckets`` are the run's stored buckets, in the order of the staged bucket numbers.
        """
        meta = RunLine._meta
        quote = connection.ops.quote_name
        columns = ", ".join(
            quote(meta.get_field(name).column)
            for name in ("run", "bucket", "customer", "document", "balance", "required", "reason")
        )
        for n, bucket in enumerate(buckets):
            if n not in self.totals:
                continue
            shares, params = selectors.apportion_sql(
                f"SELECT customer_id, balance FROM {self.table} WHERE bucket = %s",  # noqa: S608
                [n],
                required=bucket.required,
                total=self.totals[n],
            )
            self.cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({columns})"  # noqa: S608
                f" SELECT %s, %s, a.customer_id, NULL, a.balance, a.share, '' FROM ({shares}) a",
                [run_id, bucket.pk, *params],
            )


@contextmanager
def _staged_balances() -> Iterator[_Staging]:
    # Table and column names are fixed strings. The temporary table lives in this connection only
    # and is dropped with the transaction if anything fails.
    temporary = f"{'pg_temp' if connection.vendor == 'postgresql' else 'temp'}.{_Staging.table}"
    with report_session(), connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {temporary}")
        yield _Staging(cursor)
        cursor.execute(f"DROP TABLE {temporary}")


def run_compute(
    *, company: Company, as_of: dt.date, balances: Callable[[list[selectors.Portfolio]], dict[int, int]] | None = None
) -> RunFigures:
    """The figures of a month-end run, summed in the database per bucket; nothing is written.

    ``balances`` gives the open balance of every bucket of the portfolios (by default
    ``selectors.bucket_balances``); each bucket's allowance is rounded here, once (domain rule).
    """
    policies = selectors.policies_of(company.pk)
    if not any(not p.segment for p in policies):
        raise ProvisioningError(
            _("Company %(code)s has no provision policy for all customers: define one first.") % {"code": company.code}
        )
    specifics = selectors.active_specific(company.pk)
    excluded_customers = [s.customer_id for s in specifics if s.document_id is None]
    excluded_documents = [s.document_id for s in specifics if s.document_id is not None]
    segments = [p.segment for p in policies if p.segment]
    portfolios: list[selectors.Portfolio] = []
    buckets: list[tuple[ProvisionPolicy, str, str, Decimal]] = []
    for policy in policies:
        bucket_set = policy.bucket_set if policy.method != Method.BALANCE else None
        if bucket_set is None:
            labels = [("balance", _("Balance"))]
            rates = {"balance": policy.balance_rate}
        else:
            labels = _labels(bucket_set)
            rates = {r.bucket_key: r.rate for r in policy.rates.all()}
            missing = [key for key, _label in labels if key not in rates]
            if missing:
                raise ProvisioningError(
                    _("The policy of %(company)s %(segment)s has no rate for bucket %(key)s.")
                    % {"company": company.code, "segment": policy.segment or "*", "key": missing[0]}
                )
        portfolios.append(
            selectors.Portfolio(
                company_id=company.pk,
                as_of=as_of,
                bucket_set=bucket_set,
                segment=policy.segment or None,
                other_segments=None if policy.segment else segments,
                exclude_customers=excluded_customers,
                exclude_documents=excluded_documents,
                first_bucket=len(buckets),
            )
        )
        buckets += [(policy, key, label, rates[key]) for key, label in labels]
    totals = (balances or selectors.bucket_balances)(portfolios)
    figures = []
    for n, (policy, key, label, rate) in enumerate(buckets):
        balance = totals.get(n, 0)
        figures.append(
            BucketFigure(
                segment=policy.segment,
                method=policy.method,
                key=key,
                label=label,
                balance=balance,
                rate=rate,
                required=domain.bucket_allowance(balance, rate),
            )
        )
    specific = []
    for provision in specifics:
        found = selectors.bucket_balances(
            [
                selectors.Portfolio(
                    company_id=company.pk,
                    as_of=as_of,
                    bucket_set=None,
                    customers=[provision.customer_id],
                    documents=[provision.document_id] if provision.document_id else None,
                )
            ]
        )
        balance = found.get(0, 0)
        specific.append(
            SpecificFigure(
                customer_id=provision.customer_id,
                document_id=provision.document_id,
                balance=balance,
                required=domain.specific_allowance(balance, provision.rate, provision.amount),
                reason=provision.reason,
            )
        )
    return RunFigures(
        company=company,
        as_of=as_of,
        currency=company.functional_currency,
        buckets=figures,
        specific=specific,
        booked=selectors.allowance_booked(company_id=company.pk, as_of=as_of),
        policies=[policy_json(p) for p in policies],
        portfolios=portfolios,
    )


def period_end(period: str) -> dt.date:
    """The last day of a period written YYYY-MM: the as-of date of its month-end run."""
    try:
        return calendar.period_end(period)
    except ValueError:
        raise InvalidInput({"period": [_("Write the period as YYYY-MM.")]}) from None


def month_has_ended(as_of: dt.date) -> bool:
    """Whether the month ending on ``as_of`` is over: its last day has passed."""
    return as_of < clock.today()


@transaction.atomic
def run_prepare(
    *, by, company: Company, as_of: dt.date, provisional: bool = False, progress: Progress | None = None
) -> ProvisionRun:
    """Prepare the month-end run of a company as a draft; an earlier draft of the same period is replaced.

    ``progress(done, total, step)`` is told as each of the steps (PREPARE_STEPS) ends, for a bar.

    A month that has not ended yet is prepared only when asked for as ``provisional``: invoices and
    receipts of its last days are still to come, so the run is an estimate and cannot be approved.

    The open balance per customer and bucket is read once, into a temporary table: the bucket
    totals (and so the allowances rounded from them) and the customers' shares come from the same
    reading of the ledger, so the shares add up to the buckets even while invoices are posted.
    Each customer's share is apportioned and stored by the database (one row per customer and
    bucket, a few hundred thousand for 100,000 customers): no row passes through Python.
    """
    ensure_access(by, company.pk, PREPARE_RUN)
    periods.ensure_open(company_id=company.pk, on=as_of, field="period")
    if not month_has_ended(as_of) and not provisional:
        raise InvalidInput(
            {
                "period": [
                    _(
                        "The month ending %(date)s has not ended yet: confirm that you want a provisional run "
                        "(an estimate that cannot be approved)."
                    )
                    % {"date": as_of.isoformat()}
                ]
            }
        )
    Company.objects.select_for_update().get(pk=company.pk)
    later = ProvisionRun.objects.filter(company=company, status=RunStatus.APPROVED, as_of__gt=as_of).first()
    if later is not None:
        raise ProvisioningError(
            _("The run of %(later)s is already approved: periods are provisioned in order.")
            % {"later": later.as_of.isoformat()}
        )
    told = progress or (lambda done, total, step: None)
    told(0, len(PREPARE_STEPS), PREPARE_STEPS[0])
    with _staged_balances() as staging:
        figures = run_compute(company=company, as_of=as_of, balances=staging.stage)
        told(1, len(PREPARE_STEPS), PREPARE_STEPS[1])
        replaced = list(
            ProvisionRun.objects.filter(company=company, as_of=as_of, status=RunStatus.DRAFT).values_list(
                "pk", flat=True
            )
        )
        # A draft's lines go first in one statement: deleting the run alone would make Django collect
        # its hundred thousand lines one by one for the cascade.
        RunLine.objects.filter(run_id__in=replaced).delete()
        ProvisionRun.objects.filter(pk__in=replaced).delete()
        run = ProvisionRun.objects.create(
            company=company,
            as_of=as_of,
            currency=figures.currency,
            required=figures.required,
            booked=figures.booked,
            difference=figures.difference,
            policies=figures.policies,
            is_provisional=not month_has_ended(as_of),
            prepared_by=by,
        )
        stored = RunBucket.objects.bulk_create(
            RunBucket(
                run=run,
                seq=n,
                segment=b.segment,
                method=b.method,
                bucket_key=b.key,
                label=b.label[:60],
                balance=b.balance,
                rate=b.rate,
                required=b.required,
            )
            for n, b in enumerate(figures.buckets, start=1)
        )
        told(2, len(PREPARE_STEPS), PREPARE_STEPS[2])
        staging.store_shares(run_id=run.pk, buckets=stored)
    told(3, len(PREPARE_STEPS), PREPARE_STEPS[3])
    insert_rows(
        RunLine,
        ["run_id", "bucket_id", "customer_id", "document_id", "balance", "required", "reason"],
        [(run.pk, None, s.customer_id, s.document_id, s.balance, s.required, s.reason[:300]) for s in figures.specific],
    )
    record(
        action="provision_run.prepare",
        actor=by,
        target=run,
        company_id=company.pk,
        object_repr=f"{company.code} {run}",
        after={
            "as_of": as_of,
            "required": str(from_minor(figures.required, figures.currency)),
            "booked": str(from_minor(figures.booked, figures.currency)),
            "difference": str(from_minor(figures.difference, figures.currency)),
            "replaced_drafts": replaced,
            "provisional": run.is_provisional,
        },
    )
    told(len(PREPARE_STEPS), len(PREPARE_STEPS), "")
    return run


def run_is_stale(run: ProvisionRun) -> bool:
    """Whether the ledger of the run's month changed after the draft was prepared: its figures are out of date."""
    return ledger.changed_since(company_id=run.company_id, since=run.prepared_at, as_of=run.as_of)


@transaction.atomic
def run_approve(*, by, run: ProvisionRun) -> ProvisionRun:
    """Approve a draft run (maker-checker: not by its preparer) and book its entry; it is immutable after."""
    ensure_access(by, run.company_id, APPROVE_RUN)
    periods.ensure_open(company_id=run.company_id, on=run.as_of)
    company = Company.objects.select_for_update().get(pk=run.company_id)
    run = ProvisionRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RunStatus.DRAFT:
        raise ProvisioningError(
            _("Run %(run)s is %(status)s: only a draft can be approved.")
            % {"run": run, "status": run.get_status_display()}
        )
    if run.prepared_by_id == by.pk:
        raise NotPermitted(_("You prepared this run: another finance manager approves it."))
    if run.is_provisional:
        raise ProvisioningError(
            _("Run %(run)s is provisional (prepared before the month ended): prepare it again after the month end.")
            % {"run": run}
        )
    if ProvisionRun.objects.filter(company=company, status=RunStatus.APPROVED, as_of__gt=run.as_of).exists():
        raise ProvisioningError(_("A later period is already approved: prepare this period's run again."))
    booked = selectors.allowance_booked(company_id=company.pk, as_of=run.as_of)
    if booked != run.booked:
        raise ProvisioningError(
            _("The allowance booked changed since the run was prepared (%(then)s, now %(now)s): prepare it again.")
            % {
                "then": grouped(from_minor(run.booked, run.currency), run.currency),
                "now": grouped(from_minor(booked, run.currency), run.currency),
            }
        )
    lines = domain.provision_entry(run.difference)
    if lines:
        book(
            by=by,
            company=company,
            on=run.as_of,
            kind=EntryKind.PROVISION if run.difference > 0 else EntryKind.RELEASE,
            description=_("Bad-debt provision %(period)s") % {"period": f"{run.as_of:%Y-%m}"},
            lines=lines,
            run=run,
        )
    superseded = list(
        ProvisionRun.objects.filter(company=company, as_of=run.as_of, status=RunStatus.APPROVED).values_list(
            "pk", flat=True
        )
    )
    ProvisionRun.objects.filter(pk__in=superseded).update(status=RunStatus.SUPERSEDED, superseded_by=run)
    run.status = RunStatus.APPROVED
    run.approved_by = by
    run.approved_at = timezone.now()
    run.save(update_fields=["status", "approved_by", "approved_at"])
    record(
        action="provision_run.approve",
        actor=by,
        target=run,
        company_id=company.pk,
        object_repr=f"{company.code} {run}",
        after={"difference": str(from_minor(run.difference, run.currency)), "supersedes": superseded},
    )
    return run


@transaction.atomic
def allowance_opening_set(*, by, company: Company, on: dt.date, amount: Any) -> JournalEntry:
    """Bring forward the allowance already in the books when a company starts provisioning in ARdesk."""
    ensure_access(by, company.pk, APPROVE_RUN)
    periods.ensure_open(company_id=company.pk, on=on, field="on")
    company = Company.objects.select_for_update().get(pk=company.pk)
    try:
        minor = to_minor(to_decimal(amount), company.functional_currency)
    except (TypeError, ValueError, ArithmeticError):
        raise InvalidInput({"amount": [_("Enter an amount with at most 2 decimals.")]}) from None
    if minor == 0:
        raise InvalidInput({"amount": [_("The amount cannot be zero.")]})
    if JournalEntry.objects.filter(company=company).exists():
        raise ProvisioningError(_("The allowance has entries already: it can only be brought forward before them."))
    side = (
        domain.JournalLineSpec("allowance", 0, minor) if minor > 0 else domain.JournalLineSpec("allowance", -minor, 0)
    )
    entry = book(
        by=by,
        company=company,
        on=on,
        kind=EntryKind.OPENING,
        description=_("Allowance brought forward"),
        lines=[side],
    )
    record(
        action="allowance.opening", actor=by, target=entry, company_id=company.pk, after={"amount": amount, "on": on}
    )
    return entry
