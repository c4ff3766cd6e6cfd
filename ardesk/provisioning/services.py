"""Writes of the bad-debt context: policies, month-end runs and their approval, write-offs, recoveries.

Every service checks the permission and the company, runs in one transaction, and writes an audit
event. Services that book a journal entry lock the company row first, so a run's approval and a
write-off's approval never both read the same allowance balance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.models import Company
from ardesk.core.bulk import insert_rows
from ardesk.core.errors import InvalidInput, NotPermitted
from ardesk.core.money import from_minor, to_decimal, to_minor
from ardesk.customers.models import Customer, Industry
from ardesk.customers.services import ensure_company_access, ensure_permission
from ardesk.ledger import services as ledger
from ardesk.ledger.errors import LedgerError
from ardesk.ledger.models import Document, DocumentStatus, DocumentType, DueLine
from ardesk.provisioning import domain, selectors
from ardesk.provisioning.errors import ProvisioningError
from ardesk.provisioning.models import (
    EntryKind,
    JournalEntry,
    JournalLine,
    Method,
    PolicyRate,
    ProvisionPolicy,
    ProvisionRun,
    RateSource,
    Recovery,
    RunBucket,
    RunLine,
    RunStatus,
    SpecificProvision,
    WriteOff,
    WriteOffApproval,
    WriteOffItem,
    WriteOffStatus,
)
from ardesk.reports.models import AgingBasis, BucketSet
from ardesk.reports.selectors import report_session

EDIT_POLICY = "provisioning.change_provisionpolicy"
PREPARE_RUN = "provisioning.add_provisionrun"
APPROVE_RUN = "provisioning.approve_provisionrun"
REQUEST_WRITE_OFF = "provisioning.add_writeoff"
APPROVE_WRITE_OFF = "provisioning.approve_writeoff"
RECORD_RECOVERY = "provisioning.add_recovery"
EDIT_SPECIFIC = "provisioning.add_specificprovision"

ACCOUNT_FIELDS = ("loss_account", "allowance_account", "receivable_account", "bank_account")


def _access(by, company_id: int, permission: str) -> None:
    ensure_permission(by, permission)
    ensure_company_access(by, company_id)


def _decimal(value: Any, errors: dict, name: str) -> Decimal | None:
    try:
        return to_decimal(value)
    except (TypeError, ValueError, ArithmeticError):
        errors.setdefault(name, []).append(_("%(value)s is not a number.") % {"value": value})
        return None


# ---------------------------------------------------------------- policies


@transaction.atomic
def policy_save(
    *,
    by,
    company: Company,
    segment: str = "",
    method: str,
    bucket_set: BucketSet | None = None,
    rates: dict[str, Any] | None = None,
    balance_rate: Any = 0,
    rate_source: str = RateSource.ENTERED,
    lookback_months: int = 12,
    forward_factor: Any = 1,
    accounts: dict[str, str] | None = None,
    single_approval_limit: Any = None,
    check_access: bool = True,
) -> ProvisionPolicy:
    """Create or replace the policy of a company (and segment) after checking every field."""
    if check_access:
        _access(by, company.pk, EDIT_POLICY)
    errors: dict[str, list[str]] = {}
    if segment and segment not in Industry.values:
        errors["segment"] = [_("Unknown segment %(segment)s: use an industry code.") % {"segment": segment}]
    if method not in Method.values:
        errors["method"] = [_("Choose the aging method, the provision matrix or the balance percentage.")]
    if rate_source not in RateSource.values:
        errors["rate_source"] = [_("Rates are entered or derived.")]
    checked_rates: dict[str, Decimal] = {}
    for key, value in (rates or {}).items():
        number = _decimal(value, errors, f"rates.{key}")
        if number is not None:
            checked_rates[key] = number
    if method in (Method.AGING, Method.MATRIX):
        if bucket_set is None:
            errors["bucket_set"] = [_("The aging method and the provision matrix need a bucket set.")]
        elif method == Method.MATRIX and bucket_set.basis != AgingBasis.DUE:
            errors["bucket_set"] = [_("A provision matrix uses days-past-due buckets.")]
        else:
            keys = [b.key for b in bucket_set.buckets.all()]
            for key, reason in domain.rate_problems(keys, checked_rates):
                errors.setdefault(f"rates.{key}", []).append(
                    {
                        "missing": _("Give the rate of bucket %(key)s."),
                        "unknown bucket": _("Bucket %(key)s is not in the bucket set."),
                        "outside 0-100": _("The rate of bucket %(key)s must be between 0 and 100 %%."),
                        "more than 4 decimals": _("The rate of bucket %(key)s has more than 4 decimals."),
                    }[reason]
                    % {"key": key}
                )
    balance = _decimal(balance_rate, errors, "balance_rate")
    if method == Method.BALANCE and balance is not None and domain.rate_problems(["balance"], {"balance": balance}):
        errors.setdefault("balance_rate", []).append(_("The rate must be between 0 and 100 % with 4 decimals."))
    factor = _decimal(forward_factor, errors, "forward_factor")
    if factor is not None and not Decimal(0) < factor <= Decimal(10):
        errors.setdefault("forward_factor", []).append(_("The forward-looking factor must be above 0 and at most 10."))
    if not 1 <= int(lookback_months) <= 120:
        errors["lookback_months"] = [_("Look back between 1 and 120 months.")]
    account_values = {name: (accounts or {}).get(name, "").strip() for name in ACCOUNT_FIELDS}
    for name, value in account_values.items():
        if accounts is not None and not value:
            errors.setdefault(name, []).append(_("Give the account code."))
    limit = None
    if single_approval_limit not in (None, ""):
        try:
            limit = to_minor(to_decimal(single_approval_limit), company.functional_currency)
        except (TypeError, ValueError, ArithmeticError):
            errors["single_approval_limit"] = [_("Enter an amount with at most 2 decimals.")]
        else:
            if limit < 0:
                errors["single_approval_limit"] = [_("The limit cannot be negative.")]
    if errors:
        raise InvalidInput(errors)
    policy = ProvisionPolicy.objects.select_for_update().filter(company=company, segment=segment).first()
    before = policy_json(policy) if policy else None
    if policy is None:
        policy = ProvisionPolicy(company=company, segment=segment)
    policy.method = method
    policy.bucket_set = bucket_set if method != Method.BALANCE else None
    policy.balance_rate = balance if method == Method.BALANCE else Decimal(0)
    policy.rate_source = rate_source if method == Method.MATRIX else RateSource.ENTERED
    policy.lookback_months = int(lookback_months)
    policy.forward_factor = factor
    if accounts is not None:
        for name, value in account_values.items():
            setattr(policy, name, value)
    if limit is not None:
        policy.single_approval_limit = limit
    policy.updated_by = by
    policy.save()
    policy.rates.all().delete()
    if method != Method.BALANCE:
        PolicyRate.objects.bulk_create(
            PolicyRate(policy=policy, bucket_key=k, rate=r) for k, r in checked_rates.items()
        )
    record(
        action="provision_policy.save",
        actor=by,
        target=policy,
        company_id=company.pk,
        object_repr=f"{company.code} {segment or '*'}",
        before=before,
        after=policy_json(policy),
    )
    return policy


def policy_json(policy: ProvisionPolicy) -> dict:
    """A policy as the JSON of ``ardesk provision policy export`` (docs/provisioning.md)."""
    rates = {r.bucket_key: str(r.rate) for r in PolicyRate.objects.filter(policy=policy).order_by("id")}
    return {
        "segment": policy.segment,
        "method": policy.method,
        "bucket_set": policy.bucket_set.code if policy.bucket_set_id else None,
        "rates": rates,
        "balance_rate": str(policy.balance_rate),
        "rate_source": policy.rate_source,
        "lookback_months": policy.lookback_months,
        "forward_factor": str(policy.forward_factor),
        "accounts": {name: getattr(policy, name) for name in ACCOUNT_FIELDS},
        "single_approval_limit": str(from_minor(policy.single_approval_limit, policy.company.functional_currency)),
    }


EXPORT_FORMAT = "ardesk.provision-policy"


def policies_export(*, company: Company) -> dict:
    return {
        "format": EXPORT_FORMAT,
        "version": 1,
        "company": company.code,
        "policies": [policy_json(p) for p in ProvisionPolicy.objects.filter(company=company).order_by("segment")],
    }


@transaction.atomic
def policies_import(*, by, company: Company, data: Any) -> list[ProvisionPolicy]:
    """Replace the company's policies by those of an export; all or nothing, errors name the policy and field."""
    _access(by, company.pk, EDIT_POLICY)
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT or not isinstance(data.get("policies"), list):
        raise InvalidInput({"file": [_("This is not an ARdesk provision policy export.")]})
    if data.get("version") != 1:
        raise InvalidInput({"version": [_("Unsupported version %(v)s.") % {"v": data.get("version")}]})
    saved = []
    errors: dict[str, list[str]] = {}
    segments = set()
    for n, spec in enumerate(data["policies"], start=1):
        where = f"policies[{n}]"
        if not isinstance(spec, dict):
            errors[where] = [_("Each policy is an object.")]
            continue
        segment = spec.get("segment") or ""
        if segment in segments:
            errors[f"{where}.segment"] = [_("Segment %(s)s appears twice.") % {"s": segment or "*"}]
            continue
        segments.add(segment)
        bucket_set = None
        if spec.get("bucket_set"):
            bucket_set = BucketSet.objects.filter(code=spec["bucket_set"]).prefetch_related("buckets").first()
            if bucket_set is None:
                errors[f"{where}.bucket_set"] = [_("No bucket set %(code)s here.") % {"code": spec["bucket_set"]}]
                continue
        try:
            with transaction.atomic():
                saved.append(
                    policy_save(
                        by=by,
                        company=company,
                        segment=segment,
                        method=spec.get("method", ""),
                        bucket_set=bucket_set,
                        rates=spec.get("rates") or {},
                        balance_rate=spec.get("balance_rate", "0"),
                        rate_source=spec.get("rate_source", RateSource.ENTERED),
                        lookback_months=int(spec.get("lookback_months", 12)),
                        forward_factor=spec.get("forward_factor", "1"),
                        accounts=spec.get("accounts"),
                        single_approval_limit=spec.get("single_approval_limit"),
                        check_access=False,
                    )
                )
        except InvalidInput as exc:
            for name, messages in exc.errors.items():
                errors[f"{where}.{name}"] = messages
    if not any(not s for s in segments) and not errors:
        errors["policies"] = [_("One policy must have no segment: it covers every other customer.")]
    if errors:
        raise InvalidInput(errors)
    ProvisionPolicy.objects.filter(company=company).exclude(segment__in=segments).delete()
    return saved


