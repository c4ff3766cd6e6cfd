"""Dunning policies (催收策略) and their levels, and a customer's own dunning: its policy, a block."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ardesk.audit.services import record
from ardesk.collections import domain
from ardesk.collections.models import CollectionProfile, DunningLevel, DunningPolicy, Notice, PolicyGrade
from ardesk.companies.access import ensure_company_access, ensure_permission
from ardesk.companies.models import Company
from ardesk.core.errors import InvalidInput
from ardesk.core.money import to_minor
from ardesk.customers.models import Customer

AMOUNT_FIELDS = ("min_amount", "fee", "interest_rate")
LEVEL_AUDIT = ("seq", "days", "channel", "min_amount", "fee", "interest_rate")


def _levels_audit(policy: DunningPolicy) -> list[dict]:
    """The levels as the audit trail keeps them: amounts and rates as text."""
    return [
        {key: str(value) if key in ("min_amount", "fee", "interest_rate") else value for key, value in level.items()}
        for level in policy.levels.values(*LEVEL_AUDIT)
    ]


def _policy_company(*, by, spec: domain.PolicySpec, policy: DunningPolicy | None) -> Company | None:
    """The company a policy is to belong to (None: shared), after checking that ``by`` may set it.

    A policy of one company is changed only by someone who may see that company, and it stays with
    it; its amounts must fit the company's currency; the default policy is shared by every company.
    """
    if policy is not None and policy.company_id is not None and by is not None:
        ensure_company_access(by, policy.company_id)
    if not spec.company:
        return None
    company = Company.objects.filter(code=spec.company).first()
    if company is None:
        raise InvalidInput(
            {"company": [_("Policy %(code)s: no company %(company)s.") % {"code": spec.code, "company": spec.company}]}
        )
    if by is not None:
        ensure_company_access(by, company.pk)
    if spec.is_default:
        raise InvalidInput(
            {"is_default": [_("Policy %(code)s: the default policy is shared by every company.") % {"code": spec.code}]}
        )
    for level in spec.levels:
        for name in ("min_amount", "fee"):
            try:
                to_minor(getattr(level, name), company.functional_currency)
            except ValueError:
                raise InvalidInput(
                    {
                        name: [
                            _("Policy %(code)s, level %(seq)d: %(field)s has more decimals than %(currency)s allows.")
                            % {
                                "code": spec.code,
                                "seq": level.seq,
                                "field": name,
                                "currency": company.functional_currency,
                            }
                        ]
                    }
                ) from None
    return company


def profile_of(customer: Customer, *, lock: bool = False) -> CollectionProfile:
    """The customer's collection profile (its policy, block, legal case flag), made on first use; locked if asked."""
    CollectionProfile.objects.get_or_create(customer=customer)
    profiles = CollectionProfile.objects.select_for_update() if lock else CollectionProfile.objects
    return profiles.get(customer=customer)


