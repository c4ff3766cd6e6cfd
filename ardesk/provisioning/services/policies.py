"""Policies of the bad-debt context: how a company provisions, their export and import, derived rates, and
specific provisions (单项计提).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.companies.models import Company
from ardesk.core.errors import InvalidInput
from ardesk.core.money import from_minor, to_decimal, to_minor
from ardesk.customers.models import Customer, Industry
from ardesk.ledger.models import Document
from ardesk.provisioning import domain, selectors
from ardesk.provisioning.access import EDIT_POLICY, EDIT_SPECIFIC, ensure_access
from ardesk.provisioning.errors import ProvisioningError
from ardesk.provisioning.models import Method, PolicyRate, ProvisionPolicy, RateSource, SpecificProvision
from ardesk.reports.models import AgingBasis, BucketSet

ACCOUNT_FIELDS = ("loss_account", "allowance_account", "receivable_account", "bank_account")


def _decimal(value: Any, errors: dict, name: str) -> Decimal | None:
    try:
        return to_decimal(value)
    except (TypeError, ValueError, ArithmeticError):
        errors.setdefault(name, []).append(_("%(value)s is not a number.") % {"value": value})
        return None


def _months(value: Any, errors: dict, name: str) -> int | None:
    """A whole number of months (12, "12", 12.0), or None with the reason under ``name``."""
    number = None
    if not isinstance(value, bool) and isinstance(value, int | str | Decimal | float):
        try:
            number = Decimal(str(value).strip())
        except ArithmeticError:
            number = None
    if number is None or not number.is_finite() or number != number.to_integral_value():
        errors.setdefault(name, []).append(
            _("%(value)s is not a whole number of months.") % {"value": value if value not in (None, "") else "—"}
        )
        return None
    return int(number)


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
    lookback_months: Any = 12,
    forward_factor: Any = 1,
    accounts: dict[str, str] | None = None,
    single_approval_limit: Any = None,
    check_access: bool = True,
) -> ProvisionPolicy:
    """Create or replace the policy of a company (and segment) after checking every field."""
    if check_access:
        ensure_access(by, company.pk, EDIT_POLICY)
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
    lookback = _months(lookback_months, errors, "lookback_months")
    if lookback is not None and not 1 <= lookback <= 120:
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
    policy.lookback_months = lookback
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
    ensure_access(by, company.pk, EDIT_POLICY)
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
                        lookback_months=spec.get("lookback_months", 12),
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
    ensure_access(by, policy.company_id, EDIT_POLICY)
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
    ensure_access(by, customer.company_id, EDIT_SPECIFIC)
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
    ensure_access(by, provision.company_id, EDIT_SPECIFIC)
    provision = SpecificProvision.objects.select_for_update().get(pk=provision.pk)
    if provision.is_active:
        provision.is_active = False
        provision.save(update_fields=["is_active"])
        record(action="specific_provision.end", actor=by, target=provision, company_id=provision.company_id)
    return provision