@transaction.atomic
def policy_derive(*, by, policy: ProvisionPolicy, as_of: dt.date) -> domain.Derivation:
    """Derive a matrix's loss rates from the month-end snapshots and later write-offs, and keep every step."""
    _access(by, policy.company_id, EDIT_POLICY)
    policy = (
        ProvisionPolicy.objects.select_for_update(of=("self",))
        .select_related("bucket_set", "company")
        .get(pk=policy.pk)
    )
    if policy.method != Method.MATRIX or policy.bucket_set is None:
        raise ProvisioningError(_("Only a provision matrix derives its rates from history."))
    keys = [b.key for b in policy.bucket_set.buckets.all()]
    observations = selectors.loss_observations(
        company_id=policy.company_id,
        bucket_set=policy.bucket_set,
        as_of=as_of,
        lookback_months=policy.lookback_months,
    )
    if not observations:
        raise ProvisioningError(
            _("No month-end aging snapshots of %(set)s in the %(n)s months before %(date)s: take them first.")
            % {"set": policy.bucket_set.code, "n": policy.lookback_months, "date": as_of.isoformat()}
        )
    derivation = domain.derive_loss_rates(keys, observations, policy.forward_factor)
    before = {r.bucket_key: str(r.rate) for r in policy.rates.all()}
    policy.rates.all().delete()
    PolicyRate.objects.bulk_create(PolicyRate(policy=policy, bucket_key=k, rate=derivation.rates[k]) for k in keys)
    policy.rate_source = RateSource.DERIVED
    policy.derivation = derivation_json(derivation, as_of, policy.lookback_months, policy.company.functional_currency)
    policy.updated_by = by
    policy.save()
    record(
        action="provision_policy.derive",
        actor=by,
        target=policy,
        company_id=policy.company_id,
        before={"rates": before},
        after={"rates": {k: str(v) for k, v in derivation.rates.items()}, "as_of": as_of},
    )
    return derivation