@transaction.atomic
def policies_import(*, by, data) -> list[DunningPolicy]:
    """Create or replace policies from their JSON form; all or nothing, every problem named."""
    if by is not None:
        ensure_permission(by, "collections.change_dunningpolicy")
    specs, problems = domain.parse_policies(data)
    if problems:
        raise InvalidInput({"policies": problems})
    policies = []
    for spec in specs:
        existing_policy = DunningPolicy.objects.select_for_update().filter(code=spec.code).first()
        company = _policy_company(by=by, spec=spec, policy=existing_policy)
        policy, created = DunningPolicy.objects.select_for_update().get_or_create(
            code=spec.code, defaults={"name": spec.name}
        )
        before = (
            None
            if created
            else {
                "company": policy.company_id,
                "interest_basis": policy.interest_basis,
                "levels": _levels_audit(policy),
            }
        )
        if spec.is_default:
            DunningPolicy.objects.filter(is_default=True).exclude(pk=policy.pk).update(is_default=False)
        policy.name, policy.name_zh = spec.name, spec.name_zh
        policy.min_days_between = spec.min_days_between
        policy.company = company
        policy.interest_basis = spec.interest_basis
        policy.is_default = spec.is_default or (policy.is_default and not any(s.is_default for s in specs))
        policy.save()
        existing = {level.seq: level for level in policy.levels.all()}
        for level in spec.levels:
            values = {
                "name": level.name,
                "name_zh": level.name_zh,
                "days": level.days,
                "channel": level.channel,
                "min_amount": level.min_amount,
                "fee": level.fee,
                "interest_rate": level.interest_rate,
                "subject_en": level.subject_en,
                "body_en": level.body_en,
                "subject_zh": level.subject_zh,
                "body_zh": level.body_zh,
            }
            if level.seq in existing:
                DunningLevel.objects.filter(pk=existing[level.seq].pk).update(**values)
            else:
                DunningLevel.objects.create(policy=policy, seq=level.seq, **values)
        extra = [seq for seq in existing if seq > len(spec.levels)]
        if extra:
            # Levels already used by notices stay (a notice keeps its level); an unused one goes.
            DunningLevel.objects.filter(policy=policy, seq__in=extra).filter(
                ~Q(pk__in=Notice.objects.values("level_id"))
            ).delete()
            if DunningLevel.objects.filter(policy=policy, seq__in=extra).exists():
                raise InvalidInput(
                    {
                        "levels": [
                            _("Policy %(code)s: levels already used by notices cannot be removed.")
                            % {"code": spec.code}
                        ]
                    }
                )
        PolicyGrade.objects.filter(policy=policy).exclude(grade__in=spec.grades).delete()
        for grade in spec.grades:
            PolicyGrade.objects.update_or_create(grade=grade, defaults={"policy": policy})
        record(
            action="dunning.policy.import",
            actor=by,
            target=policy,
            before=before,
            after={
                "company": policy.company_id,
                "interest_basis": policy.interest_basis,
                "levels": _levels_audit(policy),
                "grades": list(spec.grades),
            },
        )
        policies.append(policy)
    return policies


@transaction.atomic
def policy_level_update(*, by, policy: DunningPolicy, seq: int, values: dict) -> DunningPolicy:
    """Change one level of a policy on the screen: the policy as the import reads it, with that level's new values.

    The import's checks (level order, channel, amounts, merge fields) and its audit apply as they are.
    """
    from ardesk.collections.selectors import policies_json

    spec = next((p for p in policies_json()["policies"] if p["code"] == policy.code), None)
    if spec is None or not 1 <= seq <= len(spec["levels"]):
        raise InvalidInput({"level": [_("This policy has no level %(seq)s.") % {"seq": seq}]})
    level = spec["levels"][seq - 1]
    level.update({key: str(value) if key in AMOUNT_FIELDS else value for key, value in values.items()})
    return policies_import(by=by, data={"policies": [spec]})[0]


def customer_policy_set(*, by, customer: Customer, policy: DunningPolicy | None) -> CollectionProfile:
    """Give a customer its own policy, or none (it then follows its grade or the default)."""
    ensure_permission(by, "collections.change_collectionprofile")
    ensure_company_access(by, customer.company_id)
    if policy is not None and policy.company_id not in (None, customer.company_id):
        raise InvalidInput(
            {"policy": [_("Policy %(code)s belongs to another company than the customer's.") % {"code": policy.code}]}
        )
    profile = profile_of(customer, lock=True)
    before = {"policy": profile.policy_id}
    profile.policy = policy
    profile.save(update_fields=["policy", "updated_at"])
    record(
        action="dunning.policy.assign", actor=by, target=customer, before=before, after={"policy": policy and policy.pk}
    )
    return profile


@transaction.atomic
def customer_dunning_block(*, by, customer: Customer, blocked: bool, reason: str = "") -> CollectionProfile:
    """Stop (or restart) all dunning of a customer, with a reason; audited."""
    ensure_permission(by, "collections.hold_customer")
    ensure_company_access(by, customer.company_id)
    if blocked and not reason.strip():
        raise InvalidInput({"reason": [_("Give a reason for blocking dunning.")]})
    profile = profile_of(customer, lock=True)
    before = {"dunning_blocked": profile.dunning_blocked, "reason": profile.block_reason}
    profile.dunning_blocked, profile.block_reason = blocked, reason.strip() if blocked else ""
    profile.save(update_fields=["dunning_blocked", "block_reason", "updated_at"])
    record(
        action="dunning.block",
        actor=by,
        target=customer,
        before=before,
        after={"dunning_blocked": blocked, "reason": reason.strip()},
    )
    return profile