def derivation_json(derivation: domain.Derivation, as_of: dt.date, lookback: int, currency: str) -> dict:
    def money(minor: int) -> str:
        return str(from_minor(minor, currency))

    return {
        "as_of": as_of.isoformat(),
        "lookback_months": lookback,
        "forward_factor": str(derivation.factor),
        "currency": currency,
        "keys": derivation.keys,
        "observations": [
            {
                "as_of": o.as_of,
                "balances": {k: money(o.balances.get(k, 0)) for k in derivation.keys},
                "written_off": {k: money(o.written_off.get(k, 0)) for k in derivation.keys},
            }
            for o in derivation.observations
        ],
        "balance_totals": {k: money(v) for k, v in derivation.balance_totals.items()},
        "written_off_totals": {k: money(v) for k, v in derivation.written_off_totals.items()},
        "historical_rates": {k: str(v) for k, v in derivation.historical.items()},
        "rates": {k: str(v) for k, v in derivation.rates.items()},
    }


# ---------------------------------------------------------------- specific provisions


@transaction.atomic
def specific_provision_create(
    *,
    by,
    customer: Customer,
    reason: str,
    document: Document | None = None,
    rate: Any = None,
    amount: Any = None,
) -> SpecificProvision:
    """Provision a named customer or item on its own (单项计提), at a rate or a chosen amount, with a reason."""
    _access(by, customer.company_id, EDIT_SPECIFIC)
    errors: dict[str, list[str]] = {}
    currency = customer.company.functional_currency
    if not (reason or "").strip():
        errors["reason"] = [_("Say why this customer or item is provisioned on its own.")]
    if (rate in (None, "")) == (amount in (None, "")):
        errors["rate"] = [_("Give either a rate or an amount.")]
    rate_value = _decimal(rate, errors, "rate") if rate not in (None, "") else None
    if rate_value is not None and domain.rate_problems(["r"], {"r": rate_value}):
        errors.setdefault("rate", []).append(_("The rate must be between 0 and 100 % with 4 decimals."))
    amount_minor = None
    if amount not in (None, ""):
        try:
            amount_minor = to_minor(to_decimal(amount), currency)
        except (TypeError, ValueError, ArithmeticError):
            errors["amount"] = [_("Enter an amount with at most 2 decimals.")]
        else:
            if amount_minor <= 0:
                errors["amount"] = [_("The amount must be positive.")]
    if document is not None and document.customer_id != customer.pk:
        errors["document"] = [_("%(doc)s is not this customer's.") % {"doc": document}]
    existing = SpecificProvision.objects.filter(customer=customer, is_active=True)
    if existing.filter(document__isnull=True).exists() or (document is None and existing.exists()):
        errors.setdefault("customer", []).append(
            _("Customer %(code)s already has a specific provision: end it first.") % {"code": customer.code}
        )
    elif document is not None and existing.filter(document=document).exists():
        errors.setdefault("document", []).append(_("This item already has a specific provision."))
    if errors:
        raise InvalidInput(errors)
    provision = SpecificProvision.objects.create(
        company_id=customer.company_id,
        customer=customer,
        document=document,
        rate=rate_value,
        amount=amount_minor,
        reason=reason.strip(),
        created_by=by,
    )
    record(
        action="specific_provision.create",
        actor=by,
        target=provision,
        company_id=customer.company_id,
        object_repr=f"{customer.code} {document.number if document else ''}".strip(),
        after={
            "rate": rate_value,
            "amount": amount,
            "reason": reason,
            "document": document.number if document else None,
        },
    )
    return provision


@transaction.atomic
def specific_provision_end(*, by, provision: SpecificProvision) -> SpecificProvision:
    """End a specific provision: from the next run the customer or item is back in the portfolio."""
    _access(by, provision.company_id, EDIT_SPECIFIC)
    provision = SpecificProvision.objects.select_for_update().get(pk=provision.pk)
    if provision.is_active:
        provision.is_active = False
        provision.save(update_fields=["is_active"])
        record(action="specific_provision.end", actor=by, target=provision, company_id=provision.company_id)
    return provision


# ---------------------------------------------------------------- the month-end run


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

    def stage(self, portfolios: list[selectors.Portfolio]) -> dict[int, int]:
        """Read the portfolios' balances per customer and bucket; return each bucket's total."""
        sql, params = selectors.customer_balances_sql(portfolios)
        self.cursor.execute(
            f"CREATE TEMP TABLE {self.table}"
            " (customer_id BIGINT NOT NULL, bucket INTEGER NOT NULL, balance BIGINT NOT NULL)"
        )
        self.cursor.execute(f"INSERT INTO {self.table} (customer_id, bucket, balance) {sql}", params)  # noqa: S608
        self.cursor.execute(f"SELECT bucket, CAST(SUM(balance) AS BIGINT) FROM {self.table} GROUP BY bucket")  # noqa: S608
        return {bucket: int(total) for bucket, total in self.cursor.fetchall()}

    def store_shares(self, *, run_id: int, buckets: list[selectors.BucketShare]) -> None:
        """Store every customer's share of every bucket's allowance as the run's lines, in one statement."""
        shares, params = selectors.apportion_sql(
            f"SELECT customer_id, bucket, balance FROM {self.table}",  # noqa: S608
            [],
            [b for b in buckets if b.total or b.required],
        )
        meta = RunLine._meta
        quote = connection.ops.quote_name
        columns = ", ".join(
            quote(meta.get_field(name).column)
            for name in ("run", "bucket", "customer", "document", "balance", "required", "reason")
        )
        self.cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} ({columns})"  # noqa: S608
            f" SELECT %s, a.bucket_id, a.customer_id, NULL, a.balance, a.share, '' FROM ({shares}) a",
            [run_id, *params],
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


def month_end(period: str) -> dt.date:
    """The last day of a period written YYYY-MM."""
    try:
        first = dt.date.fromisoformat(f"{period}-01")
    except ValueError:
        raise InvalidInput({"period": [_("Write the period as YYYY-MM.")]}) from None
    return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


@transaction.atomic
def run_prepare(*, by, company: Company, as_of: dt.date) -> ProvisionRun:
    """Prepare the month-end run of a company as a draft; an earlier draft of the same period is replaced.

    The open balance per customer and bucket is read once, into a temporary table: the bucket
    totals (and so the allowances rounded from them) and the customers' shares come from the same
    reading of the ledger, so the shares add up to the buckets even while invoices are posted.
    Each customer's share is apportioned and stored by the database (one row per customer and
    bucket, a few hundred thousand for 100,000 customers): no row passes through Python.
    """
    _access(by, company.pk, PREPARE_RUN)
    Company.objects.select_for_update().get(pk=company.pk)
    later = ProvisionRun.objects.filter(company=company, status=RunStatus.APPROVED, as_of__gt=as_of).first()
    if later is not None:
        raise ProvisioningError(
            _("The run of %(later)s is already approved: periods are provisioned in order.")
            % {"later": later.as_of.isoformat()}
        )
    with _staged_balances() as staging:
        figures = run_compute(company=company, as_of=as_of, balances=staging.stage)
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
        staging.store_shares(
            run_id=run.pk,
            buckets=[
                selectors.BucketShare(bucket=n, bucket_id=row.pk, required=figure.required, total=figure.balance)
                for n, (row, figure) in enumerate(zip(stored, figures.buckets, strict=True))
            ],
        )
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
        },
    )
    return run


def _next_number(company_id: int, prefix: str, on: dt.date) -> str:
    count = JournalEntry.objects.filter(company_id=company_id, number__startswith=f"{prefix}{on:%Y%m}-").count()
    return f"{prefix}{on:%Y%m}-{count + 1:04d}"


def _book(
    *,
    by,
    company: Company,
    on: dt.date,
    kind: str,
    description: str,
    lines: list[domain.JournalLineSpec],
    **links,
) -> JournalEntry:
    policy = selectors.company_policy(company.pk)
    accounts = {
        "loss": policy.loss_account if policy else "6702",
        "allowance": policy.allowance_account if policy else "1231",
        "receivable": policy.receivable_account if policy else "1122",
        "bank": policy.bank_account if policy else "1002",
    }
    entry = JournalEntry.objects.create(
        company=company,
        number=_next_number(company.pk, "BD", on),
        on=on,
        kind=kind,
        currency=company.functional_currency,
        description=description[:300],
        created_by=by,
        **links,
    )
    JournalLine.objects.bulk_create(
        JournalLine(
            entry=entry,
            seq=n,
            role=spec.role,
            account=accounts[spec.role],
            debit=spec.debit,
            credit=spec.credit,
            memo=spec.memo[:200],
        )
        for n, spec in enumerate(lines, start=1)
    )
    return entry


@transaction.atomic
def run_approve(*, by, run: ProvisionRun) -> ProvisionRun:
    """Approve a draft run (maker-checker: not by its preparer) and book its entry; it is immutable after."""
    _access(by, run.company_id, APPROVE_RUN)
    company = Company.objects.select_for_update().get(pk=run.company_id)
    run = ProvisionRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RunStatus.DRAFT:
        raise ProvisioningError(
            _("Run %(run)s is %(status)s: only a draft can be approved.")
            % {"run": run, "status": run.get_status_display()}
        )
    if run.prepared_by_id == by.pk:
        raise NotPermitted(_("You prepared this run: another finance manager approves it."))
    if ProvisionRun.objects.filter(company=company, status=RunStatus.APPROVED, as_of__gt=run.as_of).exists():
        raise ProvisioningError(_("A later period is already approved: prepare this period's run again."))
    booked = selectors.allowance_booked(company_id=company.pk, as_of=run.as_of)
    if booked != run.booked:
        raise ProvisioningError(
            _("The allowance booked changed since the run was prepared (%(then)s, now %(now)s): prepare it again.")
            % {"then": from_minor(run.booked, run.currency), "now": from_minor(booked, run.currency)}
        )
    lines = domain.provision_entry(run.difference)
    if lines:
        _book(
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
    _access(by, company.pk, APPROVE_RUN)
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
    entry = _book(
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


# ---------------------------------------------------------------- write-offs and recoveries


def _write_off_number(company_id: int, on: dt.date) -> str:
    count = WriteOff.objects.filter(company_id=company_id, number__startswith=f"WO{on:%Y%m}-").count()
    return f"WO{on:%Y%m}-{count + 1:04d}"


@transaction.atomic
def write_off_request(
    *,
    by,
    customer: Customer,
    on: dt.date,
    reason: str,
    document: Document | None = None,
    currency: str | None = None,
    amounts: dict[int, Any] | None = None,
) -> WriteOff:
    """Ask to write off a customer's open items (or one document's) as bad debt (核销), for approval.

    Without ``amounts`` (line id → amount) every open item is written off in full.
    """
    _access(by, customer.company_id, REQUEST_WRITE_OFF)
    company = customer.company
    currency = (currency or (document.currency if document else company.functional_currency)).upper()
    errors: dict[str, list[str]] = {}
    if not (reason or "").strip():
        errors["reason"] = [_("Say why the amount cannot be collected.")]
    lines = [
        line
        for line in selectors.open_lines_of(
            customer_id=customer.pk, company_id=company.pk, document_id=document.pk if document else None
        )
        if line.currency == currency
    ]
    pending = set(
        WriteOffItem.objects.filter(line__in=lines, write_off__status=WriteOffStatus.REQUESTED).values_list(
            "line_id", flat=True
        )
    )
    chosen: list[tuple[DueLine, int]] = []
    for line in lines:
        if amounts is not None and line.pk not in amounts:
            continue
        minor = line.open_now
        if amounts is not None:
            try:
                minor = to_minor(to_decimal(amounts[line.pk]), currency)
            except (TypeError, ValueError, ArithmeticError):
                errors.setdefault(f"amounts.{line.pk}", []).append(_("Enter an amount."))
                continue
            if not 0 < minor <= line.open_now:
                errors.setdefault(f"amounts.{line.pk}", []).append(
                    _("%(doc)s: write off more than 0 and at most the open %(open)s.")
                    % {"doc": line.document.number, "open": from_minor(line.open_now, currency)}
                )
        if line.pk in pending:
            errors.setdefault("items", []).append(
                _("%(doc)s is already in a write-off awaiting approval.") % {"doc": line.document.number}
            )
        if line.issue_on > on:
            errors.setdefault("on", []).append(
                _("%(doc)s is dated after the write-off date.") % {"doc": line.document.number}
            )
        chosen.append((line, minor))
    if amounts is not None:
        for line_id in set(amounts) - {line.pk for line in lines}:
            errors.setdefault(f"amounts.{line_id}", []).append(
                _("Not an open item of this customer in %(c)s.") % {"c": currency}
            )
    if not chosen and not errors:
        errors["items"] = [
            _("Customer %(code)s has no open %(c)s items to write off.") % {"code": customer.code, "c": currency}
        ]
    if errors:
        raise InvalidInput(errors)
    total = sum(minor for _line, minor in chosen)
    functional = sum(minor * line.functional_amount // line.amount for line, minor in chosen)
    policy = selectors.company_policy(company.pk)
    limit = policy.single_approval_limit if policy else 0
    try:
        with transaction.atomic():
            write_off = WriteOff.objects.create(
                company=company,
                customer=customer,
                number=_write_off_number(company.pk, on),
                on=on,
                currency=currency,
                amount=total,
                reason=reason.strip(),
                approvals_required=domain.approvals_needed(functional, limit),
                requested_by=by,
            )
    except IntegrityError:
        raise ProvisioningError(_("Another write-off took this number at the same moment: try again.")) from None
    WriteOffItem.objects.bulk_create(WriteOffItem(write_off=write_off, line=line, amount=m) for line, m in chosen)
    record(
        action="write_off.request",
        actor=by,
        target=write_off,
        company_id=company.pk,
        object_repr=f"{customer.code} {write_off.number}",
        after={
            "amount": str(from_minor(total, currency)),
            "currency": currency,
            "items": [line.document.number for line, _m in chosen],
            "reason": reason,
            "approvals_required": write_off.approvals_required,
        },
    )
    return write_off


@transaction.atomic
def write_off_approve(*, by, write_off: WriteOff) -> WriteOff:
    """Approve a write-off; with the last approval needed it is posted to the ledger and booked.

    The write-off posts a credit document allocated to the written-off items: they leave the open
    balance and every report, and stay traceable through the document and this record.
    """
    _access(by, write_off.company_id, APPROVE_WRITE_OFF)
    company = Company.objects.select_for_update().get(pk=write_off.company_id)
    write_off = WriteOff.objects.select_for_update().select_related("customer").get(pk=write_off.pk)
    if write_off.status != WriteOffStatus.REQUESTED:
        raise ProvisioningError(_("Write-off %(n)s is not awaiting approval.") % {"n": write_off.number})
    if write_off.requested_by_id == by.pk:
        raise NotPermitted(_("You requested this write-off: someone else approves it."))
    if write_off.approvals.filter(approved_by=by).exists():
        raise NotPermitted(_("You approved this write-off already: a second approver is needed."))
    WriteOffApproval.objects.create(write_off=write_off, approved_by=by)
    done = write_off.approvals.count() >= write_off.approvals_required
    if done:
        try:
            _post_write_off(by=by, company=company, write_off=write_off)
        except (LedgerError, InvalidInput) as exc:
            raise ProvisioningError(
                _("Write-off %(n)s cannot be posted: %(reason)s") % {"n": write_off.number, "reason": exc.message}
            ) from exc
    record(
        action="write_off.approve",
        actor=by,
        target=write_off,
        company_id=company.pk,
        object_repr=f"{write_off.customer.code} {write_off.number}",
        after={"approvals": write_off.approvals.count(), "posted": done},
    )
    return write_off


def _post_write_off(*, by, company: Company, write_off: WriteOff) -> None:
    document = ledger.document_post(
        by=by,
        company=company,
        customer=write_off.customer,
        doc_type=DocumentType.WRITE_OFF,
        number=write_off.number,
        issue_on=write_off.on,
        currency=write_off.currency,
        amount=from_minor(write_off.amount, write_off.currency),
        description=write_off.reason[:300],
        check_access=False,
    )
    functional_total = 0
    for item in write_off.items.select_related("line"):
        allocation = ledger.allocation_create(
            by=by,
            source=document,
            line=item.line,
            amount=from_minor(item.amount, write_off.currency),
            on=write_off.on,
            check_access=False,
        )
        item.functional_amount = allocation.functional_amount
        item.save(update_fields=["functional_amount"])
        functional_total += allocation.functional_amount
    write_off.functional_amount = functional_total
    write_off.document = document
    write_off.status = WriteOffStatus.APPROVED
    write_off.save(update_fields=["functional_amount", "document", "status"])
    _book(
        by=by,
        company=company,
        on=write_off.on,
        kind=EntryKind.WRITE_OFF,
        description=_("Bad debt written off %(n)s, %(customer)s")
        % {"n": write_off.number, "customer": write_off.customer.code},
        lines=domain.write_off_entry(functional_total),
        write_off=write_off,
    )


@transaction.atomic
def write_off_reject(*, by, write_off: WriteOff, reason: str) -> WriteOff:
    _access(by, write_off.company_id, APPROVE_WRITE_OFF)
    write_off = WriteOff.objects.select_for_update().get(pk=write_off.pk)
    if write_off.status != WriteOffStatus.REQUESTED:
        raise ProvisioningError(_("Write-off %(n)s is not awaiting approval.") % {"n": write_off.number})
    if not (reason or "").strip():
        raise InvalidInput({"reason": [_("Say why the write-off is rejected.")]})
    write_off.status = WriteOffStatus.REJECTED
    write_off.rejected_by = by
    write_off.rejection_reason = reason.strip()[:300]
    write_off.save(update_fields=["status", "rejected_by", "rejection_reason"])
    record(
        action="write_off.reject", actor=by, target=write_off, company_id=write_off.company_id, after={"reason": reason}
    )
    return write_off


@transaction.atomic
def recovery_record(
    *,
    by,
    write_off: WriteOff,
    on: dt.date,
    amount: Any,
    receipt: Document | None = None,
    receipt_number: str = "",
) -> Recovery:
    """Record cash received on a written-off amount: reinstate it (a debit) and collect it (a receipt).

    The receipt is one already in the ledger (from the ERP) or a new one posted here.
    """
    _access(by, write_off.company_id, RECORD_RECOVERY)
    company = Company.objects.select_for_update().get(pk=write_off.company_id)
    write_off = WriteOff.objects.select_for_update().select_related("customer").get(pk=write_off.pk)
    errors: dict[str, list[str]] = {}
    if write_off.status != WriteOffStatus.APPROVED:
        raise ProvisioningError(_("Only an approved write-off can be recovered."))
    try:
        minor = to_minor(to_decimal(amount), write_off.currency)
    except (TypeError, ValueError, ArithmeticError):
        raise InvalidInput({"amount": [_("Enter an amount.")]}) from None
    recovered = sum(r.amount for r in write_off.recoveries.all())
    if not 0 < minor <= write_off.amount - recovered:
        errors["amount"] = [
            _("Recover more than 0 and at most the %(left)s %(c)s still written off.")
            % {"left": from_minor(write_off.amount - recovered, write_off.currency), "c": write_off.currency}
        ]
    if on < write_off.on:
        errors["on"] = [_("A recovery cannot be dated before the write-off.")]
    if receipt is None and not (receipt_number or "").strip():
        errors["receipt_number"] = [_("Choose the receipt or give the number of a new one.")]
    if receipt is not None and (
        receipt.customer_id != write_off.customer_id
        or receipt.doc_type != DocumentType.RECEIPT
        or receipt.status != DocumentStatus.POSTED
    ):
        errors["receipt"] = [_("The receipt must be a posted receipt of the same customer.")]
    if errors:
        raise InvalidInput(errors)
    n = write_off.recoveries.count() + 1
    value = from_minor(minor, write_off.currency)
    try:
        reinstatement = ledger.document_post(
            by=by,
            company=company,
            customer=write_off.customer,
            doc_type=DocumentType.RECOVERY,
            number=f"{write_off.number}-R{n}",
            issue_on=on,
            due_on=on,
            currency=write_off.currency,
            amount=value,
            description=_("Recovery of %(n)s") % {"n": write_off.number},
            check_access=False,
        )
        posted_here = receipt is None
        if posted_here:
            receipt = ledger.document_post(
                by=by,
                company=company,
                customer=write_off.customer,
                doc_type=DocumentType.RECEIPT,
                number=receipt_number.strip(),
                issue_on=on,
                currency=write_off.currency,
                amount=value,
                reference=reinstatement.number,
                check_access=False,
            )
        ledger.allocation_create(
            by=by, source=receipt, line=reinstatement.lines.get(), amount=value, on=on, check_access=False
        )
    except LedgerError as exc:
        raise ProvisioningError(exc.message) from exc
    recovery = Recovery.objects.create(
        write_off=write_off,
        company=company,
        on=on,
        amount=minor,
        functional_amount=reinstatement.functional_amount,
        reinstatement=reinstatement,
        receipt=receipt,
        receipt_posted_here=posted_here,
        recorded_by=by,
    )
    for n_entry, lines in enumerate(
        domain.recovery_entries(reinstatement.functional_amount, collected_here=posted_here)
    ):
        _book(
            by=by,
            company=company,
            on=on,
            kind=EntryKind.RECOVERY,
            description=(_("Written-off %(n)s reinstated") if n_entry == 0 else _("Written-off %(n)s collected"))
            % {"n": write_off.number},
            lines=lines,
            recovery=recovery,
        )
    record(
        action="write_off.recover",
        actor=by,
        target=write_off,
        company_id=company.pk,
        object_repr=f"{write_off.customer.code} {write_off.number}",
        after={"amount": str(value), "on": on, "receipt": receipt.number, "receipt_posted_here": posted_here},
    )
    return recovery
